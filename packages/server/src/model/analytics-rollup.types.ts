/** The hourly rollup documents analytics keeps per day, declared below their model. */

/** A total and how many values it adds up (an average is `sum / count`). */
export interface Sum {
  sum: number;
  count: number;
}

/**
 * Durations counted per bucket (`analytics/histogram.ts`): bucket number → how many. Days add
 * up bucket by bucket, so a period's percentiles come from its days.
 */
export type Histogram = Record<string, number>;

/** The distributions of a day's durations, for percentiles (absent on days rolled up before). */
export interface DayTimes {
  firstResponse: Histogram;
  wait: Histogram;
  handling: Histogram;
  abandonedInQueue: Histogram;
}

/** One agent's day. */
export interface AgentDay {
  agentId: string;
  /** Handoffs the agent finished (resolved, abandoned or transferred on). */
  handoffs: number;
  /** Of those, resolved by the agent (or by nobody named: older facts). */
  resolved: number;
  /**
   * Of those, resolved by a supervisor for the agent: not the agent's resolution (absent on days
   * rolled up before it was counted).
   */
  resolvedBySupervisor?: number;
  firstResponse: Sum;
  handling: Sum;
  satisfaction: Sum;
  quality: Sum;
}

/** One skill group's day: arrivals per hour and handling time (staffing). */
export interface GroupDay {
  group: string;
  queued: number[];
  handling: Sum;
}

/**
 * A day of conversations on one channel, in the shop's time zone; `_id` is `<date>|<channel>`
 * so a period is read by `_id` (the only index FerretDB 1.x uses). Hours are local, 0–23.
 */
export interface ConversationDay {
  _id: string;
  date: string;
  channel: string;
  /** The last rollup batches applied (a batch redone after a crash skips this day). */
  batches: string[];
  opened: number[];
  queued: number[];
  intents: { intent: string; count: number }[];
  totals: {
    closed: number;
    automated: number;
    resolved: number;
    firstResponse: Sum;
    /** Queued → an agent took the handoff (handoffs answered). */
    wait: Sum;
    handling: Sum;
    /**
     * Queued → the customer left, for handoffs abandoned before an agent took them (absent on
     * days rolled up before they were counted).
     */
    abandonedInQueue?: Sum;
    /** The same durations bucketed, for percentiles (absent on days rolled up before). */
    times?: DayTimes;
    satisfaction: Sum;
    /** scores[0] = how many gave 1 … scores[4] = how many gave 5. */
    scores: number[];
  };
  agents: AgentDay[];
  groups: GroupDay[];
}

/** A node's day in a journey. */
export interface NodeDay {
  nodeId: string;
  /** Times instances entered the node (an instance looping back enters it again). */
  entered: number;
  /**
   * Instances that entered the node, each once (absent on days rolled up before it was
   * counted: there `entered` stands in).
   */
  reached?: number;
  left: number;
  time: Sum;
}

/** A day of one journey (all versions), `_id` `<date>|<workflowId>`. */
export interface JourneyDay {
  _id: string;
  date: string;
  workflowId: string;
  batches: string[];
  started: number;
  completed: number;
  cancelled: number;
  nodes: NodeDay[];
}
