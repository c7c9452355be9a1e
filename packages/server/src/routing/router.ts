import { createHash, randomUUID } from 'node:crypto';
import type { RoutingModels } from '../model/models.ts';
import { isDuplicateKey } from '../model/models.ts';
import { findByIds } from '../model/find-by-ids.ts';
import {
  handoffJson,
  type AgentRecord,
  type HandoffEndReason,
  type HandoffRecord,
} from '../model/routing.model.ts';
import type { Role } from '../model/auth.model.ts';
import type { AgentStatus } from './agent-selection.ts';
import { AssignmentClaims } from './assignment-claims.ts';
import { QueueDispatch } from './queue-dispatch.ts';
import { QUEUE_ORDER_DEFAULTS, tierOf, type QueueOrderOptions } from './queue-order.ts';
import { averageHandlingMs, queuePosition, type QueuePosition } from './queue-position.ts';
import { RoutingDirectory } from './routing-directory.ts';
import { noGroupForIntent, notOpen, RoutingError, unknownHandoff } from './routing-error.ts';
import type { AssignedListener, HandoffRequest, QueueSummary } from './handoff-request.ts';

/** How many times an enqueued handoff is read before a waiting one with no place is refused. */
const ENQUEUED_LOOKS = 3;

/**
 * Who the console's users are: auth owns them, routing asks (an agent must be a user; who ended
 * a handoff is noted with their role).
 */
export interface UserLookup {
  userExists(id: string): Promise<boolean>;
  roleOf(id: string): Promise<Role | null>;
}

export interface RouterOptions {
  /** The console's users (`AuthService`). */
  users: UserLookup;
  queue?: QueueOrderOptions;
  /** The clock (tests pass their own). */
  now?: () => Date;
  /** Told when an assignment listener throws; the assignment itself stands. */
  onError?: (error: unknown) => void;
  /** Told of handoffs queued and ended (analytics); called after the fact, never awaited. */
  observer?: HandoffObserver;
  /**
   * Told of every end of a handoff an agent held (resolved, abandoned, transferred), before and
   * after (quality inspection notes, then inspects).
   */
  onEnd?: EndHook;
}

/** What analytics hears from routing. */
export interface HandoffObserver {
  queued(handoff: HandoffRecord): void;
  ended(handoff: HandoffRecord): void;
}

/**
 * What wants to know, durably, that a handoff assigned to an agent ended, however it ended:
 * `before` is awaited before the handoff changes (so what it notes survives a crash right
 * after; if it throws, nothing ends), `after` is told once the handoff has ended.
 */
export interface EndHook {
  before(handoff: HandoffRecord): Promise<void>;
  after(handoff: HandoffRecord): void;
}

/**
 * Who ends a handoff (`HandoffRecord.endedBy`, `endedByRole`) and, when it ends because its
 * conversation was closed, why.
 */
export interface HandoffEnding {
  /** `user:<console user id>`, `api-key:<key id>` or `customer`. */
  by: string;
  /** The role a console user acts in (the request's); looked up when not given. */
  role?: Role;
  reason?: HandoffEndReason;
}

/** The ending of a console user who acts on a handoff (resolve, abandon, transfer). */
export const endingByUser = (userId: string, role: Role): HandoffEnding => ({
  by: `user:${userId}`,
  role,
});

/**
 * An agent's assigned handoff went back to its queue (`from`, ended `transferred`, `endReason`
 * saying why); `to` waits in the same group with the original `enqueuedAt`, or was assigned
 * to another agent already.
 */
export interface ReturnedEvent {
  from: HandoffRecord;
  to: HandoffRecord;
}

/** Why an agent's assigned handoffs go back to their queues. */
export type ReturnReason = Extract<HandoffEndReason, 'agent-away' | 'agent-off-duty'>;

/**
 * The id of the handoff that carries on `handoffId` returned to its queue: the same in every
 * process (a UUID from a hash), so two processes returning it at once create it once.
 */
export function returnedHandoffId(handoffId: string): string {
  const hex = createHash('sha256').update(`returned:${handoffId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type EnqueueResult =
  | { handoff: HandoffRecord; assigned: true; agentId: string }
  | { handoff: HandoffRecord; assigned: false; position: QueuePosition };

/** Resolved handoffs averaged for the wait estimate. */
const RECENT_RESOLVED = 50;

/**
 * Routes handoffs to human agents: one queue per skill group, ordered by tier and waiting
 * time (queue-order.ts), assigned to an available agent (agent-selection.ts) through claims
 * that are safe with several server processes on one store (assignment-claims.ts). Every
 * change that frees an agent or a slot pulls the next waiting handoffs.
 *
 * @example
 * ```ts
 * xiaoer.routing.onAssigned(({ handoff, agentId }) => notify(handoff.conversationId, agentId));
 * const result = await xiaoer.routing.enqueue({ conversationId: 'c1',
 *   customer: { id: 'u1', tier: 'vip', language: 'zh' }, intent: 'refund' });
 * if (!result.assigned) send(result.position.text.zh); // 您前面还有 2 位，预计等待约 3 分钟
 * ```
 */
export class Router {
  readonly directory: RoutingDirectory;
  readonly #models: RoutingModels;
  readonly #users: UserLookup;
  readonly #now: () => Date;
  readonly #queue: QueueOrderOptions;
  readonly #claims: AssignmentClaims;
  readonly #dispatch: QueueDispatch;
  readonly #observer: HandoffObserver | undefined;
  readonly #onEnd: EndHook | undefined;
  readonly #onError: (error: unknown) => void;
  readonly #changeListeners = new Set<() => void>();
  readonly #returnedListeners = new Set<(event: ReturnedEvent) => void>();

  constructor(models: RoutingModels, options: RouterOptions) {
    this.#models = models;
    this.#users = options.users;
    this.#onEnd = options.onEnd;
    this.#onError = options.onError ?? (() => {});
    this.#now = options.now ?? (() => new Date());
    this.#queue = options.queue ?? QUEUE_ORDER_DEFAULTS;
    this.#observer = options.observer;
    this.directory = new RoutingDirectory(models, options.users, this.#now);
    this.#claims = new AssignmentClaims(models);
    this.#dispatch = new QueueDispatch(models, this.#claims, {
      now: this.#now,
      queue: this.#queue,
      onError: this.#onError,
    });
  }

  /** Calls `listener` for every assignment this process makes; returns the unsubscribe. */
  onAssigned(listener: AssignedListener): () => void {
    return this.#dispatch.onAssigned(listener);
  }

  /** Calls `listener` for every handoff this process returns to its queue; returns the unsubscribe. */
  onReturned(listener: (event: ReturnedEvent) => void): () => void {
    this.#returnedListeners.add(listener);
    return () => void this.#returnedListeners.delete(listener);
  }

  /**
   * Calls `listener` after every change this process makes to queues, handoffs or agents'
   * status (once its assignment run ended); returns the unsubscribe. Live views follow it.
   */
  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener);
    return () => void this.#changeListeners.delete(listener);
  }

  /** Runs the assignments, then tells who follows the changes. */
  async #dispatchAndTell(): Promise<void> {
    await this.#dispatch.run();
    for (const listener of this.#changeListeners)
      try {
        listener();
      } catch (error) {
        this.#onError(error);
      }
  }

  /** Queues a handoff and assigns it at once when an agent is free; else returns its place. */
  async enqueue(request: HandoffRequest): Promise<EnqueueResult> {
    const group = request.group ?? (await this.#groupOf(request.intent));
    await this.directory.skillGroup(group);
    const id = request.id ?? randomUUID();
    const record: HandoffRecord = {
      _id: id,
      conversationId: request.conversationId,
      customer: {
        id: request.customer.id,
        tier: tierOf(request.customer.tier),
        language: request.customer.language ?? 'zh',
      },
      group,
      priority: request.priority ?? 0,
      enqueuedAt: this.#now(),
      status: 'waiting',
      context: request.context ?? null,
    };
    try {
      await this.#models.Handoffs.create(handoffJson.encode(record));
      this.#observer?.queued(record);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    await this.#dispatchAndTell();
    return this.#enqueued(id);
  }

  /**
   * Where an enqueued handoff stands: assigned, or its place in the queue. Another process may
   * assign it between the read of the handoff and the read of its queue (it was waiting, and is
   * in no queue by then): that is looked at again, not answered `not-open`.
   */
  async #enqueued(id: string): Promise<EnqueueResult> {
    for (let look = 1; ; look++) {
      const handoff = await this.handoff(id);
      if (handoff.status === 'assigned' && handoff.agentId)
        return { handoff, assigned: true, agentId: handoff.agentId };
      const position = await this.positionOf(handoff);
      if (position) return { handoff, assigned: false, position };
      if (handoff.status !== 'waiting' || look >= ENQUEUED_LOOKS) throw notOpen(id, handoff.status);
    }
  }

  async handoff(id: string): Promise<HandoffRecord> {
    const found = await this.#models.Handoffs.findById(id).lean();
    if (!found) throw unknownHandoff(id);
    return handoffJson.decode(found);
  }

  /** Sets an agent's status; going online pulls waiting handoffs to them. */
  async setAgentStatus(agentId: string, status: AgentStatus): Promise<AgentRecord> {
    const agent = await this.directory.setStatus(agentId, status);
    await this.#dispatchAndTell();
    return agent;
  }

  /**
   * A user who may no longer work at the desk (disabled, or given a role without `handle`):
   * if they are an agent, they are set away (`off-duty`), so nothing new is assigned to a login
   * that cannot answer, and the handoffs assigned to them go back to their queues, keeping the
   * customers' wait (see {@link returnHandoffs}).
   */
  async offDuty(userId: string): Promise<void> {
    const agent = await this.#models.Agents.findById(userId, { status: 1 }).lean<AgentRecord>();
    if (!agent) return;
    await this.directory.setStatus(userId, 'away', 'off-duty');
    await this.returnHandoffs(userId, 'agent-off-duty');
    await this.#dispatchAndTell();
  }

  /**
   * No desk connection of the agent was seen since `seenBefore` (routing/agent-presence.ts):
   * unless they are away already, or were seen since (by another process), they are set away
   * (`no-desk`). Returns whether they were.
   */
  async absent(agentId: string, seenBefore: Date): Promise<boolean> {
    const { modifiedCount } = await this.#models.Agents.updateOne(
      {
        _id: agentId,
        status: { $ne: 'away' },
        $or: [{ seenAt: { $lt: seenBefore } }, { seenAt: null, lastActiveAt: { $lt: seenBefore } }],
      },
      { $set: { status: 'away', awayReason: 'no-desk', lastActiveAt: this.#now() } },
    );
    if (modifiedCount > 0) await this.#dispatchAndTell();
    return modifiedCount > 0;
  }

  /**
   * The handoffs assigned to `agentId` go back to their queues: each ends `transferred` (its
   * `endReason` saying why) and a new handoff with the same conversation, customer, context
   * and original `enqueuedAt` waits in the same group, so the customer keeps their place.
   * Safe when two processes return the same handoffs at once. Returns the new handoffs.
   */
  async returnHandoffs(agentId: string, reason: ReturnReason): Promise<HandoffRecord[]> {
    const returned: HandoffRecord[] = [];
    for (const handoff of await this.inbox(agentId)) {
      if (handoff.status !== 'assigned') continue;
      const next = await this.#requeue(handoff, reason);
      if (next) returned.push(next);
    }
    return returned;
  }

  async #requeue(old: HandoffRecord, reason: ReturnReason): Promise<HandoffRecord | undefined> {
    const next: HandoffRecord = {
      _id: returnedHandoffId(old._id),
      conversationId: old.conversationId,
      customer: old.customer,
      group: old.group,
      priority: old.priority,
      enqueuedAt: old.enqueuedAt,
      status: 'waiting',
      transferredFrom: old._id,
      context: old.context,
    };
    try {
      await this.#models.Handoffs.create(handoffJson.encode(next));
    } catch (error) {
      // Made already: by another process returning it now, or by a return that stopped (a
      // crash) before the old handoff ended — which then still has to end, or it stays
      // assigned to the absent agent for good.
      if (!isDuplicateKey(error)) throw error;
    }
    let from: HandoffRecord;
    try {
      from = await this.#close(old._id, 'transferred', ['assigned'], {
        transferredTo: next._id,
        endReason: reason,
      });
    } catch (error) {
      if (!(error instanceof RoutingError && error.code === 'not-open')) throw error;
      // Another process ended it by this return: it tells the customer.
      if ((await this.handoff(old._id).catch(() => null))?.transferredTo === next._id)
        return undefined;
      // Ended meanwhile (resolved, its conversation closed): nothing is left to carry on.
      await this.#models.Handoffs.deleteOne({ _id: next._id });
      await this.#claims.release(next._id);
      return undefined;
    }
    const to = await this.handoff(next._id);
    for (const listener of this.#returnedListeners)
      try {
        listener({ from, to });
      } catch (error) {
        this.#onError(error);
      }
    return to;
  }

  /**
   * An assigned handoff is done; its slot takes the next one. `ending` says who resolved it: its
   * agent, or a supervisor for them (`HandoffRecord.endedBy`, `endedByRole`).
   */
  async resolve(handoffId: string, ending?: HandoffEnding): Promise<HandoffRecord> {
    return this.#close(handoffId, 'resolved', ['assigned'], await this.#ended(ending));
  }

  /**
   * Ends a waiting or assigned handoff unresolved: the customer left, or its conversation was
   * closed (`ending.reason`); `ending` says by whom.
   */
  async abandon(handoffId: string, ending?: HandoffEnding): Promise<HandoffRecord> {
    return this.#close(handoffId, 'abandoned', ['waiting', 'assigned'], await this.#ended(ending));
  }

  /**
   * Moves a waiting or assigned handoff to `group`: it ends as `transferred` and a new handoff
   * with the same conversation, customer and context waits in `group`, keeping its original
   * `enqueuedAt` so the customer's wait so far counts. Returns the new handoff.
   */
  async transfer(handoffId: string, group: string, ending?: HandoffEnding): Promise<HandoffRecord> {
    await this.directory.skillGroup(group);
    const ended = await this.#ended(ending);
    const old = await this.#open(handoffId, ['waiting', 'assigned']);
    const next: HandoffRecord = {
      _id: randomUUID(),
      conversationId: old.conversationId,
      customer: old.customer,
      group,
      priority: old.priority,
      enqueuedAt: old.enqueuedAt,
      status: 'waiting',
      transferredFrom: old._id,
      context: old.context,
    };
    await this.#models.Handoffs.create(handoffJson.encode(next));
    await this.#close(handoffId, 'transferred', ['waiting', 'assigned'], {
      transferredTo: next._id,
      ...ended,
    });
    return this.handoff(next._id);
  }

  /** Where a waiting handoff stands in its queue; null once it is no longer waiting. */
  async position(handoffId: string): Promise<QueuePosition | null> {
    return this.positionOf(await this.handoff(handoffId));
  }

  /** {@link position} of a handoff just read (not read again). */
  async positionOf(handoff: HandoffRecord): Promise<QueuePosition | null> {
    if (handoff.status !== 'waiting') return null;
    const [waiting, agents, resolved] = await Promise.all([
      this.#models.Handoffs.find(
        { status: 'waiting', group: handoff.group },
        { context: 0 },
      ).lean(),
      this.#models.Agents.find({ status: 'online' }).lean<AgentRecord[]>(),
      this.#models.Handoffs.find({ status: 'resolved', group: handoff.group }, { context: 0 })
        .sort({ resolvedAt: -1 })
        .limit(RECENT_RESOLVED)
        .lean(),
    ]);
    const estimate = {
      averageHandlingMs: averageHandlingMs(resolved),
      onlineAgents: agents.filter((agent) => agent.skills.includes(handoff.group)).length,
    };
    return queuePosition(handoff._id, waiting, this.#now(), estimate, this.#queue) ?? null;
  }

  /** Per skill group: waiting count, oldest wait and online agents. */
  async queues(): Promise<QueueSummary[]> {
    const [groups, waiting, agents, counts] = await Promise.all([
      this.directory.skillGroups(),
      this.#models.Handoffs.find({ status: 'waiting' }, { context: 0 }).lean(),
      this.#models.Agents.find({ status: 'online' }).lean<AgentRecord[]>(),
      this.#claims.activeCounts(),
    ]);
    const now = this.#now().getTime();
    return groups.map(({ _id: group }) => {
      const queue = waiting.filter((h) => h.group === group);
      const online = agents.filter((a) => a.skills.includes(group));
      const oldest = queue.reduce((min, h) => Math.min(min, h.enqueuedAt.getTime()), now);
      return {
        group,
        waiting: queue.length,
        oldestWaitSeconds: Math.round((now - oldest) / 1000),
        onlineAgents: online.length,
        availableAgents: online.filter((a) => (counts.get(a._id) ?? 0) < a.maxConcurrent).length,
      };
    });
  }

  /** The agent's active handoffs, oldest assignment first, with their context. */
  async inbox(agentId: string): Promise<HandoffRecord[]> {
    const claims = await this.#claims.ofAgent(agentId);
    claims.sort((a, b) => a.assignedAt.getTime() - b.assignedAt.getTime());
    const found = await findByIds(
      this.#models.Handoffs,
      claims.map((c) => c._id),
    );
    return handoffJson.decodeAll(found).filter((h) => h.agentId === agentId);
  }

  /** Waits for this process's assignment runs to finish (tests, shutdown). */
  idle(): Promise<void> {
    return this.#dispatch.idle();
  }

  async #groupOf(intent: string | undefined): Promise<string> {
    const group = intent ? await this.directory.groupForIntent(intent) : undefined;
    if (!group) throw noGroupForIntent(intent);
    return group._id;
  }

  /** The fields that say who ended a handoff; a console user's role is looked up if not given. */
  async #ended(ending: HandoffEnding | undefined): Promise<Partial<HandoffRecord>> {
    if (!ending) return {};
    const userId = ending.by.startsWith('user:') ? ending.by.slice('user:'.length) : null;
    const role = userId ? (ending.role ?? (await this.#users.roleOf(userId))) : null;
    return {
      endedBy: ending.by,
      endedByRole: role,
      ...(ending.reason ? { endReason: ending.reason } : {}),
    };
  }

  async #open(id: string, allowed: HandoffRecord['status'][]): Promise<HandoffRecord> {
    const handoff = await this.handoff(id);
    if (!allowed.includes(handoff.status)) throw notOpen(id, handoff.status);
    return handoff;
  }

  async #close(
    id: string,
    status: 'resolved' | 'abandoned' | 'transferred',
    allowed: HandoffRecord['status'][],
    extra: Partial<HandoffRecord> = {},
  ): Promise<HandoffRecord> {
    const handoff = await this.#open(id, allowed);
    // Ended in an agent's hands: quality inspection looks at it, whichever way it ended.
    const held = handoff.status === 'assigned' && !!handoff.agentId;
    if (held) await this.#onEnd?.before(handoff);
    const change = { status, resolvedAt: this.#now(), ...extra };
    // The status first: a claim racing this close re-reads the handoff and rolls back.
    await this.#models.Handoffs.updateOne({ _id: id }, { $set: change });
    await this.#claims.release(id);
    const closed = { ...handoff, ...change };
    this.#observer?.ended(closed);
    await this.#dispatchAndTell();
    if (held)
      try {
        this.#onEnd?.after(closed);
      } catch (error) {
        this.#onError(error);
      }
    return closed;
  }
}
