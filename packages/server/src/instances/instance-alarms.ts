import type { Effect } from '@xiaoer/engine';
import type { RuntimeModels } from '../model/models.ts';
import { findByIds } from '../model/find-by-ids.ts';
import { stepJson, type StepRecord } from '../model/instance.model.ts';
import type { EffectRecord } from '../model/effect.model.ts';

/**
 * Why an instance's run needs a look, as the instances list flags it:
 * - `failed-effect`: a message or call failed (it may be retrying) or gave up, or the journey
 *   heard `send.failed` / `call.failed`;
 * - `empty-recipient`: a message went to nobody (an empty `to`);
 * - `empty-text`: a message had no text.
 */
export const INSTANCE_ALARMS = ['failed-effect', 'empty-recipient', 'empty-text'] as const;
export type InstanceAlarm = (typeof INSTANCE_ALARMS)[number];

/** What one step says by itself (steps never change once written), and its effects' keys. */
interface StepFacts {
  alarms: InstanceAlarm[];
  /** Effect record ids (`instance:revision:index`) of its messages and calls. */
  effectKeys: string[];
}

/** Steps remembered between list reads (the list refreshes every few seconds). */
const STEP_CACHE = 20_000;

/**
 * Reads the alarms of listed instances from their step and effect records (lookups by `_id`
 * only, see find-by-ids.ts). Steps are immutable and effect records that are `done` stay so,
 * so both are remembered: a refresh reads only new steps and effects still in flight.
 */
export class InstanceAlarms {
  readonly #models: RuntimeModels;
  readonly #maxSteps: number;
  readonly #steps = new Map<string, StepFacts>();
  readonly #done = new Set<string>();

  constructor(models: RuntimeModels, maxSteps: number) {
    this.#models = models;
    this.#maxSteps = maxSteps;
  }

  /** The alarms of each instance that has any, in the order of `INSTANCE_ALARMS`. */
  async of(
    instances: readonly { _id: string; revision: number }[],
  ): Promise<Map<string, InstanceAlarm[]>> {
    const stepIds = instances.flatMap(({ _id, revision }) => {
      const first = Math.max(1, revision - this.#maxSteps + 1);
      return Array.from({ length: revision - first + 1 }, (_, i) => `${_id}#${first + i}`);
    });
    const unread = stepIds.filter((id) => !this.#steps.has(id));
    const read = stepJson.decodeAll(
      await findByIds(this.#models.Steps, unread, { revision: 1, event: 1, effects: 1 }),
    );
    for (const step of read) this.#remember(step);
    const alarms = new Map<string, Set<InstanceAlarm>>();
    const raise = (instance: string, alarm: InstanceAlarm) =>
      alarms.set(instance, (alarms.get(instance) ?? new Set()).add(alarm));
    const inFlight = new Map<string, string>();
    for (const id of stepIds) {
      const facts = this.#steps.get(id);
      if (!facts) continue;
      const instance = id.slice(0, id.lastIndexOf('#'));
      for (const alarm of facts.alarms) raise(instance, alarm);
      for (const key of facts.effectKeys) if (!this.#done.has(key)) inFlight.set(key, instance);
    }
    const records = (await findByIds(this.#models.Effects, [...inFlight.keys()], {
      status: 1,
      lastError: 1,
    })) as Pick<EffectRecord, '_id' | 'status' | 'lastError'>[];
    for (const record of records) {
      if (record.status === 'done') this.#done.add(record._id);
      const instance = inFlight.get(record._id);
      if (instance && failed(record)) raise(instance, 'failed-effect');
    }
    const ordered = new Map<string, InstanceAlarm[]>();
    for (const [instance, found] of alarms)
      ordered.set(
        instance,
        INSTANCE_ALARMS.filter((alarm) => found.has(alarm)),
      );
    return ordered;
  }

  #remember(step: Pick<StepRecord, '_id' | 'revision' | 'event' | 'effects'>): void {
    if (this.#steps.size >= STEP_CACHE) this.#steps.clear();
    if (this.#done.size >= STEP_CACHE) this.#done.clear();
    const instance = step._id.slice(0, step._id.lastIndexOf('#'));
    const alarms = new Set<InstanceAlarm>(step.effects.flatMap(effectAlarms));
    if (step.event.type === 'send.failed' || step.event.type === 'call.failed')
      alarms.add('failed-effect');
    this.#steps.set(step._id, {
      alarms: [...alarms],
      effectKeys: step.effects.flatMap((effect, index) =>
        effect.kind === 'send' || effect.kind === 'call'
          ? [`${instance}:${step.revision}:${index}`]
          : [],
      ),
    });
  }
}

/**
 * An effect that failed for good (`failed`, `dead`), or whose last attempt failed while it
 * waits for its next (`pending` with an error): an operator sees the trouble at its first
 * failure, not only once the retries are spent.
 */
function failed({ status, lastError }: Pick<EffectRecord, 'status' | 'lastError'>): boolean {
  return status === 'failed' || status === 'dead' || (status === 'pending' && !!lastError);
}

/** What an effect shows by itself: a message to nobody, or with no text. */
function effectAlarms(effect: Effect): InstanceAlarm[] {
  if (effect.kind !== 'send') return [];
  return [
    ...(effect.to.trim() ? [] : (['empty-recipient'] as const)),
    ...(effect.text.trim() ? [] : (['empty-text'] as const)),
  ];
}
