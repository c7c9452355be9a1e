import { randomBytes } from 'node:crypto';
import type { RuntimeModels } from '../model/models.ts';
import type { Gathering, GroupCommit } from '../model/group-commit.ts';
import type { OutboxEntry } from '../model/instance.model.ts';

/**
 * The outbox of one process: before a step is recorded, its key (`instanceId#revision`) goes
 * into a note, one note for all the steps this process records together (a group commit), and
 * the note goes once each of its steps was dispatched. A process that dies leaves its notes:
 * recovery finishes the steps they name whose records carry the note's `_id`
 * ({@link StepLog.recover}). One document for a batch of steps, where an entry per step cost
 * the store two documents per event (written, then deleted) at any load.
 */
export class OutboxNotes {
  readonly #models: Pick<RuntimeModels, 'Outbox'>;
  readonly #commits: GroupCommit;
  readonly #process: string | undefined;
  readonly #prefix: string;
  #written = 0;
  /** Notes of this process, with their steps not dispatched yet. */
  readonly #open = new Map<string, Set<string>>();
  /** The note of each step in {@link #open}. */
  readonly #noteOf = new Map<string, string>();
  /** Notes left to recovery (a step of theirs failed): kept in the store when they empty. */
  readonly #leftToRecovery = new Set<string>();

  constructor(models: Pick<RuntimeModels, 'Outbox'>, commits: GroupCommit, process?: string) {
    this.#models = models;
    this.#commits = commits;
    this.#process = process;
    this.#prefix = process ?? `step-log:${randomBytes(4).toString('hex')}`;
  }

  /**
   * Notes that step `key` is about to be recorded; resolves with the note's `_id` once the note
   * is stored (the step's record names it: the claim recovery checks). `gathering`: how the note
   * may wait for other steps' (a step nothing waits on, {@link StepLog.commit}).
   */
  async note(key: string, gathering?: Gathering): Promise<string> {
    try {
      return await this.#commits.gather(
        this.#models.Outbox,
        key,
        (keys) => this.#make(keys),
        gathering,
      );
    } catch (error) {
      // Not stored: nothing of it to recover.
      await this.release(key).catch(() => undefined);
      throw error;
    }
  }

  #make(keys: string[]): OutboxEntry {
    const _id = `${this.#prefix}:${++this.#written}`;
    this.#open.set(_id, new Set(keys));
    for (const key of keys) this.#noteOf.set(key, _id);
    return {
      _id,
      steps: keys,
      claimedAt: new Date(),
      ...(this.#process ? { process: this.#process } : {}),
    };
  }

  /** Step `key` was dispatched (or never recorded): its note goes with the last of its steps. */
  async release(key: string): Promise<void> {
    const note = this.#forget(key);
    if (note && !this.#leftToRecovery.delete(note))
      await this.#commits.delete(this.#models.Outbox, note);
  }

  /**
   * Step `key` failed on the way (its record's write or its dispatch): its note stays in the
   * store once its other steps are done, and recovery finishes it when it is stale.
   */
  abandon(key: string): void {
    const note = this.#noteOf.get(key);
    if (note) this.#leftToRecovery.add(note);
    const emptied = this.#forget(key);
    if (emptied) this.#leftToRecovery.delete(emptied);
  }

  /** True while the note has steps this process is still working on: not for recovery. */
  owns(note: string): boolean {
    return this.#open.has(note);
  }

  /** Forgets step `key`; returns its note's `_id` when that was its last open step. */
  #forget(key: string): string | undefined {
    const note = this.#noteOf.get(key);
    if (!note) return undefined;
    this.#noteOf.delete(key);
    const open = this.#open.get(note);
    open?.delete(key);
    if (open && open.size > 0) return undefined;
    this.#open.delete(note);
    return note;
  }
}

/** The steps an outbox entry names: a note's list, or the one step of an older version's entry. */
export function stepsOf(entry: OutboxEntry): string[] {
  return entry.steps ?? [entry._id];
}

/**
 * True when `note` claimed the step recorded as `record`: the record names the note, or the
 * entry is an older version's (one entry per step, the step's own claim).
 */
export function claimedBy(entry: OutboxEntry, record: { note?: string }): boolean {
  return entry.steps ? record.note === entry._id : true;
}
