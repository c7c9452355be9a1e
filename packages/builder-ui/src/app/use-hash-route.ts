import { useCallback, useEffect, useState } from 'react';

/** The screen named by the URL's hash: `#/workflows` or `#/workflows/<id>`. */
export type Route = { screen: 'workflows' } | { screen: 'editor'; workflowId: string };

export function routeOf(hash: string): Route {
  const match = /^#\/workflows\/([^/]+)$/.exec(hash);
  return match?.[1]
    ? { screen: 'editor', workflowId: decodeURIComponent(match[1]) }
    : { screen: 'workflows' };
}

export function hashOf(route: Route): string {
  return route.screen === 'editor'
    ? `#/workflows/${encodeURIComponent(route.workflowId)}`
    : '#/workflows';
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
