import { createHash } from 'node:crypto';

/**
 * How fast this machine runs one thread of JavaScript now, in milliseconds for a fixed task
 * (lower is faster): a 2 KB object of orders parsed, written back as JSON and hashed 20,000
 * times, the fastest of three rounds. The machines these benchmarks run on change speed by a
 * third or more from hour to hour; a figure printed with this one can be compared with another
 * run's only when their probes are close (docs/performance.md, "Reading the numbers").
 */
export function machineSpeedProbeMs(rounds = 3): number {
  const orders = {
    orders: Array.from({ length: 50 }, (_, i) => ({
      id: `order-${i}`,
      amount: i * 3.5,
      items: ['sku-1', 'sku-2'],
    })),
  };
  const text = JSON.stringify(orders);
  let fastest = Infinity;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (let i = 0; i < 20_000; i++)
      createHash('sha256')
        .update(JSON.stringify(JSON.parse(text)))
        .digest('hex');
    fastest = Math.min(fastest, performance.now() - started);
  }
  return Math.round(fastest);
}

/**
 * The probe as a report row, taken now (after a benchmark's levels, with nothing of it running
 * beside), and said on stderr; or, given the probes of several rounds, their median with each.
 */
export function machineSpeedRow(probesMs?: readonly number[]): {
  measure: string;
  value: string;
  detail: string;
} {
  const advice =
    '(bench/machine-speed.ts; lower is faster): compare figures across runs only when their probes are close';
  if (probesMs && probesMs.length > 0) {
    const sorted = [...probesMs].sort((a, b) => a - b);
    return {
      measure: 'Machine speed probe',
      value: `${sorted[Math.floor((sorted.length - 1) / 2)]} ms`,
      detail: `after each round ${probesMs.join(' / ')} ms ${advice}`,
    };
  }
  const probeMs = machineSpeedProbeMs();
  process.stderr.write(
    `machine speed probe: ${probeMs} ms (lower is faster; bench/machine-speed.ts)\n`,
  );
  return {
    measure: 'Machine speed probe',
    value: `${probeMs} ms`,
    detail: `a fixed single-threaded task timed right after the levels ${advice}`,
  };
}
