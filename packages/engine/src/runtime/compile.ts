import { assign, setup } from 'xstate';
import type { JsonObject, WorkflowDocument, WorkflowNode } from '../workflow/workflow.types.ts';
import type {
  AnyNodeType,
  CompileContext,
  NodeRuntimeArgs,
  NodeStateConfig,
} from '../nodes/node-type.ts';
import { getNodeType } from '../nodes/registry.ts';
import type { TriggerConfig } from '../nodes/trigger/trigger.node.ts';
import { parseWorkflow } from '../workflow/parse-workflow.ts';
import { effectId } from './effect.types.ts';
import {
  eventTime,
  journeyEventOf,
  type JourneyContext,
  type JourneyEvent,
  type JourneyInput,
} from './journey-context.ts';

/** What a finished journey returns. */
export interface JourneyOutput {
  status: 'completed' | 'failed';
  reason: string;
}

/** A compiled journey: an XState v5 machine whose snapshots are plain JSON. */
export type JourneyMachine = ReturnType<typeof buildMachine>;

/** The workflow behind a machine, its nodes by id and its trigger. */
export interface CompiledJourney {
  workflow: WorkflowDocument;
  nodes: Map<string, { node: WorkflowNode; type: AnyNodeType }>;
  trigger: WorkflowNode<TriggerConfig>;
}

const compiledJourneys = new WeakMap<object, CompiledJourney>();

/** The workflow a machine was compiled from; throws for machines `compile` did not make. */
export function journeyOf(machine: JourneyMachine): CompiledJourney {
  const compiled = compiledJourneys.get(machine);
  if (!compiled) throw new TypeError('Not a journey machine: create it with compile(workflow)');
  return compiled;
}

const STATE_PREFIX = '#journey.';

/**
 * Compiles a workflow document into an XState v5 machine. The document is validated first;
 * any problem throws a `WorkflowValidationError` carrying all of them. Node types return
 * serializable state config; the implementations behind it are supplied once through `setup()`.
 *
 * @example
 * const machine = compile(orderLifecycle);
 * const { snapshot, effects } = start(machine, { type: 'order.created', at, data });
 */
export function compile(input: unknown): JourneyMachine {
  const workflow = parseWorkflow(input);
  const nodes = new Map(
    workflow.nodes.map((node) => [node.id, { node, type: getNodeType(node.type) as AnyNodeType }]),
  );
  const trigger = workflow.nodes.find(
    (n) => n.type === 'trigger',
  ) as unknown as WorkflowNode<TriggerConfig>;

  const runtimeArgs = (
    context: JourneyContext,
    event: unknown,
    params: JsonObject,
  ): NodeRuntimeArgs<JsonObject> => {
    const entry = nodes.get(String(params['nodeId']));
    if (!entry) throw new Error(`Unknown node ${String(params['nodeId'])}`);
    return {
      node: entry.node,
      context,
      event: journeyEventOf(event),
      at: eventTime(event),
      params,
    };
  };
  const behaviour = <K extends 'guards' | 'updates'>(kind: K, params: JsonObject) => {
    const entry = nodes.get(String(params['nodeId']));
    const fn = entry?.type[kind]?.[String(params['name'])];
    if (!fn)
      throw new Error(
        `Node ${String(params['nodeId'])} has no ${kind} "${String(params['name'])}"`,
      );
    return fn as (args: NodeRuntimeArgs<JsonObject>) => unknown;
  };

  const states: Record<string, NodeStateConfig> = {};
  for (const { node, type } of nodes.values()) {
    states[node.id] = type.compile(node, compileContext(workflow, node.id));
  }

  const machine = buildMachine(trigger.id, states, behaviour, runtimeArgs);
  compiledJourneys.set(machine, { workflow, nodes, trigger });
  return machine;
}

function compileContext(workflow: WorkflowDocument, nodeId: string): CompileContext {
  const targetOf = (outcome: string) => {
    const edge = workflow.edges.find((e) => e.source === nodeId && e.sourceHandle === outcome);
    if (!edge) throw new Error(`Outcome ${outcome} of ${nodeId} has no edge`);
    return edge.target;
  };
  return {
    enter: () => ({ type: 'enter', params: { nodeId } }),
    effect: (name) => ({ type: 'effect', params: { nodeId, name } }),
    update: (name) => ({ type: 'update', params: { nodeId, name } }),
    check: (name, params = {}) => ({ type: 'check', params: { ...params, nodeId, name } }),
    effectIs: (name) => ({ type: 'effectIs', params: { nodeId, name } }),
    timerIs: (name) => ({ type: 'timerIs', params: { nodeId, name } }),
    go: (outcome, actions = []) => {
      const target = targetOf(outcome);
      return {
        target: STATE_PREFIX + target,
        // Re-entering the same node (a self-loop) must run its entry again.
        reenter: true,
        actions: [...actions, { type: 'outcome', params: { nodeId, outcome, target } }],
      };
    },
  };
}

type Behaviour = <K extends 'guards' | 'updates'>(
  kind: K,
  params: JsonObject,
) => (args: NodeRuntimeArgs<JsonObject>) => unknown;
type RuntimeArgs = (
  context: JourneyContext,
  event: unknown,
  params: JsonObject,
) => NodeRuntimeArgs<JsonObject>;

function buildMachine(
  triggerId: string,
  states: Record<string, NodeStateConfig>,
  behaviour: Behaviour,
  runtimeArgs: RuntimeArgs,
) {
  return setup({
    types: {} as {
      context: JourneyContext;
      events: JourneyEvent;
      input: JourneyInput;
      output: JourneyOutput;
    },
    actions: {
      enter: assign(({ context }, params: JsonObject) => ({
        seq: context.seq + 1,
        visit: { nodeId: String(params['nodeId']), seq: context.seq + 1, attempt: 1 },
      })),
      update: assign(
        ({ context, event }, params: JsonObject) =>
          behaviour(
            'updates',
            params,
          )(runtimeArgs(context, event, params)) as Partial<JourneyContext>,
      ),
      // Effects and outcome markers are not executed: start()/step() turn them into JSON.
      effect: (_args, _params: JsonObject) => undefined,
      outcome: (_args, _params: JsonObject) => undefined,
    },
    guards: {
      check: ({ context, event }, params: JsonObject) =>
        behaviour('guards', params)(runtimeArgs(context, event, params)) as boolean,
      effectIs: ({ context, event }, params: JsonObject) =>
        event.effectId === effectId(context.visit, String(params['name'])),
      timerIs: ({ context, event }, params: JsonObject) =>
        event.timerId === effectId(context.visit, String(params['name'])),
    },
  }).createMachine({
    id: 'journey',
    context: ({ input }) => ({
      workflowId: input.workflowId,
      version: input.version,
      data: { ...(input.event.data ?? {}) },
      visit: { nodeId: triggerId, seq: 0, attempt: 1 },
      seq: 0,
      startedAt: input.event.at,
    }),
    initial: triggerId,
    // The end node's output (status, reason) becomes the journey's output.
    output: ({ event }) => (event as unknown as { output: JourneyOutput }).output,
    // Node configs are plain JSON checked by the node types; XState's generic typing of
    // parameterized actions cannot follow a dynamic state map.
    states: states as never,
  });
}
