/**
 * Recovery: a server stops with timers that fall due while it is down; a new server starts on
 * the same store. Measures the time from the start of the new server to the first overdue timer
 * fired, for timers left unlocked (a clean stop) and locked by the old process (a SIGKILL in
 * the middle of firing: the lock must expire first).
 */
import mongoose from 'mongoose';
import { startHarness, startTestStore } from '@xiaoer/server/testing';
import type { ResultRow } from '../report.ts';
import { PRODUCTION_RECOVERY, storeLabel, waitUntil } from './measure.ts';
import { insertTimers } from './timer-lateness.ts';

const OVERDUE = 100;

export async function benchRecovery(log: (line: string) => void): Promise<ResultRow[]> {
  const store = await startTestStore();
  const rows: ResultRow[] = [];
  try {
    for (const locked of [false, true]) {
      const before = await startHarness({ store, config: PRODUCTION_RECOVERY });
      // Due 5 s ago, while "down"; locked ones as a killed process leaves them.
      await before.stopServer();
      const now = Date.now();
      const connection = await mongoose.createConnection(store.uri).asPromise();
      await insertTimers(
        connection,
        OVERDUE,
        now - 5_000,
        1_000,
        locked ? new Date(now) : null,
        locked ? 'locked' : 'clean',
      );
      await connection.close();
      await before.close();
      // Counted as they fire (the server tells each timer it fires): a timer is its slot and,
      // once fired, its fire mark; the old `timers` records are no longer written.
      let firedCount = 0;
      let firstMs = 0;
      let allMs = 0;
      const started = performance.now();
      const after = await startHarness({
        store,
        config: PRODUCTION_RECOVERY,
        onTimerFired: () => {
          firedCount++;
          if (firedCount === 1) firstMs = performance.now() - started;
          if (firedCount === OVERDUE) allMs = performance.now() - started;
        },
      });
      const fired = await waitUntil(() => firedCount > 0, 120_000);
      const all = await waitUntil(() => firedCount >= OVERDUE, 120_000);
      if (!fired) firstMs = performance.now() - started;
      if (!all) allMs = performance.now() - started;
      log(
        `  ${locked ? 'locked' : 'unlocked'}: first after ${Math.round(firstMs)} ms, all after ${Math.round(allMs)} ms`,
      );
      rows.push({
        measure: `restart → first overdue timer fired, ${locked ? 'locked by the killed process' : 'left unlocked'} (${storeLabel(after)})`,
        value: fired ? `${(firstMs / 1000).toFixed(1)} s` : 'not within 120 s',
        detail: `${OVERDUE} overdue timers, all fired after ${all ? `${(allMs / 1000).toFixed(1)} s` : 'more than 120 s'}; includes starting the server`,
      });
      await after.close();
    }
  } finally {
    await store.stop();
  }
  return rows;
}
