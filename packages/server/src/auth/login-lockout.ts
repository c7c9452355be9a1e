import type { Model } from 'mongoose';
import type { Clock } from '../clock/clock.ts';
import type { LoginFailureRecord } from '../model/auth.model.ts';
import { deleteOlderThan } from '../model/delete-older.ts';
import { isDuplicateKey, type AuthModels } from '../model/models.ts';

/**
 * How many failed logins one user name may have before it is locked (`http.loginLockout`).
 * Counted per user name across all addresses and processes, beside the per-address limit.
 */
export interface LoginLockoutOptions {
  /** Failed logins of one user name within the window that lock it. Default 10. */
  failuresPerAccount?: number;
  /** The window the failures are counted in, from the first, in minutes. Default 15. */
  windowMinutes?: number;
  /** How long a locked user name refuses every login, even the right password. Default 15. */
  lockMinutes?: number;
}

export const LOGIN_LOCKOUT_DEFAULTS: Required<LoginLockoutOptions> = {
  failuresPerAccount: 10,
  windowMinutes: 15,
  lockMinutes: 15,
};

/** How often a failure also deletes the stale records of names nobody tried again. */
export const LOGIN_FAILURES_PRUNE_EVERY_MS = 10 * 60_000;

/** What a login may do: check the password, or be refused until `lockedUntil`. */
export type LoginTurn = { locked: false } | { locked: true; lockedUntil: Date };

/**
 * Failed logins per user name, kept in the store (`loginFailures`) so every process behind a
 * balancer counts the same failures and sees the same lock. An attempt counts as a failure from
 * the moment its password is to be checked (`begin`) until it succeeds (`succeeded` deletes the
 * count), and takes one of the window's `limit` attempts by a unique insert, so attempts sent at
 * once from many addresses cannot check more passwords than the limit before the lock is
 * written. A user name that does not exist is counted and locked the same way: the lock tells
 * nothing about which names exist.
 */
export class LoginLockout {
  readonly #failures: Model<LoginFailureRecord>;
  readonly #clock: Clock;
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #lockMs: number;
  #prunedAt = 0;

  constructor(models: AuthModels, clock: Clock, options: LoginLockoutOptions = {}) {
    const settings = { ...LOGIN_LOCKOUT_DEFAULTS, ...options };
    this.#failures = models.LoginFailures;
    this.#clock = clock;
    this.#limit = settings.failuresPerAccount;
    this.#windowMs = settings.windowMinutes * 60_000;
    this.#lockMs = settings.lockMinutes * 60_000;
  }

  /**
   * Before a login's password is checked: refused while the name is locked (without counting),
   * else counted as a failure until `succeeded`. The attempt that goes over the limit locks it.
   */
  async begin(name: string): Promise<LoginTurn> {
    const now = this.#clock.now();
    const current = await this.#failures.findById(name).lean<LoginFailureRecord>();
    if (current?.lockedUntil && current.lockedUntil.getTime() > now)
      return { locked: true, lockedUntil: current.lockedUntil };
    // A stale count (its window or lock over) starts afresh; a fresh one is never matched here.
    if (current && current.expiresAt.getTime() <= now)
      await this.#failures.deleteOne({ _id: name, expiresAt: { $lte: new Date(now) } });
    const counted = await this.#count(name, now);
    if (counted.failures <= this.#limit && (await this.#claimSlot(name, counted)))
      return { locked: false };
    return { locked: true, lockedUntil: await this.#lock(name, now) };
  }

  /** The password was wrong (or the user unknown or disabled): at the limit, the name locks. */
  async failed(name: string): Promise<void> {
    const now = this.#clock.now();
    const record = await this.#failures.findById(name, { failures: 1 }).lean<LoginFailureRecord>();
    if (record && record.failures >= this.#limit) await this.#lock(name, now);
    await this.#prune(now);
  }

  /** A login succeeded: the name's failures are forgotten. */
  async succeeded(name: string): Promise<void> {
    await this.#failures.deleteOne({ _id: name });
  }

  /** Until when each of `names` is locked, for those locked now. */
  async lockedUntil(names: readonly string[]): Promise<Map<string, Date>> {
    const now = new Date(this.#clock.now());
    const locked = await this.#failures
      .find({ _id: { $in: [...names] }, lockedUntil: { $gt: now } })
      .lean<LoginFailureRecord[]>();
    return new Map(locked.map((record) => [record._id, record.lockedUntil ?? now]));
  }

  /** Ends the name's lock early (an admin's decision) with its count; false when not locked. */
  async end(name: string): Promise<boolean> {
    const now = new Date(this.#clock.now());
    const { deletedCount } = await this.#failures.deleteOne({
      _id: name,
      lockedUntil: { $gt: now },
    });
    return deletedCount > 0;
  }

  /** Adds one to the name's count, opening a window for a name without one; the count after. */
  async #count(name: string, now: number): Promise<LoginFailureRecord> {
    const windowEndsAt = new Date(now + this.#windowMs);
    const add = () =>
      this.#failures
        .findOneAndUpdate(
          { _id: name },
          { $inc: { failures: 1 }, $setOnInsert: { windowEndsAt, expiresAt: windowEndsAt } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean<LoginFailureRecord>();
    // Two first attempts at once: one inserts, the other's insert fails and it adds to that.
    const counted = await add().catch((error: unknown) => {
      if (isDuplicateKey(error)) return add();
      throw error;
    });
    if (!counted) throw new Error(`no login failure count for ${name} after an upsert`);
    return counted;
  }

  /**
   * Claims one of the window's `limit` attempts: a document of its own per attempt
   * (`<name>#<window end>#<n>`; a user name has no `#`), inserted, so that two attempts at once
   * never get the same one on any store — FerretDB 1.x runs the count's `findOneAndUpdate` as a
   * read and then a write, and two at once may both count one (a CI run checked four passwords
   * at a limit of three). Starts at the count, where the free ones are; false when all are taken.
   */
  async #claimSlot(name: string, counted: LoginFailureRecord): Promise<boolean> {
    const window = counted.windowEndsAt.getTime();
    for (let attempt = Math.max(1, counted.failures); attempt <= this.#limit; attempt++) {
      try {
        await this.#failures.collection.insertOne({
          _id: `${name}#${window}#${attempt}`,
          expiresAt: counted.windowEndsAt,
        } as never);
        return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    return false;
  }

  /** Locks the name unless it is already (the first lock stands); until when it is locked. */
  async #lock(name: string, now: number): Promise<Date> {
    const lockedUntil = new Date(now + this.#lockMs);
    await this.#failures.updateOne(
      { _id: name, lockedUntil: { $exists: false } },
      { $set: { lockedUntil, expiresAt: lockedUntil } },
    );
    const record = await this.#failures
      .findById(name, { lockedUntil: 1 })
      .lean<LoginFailureRecord>();
    return record?.lockedUntil ?? lockedUntil;
  }

  /** Deletes stale counts, at most every {@link LOGIN_FAILURES_PRUNE_EVERY_MS}. */
  async #prune(now: number): Promise<void> {
    if (now - this.#prunedAt < LOGIN_FAILURES_PRUNE_EVERY_MS) return;
    this.#prunedAt = now;
    await deleteOlderThan(this.#failures, 'expiresAt', new Date(now));
  }
}
