/**
 * The benchmark's traffic, hour by hour: conversations and journey steps spread over the days
 * by the traffic pattern, the last day with a spike of one intent; and writing them, with their
 * facts, into the store in batches.
 */
import type { Model } from 'mongoose';
import type { Models } from '../../packages/server/src/model/models.ts';
import type { ConversationRecord } from '../../packages/server/src/model/conversation.model.ts';
import { seededRandom } from '../../packages/server/src/intents/seeded-random.ts';
import {
  emptyConversationTally,
  generateConversation,
  type GeneratedFact,
} from './conversation-traffic.ts';
import {
  JOURNEY_MIX,
  emptyJourneyTally,
  generateInstance,
  journeyGraph,
  shippedWorkflow,
  type JourneyGraph,
} from './journey-history.ts';
import { hourlyCounts, pick, trafficHours, type TrafficHour } from './traffic-pattern.ts';

export interface TrafficPlan {
  days: number;
  conversations: number;
  steps: number;
  seed?: number;
}

/** One hour's generated history and facts. */
export interface HourOfTraffic {
  hour: TrafficHour;
  conversations: ConversationRecord[];
  steps: Record<string, unknown>[];
  facts: GeneratedFact[];
}

export class GeneratedTraffic {
  readonly hours: TrafficHour[];
  readonly conversationTally = emptyConversationTally();
  readonly journeyTally = emptyJourneyTally();
  readonly #conversationsPerHour: number[];
  readonly #stepsPerHour: number[];
  readonly #random: () => number;
  readonly #graphs = new Map<string, JourneyGraph>();
  readonly #lastDay: string;
  #conversations = 0;
  #instances = 0;

  constructor(plan: TrafficPlan) {
    this.#random = seededRandom(plan.seed ?? 20_260_901);
    this.hours = trafficHours(plan.days);
    this.#conversationsPerHour = hourlyCounts(plan.conversations, this.hours, this.#random);
    this.#stepsPerHour = hourlyCounts(plan.steps, this.hours, this.#random);
    this.#lastDay = this.hours.at(-1)?.date ?? '';
    for (const [id] of JOURNEY_MIX) this.#graphs.set(id, journeyGraph(shippedWorkflow(id)));
  }

  get lastDay(): string {
    return this.#lastDay;
  }

  /** Generates hour `index` (each hour once, in any order). */
  hour(index: number): HourOfTraffic {
    const hour = this.hours[index];
    if (!hour) throw new RangeError(`no hour ${index}`);
    const spike = hour.date === this.#lastDay;
    const conversations: ConversationRecord[] = [];
    const steps: Record<string, unknown>[] = [];
    const facts: GeneratedFact[] = [];
    for (let i = 0; i < (this.#conversationsPerHour[index] ?? 0); i++) {
      const generated = generateConversation(
        ++this.#conversations,
        hour.start,
        spike,
        this.#random,
        this.conversationTally,
      );
      conversations.push(generated.record);
      facts.push(...generated.facts);
    }
    const budget = this.#stepsPerHour[index] ?? 0;
    const before = steps.length;
    while (steps.length - before < budget) {
      const graph = this.#graphs.get(pick(JOURNEY_MIX, this.#random))!;
      const generated = generateInstance(
        graph,
        ++this.#instances,
        hour.start,
        this.#random,
        this.journeyTally,
      );
      steps.push(...generated.steps);
      facts.push(...generated.facts);
    }
    return { hour, conversations, steps, facts };
  }
}

/** Inserts `documents` `batch` at a time, unordered (FerretDB's fastest way in). */
export async function insertInBatches<T>(
  model: Model<T>,
  documents: object[],
  batch = 2000,
): Promise<void> {
  for (let i = 0; i < documents.length; i += batch)
    await model.collection.insertMany(documents.slice(i, i + batch) as never[], { ordered: false });
}

/** Writes the history: conversations and step records. */
export async function writeHistory(models: Models, traffic: HourOfTraffic[]): Promise<void> {
  await insertInBatches(
    models.Conversations,
    traffic.flatMap((t) => t.conversations),
  );
  await insertInBatches(
    models.Steps,
    traffic.flatMap((t) => t.steps),
  );
}

/** Writes the facts as the fact recorder would have. */
export async function writeFacts(models: Models, traffic: HourOfTraffic[]): Promise<number> {
  const recordedAt = new Date();
  const facts = traffic.flatMap((t) =>
    t.facts.map(({ _id, fact }) => ({ ...fact, _id, recordedAt })),
  );
  await insertInBatches(models.AnalyticsFacts, facts);
  return facts.length;
}
