import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ReceivedOutcome } from '../intake/received-outcome.ts';
import type { AttemptOutcome } from '../runtime/effect-executor.ts';
import type { EffectRecord } from '../model/effect.model.ts';
import { cachedReading } from './cached-reading.ts';
import type { StoreReadings } from './store-readings.ts';
import type { QueueSummary } from '../routing/handoff-request.ts';

/** A gauge read from the store: its name, help text and which reading it shows. */
interface StoreGauge<T> {
  name: string;
  help: string;
  pick: (from: T) => number;
}

const STORE_COUNTS: StoreGauge<StoreReadings>[] = [
  {
    name: 'xiaoer_inbox_events',
    help: 'Events recorded but not processed yet (all processes).',
    pick: (r) => r.inbox,
  },
  {
    name: 'xiaoer_outbox_steps',
    help: 'Outbox notes of committed steps not yet dispatched, one per batch of steps (all processes).',
    pick: (r) => r.outbox,
  },
  {
    name: 'xiaoer_dead_letters',
    help: 'Dead-lettered effects waiting for an operator.',
    pick: (r) => r.deadLetters,
  },
  {
    name: 'xiaoer_inbox_oldest_seconds',
    help: 'How long ago the oldest event not processed yet was received (all processes; 0 when none waits).',
    pick: (r) => ageSeconds(r.oldestInboxAt, r.readAt),
  },
  {
    name: 'xiaoer_outbox_oldest_seconds',
    help: 'How long ago the oldest outbox note was written or taken over (all processes; 0 when none waits).',
    pick: (r) => ageSeconds(r.oldestOutboxAt, r.readAt),
  },
];

/** Seconds from `at` to `now`, 0 without `at` (and for a clock a little ahead of ours). */
function ageSeconds(at: Date | undefined, now: Date): number {
  return at ? Math.max(0, (now.getTime() - at.getTime()) / 1000) : 0;
}

/** Per skill group, labelled `group`. */
const QUEUE_GAUGES: StoreGauge<QueueSummary>[] = [
  {
    name: 'xiaoer_handoffs_waiting',
    help: 'Handoffs waiting for an agent, per skill group.',
    pick: (q) => q.waiting,
  },
  {
    name: 'xiaoer_handoff_oldest_wait_seconds',
    help: 'How long the longest-waiting customer has waited, per skill group (0 with nobody waiting).',
    pick: (q) => q.oldestWaitSeconds,
  },
  {
    name: 'xiaoer_agents_available',
    help: 'Online agents with a free slot, per skill group.',
    pick: (q) => q.availableAgents,
  },
];

/**
 * Buckets for waits of the event loop's size: store round trips and garbage-collection pauses,
 * from a millisecond to a second (prom-client's own GC buckets jump from 10 to 100 ms).
 */
const PAUSE_BUCKETS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];

/** How long readings from the store are reused between scrapes unless configured. */
export const METRICS_CACHE_MS = 15_000;

export interface ServiceMetricsOptions {
  /** Reads the gauges that come from the store; called at most once per `cacheMs`. */
  readStore?: () => Promise<StoreReadings>;
  /** Default {@link METRICS_CACHE_MS}; 0 reads the store on every scrape. */
  cacheMs?: number;
  /** prom-client's process and Node.js metrics (`process_*`, `nodejs_*`). Default true. */
  defaultMetrics?: boolean;
  /** Told when reading the store failed; the gauges then keep their last values. */
  onError?: (error: unknown) => void;
}

/**
 * The Prometheus metrics of one Xiaoer instance, in a registry of its own (not prom-client's
 * global one: tests run several servers in one process). The runtime reports what happens
 * through the `*ed` methods; gauges of shared state (queues, inbox, outbox, dead letters) are
 * read from the store when scraped, at most once per `cacheMs`. docs/runtime.md, Metrics,
 * says what each one means.
 *
 * @example
 * ```ts
 * const metrics = new ServiceMetrics({ readStore: () => readStore(models, router) });
 * metrics.eventReceived('my-shop', 'started');
 * response.type(metrics.contentType).send(await metrics.exposition());
 * ```
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly #events: Counter<'source' | 'outcome'>;
  readonly #steps: Counter<'workflow'>;
  readonly #attempts: Counter<'kind' | 'outcome'>;
  readonly #lateness: Histogram;
  readonly #http: Histogram<'method' | 'route' | 'status'>;
  readonly #storeCommands: Counter<'command' | 'collection'>;
  readonly #storeStatements: Counter<'command' | 'collection'>;
  readonly #storeLatency: Histogram<'command' | 'collection'>;

  constructor(options: ServiceMetricsOptions = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, gcDurationBuckets: PAUSE_BUCKETS });
    this.#events = new Counter({
      name: 'xiaoer_events_received_total',
      help: 'Events received (signed intake, platform webhooks, chat), by source and what became of them.',
      labelNames: ['source', 'outcome'],
      registers,
    });
    this.#steps = new Counter({
      name: 'xiaoer_journey_steps_total',
      help: 'Journey steps committed, by workflow.',
      labelNames: ['workflow'],
      registers,
    });
    this.#attempts = new Counter({
      name: 'xiaoer_effect_attempts_total',
      help: 'Attempts at effects (messages, calls, published events), by kind and how each ended: done, retried, failed or dead (dead-lettered).',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.#lateness = new Histogram({
      name: 'xiaoer_timer_lateness_seconds',
      help: 'How long after its due time each timer fired.',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
      registers,
    });
    this.#http = new Histogram({
      name: 'xiaoer_http_request_duration_seconds',
      help: 'HTTP requests, by method, route pattern ("unmatched" for no API route) and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.#storeCommands = new Counter({
      name: 'xiaoer_store_commands_total',
      help: 'Commands this process sent to the store (round trips), by command name (insert, update, find, ...) and collection.',
      labelNames: ['command', 'collection'],
      registers,
    });
    this.#storeStatements = new Counter({
      name: 'xiaoer_store_statements_total',
      help: 'Documents inserted, updates and deletes sent to the store (one command may carry many), by command and collection: the store applies each update as its own transaction.',
      labelNames: ['command', 'collection'],
      registers,
    });
    this.#storeLatency = new Histogram({
      name: 'xiaoer_store_command_duration_seconds',
      help: 'From a command sent to the store to its answer, by command name and collection (a batched write waits here for the store and for the event loop to read the answer).',
      labelNames: ['command', 'collection'],
      buckets: PAUSE_BUCKETS,
      registers,
    });
    this.#storeGauges(
      cachedReading(options.readStore ?? emptyStore, options.cacheMs ?? METRICS_CACHE_MS),
      options.onError ?? (() => undefined),
    );
  }

  /** One command sent to the store (from the driver's command monitoring). */
  storeCommand(command: string, collection: string, statements = 1): void {
    this.#storeCommands.inc({ command, collection });
    this.#storeStatements.inc({ command, collection }, statements);
  }

  /** A store command answered (or failed) after `seconds` (the driver's command monitoring). */
  storeCommandAnswered(command: string, collection: string, seconds: number): void {
    this.#storeLatency.observe({ command, collection }, seconds);
  }

  /** The `Content-Type` of {@link exposition}. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every metric in the Prometheus text exposition format (reads the store if due). */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  /** An event a request delivered, once its outcome is known. */
  eventReceived(source: string, outcome: ReceivedOutcome): void {
    this.#events.inc({ source, outcome });
  }

  /** A journey step was committed. */
  stepApplied(workflow: string): void {
    this.#steps.inc({ workflow });
  }

  /** An attempt at an effect ended. */
  effectAttempted(kind: EffectRecord['effect']['kind'], outcome: AttemptOutcome): void {
    this.#attempts.inc({ kind, outcome });
  }

  /** A timer fired `latenessMs` after its due time (early counts as on time). */
  timerFired(latenessMs: number): void {
    this.#lateness.observe(Math.max(0, latenessMs) / 1000);
  }

  /** An HTTP request was answered; `route` is the route's pattern, never the raw URL. */
  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.#http.observe({ method, route, status: String(status) }, seconds);
  }

  #storeGauges(read: () => Promise<StoreReadings>, onError: (error: unknown) => void): void {
    const registers = [this.registry];
    const reading = () =>
      read().catch((error: unknown) => {
        onError(error);
        return undefined;
      });
    for (const { name, help, pick } of STORE_COUNTS)
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          const readings = await reading();
          if (readings) this.set(pick(readings));
        },
      });
    for (const { name, help, pick } of QUEUE_GAUGES)
      new Gauge({
        name,
        help,
        labelNames: ['group'],
        registers,
        async collect() {
          const readings = await reading();
          if (!readings) return;
          // A skill group deleted since the last scrape drops out.
          this.reset();
          for (const queue of readings.queues) this.set({ group: queue.group }, pick(queue));
        },
      });
  }
}

async function emptyStore(): Promise<StoreReadings> {
  return { inbox: 0, outbox: 0, deadLetters: 0, queues: [], readAt: new Date() };
}
