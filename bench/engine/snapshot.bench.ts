import type { JourneySnapshot } from '@xiaoer/engine';
import { orderLifecycleMachine, runOrderLifecycle } from './order-lifecycle-run.ts';
import type { ResultRow } from '../report.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function heapAfterGc(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Size of a persisted order-lifecycle snapshot at each step, and the heap taken by `count`
 * snapshots held at once (as parsed objects and as JSON strings). Needs `--expose-gc`.
 */
export function benchSnapshots(count: number): ResultRow[] {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench does)');
  const machine = orderLifecycleMachine();
  const { snapshots } = runOrderLifecycle(machine, 'SO-1001', 'json-round-trip');
  const sizes = snapshots.map((s) => Buffer.byteLength(s));
  // The snapshot an instance spends most of its life in: waiting for the delivery.
  const waiting = snapshots[3] as string;
  const rows: ResultRow[] = [
    {
      measure: 'persisted snapshot size (JSON)',
      value: kb(Buffer.byteLength(waiting)),
      detail: `waiting for delivery; ${kb(Math.min(...sizes))}–${kb(Math.max(...sizes))} over the ${sizes.length} steps`,
    },
  ];

  const before = heapAfterGc(gc);
  const objects: JourneySnapshot[] = [];
  for (let i = 0; i < count; i++) {
    objects.push(JSON.parse(waiting.replaceAll('SO-1001', `SO-${i}`)) as JourneySnapshot);
  }
  const asObjects = heapAfterGc(gc) - before;
  rows.push({
    measure: `memory for ${count.toLocaleString('en-US')} snapshots as objects`,
    value: mb(asObjects),
    detail: `${kb(asObjects / count)} each (heap after GC)`,
  });
  objects.length = 0;

  const beforeStrings = heapAfterGc(gc);
  const strings: string[] = [];
  for (let i = 0; i < count; i++) strings.push(waiting.replaceAll('SO-1001', `SO-${i}`));
  const asStrings = heapAfterGc(gc) - beforeStrings;
  rows.push({
    measure: `memory for ${count.toLocaleString('en-US')} snapshots as JSON strings`,
    value: mb(asStrings),
    detail: `${kb(asStrings / count)} each (heap after GC)`,
  });
  strings.length = 0;
  return rows;
}
