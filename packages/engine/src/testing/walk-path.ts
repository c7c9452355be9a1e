import type { JsonObject, WorkflowDocument, WorkflowNode } from '../workflow/workflow.types.ts';
import type { WaitForEventConfig } from '../nodes/wait-for-event/wait-for-event.node.ts';
import type { AwaitedEvents } from '../nodes/shared/awaited-events.ts';
import type { CallOrderSystemConfig } from '../nodes/call-order-system/call-order-system.node.ts';
import { JourneyAssertionError, JourneyTest, type JourneyTestOptions } from './journey-test.ts';
import { pathKey, type JourneyPath } from './journey-paths.ts';
import { readPath } from '../expressions/template.ts';

/**
 * The data a walk needs where the path alone does not say it: the trigger data (which also
 * decides `condition` branches), the data of awaited events, call results and free-text replies.
 */
export interface WalkFixtures {
  trigger: JsonObject;
  /** Data of each awaited domain event by type; `match` fields are filled in from the journey. */
  events?: Record<string, JsonObject>;
  /** Result of each successful order-system call by operation. */
  calls?: Record<string, JsonObject>;
  /** Free-text replies to questions without options, by node id; default `好的`. */
  replies?: Record<string, string>;
}

/** Safety net against a journey that never leaves a node (a retry loop without end). */
const MAX_ACTIONS_PER_NODE = 50;

function setPath(target: JsonObject, path: string, value: JsonObject[string]): void {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) at[key] = {};
    at = at[key] as JsonObject;
  }
  at[keys[keys.length - 1] as string] = value;
}

/** Sends `event` with its fixture data, matched to the journey as the node's `match` asks. */
function sendAwaited(
  test: JourneyTest,
  config: AwaitedEvents,
  event: string,
  fixtures: WalkFixtures,
): void {
  const data: JsonObject = structuredClone(fixtures.events?.[event] ?? {});
  for (const [eventPath, journeyPath] of Object.entries(config.match ?? {})) {
    const value = readPath(test.data, journeyPath);
    if (value !== undefined) setPath(data, eventPath, value);
  }
  test.send(event, data);
}

/** Takes the one action that makes `node` leave by `outcome`, as the outside world would. */
function act(test: JourneyTest, node: WorkflowNode, outcome: string, fixtures: WalkFixtures): void {
  // A wait's event outcomes (a `waitForEvent`'s alternatives, the events that end a `wait` or
  // an `askCustomer` early) are taken by sending the event; its other outcomes by its timer.
  const alternative = (node.config as AwaitedEvents).alternatives?.find((a) => a.id === outcome);
  const timed = !alternative && (outcome === 'timeout' || node.type === 'wait');
  if (timed) {
    if (!test.fireNextTimer()) throw new JourneyAssertionError(`No timer pending at "${node.id}"`);
    return;
  }
  if (alternative) {
    sendAwaited(test, node.config as AwaitedEvents, alternative.event, fixtures);
    return;
  }
  switch (node.type) {
    case 'sendMessage':
      if (outcome === 'failed') test.failSend();
      else test.confirmSend();
      return;
    case 'askCustomer':
      test.reply(
        outcome === 'answered'
          ? (fixtures.replies?.[node.id] ?? '好的')
          : outcome === 'declined'
            ? '不用了'
            : outcome,
      );
      return;
    case 'waitForEvent': {
      const config = node.config as unknown as WaitForEventConfig;
      sendAwaited(test, config, config.event, fixtures);
      return;
    }
    case 'callOrderSystem': {
      const { operation } = node.config as unknown as CallOrderSystemConfig;
      // A failure outcome comes after every retry failed: fail, let the backoff timer fire, again.
      if (outcome === 'failed') {
        if (test.calls.some((c) => c.nodeId === node.id && !test.answered(c.id))) {
          test.failCall(operation);
        } else test.fireNextTimer();
      } else test.succeedCall(operation, fixtures.calls?.[operation] ?? {});
      return;
    }
    default:
      throw new JourneyAssertionError(
        `Node "${node.id}" (${node.type}) leaves by "${outcome}" on its own; the data took another way`,
      );
  }
}

/**
 * Drives a journey along one path from {@link journeyPaths}: confirms or fails messages, sends
 * awaited events, replies, answers calls (failing every retry for a `failed` outcome) and fires
 * timers for timeouts and waits. Throws {@link JourneyAssertionError} when the journey takes
 * another way, so a walk that returns proves the path is reachable as drawn.
 *
 * @example
 * for (const path of journeyPaths(workflow)) walkPath(workflow, path, { trigger: order });
 */
export function walkPath(
  workflow: WorkflowDocument,
  path: JourneyPath,
  fixtures: WalkFixtures,
  options: Omit<JourneyTestOptions, 'autoConfirmSends'> = {},
): JourneyTest {
  const test = new JourneyTest(workflow, { ...options, autoConfirmSends: false });
  const nodes = new Map(test.workflow.nodes.map((n) => [n.id, n]));
  test.trigger(fixtures.trigger);
  for (;;) {
    const walked = test.path.length;
    const expected = path[walked];
    if (!expected) break;
    const taken = test.path.slice(0, walked);
    if (pathKey(taken) !== pathKey(path.slice(0, walked))) break;
    const node = nodes.get(expected.nodeId) as WorkflowNode;
    if (test.node !== node.id || test.status !== 'active') break;
    for (let i = 0; test.path.length === walked; i++) {
      if (i === MAX_ACTIONS_PER_NODE) {
        throw new JourneyAssertionError(`The journey does not leave "${node.id}"`);
      }
      act(test, node, expected.outcome, fixtures);
    }
  }
  if (pathKey(test.path) !== pathKey(path)) {
    throw new JourneyAssertionError(
      `The walk left the path.\n  expected: ${pathKey(path)}\n  walked:   ${pathKey(test.path)}`,
    );
  }
  return test;
}
