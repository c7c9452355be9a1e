import { ENGINE_EVENTS, journeyOf, type JourneyMachine } from '@xiaoer/engine';
import type { RuntimeModels } from '../model/models.ts';
import type { GroupCommit } from '../model/group-commit.ts';
import { deleteByIds } from '../model/delete-by-ids.ts';
import { deleteOlderThan } from '../model/delete-older.ts';
import { earlyEventJson, type EarlyEventRecord } from '../model/early-event.model.ts';
import type { InstanceEvent } from '../model/instance.model.ts';

/** How long an early event waits for its order's journey: 7 days. */
export const EARLY_EVENT_RETENTION_MS = 7 * 86_400_000;
/** At most this many early events are applied to one order (the oldest first). */
const MAX_PER_ORDER = 20;

/** Only order events wait for their order; chat replies and the host's own events never do. */
const isOrderEvent = (type: string) =>
  type.startsWith('order.') && !Object.values<string>(ENGINE_EVENTS).includes(type);

/**
 * Whether a journey that waits for these event types may have order events kept for it before
 * it starts: only then does its start read the correlation hint.
 */
export const mayKeepEarlyEvents = (awaits: readonly string[]): boolean => awaits.some(isOrderEvent);

const awaitedByMachine = new WeakMap<JourneyMachine, Set<string>>();

/** Every event type some node of the journey waits for (its trigger's aside). */
function awaitedAnywhere(machine: JourneyMachine): Set<string> {
  let awaited = awaitedByMachine.get(machine);
  if (!awaited) {
    const { nodes } = journeyOf(machine);
    awaited = new Set([...nodes.values()].flatMap(({ node, type }) => type.awaits(node.config)));
    awaitedByMachine.set(machine, awaited);
  }
  return awaited;
}

/**
 * Order events that arrive before their order's journey started (a fulfilment before
 * `order.created`, as platforms deliver webhooks out of order): kept, then applied in arrival
 * order right after the journey starts, like events the journey was not waiting for yet. The
 * correlation hint (`correlations`) notes that some wait, so a start reads them only then —
 * the common start costs no extra read. Kept at most {@link EARLY_EVENT_RETENTION_MS}.
 */
export class EarlyEvents {
  readonly #models: RuntimeModels;
  readonly #commits: GroupCommit;
  readonly #retentionMs: number;

  constructor(models: RuntimeModels, commits: GroupCommit, retentionMs = EARLY_EVENT_RETENTION_MS) {
    this.#models = models;
    this.#commits = commits;
    this.#retentionMs = retentionMs;
  }

  /**
   * Keeps `event` for the journey of `correlation` (`workflowId:value`, no instance yet) when
   * it is an order event the journey waits for somewhere. True when kept.
   */
  async keep(
    machine: JourneyMachine,
    correlation: string,
    event: InstanceEvent,
    now = new Date(),
  ): Promise<boolean> {
    if (!isOrderEvent(event.type) || !awaitedAnywhere(machine).has(event.type)) return false;
    const record: EarlyEventRecord = {
      _id: `${correlation}|${event.key}`,
      correlation,
      event,
      keptAt: now,
    };
    await Promise.all([
      this.#commits.insert(this.#models.EarlyEvents, earlyEventJson.encode(record)).catch(() => {
        // Kept already (a redelivery).
      }),
      this.#commits.update(this.#models.Correlations, {
        updateOne: {
          filter: { _id: correlation },
          update: { $set: { early: true }, $setOnInsert: { latest: 0 } },
          upsert: true,
        },
      }),
    ]);
    return true;
  }

  /**
   * The events kept for `correlation` within the retention, oldest first, and `clear` to call
   * once they were applied (a crash before leaves them to the retention).
   */
  async take(
    correlation: string,
    now = new Date(),
  ): Promise<{ events: InstanceEvent[]; clear: () => Promise<void> }> {
    const found = earlyEventJson.decodeAll(
      await this.#models.EarlyEvents.find({ correlation }).lean(),
    );
    const cutoff = now.getTime() - this.#retentionMs;
    const events = found
      .filter((r) => new Date(r.keptAt).getTime() >= cutoff)
      .sort((a, b) => new Date(a.keptAt).getTime() - new Date(b.keptAt).getTime())
      .slice(0, MAX_PER_ORDER)
      .map((r) => r.event);
    const clear = async () => {
      await deleteByIds(
        this.#models.EarlyEvents,
        found.map((r) => r._id),
      );
      await this.#commits.update(this.#models.Correlations, {
        updateOne: { filter: { _id: correlation }, update: { $unset: { early: 1 } } },
      });
    };
    return { events, clear };
  }

  /** Deletes events kept longer than the retention; returns how many went. */
  prune(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.#retentionMs);
    return deleteOlderThan(this.#models.EarlyEvents, 'keptAt', cutoff);
  }
}
