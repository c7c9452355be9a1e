import { useEffect, useRef } from 'react';

/**
 * Asked before the console leaves its screen. It returns true when it holds the navigation
 * (unsaved edits): it then calls `proceed` itself once the operator agrees.
 */
export type LeaveGuard = (proceed: () => void) => boolean;

let current: LeaveGuard | null = null;

/** Whether the screen may be left now; if not, the guard asks and calls `proceed` later. */
export function mayLeave(proceed: () => void): boolean {
  const guard = current;
  if (!guard) return true;
  return !guard(() => {
    if (current === guard) current = null;
    proceed();
  });
}

/**
 * While `active`, leaving the screen in the console (a menu, a link, the back button) asks
 * `ask` first, and closing or reloading the tab asks the browser's own question.
 */
export function useLeaveGuard(active: boolean, ask: (proceed: () => void) => void): void {
  const latest = useRef(ask);
  latest.current = ask;
  useEffect(() => {
    if (!active) return;
    const guard: LeaveGuard = (proceed) => {
      latest.current(proceed);
      return true;
    };
    current = guard;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ''; // older Chromium asks only with a return value
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      if (current === guard) current = null;
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [active]);
}
