import type { QualityModels } from '../model/models.ts';
import { isDuplicateKey } from '../model/models.ts';
import type { HandoffRecord } from '../model/routing.model.ts';
import type { QualityInboxEntry, QualityReportRecord } from '../model/quality.model.ts';
import type { ConversationStore } from '../conversations/conversation-store.ts';
import type { RoutingReads } from '../routing/routing-reads.ts';
import { inspectConversation } from './inspect-conversation.ts';
import { agentMessages, type InspectionInput } from './quality-rule.ts';
import { QualityRuleStore } from './rule-store.ts';
import { FollowUpStore } from './follow-up-store.ts';
import {
  effectiveScore,
  QualityReports,
  reportView,
  type QualityReport,
} from './quality-reports.ts';
import { reportNotFound } from './quality-errors.ts';

/** Most messages of one conversation read for an inspection. */
const MAX_MESSAGES = 2000;
/** How a handoff inspected may have ended. */
const ENDED: ReadonlySet<HandoffRecord['status']> = new Set([
  'resolved',
  'abandoned',
  'transferred',
]);

/**
 * Whether a handoff is its agent's to answer for: they wrote in it, or they ended it themselves
 * (resolved or abandoned it, or closed its conversation: ending without a word is a fault to
 * find, not a way out).
 */
const answeredOrEndedBy = (input: InspectionInput): boolean =>
  input.handoff.endedByAgent || agentMessages(input).length > 0;

/**
 * Whether the handoff's agent ended it themselves: `endedBy` names them. A supervisor who
 * resolved, abandoned or closed it for them did not: the agent then answers only for what they
 * wrote. A handoff that names nobody (ended before endings were recorded, or through the router
 * alone) counts as its agent's when resolved, as it always did.
 */
const endedByItsAgent = (handoff: Pick<HandoffRecord, 'status' | 'endedBy'>, agentId: string) =>
  handoff.endedBy ? handoff.endedBy === `user:${agentId}` : handoff.status === 'resolved';

/** Most pending inspections one recovery sweep takes. */
const RECOVERY_BATCH = 100;

/**
 * What analytics hears about scores: a report saved for the first time (`previousScore`
 * null), or an operator's override that changed the score that counts (`previousScore` is the
 * one that counted before). `score` is always the effective score now.
 */
export interface QualityReportEvent {
  handoffId: string;
  conversationId: string;
  agentId: string;
  /** When the handoff ended. */
  at: Date;
  score: number;
  previousScore: number | null;
}

export type QualityReportListener = (report: QualityReportEvent) => void;

export interface QualityInspectorOptions {
  /** Told when a listener or a background inspection throws (recovery retries the latter). */
  onError?: (error: unknown) => void;
}

/**
 * Automatic quality inspection of human handoffs: every resolved one, and every one ended
 * otherwise (abandoned, its conversation closed, transferred, returned to the queue) in which
 * its agent replied or which its agent closed themselves; closing instead of resolving escapes
 * nothing. Durable like the chat inbox: the router's end of an agent's handoff first notes it in
 * `qualityInbox` ({@link noting}), then, once ended, the inspection runs ({@link ended}): the
 * rules over the handoff's messages, the
 * report saved under the handoff's id (an insert: a second run finds it and saves nothing),
 * the note deleted. {@link recover} finishes what a process that died in between left.
 *
 * @example
 * ```ts
 * xiaoer.quality.onReport(({ agentId, score, previousScore }) =>
 *   previousScore === null ? stats.add(agentId, score) : stats.replace(agentId, previousScore, score));
 * ```
 */
export class QualityInspector {
  readonly rules: QualityRuleStore;
  readonly followUps: FollowUpStore;
  readonly reports: QualityReports;
  readonly #models: QualityModels;
  readonly #conversations: ConversationStore;
  readonly #routing: RoutingReads;
  readonly #listeners = new Set<QualityReportListener>();
  readonly #onError: (error: unknown) => void;
  /** Inspections this process runs now: recovery leaves them alone, `idle` waits for them. */
  readonly #running = new Map<string, Promise<unknown>>();

  constructor(
    models: QualityModels,
    conversations: ConversationStore,
    /** Handoffs and agents' names (routing owns them). */
    routing: RoutingReads,
    options: QualityInspectorOptions = {},
  ) {
    this.#models = models;
    this.#conversations = conversations;
    this.#routing = routing;
    this.#onError = options.onError ?? (() => {});
    this.rules = new QualityRuleStore(models);
    this.followUps = new FollowUpStore(models);
    this.reports = new QualityReports(models, routing);
  }

  /**
   * Calls `listener` when this process saves a report (`previousScore` null) and when an
   * override changes a report's effective score; returns the unsubscribe. A listener that
   * throws is reported to `onError` and does not stop the others.
   */
  onReport(listener: QualityReportListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Before an agent's handoff ends: notes that it may need inspecting. */
  async noting(handoff: HandoffRecord): Promise<void> {
    await this.#models.QualityInbox.create({
      _id: handoff._id,
      conversationId: handoff.conversationId,
      notedAt: new Date(),
    }).catch((error: unknown) => {
      if (!isDuplicateKey(error)) throw error;
    });
  }

  /** An agent's handoff ended: inspects it in the background (see {@link idle}). */
  ended(handoff: HandoffRecord): void {
    this.#run(handoff._id, false);
  }

  /**
   * Inspects an ended handoff and saves its report, unless it has one; returns the report (null
   * when the handoff is unknown, still open, had no agent, or ended unresolved without a word
   * of its agent's and not closed by them). Deletes the note.
   */
  async inspect(handoffId: string): Promise<QualityReport | null> {
    return this.#finish(handoffId, false);
  }

  /** Inspects what was noted before `now - olderThanMs` and is still pending; returns how many. */
  async recover(olderThanMs: number, now = Date.now()): Promise<number> {
    const left = await this.#models.QualityInbox.find({
      notedAt: { $lt: new Date(now - olderThanMs) },
    })
      .limit(RECOVERY_BATCH)
      .lean<QualityInboxEntry[]>();
    const mine = left.filter((entry) => !this.#running.has(entry._id));
    // A note this old whose handoff is still open is dropped: that end failed or its process
    // died first (a later end notes it again).
    await Promise.all(mine.map((entry) => this.#run(entry._id, true)));
    return mine.length;
  }

  /** An operator's score for a report, kept beside the automatic one; returns the report. */
  async override(
    handoffId: string,
    review: { score: number; note: string },
    by: string,
  ): Promise<{ report: QualityReport; previousScore: number }> {
    const found = await this.#models.QualityReports.findById(handoffId).lean<QualityReportRecord>();
    if (!found) throw reportNotFound(handoffId);
    const previousScore = effectiveScore(found);
    const override = { score: review.score, note: review.note, by, at: new Date() };
    await this.#models.QualityReports.updateOne({ _id: handoffId }, { $set: { override } });
    const report = reportView({ ...found, override });
    if (report.effectiveScore !== previousScore) this.#emit(report, previousScore);
    return { report, previousScore };
  }

  /** Waits for this process's inspections to finish (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running.values()]);
  }

  #run(handoffId: string, dropUnresolved: boolean): Promise<unknown> {
    const running = this.#running.get(handoffId);
    if (running) return running;
    const run = this.#finish(handoffId, dropUnresolved)
      .catch(this.#onError)
      .finally(() => this.#running.delete(handoffId));
    this.#running.set(handoffId, run);
    return run;
  }

  async #finish(handoffId: string, dropUnresolved: boolean): Promise<QualityReport | null> {
    const done = () => this.#models.QualityInbox.deleteOne({ _id: handoffId });
    const existing = await this.reports.get(handoffId);
    if (existing) {
      await done();
      return existing;
    }
    const handoff = await this.#routing.handoff(handoffId);
    const open = !handoff || !ENDED.has(handoff.status) || !handoff.resolvedAt;
    if (!handoff || !handoff.agentId || (open && dropUnresolved)) {
      await done();
      return null;
    }
    if (open || !handoff.resolvedAt) return null;
    const input = await this.#input(handoff, handoff.agentId, handoff.resolvedAt);
    if (!answeredOrEndedBy(input)) {
      await done(); // the customer left, or it moved on, before its agent said anything
      return null;
    }
    const { version, rules } = await this.rules.ruleset();
    const { score, findings } = inspectConversation(input, rules);
    const record: QualityReportRecord = {
      _id: handoffId,
      conversationId: handoff.conversationId,
      agentId: handoff.agentId,
      at: handoff.resolvedAt,
      score,
      findings,
      rulesetVersion: version,
      inspectedAt: new Date(),
      ...(handoff.endedBy
        ? { endedBy: handoff.endedBy, endedByRole: handoff.endedByRole ?? null }
        : {}),
    };
    let created = true;
    try {
      await this.#models.QualityReports.create(record);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      created = false;
    }
    await done();
    if (!created) return this.reports.get(handoffId);
    const report = reportView(record);
    this.#emit(report, null);
    return report;
  }

  /** The handoff's part of the conversation, from its enqueueing to its resolution. */
  async #input(
    handoff: Omit<HandoffRecord, 'context'>,
    agentId: string,
    resolvedAt: Date,
  ): Promise<InspectionInput> {
    const [messages, tasks] = await Promise.all([
      this.#conversations.messagesAfter(handoff.conversationId, 0, MAX_MESSAGES),
      this.followUps.list(handoff.conversationId),
    ]);
    const from = handoff.enqueuedAt.getTime();
    const to = resolvedAt.getTime();
    return {
      messages: messages
        .filter((m) => m.at.getTime() >= from && m.at.getTime() <= to)
        .map((m) => ({
          seq: m.seq,
          from: m.from,
          text: m.text,
          at: m.at,
          ...(m.author ? { author: m.author } : {}),
        })),
      handoff: {
        agentId,
        enqueuedAt: handoff.enqueuedAt,
        assignedAt: handoff.assignedAt ?? null,
        resolvedAt,
        endedByAgent: endedByItsAgent(handoff, agentId),
      },
      followUpTasks: tasks.length,
    };
  }

  #emit(report: QualityReport, previousScore: number | null): void {
    const event: QualityReportEvent = {
      handoffId: report.handoffId,
      conversationId: report.conversationId,
      agentId: report.agentId,
      at: report.at,
      score: report.effectiveScore,
      previousScore,
    };
    for (const listener of this.#listeners)
      try {
        listener(event);
      } catch (error) {
        this.#onError(error);
      }
  }
}
