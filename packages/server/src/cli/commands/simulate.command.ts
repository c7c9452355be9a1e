import { Command } from 'commander';
import {
  InvalidEventError,
  parseWorkflow,
  WorkflowValidationError,
  XiaoerError,
  type JsonObject,
} from '@xiaoer/engine';
import { runScenario, type Scenario, type ScenarioProblem } from '@xiaoer/engine/testing';
import { parseJson, readTextFile } from '../workflow-file.ts';
import { formatProblem } from '../problem.format.ts';
import { changedData, formatDropped, formatEntry } from '../timeline.format.ts';

interface SimulateFlags {
  events: string;
  json?: boolean;
}

/**
 * `xiaoer simulate <workflow> --events <scenario>`: runs a scripted scenario on the virtual
 * clock and prints the timeline of nodes, data and effects. Exits 1 when a step is refused.
 */
export function simulateCommand(): Command {
  return new Command('simulate')
    .description('在虚拟时钟上模拟旅程 / Simulate a journey on a virtual clock')
    .argument('<workflow>', '工作流 JSON 文件 / workflow JSON file')
    .requiredOption(
      '-e, --events <file>',
      '场景文件（触发数据与事件步骤）/ scenario file (trigger data and steps)',
    )
    .option('--json', '以 JSON 输出时间线 / print the timeline as JSON')
    .action(async (workflowFile: string, flags: SimulateFlags) => {
      let workflow;
      try {
        workflow = parseWorkflow(await readTextFile(workflowFile));
      } catch (error) {
        if (error instanceof WorkflowValidationError) {
          console.error(`✗ ${workflowFile}: ${error.problems.length} 个问题 / problem(s)`);
          for (const problem of error.problems) console.error(formatProblem(problem));
        } else console.error(`✗ ${(error as Error).message}`);
        process.exitCode = 1;
        return;
      }
      let result;
      try {
        const scenario = parseJson(await readTextFile(flags.events), flags.events) as Scenario;
        result = runScenario(workflow, scenario);
      } catch (error) {
        const problems = scenarioProblems(error);
        if (problems) {
          console.error(`✗ ${flags.events}: 场景有误 / the scenario is invalid`);
          for (const problem of problems)
            console.error(
              `  ${problem.pointer}\n    ${problem.message.en}\n    ${problem.message.zh}`,
            );
        } else console.error(`✗ ${(error as Error).message}`);
        process.exitCode = 1;
        return;
      }
      const { test, error, failedStep } = result;
      if (flags.json) {
        console.log(
          JSON.stringify(
            {
              timeline: test.timeline,
              node: safe(() => test.node),
              status: safe(() => test.status),
              data: safe(() => test.data),
              parked: test.parked,
              dropped: test.dropped,
              error: error?.message ?? null,
              failedStep: failedStep ?? null,
            },
            null,
            2,
          ),
        );
      } else {
        console.log(`旅程 / Journey: ${workflow.name} (${workflow.id} v${workflow.version})`);
        let data: JsonObject = test.timeline[0]?.data ?? {};
        for (const [index, entry] of test.timeline.entries()) {
          console.log(formatEntry(entry, index === 0 ? {} : changedData(data, entry.data)));
          data = entry.data;
        }
        if (test.dropped.length) {
          console.log('放下的事件 / Events let go:');
          for (const dropped of test.dropped) console.log(formatDropped(dropped));
        }
        if (test.parked.length)
          console.log(
            `仍暂存 / Still parked: ${test.parked.map((event) => event.type).join(', ')}`,
          );
        if (!error) {
          console.log(
            `结果 / Result: ${test.status} at ${test.node}${test.output ? ` (${test.output.status}${test.output.reason ? `: ${test.output.reason}` : ''})` : ''}`,
          );
          console.log(`数据 / Data: ${JSON.stringify(test.data)}`);
        }
      }
      if (error) {
        const where = failedStep === -1 ? 'trigger' : `steps[${failedStep}]`;
        const code = error instanceof XiaoerError ? ` [${error.code}]` : '';
        console.error(`✗ ${where}${code}: ${error.message}`);
        process.exitCode = 1;
      }
    });
}

/** The problems of a scenario the engine refused, each in zh and en; undefined for other errors. */
function scenarioProblems(error: unknown): ScenarioProblem[] | undefined {
  if (!(error instanceof InvalidEventError)) return undefined;
  const problems = error.details['problems'];
  return Array.isArray(problems) ? (problems as ScenarioProblem[]) : undefined;
}

function safe<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
