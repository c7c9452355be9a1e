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
      { screen: 'analytics' },
      { screen: 'editor', workflowId: 'order-lifecycle', overlay: 'funnel' },
      { screen: 'quality' },
      { screen: 'admin' },
      { screen: 'quick-replies' },
    ];
    for (const route of routes) expect(routeOf(hashOf(route))).toEqual(route);
  });

  it('should show the journeys for an empty or unknown hash', () => {
    expect(routeOf('')).toEqual({ screen: 'workflows' });
    expect(routeOf('#/nowhere/x')).toEqual({ screen: 'workflows' });
  });

  it('should open the editor with the funnel overlay from the dashboard, and only that overlay', () => {
    expect(routeOf('#/workflows/order-lifecycle?overlay=funnel')).toEqual({
      screen: 'editor',
      workflowId: 'order-lifecycle',
      overlay: 'funnel',
    });
    expect(routeOf('#/workflows/order-lifecycle?overlay=heat')).toEqual({
      screen: 'editor',
      workflowId: 'order-lifecycle',
    });
  });
});
