import type { JsonObject, LocalizedText, WorkflowDocument } from '../workflow/workflow.types.ts';
import { ajv } from '../validation/schema-validator.ts';
import { localizedSchemaError, schemaErrorPointer } from '../validation/schema-validator.ts';
import { InvalidEventError } from '../errors.ts';
import { JourneyTest, type JourneyTestOptions } from './journey-test.ts';
import type { EarlyEventMode } from './parked-events.ts';
import { startingAt, START_AT_NODE_FLAG } from './start-at-node.ts';

/** One scripted step of a simulation. */
export type ScenarioStep =
  | { advance: string }
  | { event: string; data?: JsonObject }
  | { reply: string }
  | { callSucceeded: string; data?: JsonObject }
  | { callFailed: string; error?: { code: string; message: string }; retryable?: boolean }
  | { sendSucceeded: true }
  | { sendFailed: true }
  | { expectNode: string };

/** A scripted run of a journey: trigger data, then steps on the virtual clock. */
export interface Scenario {
  name?: string;
  startAt?: string;
  /** Start at this node instead of the trigger's first one (see `startingAt`). */
  startNode?: string;
  autoConfirmSends?: boolean;
  /**
   * An event the journey's node does not wait for: `'throw'` (default) stops the run there;
   * `'park'` keeps it and offers it again as the journey moves, as the server does
   * (docs/testing-journeys.md, "Events that come early").
   */
  early?: EarlyEventMode;
  trigger: JsonObject;
  steps: ScenarioStep[];
}

export interface ScenarioResult {
  test: JourneyTest<EarlyEventMode>;
  /** Set when a step failed (not accepted, assertion failed); the timeline stops before it. */
  error?: Error;
  /** Index in `steps` of the step that failed. */
  failedStep?: number;
}

const errorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'string' }, message: { type: 'string' } },
};

export const scenarioSchema = {
  type: 'object',
  required: ['trigger', 'steps'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 100 },
    startAt: { type: 'string' },
    startNode: { type: 'string', maxLength: 64 },
    autoConfirmSends: { type: 'boolean' },
    early: { enum: ['throw', 'park'] },
    trigger: { type: 'object' },
    steps: {
      type: 'array',
      items: {
        oneOf: [
          {
            type: 'object',
            required: ['advance'],
            additionalProperties: false,
            properties: { advance: { type: 'string' } },
          },
          {
            type: 'object',
            required: ['event'],
            additionalProperties: false,
            properties: { event: { type: 'string' }, data: { type: 'object' } },
          },
          {
            type: 'object',
            required: ['reply'],
            additionalProperties: false,
            properties: { reply: { type: 'string' } },
          },
          {
            type: 'object',
            required: ['callSucceeded'],
            additionalProperties: false,
            properties: { callSucceeded: { type: 'string' }, data: { type: 'object' } },
          },
          {
            type: 'object',
            required: ['callFailed'],
            additionalProperties: false,
            properties: {
              callFailed: { type: 'string' },
              error: errorSchema,
              retryable: { type: 'boolean' },
            },
          },
          {
            type: 'object',
            required: ['sendSucceeded'],
            additionalProperties: false,
            properties: { sendSucceeded: { const: true } },
          },
          {
            type: 'object',
            required: ['sendFailed'],
            additionalProperties: false,
            properties: { sendFailed: { const: true } },
          },
          {
            type: 'object',
            required: ['expectNode'],
            additionalProperties: false,
            properties: { expectNode: { type: 'string' } },
          },
        ],
      },
    },
  },
} as const;

const validateScenario = ajv.compile(scenarioSchema);

/** The kinds of step a scenario may take: the key each step is named by. */
export const SCENARIO_STEP_KINDS: string[] = scenarioSchema.properties.steps.items.oneOf.map(
  (step) => step.required[0],
);

/** What is wrong with a scenario, and where (JSON pointer; `/` for the whole). */
export interface ScenarioProblem {
  pointer: string;
  message: LocalizedText;
}

/** Steps that are not one of the step kinds, said plainly with the kinds allowed. */
function unknownStepKinds(scenario: unknown): ScenarioProblem[] {
  const steps = (scenario as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((step: unknown, index) => {
    const keys = step !== null && typeof step === 'object' ? Object.keys(step) : [];
    const kinds = keys.filter((key) => SCENARIO_STEP_KINDS.includes(key));
    if (kinds.length === 1) return [];
    const allowed = SCENARIO_STEP_KINDS.join(', ');
    const names = `"${keys.join('", "')}"`;
    return [
      {
        pointer: `/steps/${index}`,
        message: {
          zh: `应当是其中一种步骤：${allowed}（它有${kinds.length > 1 ? ` ${kinds.join(' 和 ')} 两种` : ` ${names}`}）`,
          en: `must be one step of a kind: ${allowed} (it has ${kinds.length > 1 ? `both ${kinds.join(' and ')}` : names})`,
        },
      },
    ];
  });
}

/**
 * Runs a scripted scenario against a workflow on the virtual clock and returns the test
 * harness with its full timeline. Throws `InvalidEventError` for a malformed scenario; a step
 * the journey refuses stops the run and is reported in `error` / `failedStep`.
 */
export function runScenario(
  workflow: WorkflowDocument,
  scenario: Scenario,
  options: JourneyTestOptions = {},
): ScenarioResult {
  if (!validateScenario(scenario)) {
    const kinds = unknownStepKinds(scenario);
    const badSteps = new Set(kinds.map((problem) => problem.pointer));
    const problems: ScenarioProblem[] = [
      ...kinds,
      // A step of no known kind fails every branch of the schema: its kind problem says it all.
      ...(validateScenario.errors ?? [])
        .filter((e) => {
          const pointer = schemaErrorPointer(e);
          return ![...badSteps].some((step) => pointer === step || pointer.startsWith(`${step}/`));
        })
        .map((e) => ({ pointer: schemaErrorPointer(e) || '/', message: localizedSchemaError(e) })),
    ];
    const reasons = problems.map((problem) => `${problem.pointer} ${problem.message.en}`);
    throw new InvalidEventError(`Scenario is invalid: ${reasons.slice(0, 5).join('; ')}`, {
      reasons,
      problems,
    });
  }
  const test = new JourneyTest<EarlyEventMode>(
    scenario.startNode ? startingAt(workflow, scenario.startNode) : workflow,
    {
      ...options,
      ...(scenario.startAt ? { startAt: scenario.startAt } : {}),
      ...(scenario.early ? { early: scenario.early } : {}),
      ...(scenario.autoConfirmSends !== undefined
        ? { autoConfirmSends: scenario.autoConfirmSends }
        : {}),
    },
  );
  try {
    test.trigger(
      scenario.startNode ? { ...scenario.trigger, [START_AT_NODE_FLAG]: true } : scenario.trigger,
    );
  } catch (error) {
    return { test, error: error as Error, failedStep: -1 };
  }
  for (const [index, s] of scenario.steps.entries()) {
    try {
      applyStep(test, s);
    } catch (error) {
      return { test, error: error as Error, failedStep: index };
    }
  }
  return { test };
}

/** Applies one scripted step to a running journey test. */
export function applyStep(test: JourneyTest<EarlyEventMode>, s: ScenarioStep): void {
  if ('advance' in s) test.advance(s.advance);
  else if ('event' in s) test.send(s.event, s.data);
  else if ('reply' in s) test.reply(s.reply);
  else if ('callSucceeded' in s) test.succeedCall(s.callSucceeded, s.data);
  else if ('callFailed' in s) test.failCall(s.callFailed, s.error, s.retryable ?? true);
  else if ('sendSucceeded' in s) test.confirmSend();
  else if ('sendFailed' in s) test.failSend();
  else test.expectNode(s.expectNode);
}
