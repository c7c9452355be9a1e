import { randomBytes, randomUUID } from 'node:crypto';
import type { UpdateQuery } from 'mongoose';
import {
  SourceRegistry,
  type EventSource,
  type SignedBy,
  type SourceKind,
} from '../intake/event-source.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { EventTypeScope } from '../intake/event-type-scope.ts';
import { isDuplicateKey, type SourceModels } from '../model/models.ts';
import type { StoredSourceRecord } from '../model/stored-source.model.ts';
import { claimName } from '../model/name-claims.ts';

/** The kinds a source added from the console may have: senders that sign with our secret. */
export const STORED_SOURCE_KINDS = ['xiaoer', 'woocommerce'] as const;
export type StoredSourceKind = (typeof STORED_SOURCE_KINDS)[number];

/** How many of a secret's last characters are shown after it is created. */
const HINT_LENGTH = 4;

/** The longest a rotated-out secret may still be taken: 7 days, as Stripe's rolled keys. */
export const MAX_GRACE_HOURS = 168;

/** A source as the console lists it: where it is defined, never its secret. */
export interface SourceEntry {
  id: string;
  kind: SourceKind;
  /** `config`: the configuration file's, read-only here; `stored`: added from the console. */
  origin: 'config' | 'stored';
  secretSet: boolean;
  /** The secret's last characters (stored sources; the secret itself is shown once). */
  secretHint?: string;
  createdAt?: Date;
  createdBy?: string;
  rotatedAt?: Date;
  rotatedBy?: string;
  /** The previous secret's last characters, while it is held (its grace may have ended). */
  previousSecretHint?: string;
  /** When the previous secret stops (or stopped) being taken. */
  previousSecretUntil?: Date;
  /** The event types it may send; absent: every type. */
  eventTypes?: EventTypeScope;
}

/** A secret just made: the one time it is shown. */
export interface IssuedSecret {
  source: SourceEntry;
  secret: string;
}

const newSecret = () => randomBytes(32).toString('base64url');

/** The previous secret of a source as lists show it: its last characters and its end. */
const previousOf = (source: {
  previousSecret?: string | undefined;
  previousSecretUntil?: string | Date | undefined;
}): Pick<SourceEntry, 'previousSecretHint' | 'previousSecretUntil'> =>
  source.previousSecret && source.previousSecretUntil
    ? {
        previousSecretHint: source.previousSecret.slice(-HINT_LENGTH),
        previousSecretUntil: new Date(source.previousSecretUntil),
      }
    : {};

/** A source's scope as lists show it: present only when it restricts. */
const scopeOf = (source: { eventTypes?: EventTypeScope | undefined }) =>
  source.eventTypes ? { eventTypes: [...source.eventTypes] } : {};

const entryOf = (record: StoredSourceRecord): SourceEntry => ({
  id: record._id,
  kind: record.kind,
  origin: 'stored',
  secretSet: true,
  secretHint: record.secret.slice(-HINT_LENGTH),
  createdAt: record.createdAt,
  createdBy: record.createdBy,
  ...(record.rotatedAt ? { rotatedAt: record.rotatedAt } : {}),
  ...(record.rotatedBy ? { rotatedBy: record.rotatedBy } : {}),
  ...previousOf(record),
  ...scopeOf(record),
});

/** A stored source as intake uses it: its secrets, the previous one with its end, its scope. */
const sourceOf = (record: StoredSourceRecord): EventSource => ({
  id: record._id,
  kind: record.kind,
  secret: record.secret,
  ...(record.previousSecret && record.previousSecretUntil
    ? {
        previousSecret: record.previousSecret,
        previousSecretUntil: record.previousSecretUntil.toISOString(),
      }
    : {}),
  ...scopeOf(record),
});

/**
 * The configuration file's sources and those added from the console, kept in the store so
 * they survive a restart. Intake looks sources up through `find` as before; a configured
 * source wins over a stored one of the same id (none can be made: `create` refuses the id).
 * Other processes learn of a new source or secret at their next `refresh` (every few seconds,
 * `server/xiaoer.ts`); the process that made the change knows at once. A previous secret's
 * grace ended early is seen by every process at once: its signature check reads the store.
 */
export class StoredSourceRegistry extends SourceRegistry {
  readonly #models: SourceModels;
  #stored = new Map<string, StoredSourceRecord>();
  /** Counts this process's own changes, so a read that began before one does not undo it. */
  #changes = 0;

  readonly #now: () => number;

  constructor(configured: EventSource[], models: SourceModels, now: () => number = Date.now) {
    super(configured, now);
    this.#models = models;
    this.#now = now;
  }

  /** Reads the stored sources again. */
  async refresh(): Promise<void> {
    const changes = this.#changes;
    const records = await this.#models.StoredSources.find().lean<StoredSourceRecord[]>();
    // A create or rotation made here while reading is newer than what was read: keep it (the
    // next refresh reads it back with the rest).
    if (changes !== this.#changes) return;
    this.#stored = new Map(records.map((record) => [record._id, record]));
  }

  override find(id: string, kind: SourceKind): EventSource | undefined {
    const configured = super.find(id, kind);
    if (configured) return configured;
    const stored = this.#stored.get(id);
    return stored?.kind === kind ? sourceOf(stored) : undefined;
  }

  /**
   * `signedBy`, a previous secret's grace confirmed in the store: another process may have
   * ended it (`endGrace`, after a leak) since this one last read the sources, and the old
   * secret must then stop everywhere at once, not at the next `refresh`. Only a delivery
   * signed with a stored source's previous secret, still in its grace here, costs the read.
   */
  override async signedByLatest(
    id: string,
    kind: SourceKind,
    sign: (secret: string) => string,
    received: string,
  ): Promise<SignedBy> {
    const signed = this.signedBy(id, kind, sign, received);
    if (!signed || !('source' in signed) || signed.secret !== 'previous') return signed;
    if (super.find(id, kind)) return signed;
    const changes = this.#changes;
    const record = await this.#models.StoredSources.findById(id).lean<StoredSourceRecord>();
    if (record?.kind !== kind) return undefined;
    // A change made here while reading is newer than the record read: the cache keeps it.
    if (changes === this.#changes) this.#stored.set(id, record);
    return this.secretOf(sourceOf(record), sign, received);
  }

  /** The scope of source `id`, the configured one's first, else the stored one's (as read). */
  override eventTypesOf(id: string): EventTypeScope | undefined {
    if (super.list().some((source) => source.id === id)) return super.eventTypesOf(id);
    return this.#stored.get(id)?.eventTypes;
  }

  override list(): EventSource[] {
    const configured = super.list();
    const ids = new Set(configured.map((source) => source.id));
    const stored = [...this.#stored.values()]
      .filter((record) => !ids.has(record._id))
      .map(sourceOf);
    return [...configured, ...stored];
  }

  /** Every source, the configured ones first, without secrets. */
  entries(): SourceEntry[] {
    const configured = super.list();
    const ids = new Set(configured.map((source) => source.id));
    return [
      ...configured.map((source): SourceEntry => ({
        id: source.id,
        kind: source.kind,
        origin: 'config',
        secretSet: source.secret.length > 0,
        ...previousOf(source),
        ...scopeOf(source),
      })),
      ...[...this.#stored.values()]
        .filter((record) => !ids.has(record._id))
        .sort((a, b) => a._id.localeCompare(b._id))
        .map(entryOf),
    ];
  }

  /**
   * Adds a source with a new secret, limited to `eventTypes` if given; refuses an id the
   * configuration or the store has.
   */
  async create(
    id: string,
    kind: StoredSourceKind,
    actor: string,
    now: Date,
    eventTypes?: EventTypeScope,
  ): Promise<IssuedSecret> {
    if (super.list().some((source) => source.id === id)) throw taken(id);
    const record: StoredSourceRecord = {
      _id: id,
      kind,
      secret: newSecret(),
      createdAt: now,
      createdBy: actor,
      ...(eventTypes ? { eventTypes: [...eventTypes] } : {}),
    };
    try {
      await this.#models.StoredSources.create(record);
    } catch (error) {
      if (isDuplicateKey(error)) throw taken(id);
      throw error;
    }
    this.#stored.set(id, record);
    this.#changes++;
    return { source: entryOf(record), secret: record.secret };
  }

  /**
   * Sets the event types a stored source may send (`null`: every type again). This process
   * refuses other types at once, the others at their next `refresh`, as they learn of a new
   * secret. Refused, and nothing changed, for a source of the configuration file or an unknown
   * one.
   */
  async setEventTypes(id: string, eventTypes: EventTypeScope | null): Promise<SourceEntry> {
    if (super.list().some((source) => source.id === id))
      throw new DomainError('conflict', 'source-read-only', {
        zh: `来源 "${id}" 定义在配置文件中，只能在配置文件里修改它可发送的事件类型（eventTypes）。`,
        en: `Source "${id}" is defined in the configuration file; change the event types it may send (eventTypes) there.`,
      });
    const record = await this.#change(id, () =>
      eventTypes ? { $set: { eventTypes: [...eventTypes] } } : { $unset: { eventTypes: 1 } },
    );
    return entryOf(record);
  }

  /**
   * Ends the grace of a stored source's previous secret now (its leak), the current secret
   * untouched. The previous secret is kept, ended, so a delivery signed with it is refused
   * saying when it stopped; every process refuses it at once (`signedByLatest`). Refused, and
   * nothing changed, for a source of the configuration file, an unknown one, or one holding no
   * previous secret still taken.
   */
  async endGrace(id: string, now: Date): Promise<SourceEntry> {
    if (super.list().some((source) => source.id === id))
      throw new DomainError('conflict', 'source-read-only', {
        zh: `来源 "${id}" 定义在配置文件中，只能在配置文件里修改其旧密钥（previousSecretUntil）。`,
        en: `Source "${id}" is defined in the configuration file; change its previous secret (previousSecretUntil) there.`,
      });
    const record = await this.#change(id, (current) => {
      if (!current.previousSecret || !current.previousSecretUntil)
        throw new DomainError('conflict', 'source-no-previous-secret', {
          zh: `来源 "${id}" 没有旧密钥：它的密钥没有带宽限期更换过，或之后又不带宽限期更换了。`,
          en: `Source "${id}" holds no previous secret: its last rotation, if any, gave none a grace.`,
        });
      if (current.previousSecretUntil.getTime() <= now.getTime()) {
        const ended = current.previousSecretUntil.toISOString();
        throw new DomainError(
          'conflict',
          'source-grace-ended',
          {
            zh: `来源 "${id}" 的旧密钥已于 ${ended} 失效。`,
            en: `The previous secret of source "${id}" already stopped at ${ended}.`,
          },
          { details: { previousSecretUntil: ended } },
        );
      }
      return { $set: { previousSecretUntil: now } };
    });
    return entryOf(record);
  }

  /**
   * Replaces a stored source's secret. The old one is still taken for `graceHours` (0: it
   * stops at once), so a sender that cannot hold two secrets switches without losing a
   * delivery; a secret older than that (the previous one of an earlier rotation) stops now.
   */
  async rotate(id: string, actor: string, now: Date, graceHours = 0): Promise<IssuedSecret> {
    if (super.list().some((source) => source.id === id))
      throw new DomainError('conflict', 'source-read-only', {
        zh: `来源 "${id}" 定义在配置文件中，只能在配置文件里修改其密钥。`,
        en: `Source "${id}" is defined in the configuration file; change its secret there.`,
      });
    const secret = newSecret();
    const record = await this.#change(
      id,
      (current) =>
        graceHours > 0
          ? {
              $set: {
                secret,
                rotatedAt: now,
                rotatedBy: actor,
                previousSecret: current.secret,
                previousSecretUntil: new Date(now.getTime() + graceHours * 3_600_000),
              },
            }
          : {
              $set: { secret, rotatedAt: now, rotatedBy: actor },
              $unset: { previousSecret: 1, previousSecretUntil: 1 },
            },
      rotating,
    );
    return { source: entryOf(record), secret };
  }

  /**
   * Makes one change to a stored source, decided from the source as it is (`decide` may refuse
   * it by throwing), one change at a time across processes. The store runs an update as a read
   * and then a write of the whole document, so two changes at once could both be made from one
   * read, the later undoing the earlier (a rotated secret handed out and never taken). Each
   * change claims the source's next revision first, by a unique insert (`SourceChanges`,
   * `<source>@<revision>`, model/name-claims.ts): of changes at once one wins, the others read
   * the source again and claim the revision after it, up to {@link CHANGE_ATTEMPTS} times
   * (then `busy`, a 409 to try again). A claim left by a process that died before its write
   * holds the revision for five minutes (`CLAIM_GRACE_MS`), then the next change takes it over.
   */
  async #change(
    id: string,
    decide: (current: StoredSourceRecord) => UpdateQuery<StoredSourceRecord>,
    busy: (id: string) => DomainError = changing,
  ): Promise<StoredSourceRecord> {
    for (let attempt = 0; attempt < CHANGE_ATTEMPTS; attempt++) {
      const current = await this.#models.StoredSources.findById(id).lean<StoredSourceRecord>();
      if (!current) throw notFound(id);
      const update = decide(current);
      const revision = (current.revision ?? 0) + 1;
      const landed = async () =>
        ((await this.#models.StoredSources.findById(id, { revision: 1 }).lean<StoredSourceRecord>())
          ?.revision ?? 0) >= revision;
      if (
        !(await claimName(
          this.#models.SourceChanges,
          `${id}@${revision}`,
          randomUUID(),
          new Date(this.#now()),
          landed,
        ))
      )
        continue;
      const record = await this.#models.StoredSources.findOneAndUpdate(
        { _id: id },
        { ...update, $set: { ...update.$set, revision } },
        { returnDocument: 'after' },
      ).lean<StoredSourceRecord>();
      if (!record) throw notFound(id);
      this.#stored.set(id, record);
      this.#changes++;
      return record;
    }
    throw busy(id);
  }
}

/** Reads of a source before a change made at the same time elsewhere gives up (409). */
const CHANGE_ATTEMPTS = 8;

const taken = (id: string) =>
  new DomainError('conflict', 'source-exists', {
    zh: `事件来源 "${id}" 已存在。`,
    en: `Event source "${id}" already exists.`,
  });

const notFound = (id: string) =>
  new DomainError('not-found', 'source-not-found', {
    zh: `没有事件来源 "${id}"。`,
    en: `No event source "${id}".`,
  });

const rotating = (id: string) =>
  new DomainError('conflict', 'source-rotating', {
    zh: `来源 "${id}" 的密钥正在被同时更换，请稍后再试。`,
    en: `The secret of source "${id}" is being rotated at the same time; try again.`,
  });

const changing = (id: string) =>
  new DomainError('conflict', 'source-changing', {
    zh: `来源 "${id}" 正在被同时修改，请稍后再试。`,
    en: `Source "${id}" is being changed at the same time; try again.`,
  });
