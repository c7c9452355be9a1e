import type { JourneyMachine } from '@xiaoer/engine';
import {
  orderLifecycleMachine,
  runOrderLifecycle,
  type SnapshotHandling,
} from './order-lifecycle-run.ts';
import type { BenchOptions, ResultRow } from '../report.ts';

function eventsPerSecond(
  machine: JourneyMachine,
  handling: SnapshotHandling,
  timeMs: number,
): { perSecond: number; runs: number; cpuUs: number } {
  // Warm up the JIT before measuring.
  for (let i = 0; i < 50; i++) runOrderLifecycle(machine, `W${i}`, handling);
  let steps = 0;
  let runs = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(timeMs) * 1_000_000n;
  while (process.hrtime.bigint() < deadline) {
    steps += runOrderLifecycle(machine, `O${runs}`, handling).steps;
    runs++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  // CPU time per event: what a shared machine's load does not inflate, unlike events/s.
  return { perSecond: steps / seconds, runs, cpuUs: (used.user + used.system) / steps };
}

/** `start`/`step` events per second on the order lifecycle, one process, one core. */
export function benchStepThroughput(options: BenchOptions): ResultRow[] {
  const machine = orderLifecycleMachine();
  const { steps } = runOrderLifecycle(machine, 'probe', 'in-memory');
  const raw = eventsPerSecond(machine, 'in-memory', options.timeMs * 4);
  const host = eventsPerSecond(machine, 'json-round-trip', options.timeMs * 4);
  const format = (n: number) => Math.round(n).toLocaleString('en-US');
  return [
    {
      measure: 'step throughput, snapshot kept in memory',
      value: `${format(raw.perSecond)} events/s`,
      detail: `${raw.runs} lifecycles of ${steps} events; ${raw.cpuUs.toFixed(0)} µs of CPU per event`,
    },
    {
      measure: 'step throughput, snapshot through JSON each step (as a host persists it)',
      value: `${format(host.perSecond)} events/s`,
      detail: `${host.runs} lifecycles of ${steps} events; ${host.cpuUs.toFixed(0)} µs of CPU per event`,
    },
  ];
}
