import { expect, vi } from 'vitest';
import type { Harness } from '@xiaoer/server/testing';

/**
 * Once instance `id` has set its `count`th timer (a wait, a retry's back-off), moves the clock
 * to that timer's due time, if it is still ahead. The harness must move `Date` (`movesDate`):
 * Agenda then fires the timer at its next poll instead of after the delay in real time. Waits
 * for the record, which stays once fired, not for the node: on a loaded machine the journey may
 * be past the node before a look sees it there.
 */
export async function moveToTimer(h: Harness, id: string, count = 1): Promise<void> {
  let dueAt = 0;
  await vi.waitFor(
    async () => {
      const response = await h.request('GET', `/api/instances/${encodeURIComponent(id)}`);
      const { timers = [] } = (await response.json()) as { timers?: { dueAt: string }[] };
      const due = timers.map((timer) => Date.parse(timer.dueAt)).sort((a, b) => a - b);
      expect(due.length).toBeGreaterThanOrEqual(count);
      dueAt = due[count - 1] ?? 0;
    },
    { timeout: 15_000, interval: 50 },
  );
  await h.clock.advance(Math.max(0, dueAt - Date.now()));
}
