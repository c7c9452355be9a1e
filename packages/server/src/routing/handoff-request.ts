import type { HandoffRecord } from '../model/routing.model.ts';

/** What the conversation layer hands to a human queue. */
export interface HandoffRequest {
  /**
   * Idempotency: enqueueing the same id again answers for the existing handoff (a closed one
   * is refused as `not-open`). Default: a new id.
   */
  id?: string;
  conversationId: string;
  customer: { id: string; tier?: string; language?: 'zh' | 'en' };
  /** The skill group; without it, the group serving `intent`. */
  group?: string;
  intent?: string;
  /** Extra queue rank steps (see queue-order.ts); default 0. */
  priority?: number;
  /** Transcript, intents, order, journey and node: shown to the agent as is. */
  context?: unknown;
}

/** Told when a handoff is assigned, so the customer and the agent can be notified. */
export interface AssignedEvent {
  handoff: HandoffRecord;
  agentId: string;
  /** True when the agent served this customer last (sticky routing). */
  sticky: boolean;
}

export type AssignedListener = (event: AssignedEvent) => void;

/** Per skill group: what the queue looks like now. */
export interface QueueSummary {
  group: string;
  waiting: number;
  /** Seconds the longest-waiting customer has waited; 0 with nobody waiting. */
  oldestWaitSeconds: number;
  /** Online agents with the group's skill, and how many of them have a free slot. */
  onlineAgents: number;
  availableAgents: number;
}
