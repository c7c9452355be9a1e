/** The period a report covers, and the one just before it (same length) it compares to. */
export interface ReportPeriod {
  from: string;
  to: string;
  timeZone: string;
  channel: string | null;
  previous: { from: string; to: string };
}

/** An average in milliseconds over `count` values; null when there were none. */
export interface Average {
  averageMs: number | null;
  count: number;
}

/**
 * A duration over a period: its average and count, and its median and 90th percentile, each
 * within 2.5 % of the value at that rank (from the days' histograms, analytics/histogram.ts);
 * null when there were none.
 */
export interface TimeFigure extends Average {
  p50Ms: number | null;
  p90Ms: number | null;
  /**
   * How many of the `count` values the percentiles are of: fewer only when the period has days
   * rolled up before percentiles were kept.
   */
  percentileCount: number;
}

/** A mean score over `count` answers; null when there were none. */
export interface ScoreAverage {
  average: number | null;
  count: number;
}

/** `GET /api/analytics/dashboard`: what the service did in a period. */
export interface DashboardReport {
  period: ReportPeriod;
  /** Channels that had conversations (for the channel filter). */
  channels: string[];
  /** When facts were last rolled up (ISO time); newer traffic shows after the next rollup. */
  rolledUpTo: string | null;
  volume: {
    conversations: number;
    previousConversations: number;
    /** (this − previous) / previous; null when previous is 0. */
    change: number | null;
    /** heatmap[weekday][hour]: conversations opened; weekday 0 = Monday, local hours. */
    heatmap: number[][];
    days: { date: string; conversations: number }[];
    previousDays: { date: string; conversations: number }[];
    /**
     * Up to five busiest (weekday, hour) cells, busiest first: by `perDay`, the conversations
     * of the cell over the times its weekday is in the period (a 30-day period has two weekdays
     * five times, the others four: their sums would rank them first).
     */
    peaks: { weekday: number; hour: number; conversations: number; perDay: number }[];
  };
  intents: IntentTrend[];
  service: {
    /** Conversations opened in the period. */
    conversations: number;
    /** Conversations closed in the period in which the customer said something. */
    closed: number;
    /** Closed without ever being handed to a person. */
    automated: number;
    /** Closed conversations handed to a person at least once (closed − automated). */
    handedOff: number;
    /**
     * Handoffs queued in the period: a conversation handed over twice counts twice (transfers
     * between groups do not count again). The agents' workload, not a share of conversations.
     */
    handoffs: number;
    resolved: number;
    /** automated / closed; null when none closed. */
    automationRate: number | null;
    /** handedOff / closed: the share of conversations handed to a person at least once. */
    handoffRate: number | null;
    resolutionRate: number | null;
    firstResponse: TimeFigure;
    /** Queued → an agent took the handoff, over the handoffs answered. */
    wait: TimeFigure;
    /**
     * Handoffs the customer left before an agent took them (closed the chat, or ended as
     * abandoned while waiting): how many, their share of the queue's outcomes
     * (count / (count + wait.count); null when neither), and how long they had waited.
     */
    abandonedInQueue: { count: number; rate: number | null; wait: TimeFigure };
    /** Assigned → the handoff ended. */
    handling: TimeFigure;
    satisfaction: ScoreAverage & { distribution: number[] };
  };
  agents: AgentFigures[];
}

/** An intent's count in the period, against the previous one, with spikes flagged. */
export interface IntentTrend {
  intent: string;
  count: number;
  previousCount: number;
  change: number | null;
  /** The count on the period's last day, and the daily average of the seven days before. */
  lastDay: number;
  baseline: number;
  /** lastDay ≥ 3 × baseline and lastDay ≥ 5. */
  spike: boolean;
  days: number[];
}

export interface AgentFigures {
  agentId: string;
  displayName: string;
  /** Handoffs the agent finished, or held until a supervisor resolved them for them. */
  conversations: number;
  /** Resolved by the agent themselves; `resolutionRate` is of these. */
  resolved: number;
  /** Resolved by a supervisor for the agent: in `conversations`, not in `resolved`. */
  resolvedBySupervisor: number;
  resolutionRate: number | null;
  firstResponse: Average;
  handling: Average;
  satisfaction: ScoreAverage;
  quality: ScoreAverage;
}

/** `GET /api/analytics/journeys/:id/funnel`: how instances went through a journey's nodes. */
export interface JourneyFunnel {
  workflowId: string;
  name: string;
  period: ReportPeriod;
  started: number;
  completed: number;
  cancelled: number;
  nodes: FunnelNode[];
}

export interface FunnelNode {
  nodeId: string;
  label: string;
  type: string;
  /** Times instances entered the node: an instance that loops back counts again. */
  entered: number;
  /** Instances that entered the node, each once however often (at most `started`). */
  reached: number;
  /** Times instances left the node. */
  left: number;
  /**
   * Instances started in the period resting at this node now (at most entered − left): customers still
   * waiting (a question not answered yet, a timer not due), not lost.
   */
  waiting: number;
  /** entered − left − waiting for nodes that are not an end: instances that stopped here. */
  dropped: number;
  /** reached / started: the share of the instances started that got to the node; null when none started. */
  reachedRate: number | null;
  time: Average;
}

/** `GET /api/analytics/staffing`: agents needed per hour of a day, against agents online. */
export interface StaffingPlan {
  date: string;
  timeZone: string;
  group: string | null;
  target: { level: number; seconds: number };
  weeksUsed: number;
  averageHandlingSeconds: number;
  agentsOnline: number;
  hours: StaffingHour[];
}

export interface StaffingHour {
  hour: number;
  forecast: number;
  agentsNeeded: number;
  serviceLevelOnline: number | null;
  missesTarget: boolean;
}

/** Live counts on a journey's canvas: instances in each node, steps through each outcome. */
export interface FlowCounts {
  workflow: string;
  since: Date;
  /** Active instances sitting in each node now. */
  nodes: Record<string, number>;
  /**
   * Steps that left `node` through `outcome` since `since`, to the minute (the steps of the
   * minute `since` falls in count whole), keyed `node/outcome`.
   */
  outcomes: Record<string, number>;
}
