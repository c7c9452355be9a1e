import { useCallback, useEffect, useState } from 'react';

/**
 * The screen named by the URL's hash: `#/workflows[/<id>]`, `#/instances[/<id>]`, `#/inbox`,
 * `#/knowledge`, `#/quality`.
 */
export type Route =
  | { screen: 'workflows' }
  | { screen: 'editor'; workflowId: string }
  | { screen: 'instances' }
  | { screen: 'instance'; instanceId: string }
  | { screen: 'inbox' }
  | { screen: 'knowledge' }
  | { screen: 'quality' };

export function routeOf(hash: string): Route {
  if (hash === '#/inbox') return { screen: 'inbox' };
  if (hash === '#/knowledge') return { screen: 'knowledge' };
  if (hash === '#/quality') return { screen: 'quality' };
  const [, section, id] = /^#\/(workflows|instances)(?:\/([^/]+))?$/.exec(hash) ?? [];
  if (section === 'instances')
    return id
      ? { screen: 'instance', instanceId: decodeURIComponent(id) }
      : { screen: 'instances' };
  return id ? { screen: 'editor', workflowId: decodeURIComponent(id) } : { screen: 'workflows' };
}

export function hashOf(route: Route): string {
  switch (route.screen) {
    case 'editor':
      return `#/workflows/${encodeURIComponent(route.workflowId)}`;
    case 'instance':
      return `#/instances/${encodeURIComponent(route.instanceId)}`;
    default:
      return `#/${route.screen}`;
  }
}

/** The current route, following the back and forward buttons. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: Route) => {
    window.location.hash = hashOf(next);
  }, []);
  return [route, go];
}
