import type { AnalyticsFact, HandoffEndedFact, StepFact } from './analytics-facts.ts';
import type { LocalTime } from './local-time.ts';
import { addToHistogram } from './histogram.ts';
import type {
  Sum,
  NodeDay,
  DayTimes,
  AgentDay,
  GroupDay,
  ConversationDay,
  JourneyDay,
} from '../model/analytics-rollup.types.ts';

export type {
  Sum,
  AgentDay,
  GroupDay,
  ConversationDay,
  NodeDay,
  JourneyDay,
} from '../model/analytics-rollup.types.ts';

const hours = () => Array.from({ length: 24 }, () => 0);
const sum = (): Sum => ({ sum: 0, count: 0 });
export const emptyDayTimes = (): DayTimes => ({
  firstResponse: {},
  wait: {},
  handling: {},
  abandonedInQueue: {},
});

/**
 * The moment whose local day a fact is counted in: a journey step in its instance's start day
 * (a funnel follows the instances started in a period to wherever they got, later days
 * included), anything else when it happened.
 */
export const countedAt = (fact: AnalyticsFact): Date =>
  fact.kind === 'step' ? (fact.startedAt ?? fact.at) : fact.at;

/** Where a fact is counted (`local`: of {@link countedAt}): `conversation` or `journey` days. */
export function rollupKeyOf(
  fact: AnalyticsFact,
  local: LocalTime,
): { collection: 'conversation' | 'journey'; id: string } {
  if (fact.kind === 'step')
    return { collection: 'journey', id: `${local.date}|${fact.workflowId}` };
  return { collection: 'conversation', id: `${local.date}|${fact.channel}` };
}

export function emptyConversationDay(id: string): ConversationDay {
  const [date = '', channel = ''] = id.split('|');
  return {
    _id: id,
    date,
    channel,
    batches: [],
    opened: hours(),
    queued: hours(),
    intents: [],
    totals: {
      closed: 0,
      automated: 0,
      resolved: 0,
      firstResponse: sum(),
      wait: sum(),
      handling: sum(),
      abandonedInQueue: sum(),
      times: emptyDayTimes(),
      satisfaction: sum(),
      scores: [0, 0, 0, 0, 0],
    },
    agents: [],
    groups: [],
  };
}

export function emptyJourneyDay(id: string): JourneyDay {
  const [date = '', workflowId = ''] = id.split('|');
  return {
    _id: id,
    date,
    workflowId,
    batches: [],
    started: 0,
    completed: 0,
    cancelled: 0,
    nodes: [],
  };
}

function add(target: Sum, value: number | undefined): void {
  if (value === undefined) return;
  target.sum += value;
  target.count += 1;
}

function entry<T>(list: T[], found: (item: T) => boolean, create: () => T): T {
  let item = list.find(found);
  if (!item) {
    item = create();
    list.push(item);
  }
  return item;
}

function agentOf(day: ConversationDay, agentId: string): AgentDay {
  return entry(
    day.agents,
    (a) => a.agentId === agentId,
    () => ({
      agentId,
      handoffs: 0,
      resolved: 0,
      firstResponse: sum(),
      handling: sum(),
      satisfaction: sum(),
      quality: sum(),
    }),
  );
}

function groupOf(day: ConversationDay, group: string): GroupDay {
  return entry(
    day.groups,
    (g) => g.group === group,
    () => ({ group, queued: hours(), handling: sum() }),
  );
}

/**
 * A handoff someone other than its agent resolved (a supervisor, for them): one of the agent's
 * handoffs, not one of their resolutions. A fact naming nobody (older ones) is the agent's.
 */
const resolvedForTheAgent = (fact: HandoffEndedFact): boolean =>
  fact.endedBy !== undefined && fact.endedBy !== `user:${fact.agentId}`;

/** Counts a conversation fact in its day. */
export function addToConversationDay(
  day: ConversationDay,
  fact: Exclude<AnalyticsFact, StepFact>,
  local: LocalTime,
): void {
  const { totals } = day;
  // Days rolled up by older versions have no distributions: they start with this fact.
  const times = (totals.times ??= emptyDayTimes());
  switch (fact.kind) {
    case 'opened':
      day.opened[local.hour] = (day.opened[local.hour] ?? 0) + 1;
      return;
    case 'intent':
      entry(
        day.intents,
        (i) => i.intent === fact.intent,
        () => ({ intent: fact.intent, count: 0 }),
      ).count += 1;
      return;
    case 'closed':
      totals.closed += 1;
      if (fact.automated) totals.automated += 1;
      if (fact.resolved) totals.resolved += 1;
      add(totals.firstResponse, fact.firstResponseMs);
      addToHistogram(times.firstResponse, fact.firstResponseMs);
      return;
    case 'queued':
      // A transfer arrives in its group's queue; the shop counted the customer already.
      if (!fact.transfer) day.queued[local.hour] = (day.queued[local.hour] ?? 0) + 1;
      groupOf(day, fact.group).queued[local.hour]! += 1;
      return;
    case 'handoffEnded': {
      add(totals.wait, fact.waitMs);
      add(totals.handling, fact.handlingMs);
      add((totals.abandonedInQueue ??= sum()), fact.abandonedAfterMs);
      addToHistogram(times.wait, fact.waitMs);
      addToHistogram(times.handling, fact.handlingMs);
      addToHistogram(times.abandonedInQueue, fact.abandonedAfterMs);
      add(groupOf(day, fact.group).handling, fact.handlingMs);
      if (!fact.agentId) return;
      const agent = agentOf(day, fact.agentId);
      agent.handoffs += 1;
      if (fact.outcome === 'resolved' && resolvedForTheAgent(fact))
        agent.resolvedBySupervisor = (agent.resolvedBySupervisor ?? 0) + 1;
      else if (fact.outcome === 'resolved') agent.resolved += 1;
      add(agent.firstResponse, fact.firstResponseMs);
      add(agent.handling, fact.handlingMs);
      return;
    }
    case 'satisfaction':
      add(totals.satisfaction, fact.score);
      totals.scores[fact.score - 1] = (totals.scores[fact.score - 1] ?? 0) + 1;
      if (fact.agentId) add(agentOf(day, fact.agentId).satisfaction, fact.score);
      return;
    case 'quality': {
      const quality = agentOf(day, fact.agentId).quality;
      quality.sum += fact.scoreDelta;
      quality.count += fact.countDelta;
      return;
    }
  }
}

/**
 * Counts a journey step in its day; `reached`: the nodes its instance entered for the first
 * time with it (analytics-rollup.ts knows).
 */
export function addToJourneyDay(day: JourneyDay, fact: StepFact, reached: string[]): void {
  const node = (nodeId: string) => {
    const counted = entry(
      day.nodes,
      (n) => n.nodeId === nodeId,
      () => ({ nodeId, entered: 0, reached: 0, left: 0, time: sum() }),
    );
    // A day rolled up before instances were counted: its entries so far stand in for them.
    counted.reached ??= counted.entered;
    return counted as NodeDay & { reached: number };
  };
  if (fact.started) day.started += 1;
  if (fact.ended === 'done') day.completed += 1;
  if (fact.ended === 'cancelled') day.cancelled += 1;
  for (const nodeId of fact.entered) node(nodeId).entered += 1;
  for (const nodeId of reached) node(nodeId).reached += 1;
  for (const nodeId of fact.left) node(nodeId).left += 1;
  if (fact.rested) add(node(fact.rested.nodeId).time, fact.rested.ms);
  // Nodes the step passed through (entered and left at once) took no time.
  for (const nodeId of fact.entered) if (fact.left.includes(nodeId)) add(node(nodeId).time, 0);
}
