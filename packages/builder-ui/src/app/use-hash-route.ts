import { useCallback, useEffect, useState } from 'react';
import { mayLeave } from './leave-guard.ts';

/** A view laid over the journey canvas when the editor opens: the funnel of the last 30 days. */
export type CanvasOverlay = 'funnel';

/**
 * The screen named by the URL's hash: `#/workflows[/<id>[?overlay=funnel]]`,
 * `#/instances[/<id>]`, `#/events`, `#/inbox`, `#/knowledge`, `#/analytics`, `#/quality`, `#/admin`,
 * `#/quick-replies`.
 */
export type Route =
  | { screen: 'workflows' }
  | { screen: 'editor'; workflowId: string; overlay?: CanvasOverlay }
  | { screen: 'instances' }
  | { screen: 'instance'; instanceId: string }
  | { screen: 'events' }
  | { screen: 'inbox' }
  | { screen: 'knowledge' }
  | { screen: 'analytics' }
  | { screen: 'quality' }
  | { screen: 'admin' }
  | { screen: 'quick-replies' };

export function routeOf(hash: string): Route {
  if (hash === '#/inbox') return { screen: 'inbox' };
  if (hash === '#/events') return { screen: 'events' };
  if (hash === '#/knowledge') return { screen: 'knowledge' };
  if (hash === '#/analytics') return { screen: 'analytics' };
  if (hash === '#/quality') return { screen: 'quality' };
  if (hash === '#/admin') return { screen: 'admin' };
  if (hash === '#/quick-replies') return { screen: 'quick-replies' };
  const [, section, id, search] =
    /^#\/(workflows|instances)(?:\/([^/?]+))?(?:\?(.*))?$/.exec(hash) ?? [];
  if (section === 'instances')
    return id
      ? { screen: 'instance', instanceId: decodeURIComponent(id) }
      : { screen: 'instances' };
  if (!id) return { screen: 'workflows' };
  const overlay = new URLSearchParams(search ?? '').get('overlay');
  return {
    screen: 'editor',
    workflowId: decodeURIComponent(id),
    ...(overlay === 'funnel' ? { overlay } : {}),
  };
}

export function hashOf(route: Route): string {
  switch (route.screen) {
    case 'editor':
      return `#/workflows/${encodeURIComponent(route.workflowId)}${route.overlay ? `?overlay=${route.overlay}` : ''}`;
    case 'instance':
      return `#/instances/${encodeURIComponent(route.instanceId)}`;
    default:
      return `#/${route.screen}`;
  }
}

/**
 * The current route, following the back and forward buttons. A screen with unsaved edits
 * (see leave-guard.ts) is asked first: the address goes back until the operator agrees.
 */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  useEffect(() => {
    let shown = window.location.hash;
    const onChange = () => {
      const wanted = window.location.hash;
      if (wanted === shown) return;
      const proceed = () => {
        shown = wanted;
        if (window.location.hash !== wanted) window.location.hash = wanted;
        setRoute(routeOf(wanted));
      };
      if (mayLeave(proceed)) return proceed();
      window.history.replaceState(null, '', shown || window.location.pathname);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: Route) => {
    window.location.hash = hashOf(next);
  }, []);
  return [route, go];
}
