import { Bench } from 'tinybench';
import { compile, validate } from '@xiaoer/engine';
import { generateWorkflow } from './workflow-generator.ts';
import type { BenchOptions, ResultRow } from '../report.ts';

/** Time to validate, and to validate + compile, generated workflows of each size. */
export async function benchValidateCompile(
  sizes: number[],
  options: BenchOptions,
): Promise<ResultRow[]> {
  const bench = new Bench({ time: options.timeMs, warmupTime: options.timeMs / 5 });
  for (const size of sizes) {
    const workflow = generateWorkflow(size);
    bench.add(`validate ${size} nodes`, () => {
      if (!validate(workflow).valid) throw new Error('generated workflow is invalid');
    });
    bench.add(`validate + compile ${size} nodes`, () => {
      compile(workflow);
    });
  }
  await bench.run();
  return bench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
    return {
      measure: task.name,
      value: `${result.latency.mean.toFixed(2)} ms`,
      detail: `p99 ${result.latency.p99.toFixed(2)} ms, ${result.latency.samplesCount} runs`,
    };
  });
}
