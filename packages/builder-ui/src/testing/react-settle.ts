import { afterEach } from 'vitest';

/**
 * After each console test (and after its own `cleanup`, whose hook runs first), lets React's
 * scheduler run what it had queued while the test's page still exists. A worker keeps React
 * between files (`isolate: false`) but gives each file a fresh jsdom: queued work that ran once
 * a file's page was gone threw "window is not defined" as an unhandled error, which failed a
 * CI run whose tests had all passed (from AuditTab.test.tsx, 2026-12-07). Not a sleep: one turn
 * of the event loop, in which the scheduler's own queued turn runs first.
 */
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
