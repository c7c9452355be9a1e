/**
 * Generated journey history: instances of the shipped workflows walked from their trigger to an
 * end along random outcomes, one step record per event the runtime would have applied (a step
 * goes on through conditions and data nodes and rests where the journey waits: an effect's
 * result, a customer's answer, an order event, a timer). Each step's fact comes from the same
 * function the runtime uses (step-fact.ts).
 */
import { readFileSync } from 'node:fs';
import type { PathStep, WorkflowDocument } from '@xiaoer/engine';
import { stepFactOf } from '../../packages/server/src/analytics/step-fact.ts';
import { loopNodes } from '../../packages/server/src/analytics/journey-loops.ts';
import {
  stepJson,
  stepKey,
  type StepRecord,
} from '../../packages/server/src/model/instance.model.ts';
import type { GeneratedFact } from './conversation-traffic.ts';
import { exponential, pick, within } from './traffic-pattern.ts';

/** The shipped workflows instances are generated for, by weight. */
export const JOURNEY_MIX = [
  ['order-lifecycle', 40],
  ['where-is-my-parcel', 20],
  ['refund-by-chat', 10],
  ['refund', 10],
  ['address-change-by-chat', 7],
  ['address-change', 7],
  ['invoice-reissue', 6],
] as const;

/** Nodes a step passes straight through; a journey rests on every other kind. */
const PASSED = new Set(['trigger', 'setData', 'condition', 'emitEvent']);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** How long an instance rests on a node of each kind, on average. */
const REST_MS: Record<string, number> = {
  sendMessage: 1.5 * SECOND,
  callOrderSystem: 1.2 * SECOND,
  handoffToAgent: 8 * MINUTE,
  askCustomer: 2 * MINUTE,
  waitForEvent: 20 * HOUR,
  wait: 48 * HOUR,
};
/** Instances an operator cancels while they wait. */
const CANCELLED = 0.02;

export function shippedWorkflow(id: string): WorkflowDocument {
  const url = new URL(`../../workflows/${id}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as WorkflowDocument;
}

/** A workflow as a graph to walk. */
export interface JourneyGraph {
  id: string;
  trigger: string;
  types: Map<string, string>;
  edges: Map<string, { handle: string; target: string }[]>;
  /** Nodes on a loop, as the live system works them out (journey-loops.ts). */
  loops: ReadonlySet<string>;
}

export function journeyGraph(workflow: WorkflowDocument): JourneyGraph {
  const edges = new Map<string, { handle: string; target: string }[]>();
  for (const edge of workflow.edges)
    edges.set(edge.source, [
      ...(edges.get(edge.source) ?? []),
      { handle: edge.sourceHandle ?? 'next', target: edge.target },
    ]);
  const trigger = workflow.nodes.find((node) => node.type === 'trigger');
  if (!trigger) throw new Error(`${workflow.id} has no trigger`);
  return {
    id: workflow.id,
    trigger: trigger.id,
    types: new Map(workflow.nodes.map((node) => [node.id, node.type])),
    edges,
    loops: loopNodes(workflow),
  };
}

/** What was generated, to compare with what a rollup counts. */
export interface JourneyTally {
  instances: number;
  steps: number;
  started: Record<string, number>;
  completed: Record<string, number>;
  cancelled: Record<string, number>;
  facts: number;
}

export const emptyJourneyTally = (): JourneyTally => ({
  instances: 0,
  steps: 0,
  started: {},
  completed: {},
  cancelled: {},
  facts: 0,
});

/** The happy outcome is likelier than a failure, a timeout or no answer. */
const weightOf = (handle: string) =>
  /fail|timeout|error|noReply|unreachable|late|rejected|no$/i.test(handle) ? 1 : 5;

/** Leaves `from` along a random outcome and goes on until the journey rests or ends. */
function walk(graph: JourneyGraph, from: string, random: () => number): PathStep[] {
  const path: PathStep[] = [];
  let node = from;
  do {
    const out = graph.edges.get(node) ?? [];
    if (out.length === 0) break;
    const edge = pick(
      out.map((e) => [e, weightOf(e.handle)] as const),
      random,
    );
    path.push({ nodeId: node, outcome: edge.handle, target: edge.target });
    node = edge.target;
  } while (PASSED.has(graph.types.get(node) ?? '') && path.length < 40);
  return path;
}

/**
 * Instance `n` of `graph`, started within the hour from `start`: its step records (as stored)
 * and their facts.
 */
export function generateInstance(
  graph: JourneyGraph,
  n: number,
  start: Date,
  random: () => number,
  tally: JourneyTally,
): { steps: Record<string, unknown>[]; facts: GeneratedFact[] } {
  const instanceId = `${graph.id}:bench-${n}:1`;
  const data = { orderId: `order-${n}`, conversationId: `bench-${n}` };
  const startedAt = within(start, HOUR, random);
  const steps: Record<string, unknown>[] = [];
  const facts: GeneratedFact[] = [];
  let node: string | null = null;
  let at = startedAt;
  let previousAt: Date | undefined;
  for (let revision = 1; revision <= 40; revision++) {
    const cancel: boolean = node !== null && random() < CANCELLED;
    const path: PathStep[] = cancel ? [] : walk(graph, node ?? graph.trigger, random);
    const to: string = path.at(-1)?.target ?? node ?? graph.trigger;
    const ended =
      cancel || graph.types.get(to) === 'end' || (graph.edges.get(to) ?? []).length === 0;
    const status = cancel ? 'cancelled' : ended ? 'done' : 'active';
    const step: StepRecord = {
      _id: stepKey(instanceId, revision),
      instanceId,
      revision,
      at,
      event: {
        key: `bench-${n}-${revision}`,
        type: revision === 1 ? `${graph.id}.requested` : cancel ? 'instance.cancel' : 'node.result',
        at: at.toISOString(),
        data: revision === 1 ? data : {},
      },
      from: node,
      to,
      path,
      dataChanges: revision === 1 ? [{ key: 'orderId', after: data.orderId }] : [],
      effects: [],
      status,
      snapshot: {
        status: status === 'active' ? 'active' : status === 'done' ? 'done' : 'stopped',
        value: to,
        context: {
          workflowId: graph.id,
          version: 1,
          data,
          visit: { nodeId: to, seq: revision, attempt: 1 },
          seq: revision,
          startedAt: startedAt.toISOString(),
        },
        historyValue: {},
        children: {},
      },
      ...(revision === 1
        ? {
            created: {
              _id: instanceId,
              workflowId: graph.id,
              version: 1,
              correlationKey: 'orderId',
              correlation: `bench-${n}`,
              generation: 1,
              startedAt,
            },
          }
        : {}),
    };
    steps.push(stepJson.encode(step));
    const recorded = stepFactOf(step, graph.id, graph.loops, previousAt);
    if (recorded) facts.push({ _id: recorded.id, fact: recorded.fact });
    if (revision === 1) tally.started[graph.id] = (tally.started[graph.id] ?? 0) + 1;
    if (status !== 'active') {
      const ends = status === 'done' ? tally.completed : tally.cancelled;
      ends[graph.id] = (ends[graph.id] ?? 0) + 1;
      break;
    }
    previousAt = at;
    node = to;
    at = new Date(
      at.getTime() + 200 + exponential(REST_MS[graph.types.get(to) ?? ''] ?? MINUTE, random),
    );
  }
  tally.instances += 1;
  tally.steps += steps.length;
  tally.facts += facts.length;
  return { steps, facts };
}
