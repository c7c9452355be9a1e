import { createActor, type AnyActorLogic, type ExecutableActionObject } from 'xstate';
import type { JourneyMachine } from './compile.ts';

type JourneyScope = Parameters<JourneyMachine['transition']>[2];
type Inert = Omit<JourneyScope, 'actionExecutor'>;
type MachineSnapshot = Parameters<JourneyMachine['transition']>[0];
type MachineEvent = Parameters<JourneyMachine['transition']>[1];
type MachineInput = Parameters<JourneyMachine['getInitialSnapshot']>[1];

/**
 * XState's pure `transition` and `initialTransition` build a fresh actor for every call, and
 * an actor's constructor computes the machine's initial state at once (with no input a
 * journey's context cannot be made: an error is thrown, caught and thrown away). Per event
 * that was a second initial state and an exception with its stack trace. One inert actor per
 * machine serves every call instead: it is never started, and journeys spawn no child actors,
 * so nothing registers in its system between calls.
 */
const inert = new WeakMap<JourneyMachine, Inert>();

function scopeOf(machine: JourneyMachine, actions: ExecutableActionObject[]): JourneyScope {
  let base = inert.get(machine);
  if (!base) {
    // Never started: its initial state (made without input) is never used.
    const self = createActor(machine as AnyActorLogic);
    base = {
      self,
      id: '',
      sessionId: '',
      logger: () => undefined,
      defer: () => undefined,
      emit: () => undefined,
      system: self.system,
      stopChild: () => undefined,
    } as Inert;
    inert.set(machine, base);
  }
  return { ...base, actionExecutor: (action) => void actions.push(action) } as JourneyScope;
}

/** The journey's first snapshot and the actions entering it takes (XState's `initialTransition`). */
export function initialTransition(
  machine: JourneyMachine,
  input: MachineInput,
): [MachineSnapshot, ExecutableActionObject[]] {
  const actions: ExecutableActionObject[] = [];
  return [machine.getInitialSnapshot(scopeOf(machine, actions), input), actions];
}

/** The next snapshot and the actions an event takes (XState's `transition`). */
export function transition(
  machine: JourneyMachine,
  snapshot: MachineSnapshot,
  event: MachineEvent,
): [MachineSnapshot, ExecutableActionObject[]] {
  const actions: ExecutableActionObject[] = [];
  return [machine.transition(snapshot, event, scopeOf(machine, actions)), actions];
}
