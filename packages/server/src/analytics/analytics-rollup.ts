import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { isDuplicateKey, type AnalyticsModels } from '../model/models.ts';
import { findByIds } from '../model/find-by-ids.ts';
import { deleteByIds } from '../model/delete-by-ids.ts';
import {
  RECENT_BATCHES,
  factsOf,
  type RecentBatchesRecord,
  type FactRecord,
  type StoredFacts,
} from '../model/analytics.model.ts';
import { addToFlowHour, emptyFlowHour, flowHourId } from './flow-hours.ts';
import { FLOW_HOURS_KEPT_DAYS } from './journey-flow.ts';
import { localTime } from './local-time.ts';
import { systemClock, type Clock } from '../clock/clock.ts';
import {
  addToConversationDay,
  countedAt,
  addToJourneyDay,
  emptyConversationDay,
  emptyJourneyDay,
  rollupKeyOf,
} from './rollup-documents.ts';

export interface RollupOptions {
  /** The shop's time zone: days and hours are counted on its clock. */
  timeZone: string;
  /** Facts rolled up per batch (whole packs: a batch may hold a pack more). Default 5,000. */
  batchSize?: number;
  /** A run that holds the lease longer is taken for dead. Default 5 minutes. */
  leaseMs?: number;
  /** Leases and the rolled-up-to mark are on this clock. */
  clock?: Clock;
}

export interface RollupResult {
  /** False when another process was rolling up (nothing done here). */
  ran: boolean;
  facts: number;
  /** Day documents written. */
  days: number;
  /** Journey hour documents written (the editor's counts: flow-hours.ts). */
  hours: number;
  ms: number;
}

/** Batches remembered on a day document (a redone batch is recognised among them). */
const REMEMBERED_BATCHES = 20;
const LEASE = 'rollup';
const BATCH = 'batch';
const RECENT = 'recent';

/**
 * Moves recorded facts into the hourly rollups, exactly once, with several processes on one
 * store: one run at a time holds a lease (an inserted `_id`, FerretDB's only atomic claim);
 * each batch is written ahead (its fact ids) and noted among the recent batches, then added to
 * its day documents and journey hours (each notes the batch id), then its facts and the batch
 * record are deleted. A run that died part way is redone by the next one, skipping the
 * documents that already note the batch.
 */
export class AnalyticsRollup {
  readonly #models: AnalyticsModels;
  readonly #timeZone: string;
  readonly #batchSize: number;
  readonly #leaseMs: number;
  readonly #clock: Clock;
  /** Facts per document in the last batch read (sizes the next batch's round trips). */
  #factsPerDocument: number | undefined;
  /** When this rollup last deleted the journey hours past keeping (at most hourly). */
  #hoursPrunedAt = Number.NEGATIVE_INFINITY;

  constructor(models: AnalyticsModels, options: RollupOptions) {
    this.#models = models;
    this.#timeZone = options.timeZone;
    this.#batchSize = options.batchSize ?? 5000;
    this.#leaseMs = options.leaseMs ?? 300_000;
    this.#clock = options.clock ?? systemClock;
  }

  async run(): Promise<RollupResult> {
    const started = this.#clock.now();
    const owner = randomUUID();
    if (!(await this.#lease(owner))) return { ran: false, facts: 0, days: 0, hours: 0, ms: 0 };
    const result = { ran: true, facts: 0, days: 0, hours: 0, ms: 0 };
    const add = (written: { days: number; hours: number }) => {
      result.days += written.days;
      result.hours += written.hours;
    };
    try {
      const left = await this.#models.RollupControl.findById(BATCH).lean();
      if (left) {
        const documents = await findByIds(this.#models.AnalyticsFacts, left.factIds ?? []);
        add(await this.#apply(left.owner, documents));
        result.facts += factsOf(documents).length;
      }
      for (;;) {
        const { documents, all } = await this.#nextBatch();
        if (documents.length === 0) break;
        const batchId = randomUUID();
        await this.#models.RollupControl.create({
          _id: BATCH,
          owner: batchId,
          expiresAt: new Date(this.#clock.now() + this.#leaseMs),
          factIds: documents.map((d) => d._id),
        });
        add(await this.#apply(batchId, documents));
        result.facts += factsOf(documents).length;
        if (all) break;
        // A long backlog outlasts the lease: renew it per batch; stop if it was taken over.
        if (!(await this.#renew(owner))) break;
      }
      await this.#progress(new Date(started));
      await this.#pruneHours();
      await this.#forgetStrayOutcomes(started);
    } finally {
      await this.#models.RollupControl.deleteOne({ _id: LEASE, owner });
    }
    return { ...result, ms: this.#clock.now() - started };
  }

  /**
   * The next batch: whole fact documents (packs or single facts) from the start, until they hold
   * `batchSize` facts (a pack may take it over) — not the whole backlog for every batch — and
   * whether they were all there was. A round trip brings about as many documents as the last
   * batch needed ({@link READ_BATCH} the first time): packs of hundreds of facts come a couple
   * dozen at a time, single facts thousands.
   */
  async #nextBatch(): Promise<{ documents: StoredFacts[]; all: boolean }> {
    const roundTrip = this.#factsPerDocument
      ? Math.min(this.#batchSize, Math.ceil(this.#batchSize / this.#factsPerDocument) + 1)
      : READ_BATCH;
    const cursor = this.#models.AnalyticsFacts.collection.find({}, { batchSize: roundTrip });
    const documents: StoredFacts[] = [];
    let facts = 0;
    try {
      for await (const stored of cursor) {
        const document = stored as unknown as StoredFacts;
        documents.push(document);
        facts += factCount(document);
        if (facts >= this.#batchSize) break;
      }
    } finally {
      await cursor.close();
    }
    if (documents.length > 0) this.#factsPerDocument = facts / documents.length;
    return { documents, all: facts < this.#batchSize };
  }

  /**
   * Adds the documents' facts to their day documents and journey hours, then forgets them and
   * the batch.
   */
  async #apply(
    batchId: string,
    documents: StoredFacts[],
  ): Promise<{ days: number; hours: number }> {
    await this.#remember(
      batchId,
      documents.map((d) => d._id),
    );
    const facts = factsOf(documents);
    const conversationDays = new Map<string, FactRecord[]>();
    const journeyDays = new Map<string, FactRecord[]>();
    const journeyHours = new Map<string, FactRecord[]>();
    const channels = new Set<string>();
    const listIn = (target: Map<string, FactRecord[]>, id: string, fact: FactRecord) => {
      const list = target.get(id);
      if (list) list.push(fact);
      else target.set(id, [fact]);
    };
    for (const fact of facts) {
      const key = rollupKeyOf(fact, localTime(countedAt(fact), this.#timeZone));
      listIn(key.collection === 'journey' ? journeyDays : conversationDays, key.id, fact);
      if (fact.kind === 'step' && fact.outcomes?.length)
        listIn(journeyHours, flowHourId(fact.workflowId, new Date(fact.at)), fact);
      if ('channel' in fact) channels.add(fact.channel);
    }
    const reach = await this.#firstEntries(facts);
    const written =
      (await this.#addTo(
        this.#models.ConversationDays,
        conversationDays,
        batchId,
        (id, day, list) => {
          const doc = day ?? emptyConversationDay(id);
          for (const fact of list)
            if (fact.kind !== 'step')
              addToConversationDay(doc, fact, localTime(fact.at, this.#timeZone));
          return doc;
        },
      )) +
      (await this.#addTo(this.#models.JourneyDays, journeyDays, batchId, (id, day, list) => {
        const doc = day ?? emptyJourneyDay(id);
        for (const fact of list)
          if (fact.kind === 'step') addToJourneyDay(doc, fact, reach.reached.get(fact._id) ?? []);
        return doc;
      }));
    const hours = await this.#addTo(
      this.#models.JourneyHours,
      journeyHours,
      batchId,
      (id, hour, list) => {
        const doc = hour ?? emptyFlowHour(id);
        for (const fact of list) if (fact.kind === 'step') addToFlowHour(doc, fact);
        return doc;
      },
    );
    // After the days: a batch redone after a crash finds what the instances had reached before.
    await reach.save();
    if (channels.size > 0) await this.#addChannels([...channels]);
    await this.#revisePast([...conversationDays.keys()]);
    const ids = documents.map((d) => d._id);
    await deleteByIds(this.#models.AnalyticsFacts, ids);
    // After the hours: the editor's counts read a waiting summary or the hour, never both.
    await deleteByIds(this.#models.WaitingOutcomes, ids);
    await this.#models.RollupControl.deleteOne({ _id: BATCH, owner: batchId });
    return { days: written, hours };
  }

  /**
   * Notes a batch among the recent ones before any of it is written (a batch redone after a
   * crash is there already, or noted now): readers of the journey hours tell by it whether a
   * waiting fact is counted in its hour (journey-flow.ts).
   */
  async #remember(batchId: string, factIds: string[]): Promise<void> {
    const recent = await this.#models.RollupControl.collection.findOne({ _id: RECENT } as never);
    const record = recent as unknown as RecentBatchesRecord | null;
    if (record?.batches.some((batch) => batch.id === batchId)) return;
    const kept: RecentBatchesRecord = {
      _id: RECENT,
      begun: (record?.begun ?? 0) + 1,
      batches: [...(record?.batches ?? []), { id: batchId, factIds }].slice(-RECENT_BATCHES),
    };
    await this.#models.RollupControl.collection.replaceOne(
      { _id: RECENT } as never,
      kept as never,
      { upsert: true },
    );
  }

  /**
   * Deletes waiting summaries whose pack is gone, written a minute or more before this run: a
   * recorder wrote one just after this rollup deleted its pack's (rolled up already). Readers
   * skip them meanwhile: their batch is a recent one, noted on its hours.
   */
  async #forgetStrayOutcomes(started: number): Promise<void> {
    const summaries = await this.#models.WaitingOutcomes.find({
      recordedAt: { $lt: new Date(started - STRAY_AFTER_MS) },
    })
      .select({ _id: 1 })
      .lean<{ _id: string }[]>();
    if (summaries.length === 0) return;
    const ids = summaries.map((s) => s._id);
    const packs = new Set(
      (await findByIds(this.#models.AnalyticsFacts, ids, { _id: 1 })).map((pack) => pack._id),
    );
    await deleteByIds(
      this.#models.WaitingOutcomes,
      ids.filter((id) => !packs.has(id)),
    );
  }

  /** Deletes the journey hours older than the editor's longest window, once an hour. */
  async #pruneHours(): Promise<void> {
    const now = this.#clock.now();
    if (now - this.#hoursPrunedAt < HOUR_MS) return;
    this.#hoursPrunedAt = now;
    await this.#models.JourneyHours.deleteMany({
      hour: { $lt: new Date(now - FLOW_HOURS_KEPT_DAYS * 24 * HOUR_MS) },
    });
  }

  /**
   * The nodes each step fact's instance entered for the first time (by fact id), and how to
   * save what the instances have reached. A node that is not on a loop is entered once per
   * instance: its entries count as they are. At nodes on a loop (`onLoop`) an instance's earlier
   * entries are remembered in `JourneyReach`, one document per instance of a journey with
   * loops, read by `_id`, deleted when the instance ends.
   */
  async #firstEntries(
    facts: FactRecord[],
  ): Promise<{ reached: Map<string, string[]>; save: () => Promise<void> }> {
    const steps = facts.filter((fact) => fact.kind === 'step');
    const instanceIds = [
      ...new Set(steps.flatMap((f) => (f.instanceId && f.onLoop ? [f.instanceId] : []))),
    ];
    const known = new Map(
      (await findByIds(this.#models.JourneyReach, instanceIds)).map((r) => [
        r._id,
        new Set(r.nodes),
      ]),
    );
    const changed = new Set<string>();
    const ended = new Set<string>();
    const reached = new Map<string, string[]>();
    for (const fact of steps) {
      const entered = [...new Set(fact.entered)];
      const { instanceId, onLoop } = fact;
      if (!instanceId || !onLoop) {
        reached.set(fact._id, entered);
        continue;
      }
      const before = known.get(instanceId) ?? new Set<string>();
      known.set(instanceId, before);
      reached.set(
        fact._id,
        entered.filter((node) => !onLoop.includes(node) || !before.has(node)),
      );
      for (const node of onLoop)
        if (!before.has(node)) {
          before.add(node);
          changed.add(instanceId);
        }
      if (fact.ended) ended.add(instanceId);
    }
    const save = async () => {
      const kept = [...changed].filter((id) => !ended.has(id));
      if (kept.length > 0)
        await this.#models.JourneyReach.collection.bulkWrite(
          kept.map((id) => ({
            replaceOne: {
              filter: { _id: id } as never,
              replacement: { nodes: [...(known.get(id) ?? [])] },
              upsert: true,
            },
          })),
          { ordered: false },
        );
      if (ended.size > 0) await deleteByIds(this.#models.JourneyReach, [...ended]);
    };
    return { reached, save };
  }

  async #addTo<T extends { _id: string; batches: string[] }>(
    model: Model<T>,
    days: Map<string, FactRecord[]>,
    batchId: string,
    add: (id: string, day: T | undefined, facts: FactRecord[]) => T,
  ): Promise<number> {
    const found = new Map<string, T>(
      (await findByIds<T>(model, [...days.keys()])).map((day) => [day._id, day]),
    );
    let written = 0;
    for (const [id, facts] of days) {
      const existing = found.get(id);
      if (existing?.batches.includes(batchId)) continue; // done before a crash
      const day = add(id, existing, facts);
      day.batches = [...day.batches, batchId].slice(-REMEMBERED_BATCHES);
      await model.collection.replaceOne({ _id: id } as never, day as never, { upsert: true });
      written += 1;
    }
    return written;
  }

  /** Under the lease, so a read and a write do not race another run. */
  async #addChannels(channels: string[]): Promise<void> {
    const progress = await this.#models.RollupProgress.findById('progress').lean();
    const known = new Set([...(progress?.channels ?? []), ...channels]);
    await this.#models.RollupProgress.collection.updateOne(
      { _id: 'progress' } as never,
      { $set: { channels: [...known].sort() } },
      { upsert: true },
    );
  }

  /**
   * After days that have passed were written (or skipped as written by a run that died):
   * counts up the progress's `pastRevision`, so readers forget the past days they keep.
   */
  async #revisePast(dayIds: string[]): Promise<void> {
    const today = localTime(new Date(this.#clock.now()), this.#timeZone).date;
    if (!dayIds.some((id) => id.slice(0, id.indexOf('|')) < today)) return;
    await this.#models.RollupProgress.collection.updateOne(
      { _id: 'progress' } as never,
      { $inc: { pastRevision: 1 } },
      { upsert: true },
    );
  }

  async #progress(rolledUpTo: Date): Promise<void> {
    await this.#models.RollupProgress.collection.updateOne(
      { _id: 'progress' } as never,
      { $set: { rolledUpTo } },
      { upsert: true },
    );
  }

  /** Pushes the lease's end out again; false when this run no longer holds it. */
  async #renew(owner: string): Promise<boolean> {
    const renewed = await this.#models.RollupControl.updateOne(
      { _id: LEASE, owner },
      { $set: { expiresAt: new Date(this.#clock.now() + this.#leaseMs) } },
    );
    return renewed.matchedCount === 1;
  }

  /** Takes the lease, or takes over one whose holder is past its time. */
  async #lease(owner: string): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.#models.RollupControl.create({
          _id: LEASE,
          owner,
          expiresAt: new Date(this.#clock.now() + this.#leaseMs),
        });
        return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const held = await this.#models.RollupControl.findById(LEASE).lean();
        if (held && held.expiresAt.getTime() > this.#clock.now()) return false;
        if (held) await this.#models.RollupControl.deleteOne({ _id: LEASE, owner: held.owner });
      }
    }
    return false;
  }
}

const HOUR_MS = 3_600_000;
/** A waiting summary without its pack this long is a stray (its pack was rolled up). */
const STRAY_AFTER_MS = 60_000;

/** Fact documents in the first round trip of a rollup's first batch. */
const READ_BATCH = 16;

/** Facts in a stored document: a pack's, or the one a document of its own holds. */
function factCount(document: StoredFacts): number {
  return 'facts' in document && Array.isArray(document.facts) ? document.facts.length : 1;
}
