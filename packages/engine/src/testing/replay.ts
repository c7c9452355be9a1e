import type { WorkflowDocument } from '../workflow/workflow.types.ts';
import type { PathStep, StepResult } from '../runtime/step.ts';
import { ENGINE_EVENTS, type JourneyEvent } from '../runtime/journey-context.ts';
import type { Effect } from '../runtime/effect.types.ts';
import { XiaoerError } from '../errors.ts';
import { JourneyTest } from './journey-test.ts';
import { VirtualClock } from './virtual-clock.ts';

/**
 * One step as a host recorded it: the event applied (as the engine took it, without the host's
 * own fields), the outcomes taken, the effects.
 */
export interface RecordedStep {
  revision: number;
  event: JourneyEvent;
  path: PathStep[];
  effects: Effect[];
  /** The node after the step. */
  to: string;
}

/**
 * One observable thing a journey did: entered a node through an outcome, produced an effect,
 * or refused an event. Ids and times are left out; a timer is described by its delay.
 */
export type BehaviourItem =
  | { kind: 'enter'; node: string; from: string; outcome: string }
  | { kind: 'send'; node: string; channel: string; to: string; text: string }
  | { kind: 'call'; node: string; operation: string; args: unknown }
  | { kind: 'schedule'; node: string; timer: string; purpose: string; delayMs: number }
  | { kind: 'cancel'; node: string; timer: string }
  | { kind: 'emit'; node: string; event: string; data: unknown }
  | { kind: 'refused'; node: string; event: string; reason: string };

/** Where a behaviour item came from: the step (revision) or replayed event that produced it. */
export interface TracedItem {
  item: BehaviourItem;
  event: string;
  at: string;
  /** The recorded step's revision; absent for timers the draft fired on its own. */
  revision?: number;
}

/** The first place where the draft does something else than the recorded journey did. */
export interface ReplayDifference {
  /** Position in the behaviour sequence (0-based). */
  index: number;
  recorded: TracedItem | null;
  draft: TracedItem | null;
}

export interface ReplayOutcome {
  same: boolean;
  /** Recorded steps fed to the draft (timers count as the draft's own). */
  steps: number;
  recordedNode: string;
  draftNode: string;
  difference?: ReplayDifference;
}

function describeEffect(effect: Effect, eventAt: string): BehaviourItem {
  switch (effect.kind) {
    case 'send':
      return {
        kind: 'send',
        node: effect.nodeId,
        channel: effect.channel,
        to: effect.to,
        text: effect.text,
      };
    case 'call':
      return { kind: 'call', node: effect.nodeId, operation: effect.operation, args: effect.args };
    case 'schedule':
      return {
        kind: 'schedule',
        node: effect.nodeId,
        timer: effect.timerId,
        purpose: effect.purpose,
        delayMs: VirtualClock.millis(effect.dueAt) - VirtualClock.millis(eventAt),
      };
    case 'cancel':
      return { kind: 'cancel', node: effect.nodeId, timer: effect.timerId };
    case 'emit':
      return { kind: 'emit', node: effect.nodeId, event: effect.event, data: effect.data };
  }
}

function behaviourOf(
  event: JourneyEvent,
  path: PathStep[],
  effects: Effect[],
  revision?: number,
): TracedItem[] {
  const items: BehaviourItem[] = [
    ...path.map((p): BehaviourItem => ({
      kind: 'enter',
      node: p.target,
      from: p.nodeId,
      outcome: p.outcome,
    })),
    ...effects.map((e) => describeEffect(e, event.at)),
  ];
  return items.map((item) => ({
    item,
    event: event.type,
    at: event.at,
    ...(revision !== undefined ? { revision } : {}),
  }));
}

const isTimer = (event: JourneyEvent) => event.type === ENGINE_EVENTS.timerFired;

/**
 * Replays a recorded journey through another version of its workflow (a draft) on a virtual
 * clock, and reports the first behaviour that differs: a different node, a different effect
 * (message text, call arguments, timer delay...), or an event the draft refuses.
 *
 * The recorded trigger starts the draft; recorded domain events, call and delivery results
 * are applied at their recorded times; recorded timer firings are not replayed as such: the
 * clock moves and the draft's own timers fire when they fall due, so a changed wait shows.
 */
export function replayRecorded(
  workflow: WorkflowDocument,
  recorded: RecordedStep[],
): ReplayOutcome {
  const [first, ...rest] = recorded;
  if (!first) throw new Error('Nothing to replay: the recorded journey has no steps');
  const journey = new JourneyTest(workflow, { startAt: first.event.at, autoConfirmSends: false });
  const trigger = first.event;
  const draft: TracedItem[] = [];
  const trace = (event: JourneyEvent, result: StepResult, revision?: number) =>
    draft.push(...behaviourOf(event, result.path, result.effects, revision));
  const refuse = (event: JourneyEvent, error: unknown, revision: number) => {
    const node = journey.timeline.length ? journey.node : '(start)';
    const reason = error instanceof XiaoerError ? error.code : 'error';
    draft.push({
      item: { kind: 'refused', node, event: event.type, reason },
      event: event.type,
      at: event.at,
      revision,
    });
  };

  let steps = 0;
  try {
    trace(trigger, journey.trigger(trigger.data ?? {}, trigger.type), first.revision);
    steps += 1;
  } catch (error) {
    refuse(trigger, error, first.revision);
  }
  for (const step of rest) {
    if (draft.at(-1)?.item.kind === 'refused' || journey.status !== 'active') break;
    const event = step.event;
    if (VirtualClock.millis(event.at) >= VirtualClock.millis(journey.clock.now)) {
      const before = journey.timeline.length;
      journey.advanceTo(event.at);
      for (const entry of journey.timeline.slice(before))
        draft.push(...behaviourOf(entry.event, entry.path, entry.effects));
    }
    if (isTimer(event) || journey.status !== 'active') continue;
    try {
      trace(event, journey.dispatch(event), step.revision);
      steps += 1;
    } catch (error) {
      refuse(event, error, step.revision);
    }
  }

  const expected = recorded.flatMap((s) => behaviourOf(s.event, s.path, s.effects, s.revision));
  // Items are built field by field and args/data come through JSON: same content, same text.
  const key = (t: TracedItem | undefined) => (t ? JSON.stringify(t.item) : undefined);
  const length = Math.max(expected.length, draft.length);
  let index = 0;
  while (index < length && key(expected[index]) === key(draft[index])) index += 1;
  const recordedNode = recorded.at(-1)?.to ?? first.to;
  const draftNode = journey.timeline.length ? journey.node : '(not started)';
  if (index === length && recordedNode === draftNode)
    return { same: true, steps, recordedNode, draftNode };
  return {
    same: false,
    steps,
    recordedNode,
    draftNode,
    difference: { index, recorded: expected[index] ?? null, draft: draft[index] ?? null },
  };
}
