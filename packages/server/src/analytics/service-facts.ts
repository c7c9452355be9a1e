import { ENGINE_EVENTS, journeyOf, type WorkflowNode } from '@xiaoer/engine';
import type { ConversationRecord, MessageRecord } from '../model/conversation.model.ts';
import type { HandoffRecord } from '../model/routing.model.ts';
import type { StepRecord } from '../model/instance.model.ts';
import type { ConversationStore } from '../conversations/conversation-store.ts';
import type { RoutingReads } from '../routing/routing-reads.ts';
import type { WorkflowCatalog } from '../workflows/workflow-catalog.ts';
import { DEFAULT_CHANNEL } from './analytics-facts.ts';
import { stepFactOf } from './step-fact.ts';
import { loopNodes } from './journey-loops.ts';
import type { FactRecorder } from './fact-recorder.ts';
import { dateOf, type Clock } from '../clock/clock.ts';

/** The desk's own lines that mean the bot did not answer the question. */
const MISSES = new Set(['desk:not-understood', 'desk:failed', 'desk:no-agents']);

/** An inspection's score as the quality inspector reports it. */
export interface QualityScore {
  handoffId: string;
  conversationId: string;
  agentId: string;
  at: Date;
  score: number;
  /** The effective score before (an override); null for a new report. */
  previousScore: number | null;
}

/** The step as the runtime committed it, and when the instance had entered its node. */
export interface CommittedStep {
  step: StepRecord;
  workflowId: string;
  version: number;
  /** The time of the instance's previous step (absent for the first). */
  previousAt?: Date;
}

const channelOf = (conversation: ConversationRecord | null) =>
  conversation?.channel ?? DEFAULT_CHANNEL;

/**
 * Turns what the desk, routing, the runtime and quality inspection do into analytics facts.
 * Each method is called after the thing happened and never throws: analytics must not break
 * a conversation (errors go to `onError`).
 */
export class ServiceFacts {
  readonly #routing: RoutingReads;
  readonly #store: ConversationStore;
  readonly #catalog: WorkflowCatalog;
  readonly #recorder: FactRecorder;
  readonly #onError: (error: unknown) => void;
  readonly #clock: Clock;
  readonly #working = new Set<Promise<void>>();
  readonly #loopsOf = new Map<string, Promise<ReadonlySet<string> | null>>();

  constructor(options: {
    routing: RoutingReads;
    store: ConversationStore;
    catalog: WorkflowCatalog;
    recorder: FactRecorder;
    onError: (error: unknown) => void;
    clock: Clock;
  }) {
    this.#clock = options.clock;
    this.#routing = options.routing;
    this.#store = options.store;
    this.#catalog = options.catalog;
    this.#recorder = options.recorder;
    this.#onError = options.onError;
  }

  opened(conversation: ConversationRecord): void {
    this.#recorder.record(`opened|${conversation._id}`, {
      kind: 'opened',
      at: conversation.createdAt,
      channel: channelOf(conversation),
    });
  }

  /** A recognised intent; counted once per conversation (the fact id says so). */
  intent(conversation: ConversationRecord, intent: string, at = dateOf(this.#clock)): void {
    if (conversation.intents.some((noted) => noted.intent === intent)) return;
    this.#recorder.record(`intent|${conversation._id}|${intent}`, {
      kind: 'intent',
      at,
      channel: channelOf(conversation),
      intent,
    });
  }

  closed(conversationId: string, at = dateOf(this.#clock)): void {
    this.#safely(async () => {
      const conversation = await this.#store.get(conversationId);
      if (!conversation) return;
      const transcript = await this.#store.messagesAfter(conversationId, 0, 10_000);
      // Opened and left without a word: counted in the volume, not in the outcomes.
      if (!transcript.some((m) => m.from === 'customer')) return;
      const handoff = conversation.handoffId
        ? await this.#routing.handoff(conversation.handoffId)
        : null;
      const lastBot = transcript.findLast((m) => m.from === 'bot');
      const firstResponseMs = firstResponse(transcript);
      this.#recorder.record(`closed|${conversationId}`, {
        kind: 'closed',
        at,
        channel: channelOf(conversation),
        automated: !conversation.handoffId,
        resolved: handoff
          ? handoff.status === 'resolved'
          : !!lastBot && !MISSES.has(lastBot.author ?? ''),
        ...(firstResponseMs === undefined ? {} : { firstResponseMs }),
      });
    });
  }

  queued(handoff: HandoffRecord): void {
    // The same customer, already counted; the receiving group hears of it from the transfer.
    if (handoff.transferredFrom) return;
    this.#safely(async () => {
      const conversation = await this.#store.get(handoff.conversationId);
      this.#recorder.record(`queued|${handoff._id}`, {
        kind: 'queued',
        at: handoff.enqueuedAt,
        channel: channelOf(conversation),
        group: handoff.group,
      });
    });
  }

  ended(handoff: HandoffRecord): void {
    this.#safely(async () => {
      const conversation = await this.#store.get(handoff.conversationId);
      const end = handoff.resolvedAt ?? dateOf(this.#clock);
      const assigned = handoff.assignedAt ?? undefined;
      let agentFirstMs: number | undefined;
      if (assigned && handoff.agentId) {
        const transcript = await this.#store.messagesAfter(handoff.conversationId, 0, 10_000);
        const first = transcript.find(
          (m) => m.from === 'agent' && m.author === handoff.agentId && m.at >= assigned,
        );
        if (first) agentFirstMs = first.at.getTime() - assigned.getTime();
      }
      const outcome = handoff.status;
      if (outcome !== 'resolved' && outcome !== 'abandoned' && outcome !== 'transferred') return;
      if (outcome === 'transferred' && handoff.transferredTo)
        await this.#transferredTo(handoff.transferredTo, end, channelOf(conversation));
      const queued = await this.#queuedSince(handoff);
      this.#recorder.record(`ended|${handoff._id}`, {
        kind: 'handoffEnded',
        at: end,
        channel: channelOf(conversation),
        group: handoff.group,
        outcome,
        ...(handoff.agentId ? { agentId: handoff.agentId } : {}),
        ...(handoff.endedBy ? { endedBy: handoff.endedBy } : {}),
        ...(handoff.endedByRole ? { endedByRole: handoff.endedByRole } : {}),
        ...(assigned
          ? {
              waitMs: assigned.getTime() - queued.getTime(),
              handlingMs: end.getTime() - assigned.getTime(),
            }
          : {}),
        // Left in the queue: a wait that ended without an agent (a transfer waits on, not this).
        ...(!assigned && outcome === 'abandoned'
          ? { abandonedAfterMs: end.getTime() - queued.getTime() }
          : {}),
        ...(agentFirstMs === undefined ? {} : { firstResponseMs: agentFirstMs }),
      });
    });
  }

  /**
   * The handoff a transfer made arrives in its group's queue at the transfer: an arrival the
   * group's staffing forecast counts, not a new handoff of the shop (`transfer`).
   */
  async #transferredTo(handoffId: string, at: Date, channel: string): Promise<void> {
    const next = await this.#routing.handoff(handoffId);
    if (!next) return;
    this.#recorder.record(`queued|${next._id}`, {
      kind: 'queued',
      at,
      channel,
      group: next.group,
      transfer: true,
    });
  }

  /**
   * When the customer started waiting for this handoff's agent. A transfer keeps the queue's
   * `enqueuedAt` (their place in the queue), but after an agent had the customer the new wait
   * starts at the transfer: counting from the first queueing would add the first agent's time.
   */
  async #queuedSince(handoff: HandoffRecord): Promise<Date> {
    let current: Pick<HandoffRecord, 'transferredFrom' | 'enqueuedAt'> = handoff;
    // A chain of transfers while waiting goes back to the first queueing; bounded all the same.
    for (let hops = 0; current.transferredFrom && hops < 20; hops++) {
      const previous = await this.#routing.handoff(current.transferredFrom);
      if (!previous) break;
      if (previous.assignedAt && previous.resolvedAt) return previous.resolvedAt;
      current = previous;
    }
    return handoff.enqueuedAt;
  }

  quality(score: QualityScore): void {
    this.#safely(async () => {
      const conversation = await this.#store.get(score.conversationId);
      const isNew = score.previousScore === null;
      this.#recorder.record(`quality|${score.handoffId}|${isNew ? 'new' : this.#clock.now()}`, {
        kind: 'quality',
        at: score.at,
        channel: channelOf(conversation),
        agentId: score.agentId,
        scoreDelta: score.score - (score.previousScore ?? 0),
        countDelta: isNew ? 1 : 0,
      });
    });
  }

  /** A committed journey step: the nodes it passed, and a survey's score if it answered one. */
  stepped({ step, workflowId, version, previousAt }: CommittedStep): void {
    this.#safely(async () => {
      const recorded = stepFactOf(
        step,
        workflowId,
        await this.#loops(workflowId, version),
        previousAt,
      );
      if (recorded) this.#recorder.record(recorded.id, recorded.fact);
    });
    // A survey is answered by the customer's reply: other steps need no look at the workflow.
    if (step.event.type === ENGINE_EVENTS.customerReplied && step.path.length > 0)
      this.#safely(() => this.#survey(step, workflowId, version));
  }

  /**
   * The nodes on a loop of a published version (versions never change: kept), or null when
   * the version cannot be read (then every node entered is checked for a repeat).
   */
  #loops(workflowId: string, version: number): Promise<ReadonlySet<string> | null> {
    const key = `${workflowId}@${version}`;
    let loops = this.#loopsOf.get(key);
    if (!loops) {
      loops = this.#catalog.machine(workflowId, version).then(
        (machine) => loopNodes(journeyOf(machine).workflow),
        () => {
          this.#loopsOf.delete(key);
          return null;
        },
      );
      this.#loopsOf.set(key, loops);
    }
    return loops;
  }

  async #survey(step: StepRecord, workflowId: string, version: number): Promise<void> {
    const { nodes } = journeyOf(await this.#catalog.machine(workflowId, version));
    for (const passed of step.path) {
      const node = nodes.get(passed.nodeId)?.node as WorkflowNode | undefined;
      if (node?.type !== 'askCustomer') continue;
      const options = (node.config as { options?: { id: string; score?: number }[] }).options;
      const score = options?.find((o) => o.id === passed.outcome)?.score;
      if (score === undefined) continue;
      const data = step.snapshot.context.data;
      const conversationId =
        typeof data['conversationId'] === 'string' ? data['conversationId'] : '';
      const conversation = conversationId ? await this.#store.get(conversationId) : null;
      const nodeChannel = (node.config as { channel?: string }).channel;
      this.#recorder.record(`satisfaction|${step._id}|${passed.nodeId}`, {
        kind: 'satisfaction',
        at: step.at,
        channel: conversation ? channelOf(conversation) : (nodeChannel ?? DEFAULT_CHANNEL),
        score,
        ...(conversation?.agentId ? { agentId: conversation.agentId } : {}),
      });
    }
  }

  /** Resolves when the facts being worked out now are recorded (rollups, tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#working.size > 0) await Promise.all(this.#working);
  }

  /**
   * Resolves when the facts begun so far are recorded, not waiting for those begun meanwhile:
   * a read of the counts under load (steps all the time) would wait for a quiet moment.
   */
  async caughtUp(): Promise<void> {
    await Promise.all([...this.#working]);
  }

  #safely(work: () => Promise<void>): void {
    const running = work()
      .catch(this.#onError)
      .finally(() => this.#working.delete(running));
    this.#working.add(running);
  }
}

/** The customer's first message → the next answer from the bot or an agent. */
function firstResponse(transcript: MessageRecord[]): number | undefined {
  const asked = transcript.findIndex((m) => m.from === 'customer');
  if (asked < 0) return undefined;
  const answer = transcript.slice(asked + 1).find((m) => m.from === 'bot' || m.from === 'agent');
  return answer ? answer.at.getTime() - transcript[asked]!.at.getTime() : undefined;
}
