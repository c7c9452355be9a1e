import { expect, vi } from 'vitest';
import type { Job } from 'agenda';
import { localTime, TIMER_JOB } from '@xiaoer/server/internal';
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

/**
 * Runs timer `key`'s own job now (`xiaoer.timer`, as for a timer added to a bucket that fired
 * already) and resolves once that job has run and Agenda no longer counts it as running. Agenda
 * says `success` before it saves the job and drops it from its running jobs: a `close()` in
 * that moment found it running, and Agenda's drain, which looks again only at the next job's
 * `complete`, waited its whole 10 s timeout (timer-cancel.test.ts ended so in most runs).
 * Without `dueAt`, the job is one an older version made (its timer has a record of its own).
 */
export async function runTimerJob(h: Harness, key: string, dueAt?: Date): Promise<void> {
  const agenda = h.xiaoer.agenda;
  const ran = new Promise<void>((resolve) => {
    const done = (job: Job) => {
      if ((job.attrs.data as { timer?: string }).timer !== key) return;
      agenda.off(`success:${TIMER_JOB}`, done);
      resolve();
    };
    agenda.on(`success:${TIMER_JOB}`, done);
  });
  await agenda.now(TIMER_JOB, {
    timer: key,
    ...(dueAt ? { dueAt: dueAt.toISOString() } : {}),
  });
  await ran;
  await vi.waitFor(
    async () => {
      const { runningJobs } = await agenda.getRunningStats(true);
      const running = Array.isArray(runningJobs) ? runningJobs : [];
      expect(
        running.filter((job) => (job.data as { timer?: string } | undefined)?.timer === key),
      ).toEqual([]);
    },
    { timeout: 10_000, interval: 5 },
  );
}

/**
 * Moves the clock (a harness that moves `Date`) to the next `hour`:01 in `timeZone`, a zone
 * whose offset is whole hours — a day later when that hour has begun already. A journey that
 * keeps hours (a wait's `allowedHours`, surveys in the evening) then runs alike at whatever time
 * of day the suite runs: without it a test passed all day but in the one hour it landed in.
 */
export async function moveToLocalHour(h: Harness, hour: number, timeZone: string): Promise<void> {
  const now = Date.now();
  const current = localTime(new Date(now), timeZone).hour;
  let ms = (((hour - current + 24) % 24) * 3600 + 60) * 1000 - (now % 3_600_000);
  if (ms <= 0) ms += 86_400_000;
  await h.clock.advance(ms);
}
