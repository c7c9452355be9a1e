/**
 * Generated conversations and the facts the desk, routing, surveys and quality inspection would
 * have recorded for them (the same shapes and `_id`s as service-facts.ts), with a tally of what
 * was generated so a rollup can be checked against it.
 */
import type { AnalyticsFact } from '../../packages/server/src/analytics/analytics-facts.ts';
import type { ConversationRecord } from '../../packages/server/src/model/conversation.model.ts';
import type { AgentRecord } from '../../packages/server/src/model/routing.model.ts';
import { exponential, pick, within } from './traffic-pattern.ts';

export const CHANNELS = [
  ['web', 50],
  ['app', 35],
  ['wechat', 15],
] as const;

/** Intents asked about, by weight; `paymentProblem` spikes on the spike day. */
const INTENTS = [
  ['orderStatus', 30],
  ['logistics', 25],
  ['refund', 12],
  ['returnExchange', 8],
  ['productQuestion', 8],
  ['changeAddress', 6],
  ['invoice', 5],
  ['complaint', 3],
  ['paymentProblem', 3],
] as const;
export const SPIKING_INTENT = 'paymentProblem';
const SPIKE_FACTOR = 8;

const GROUP_OF: Record<string, string> = {
  refund: 'after-sales',
  returnExchange: 'after-sales',
  complaint: 'after-sales',
  paymentProblem: 'after-sales',
  productQuestion: 'pre-sales',
};
const GROUPS = ['after-sales', 'pre-sales', 'logistics'] as const;

/** Eight agents per group, the first three of each online. */
export const BENCH_AGENTS: AgentRecord[] = GROUPS.flatMap((group) =>
  Array.from({ length: 8 }, (_, i) => ({
    _id: `${group}-${i + 1}`,
    displayName: `${group} ${i + 1}`,
    skills: [group],
    status: i < 3 ? ('online' as const) : ('away' as const),
    maxConcurrent: 5,
    lastActiveAt: new Date(0),
  })),
);

/** What was generated, to compare with what a rollup counts. */
export interface ConversationTally {
  conversations: number;
  byChannel: Record<string, number>;
  intents: Record<string, number>;
  closed: number;
  automated: number;
  resolved: number;
  queued: number;
  handoffsEnded: number;
  surveys: number;
  scoreSum: number;
  facts: number;
}

export const emptyConversationTally = (): ConversationTally => ({
  conversations: 0,
  byChannel: {},
  intents: {},
  closed: 0,
  automated: 0,
  resolved: 0,
  queued: 0,
  handoffsEnded: 0,
  surveys: 0,
  scoreSum: 0,
  facts: 0,
});

export interface GeneratedFact {
  _id: string;
  fact: AnalyticsFact;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The conversation number `n` opened within the hour from `start`: its record and facts.
 * A fifth asks for a person (most resolved, some abandoned, a few transferred); a sixth of the
 * closed answer a survey; a third of the agents' conversations are inspected.
 */
export function generateConversation(
  n: number,
  start: Date,
  spike: boolean,
  random: () => number,
  tally: ConversationTally,
): { record: ConversationRecord; facts: GeneratedFact[] } {
  const id = `bench-${n}`;
  const openedAt = within(start, HOUR, random);
  const channel = pick(CHANNELS, random);
  const weights = INTENTS.map(
    ([intent, weight]) =>
      [intent, spike && intent === SPIKING_INTENT ? weight * SPIKE_FACTOR : weight] as const,
  );
  const first = pick(weights, random);
  const second = random() < 0.2 ? pick(weights, random) : first;
  const intents = [...new Set([first, second])];
  const facts: GeneratedFact[] = [
    { _id: `opened|${id}`, fact: { kind: 'opened', at: openedAt, channel } },
    ...intents.map((intent, i) => ({
      _id: `intent|${id}|${intent}`,
      fact: {
        kind: 'intent' as const,
        at: new Date(openedAt.getTime() + 5000 + i * MINUTE),
        channel,
        intent,
      },
    })),
  ];
  const handedOver = first === 'complaint' || random() < 0.2;
  let closedAt = new Date(openedAt.getTime() + 2 * MINUTE + exponential(4 * MINUTE, random));
  let resolved = random() < 0.78;
  let agentId: string | undefined;
  if (handedOver) {
    const handoffId = `handoff-${n}`;
    const group = GROUP_OF[first] ?? 'logistics';
    const queuedAt = new Date(openedAt.getTime() + 30_000 + exponential(MINUTE, random));
    const outcome = pick(
      [
        ['resolved', 85],
        ['abandoned', 10],
        ['transferred', 5],
      ] as const,
      random,
    );
    const waitMs = exponential(outcome === 'abandoned' ? 3 * MINUTE : 45_000, random);
    const handlingMs = outcome === 'abandoned' ? 0 : 60_000 + exponential(5 * MINUTE, random);
    agentId = outcome === 'abandoned' ? undefined : `${group}-${1 + Math.floor(random() * 8)}`;
    const endedAt = new Date(queuedAt.getTime() + waitMs + handlingMs);
    facts.push(
      { _id: `queued|${handoffId}`, fact: { kind: 'queued', at: queuedAt, channel, group } },
      {
        _id: `ended|${handoffId}`,
        fact: {
          kind: 'handoffEnded',
          at: endedAt,
          channel,
          group,
          outcome,
          ...(agentId
            ? { agentId, waitMs, handlingMs, firstResponseMs: 5000 + exponential(20_000, random) }
            : { abandonedAfterMs: waitMs }),
        },
      },
    );
    if (agentId && random() < 0.33)
      facts.push({
        _id: `quality|${handoffId}|new`,
        fact: {
          kind: 'quality',
          at: new Date(endedAt.getTime() + HOUR),
          channel,
          agentId,
          scoreDelta: 60 + Math.floor(random() * 41),
          countDelta: 1,
        },
      });
    closedAt = new Date(endedAt.getTime() + 30_000);
    resolved = outcome === 'resolved';
    tally.queued += 1;
    tally.handoffsEnded += 1;
  }
  facts.push({
    _id: `closed|${id}`,
    fact: {
      kind: 'closed',
      at: closedAt,
      channel,
      automated: !handedOver,
      resolved,
      firstResponseMs: 800 + exponential(1500, random),
    },
  });
  if (random() < 0.16) {
    const score = pick(
      [
        [5, 50],
        [4, 25],
        [3, 12],
        [2, 6],
        [1, 7],
      ] as const,
      random,
    );
    facts.push({
      _id: `satisfaction|survey:${id}:1#2|rate`,
      fact: {
        kind: 'satisfaction',
        at: new Date(closedAt.getTime() + 2 * MINUTE),
        channel,
        score,
        ...(agentId ? { agentId } : {}),
      },
    });
    tally.surveys += 1;
    tally.scoreSum += score;
  }
  tally.conversations += 1;
  tally.byChannel[channel] = (tally.byChannel[channel] ?? 0) + 1;
  for (const intent of intents) tally.intents[intent] = (tally.intents[intent] ?? 0) + 1;
  tally.closed += 1;
  if (!handedOver) tally.automated += 1;
  if (resolved) tally.resolved += 1;
  tally.facts += facts.length;
  const record: ConversationRecord = {
    _id: id,
    customer: { id: `customer-${Math.floor(random() * 1e6)}`, tier: 'normal', language: 'zh' },
    channel,
    status: 'closed',
    tokenHash: (n * 2654435761).toString(16).padStart(64, '0'),
    lastSeq: 4 + Math.floor(random() * 8),
    intents: intents.map((intent, i) => ({
      intent,
      confidence: 0.7 + random() * 0.3,
      at: new Date(openedAt.getTime() + 5000 + i * MINUTE),
    })),
    ...(handedOver ? { handoffId: `handoff-${n}` } : {}),
    ...(agentId ? { agentId } : {}),
    createdAt: openedAt,
    updatedAt: closedAt,
    closedAt,
  };
  return { record, facts };
}
