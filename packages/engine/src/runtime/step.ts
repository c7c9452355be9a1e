import { isInstant } from '../time/instant.ts';
import type { JsonObject } from '../workflow/workflow.types.ts';
import type { JsonSchema } from '../nodes/node-type.ts';
import { evaluateCondition } from '../expressions/json-logic.ts';
import { findUnstorableKey } from '../expressions/data-keys.ts';
import { triggerDataProblems } from './trigger-data.ts';
import {
  EventNotAcceptedError,
  InvalidEventError,
  InvalidSnapshotError,
  JourneyEndedError,
  TriggerMismatchError,
} from '../errors.ts';
import type { Effect } from './effect.types.ts';
import { initialTransition, transition } from './pure-transition.ts';
import {
  journeyOf,
  type CompiledJourney,
  type JourneyMachine,
  type JourneyOutput,
} from './compile.ts';
import {
  eventTime,
  journeyEventOf,
  type JourneyContext,
  type JourneyEvent,
} from './journey-context.ts';

/** A journey's persisted state: plain JSON, safe to store and to restore later. */
export interface JourneySnapshot {
  status: 'active' | 'done' | 'error' | 'stopped';
  value: string;
  context: JourneyContext;
  output?: JourneyOutput;
  historyValue: Record<string, unknown>;
  children: Record<string, unknown>;
}

/** One outcome taken during a step: left `nodeId` through `outcome` into `target`. */
export interface PathStep {
  nodeId: string;
  outcome: string;
  target: string;
}

/** What `start` and `step` return. */
export interface StepResult {
  snapshot: JourneySnapshot;
  effects: Effect[];
  /** The outcomes taken, in order (drives timelines, canvas overlays and path coverage). */
  path: PathStep[];
  /** The node the journey is in now. */
  node: string;
  status: JourneySnapshot['status'];
  output?: JourneyOutput;
}

/**
 * Starts a journey with its trigger event. Pure: no clock, no I/O; the time is `event.at`.
 * Throws `TriggerMismatchError` when the event does not start this journey and
 * `InvalidEventError` when its data breaks the trigger's data schema.
 */
export function start(machine: JourneyMachine, event: JourneyEvent): StepResult {
  const journey = journeyOf(machine);
  assertEventShape(event);
  const trigger = journey.trigger.config;
  if (event.type !== trigger.event) {
    throw new TriggerMismatchError(
      `Journey ${journey.workflow.id} starts on "${trigger.event}", not "${event.type}"`,
      {
        expected: trigger.event,
        received: event.type,
      },
    );
  }
  const data = event.data ?? {};
  if (trigger.data) assertTriggerData(trigger.data, data);
  if (trigger.filter !== undefined && !evaluateCondition(trigger.filter, data)) {
    throw new TriggerMismatchError(
      `The trigger's filter of journey ${journey.workflow.id} rejects this event`,
      {
        filter: trigger.filter,
      },
    );
  }
  const [snapshot, actions] = initialTransition(machine, {
    workflowId: journey.workflow.id,
    version: journey.workflow.version,
    event,
  });
  return toResult(machine, journey, snapshot, actions);
}

/**
 * Applies one event to a persisted journey snapshot and returns the next snapshot and the
 * effects to perform. Pure and deterministic: the same snapshot and event always give the
 * same result. An event the current node does not accept throws `EventNotAcceptedError`.
 */
export function step(
  machine: JourneyMachine,
  persisted: JourneySnapshot,
  event: JourneyEvent,
): StepResult {
  const journey = journeyOf(machine);
  assertEventShape(event);
  const snapshot = restore(machine, journey, persisted);
  if (snapshot.status === 'done') throw new JourneyEndedError();
  if (!snapshot.can(event)) {
    const nodeId = String(snapshot.value);
    throw new EventNotAcceptedError(event.type, nodeId, acceptedEvents(machine, persisted));
  }
  const [next, actions] = transition(machine, snapshot, event);
  return toResult(machine, journey, next, actions);
}

/** The event types the journey's current node waits for (for simulation UIs and errors). */
export function acceptedEvents(machine: JourneyMachine, persisted: JourneySnapshot): string[] {
  const journey = journeyOf(machine);
  const entry = journey.nodes.get(String(persisted.value));
  return entry ? entry.type.awaits(entry.node.config) : [];
}

function restore(machine: JourneyMachine, journey: CompiledJourney, persisted: JourneySnapshot) {
  const context = persisted?.context;
  if (!context || typeof persisted.value !== 'string' || !journey.nodes.has(persisted.value)) {
    throw new InvalidSnapshotError('Snapshot is not a journey snapshot of this workflow');
  }
  if (context.workflowId !== journey.workflow.id || context.version !== journey.workflow.version) {
    throw new InvalidSnapshotError(
      `Snapshot belongs to ${context.workflowId}@${context.version}, not ${journey.workflow.id}@${journey.workflow.version}`,
    );
  }
  return machine.resolveState({ value: persisted.value, context });
}

type MachineSnapshot = ReturnType<typeof initialTransition>[0];
type MachineActions = ReturnType<typeof initialTransition>[1];

function toResult(
  machine: JourneyMachine,
  journey: CompiledJourney,
  snapshot: MachineSnapshot,
  actions: MachineActions,
): StepResult {
  const effects: Effect[] = [];
  const path: PathStep[] = [];
  for (const action of actions) {
    const params = (action.params ?? {}) as JsonObject;
    if (action.type === 'outcome') {
      path.push({
        nodeId: String(params['nodeId']),
        outcome: String(params['outcome']),
        target: String(params['target']),
      });
    } else if (action.type === 'effect') {
      const entry = journey.nodes.get(String(params['nodeId']));
      const build = entry?.type.effects?.[String(params['name'])];
      if (!entry || !build)
        throw new Error(
          `Node ${String(params['nodeId'])} has no effect "${String(params['name'])}"`,
        );
      const effect = build({
        node: entry.node,
        context: action.info.context as JourneyContext,
        event: journeyEventOf(action.info.event),
        at: eventTime(action.info.event),
        params,
      });
      if (effect) effects.push(effect);
    }
  }
  const persisted = machine.getPersistedSnapshot(snapshot) as unknown as JourneySnapshot;
  return {
    snapshot: persisted,
    effects,
    path,
    node: String(persisted.value),
    status: persisted.status,
    ...(persisted.output ? { output: persisted.output } : {}),
  };
}

function assertEventShape(event: JourneyEvent): void {
  if (!event || typeof event !== 'object')
    throw new InvalidEventError('An event must be an object');
  if (typeof event.type !== 'string' || event.type === '') {
    throw new InvalidEventError('An event needs a non-empty "type"', { pointer: '/type' });
  }
  if (typeof event.at !== 'string' || !isInstant(event.at)) {
    throw new InvalidEventError(
      'An event needs "at", an ISO 8601 time such as 2026-03-01T10:00:00+08:00',
      {
        pointer: '/at',
      },
    );
  }
  if (
    event.data !== undefined &&
    (event.data === null || typeof event.data !== 'object' || Array.isArray(event.data))
  ) {
    throw new InvalidEventError('Event "data" must be an object', { pointer: '/data' });
  }
  const bad = findUnstorableKey(event.data ?? {}, '/data');
  if (bad) {
    throw new InvalidEventError(
      `Event data key "${bad.key}" cannot be stored (no "." and no leading "$")`,
      {
        pointer: bad.pointer,
      },
    );
  }
}

function assertTriggerData(schema: JsonSchema, data: JsonObject): void {
  const problems = triggerDataProblems(schema, data);
  if (problems.length === 0) return;
  throw new InvalidEventError(
    `Trigger event data is invalid: ${problems.map((p) => `${p.pointer} ${p.reason}`).join('; ')}`,
    {
      problems,
    },
  );
}
