import { isDuplicateKey, type RuntimeModels } from '../model/models.ts';
import type { GroupCommit } from '../model/group-commit.ts';
import { insertNew } from '../model/insert-new.ts';

export const laneId = (bucket: string, n: number) => `${bucket}@${n}`;
export const slotId = (lane: string, index: number) => `${lane}#${index}`;
/** Slots a coverage mark speaks for (and that readers read at the same time). */
export const LANE_WINDOW = 32;
/** The mark that window `w` of a lane (slots `w × LANE_WINDOW` …) is covered. */
export const coverageId = (lane: string, window: number) => `${lane}!${window}`;

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
  /** Windows whose coverage is asked for, and those marked in the store (all below it). */
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
 * bucket by inserting it, then numbers its own slots in memory. Once a slot exists, the windows
 * of {@link LANE_WINDOW} slots up to it are marked covered, each by inserting its mark once
 * (an insert, batched with the rest: an update of a size costs the store a transaction each).
 * Marks of one lane are stored in order, never concurrently.
 *
 * A slot whose add has returned is always in a covered window, so a reader goes on past gaps
 * there; a slot whose add did not return (a crash) belongs to a step whose effects are
 * dispatched again by recovery.
 */
export class TimerLanes {
  readonly #models: RuntimeModels;
  readonly #lanes = new Map<string, Promise<LaneState>>();
  readonly #commits: GroupCommit | undefined;

  constructor(models: RuntimeModels, commits?: GroupCommit) {
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

  /** The slot at `index` exists: resolves once its window (and every one before) is marked. */
  async written(lane: Lane, index: number): Promise<void> {
    const state = lane as LaneState;
    const window = Math.floor(index / LANE_WINDOW);
    state.wanted = Math.max(state.wanted, window + 1);
    while (state.stored <= window) {
      state.storing ??= this.#store(state).finally(() => (state.storing = undefined));
      await state.storing;
    }
  }

  /** The slot at `index` could not be written: the index is handed out again. */
  release(lane: Lane, index: number): void {
    (lane as LaneState).free.push(index);
  }

  async #store(state: LaneState): Promise<void> {
    const upTo = state.wanted;
    const startsAt = new Date(state.startsAt);
    const marks = [];
    for (let window = state.stored; window < upTo; window++)
      marks.push({
        _id: coverageId(state.id, window),
        startsAt,
        size: (window + 1) * LANE_WINDOW,
      });
    // A mark that exists already was stored by an earlier try of this process.
    if (this.#commits) await this.#commits.insertAll(this.#models.TimerLanes, marks);
    else await insertNew(this.#models.TimerLanes, marks);
    state.stored = Math.max(state.stored, upTo);
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
