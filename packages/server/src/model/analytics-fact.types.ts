import type { Role } from './auth.model.ts';
/**
 * What happened, as analytics counts it. Facts are written as things happen (buffered, see
 * fact-recorder.ts), rolled up into hourly figures (analytics-rollup.ts) and then deleted.
 * Each has a deterministic `_id` (e.g. `closed|<conversation>`), so recording one twice
 * before it is rolled up counts it once.
 */
export type AnalyticsFact =
  | ConversationOpenedFact
  | IntentFact
  | ConversationClosedFact
  | HandoffQueuedFact
  | HandoffEndedFact
  | SatisfactionFact
  | QualityFact
  | StepFact;

interface FactBase {
  /** When it happened: the hour it is counted in. */
  at: Date;
}

/** A customer opened a chat. */
export interface ConversationOpenedFact extends FactBase {
  kind: 'opened';
  channel: string;
}

/** A conversation asked about `intent` (counted once per conversation and intent). */
export interface IntentFact extends FactBase {
  kind: 'intent';
  channel: string;
  intent: string;
}

/** A conversation ended: how it went, from its transcript. */
export interface ConversationClosedFact extends FactBase {
  kind: 'closed';
  channel: string;
  /** No person was involved. */
  automated: boolean;
  /** The question was answered: a person resolved it, or the bot's last word was an answer. */
  resolved: boolean;
  /** The customer's first message → the first answer by the bot or an agent. */
  firstResponseMs?: number;
}

/**
 * A conversation was handed to a person, or (`transfer`) transferred into `group`: an arrival
 * of that group's queue, but not a new handoff of the shop (the customer was counted when
 * first handed over).
 */
export interface HandoffQueuedFact extends FactBase {
  kind: 'queued';
  channel: string;
  group: string;
  transfer?: boolean;
}

/** A handoff ended (resolved, abandoned or transferred). */
export interface HandoffEndedFact extends FactBase {
  kind: 'handoffEnded';
  channel: string;
  group: string;
  outcome: 'resolved' | 'abandoned' | 'transferred';
  agentId?: string;
  /**
   * Who ended it, as the handoff says (`HandoffRecord.endedBy`): `user:<agentId>` its agent, another
   * `user:` a supervisor for them (a resolve then is not the agent's), `api-key:`/`customer` who
   * closed its conversation. Absent when nobody was named (routing returned it; older facts).
   */
  endedBy?: string;
  /** The role the console user of `endedBy` acted in. */
  endedByRole?: Role;
  /** Queued → assigned. */
  waitMs?: number;
  /** Queued → abandoned, for a handoff the customer left before an agent took it. */
  abandonedAfterMs?: number;
  /** Assigned → ended. */
  handlingMs?: number;
  /** Assigned → the agent's first message. */
  firstResponseMs?: number;
}

/** A customer scored the service in a survey node (an `askCustomer` option with a `score`). */
export interface SatisfactionFact extends FactBase {
  kind: 'satisfaction';
  channel: string;
  score: number;
  /** The agent who last served the conversation the survey ran in, if any. */
  agentId?: string;
}

/** A quality inspection scored an agent's conversation, or an override changed the score. */
export interface QualityFact extends FactBase {
  kind: 'quality';
  channel: string;
  agentId: string;
  /** Added to the agent's score sum (an override adds new − old). */
  scoreDelta: number;
  /** Added to the agent's count (1 for a new report, 0 for an override). */
  countDelta: number;
}

/** A journey step: the nodes it left and entered. */
export interface StepFact extends FactBase {
  kind: 'step';
  workflowId: string;
  /** The instance that stepped (absent on facts of older versions). */
  instanceId?: string;
  /** The instance started with this step. */
  started: boolean;
  /** The instance ended with this step. */
  ended?: 'done' | 'cancelled';
  /** Nodes entered, once per entry (a step looping through a node enters it twice). */
  entered: string[];
  left: string[];
  /**
   * The outcome each node of `left` was left through, in the same order (the editor's counts of
   * steps per outcome). Absent on facts of older versions.
   */
  outcomes?: string[];
  /**
   * Of the nodes entered, those on a loop of the journey (the only ones an instance can enter
   * again), each once; present whenever the journey has loops, or when its graph was not known
   * (then every node entered). The rollup counts an instance at these nodes only the first time
   * (the funnel's `reached`); absent: every node entered is a first entry.
   */
  onLoop?: string[];
  /** The node the instance rested in before this step, and how long it stayed there. */
  rested?: { nodeId: string; ms: number };
  /**
   * When the instance started: the funnel counts each step in the day its instance started, so
   * an instance that answers a day later is not a drop-off of its first day. Absent on facts of
   * older versions (counted in their own day).
   */
  startedAt?: Date;
}
