import { isDuplicateKey, type Models } from '../model/models.ts';
import type { GroupCommit } from '../model/group-commit.ts';

export const laneId = (bucket: string, n: number) => `${bucket}@${n}`;
export const slotId = (lane: string, index: number) => `${lane}#${index}`;

/** This process's lane in one bucket. */
export interface Lane {
  id: string;
  /** True until the first caller takes the job of creating the bucket's Agenda job. */
  createsBucket: boolean;
}

interface LaneState extends Lane {
  startsAt: number;
  next: number;
  /** Indexes whose slot insert failed, handed out again before new ones. */
  free: number[];
  /** Highest size asked for, and the highest stored. */
  wanted: number;
  stored: number;
  storing: Promise<void> | undefined;
}

/** Lanes of buckets that started longer ago than this are forgotten (a later add takes a new one). */
const FORGET_AFTER_MS = 120_000;

/**
 * Hands out slot indexes in timer buckets without contention between processes. FerretDB 1.x
 * does not make `$inc` atomic under concurrency (a counter shared by processes lost a third of
 * its increments in a test), but an insert of an `_id` is: each process claims a lane of a
 * bucket by inserting it, then numbers its own slots in memory, and stores the lane's size after
 * the slots it covers exist. Stores of one lane's size are coalesced, never concurrent.
 *
 * A slot whose add has returned is always inside its lane's stored size; a slot whose add did not
 * return (a crash) belongs to a step whose effects are dispatched again by recovery.
 */
export class TimerLanes {
  readonly #models: Models;
  readonly #lanes = new Map<string, Promise<LaneState>>();
  readonly #commits: GroupCommit | undefined;

  constructor(models: Models, commits?: GroupCommit) {
    this.#models = models;
    this.#commits = commits;
  }

  /** Takes the next slot index in this process's lane of `bucket`. */
  async take(bucket: string, startsAt: Date): Promise<{ lane: Lane; index: number }> {
    let claim = this.#lanes.get(bucket);
    if (!claim) {
      this.#forgetOld();
      claim = this.#claim(bucket, startsAt);
      this.#lanes.set(bucket, claim);
      claim.catch(() => this.#lanes.delete(bucket));
    }
    const lane = await claim;
    return { lane, index: lane.free.pop() ?? lane.next++ };
  }

  /** The slot at `index` exists: resolves once the lane's stored size covers it. */
  async written(lane: Lane, index: number): Promise<void> {
    const state = lane as LaneState;
    state.wanted = Math.max(state.wanted, index + 1);
    while (state.stored <= index) {
      state.storing ??= this.#store(state).finally(() => (state.storing = undefined));
      await state.storing;
    }
  }

  /** The slot at `index` could not be written: the index is handed out again. */
  release(lane: Lane, index: number): void {
    (lane as LaneState).free.push(index);
  }

  async #store(state: LaneState): Promise<void> {
    const size = state.wanted;
    const update = { filter: { _id: state.id }, update: { $set: { size } } };
    await (this.#commits
      ? this.#commits.update(this.#models.TimerLanes, { updateOne: update })
      : this.#models.TimerLanes.updateOne(update.filter, update.update));
    state.stored = Math.max(state.stored, size);
  }

  async #claim(bucket: string, startsAt: Date): Promise<LaneState> {
    for (let n = 0; ; n++) {
      const id = laneId(bucket, n);
      try {
        await this.#models.TimerLanes.create({ _id: id, startsAt, size: 0 });
      } catch (error) {
        if (isDuplicateKey(error)) continue;
        throw error;
      }
      return {
        id,
        createsBucket: n === 0,
        startsAt: startsAt.getTime(),
        next: 0,
        free: [],
        wanted: 0,
        stored: 0,
        storing: undefined,
      };
    }
  }

  #forgetOld(): void {
    if (this.#lanes.size < 1024) return;
    const before = Date.now() - FORGET_AFTER_MS;
    for (const [bucket, claim] of this.#lanes)
      void claim.then(
        (lane) => lane.startsAt < before && this.#lanes.delete(bucket),
        () => undefined,
      );
  }
}
