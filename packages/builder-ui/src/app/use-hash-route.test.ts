import { describe, expect, it } from 'vitest';
import { hashOf, routeOf, type Route } from './use-hash-route.ts';

describe('the console routes', () => {
  it('should read every screen from the hash and write it back', () => {
    const routes: Route[] = [
      { screen: 'workflows' },
      { screen: 'editor', workflowId: 'order-lifecycle' },
      { screen: 'instances' },
      { screen: 'instance', instanceId: 'order-lifecycle:A/1 #2:1' },
      { screen: 'inbox' },
      { screen: 'knowledge' },
      { screen: 'quality' },
    ];
    for (const route of routes) expect(routeOf(hashOf(route))).toEqual(route);
  });

  it('should show the journeys for an empty or unknown hash', () => {
    expect(routeOf('')).toEqual({ screen: 'workflows' });
    expect(routeOf('#/nowhere/x')).toEqual({ screen: 'workflows' });
  });
});
