import type { ChatLimits } from '../http/chat-limits.ts';
import type { ConsoleBudgets } from '../http/console-budgets.ts';
import type { LoginLockoutOptions } from '../auth/login-lockout.ts';
import type { TrustedProxies } from '../http/trusted-proxies.ts';
import type { IntentRecognitionConfig } from '../intents/intent-recognizer.ts';
import type { HttpOrderSystemConfig } from '../connectors/http-order-system.ts';
import type { WebhookChannelConfig } from '../connectors/webhook-channel.ts';
import type { SmsChannelConfig } from '../connectors/sms-channel.ts';
import type { SmtpChannelConfig } from '../connectors/smtp-channel.ts';
import type { EventSource } from '../intake/event-source.ts';
import type { CommitWindow } from '../model/group-commit.ts';
import type { SchedulerOptions } from '../runtime/job-scheduler.ts';
import type { DispatcherOptions } from '../runtime/effect-dispatcher.ts';
import type { HistoryOptions } from '../runtime/history-pruner.ts';
import type { AnalyticsOptions } from '../analytics/analytics.ts';
import type { KnowledgeOptions } from '../knowledge/knowledge-base.ts';
import type { PresenceOptions } from '../routing/agent-presence.ts';

/** How messages leave on one channel. */
export type ChannelConfig =
  | { kind: 'log' }
  | ({ kind: 'webhook' } & WebhookChannelConfig)
  | ({ kind: 'sms' } & SmsChannelConfig)
  | ({ kind: 'smtp' } & SmtpChannelConfig);

/** Everything an operator configures about a Xiaoer server (besides the store). */
export interface XiaoerConfig {
  /** Order systems and shops allowed to send events, each with its own secret. */
  sources: EventSource[];
  orderSystem?: HttpOrderSystemConfig;
  /** Per engine channel (`sms`, `email`, `wechat`, `chat`, `app`, `staff`); `default` for the rest. */
  channels?: Partial<
    Record<'sms' | 'email' | 'wechat' | 'chat' | 'app' | 'staff' | 'default', ChannelConfig>
  >;
  /** Where journeys' published events (`staff.alert`...) go; the log when absent. */
  publisher?: WebhookChannelConfig;
  intake?: {
    /** Largest request body; default `1mb`. */
    bodyLimit?: string;
    /**
     * Largest body of a platform webhook (`/api/webhooks/*`): default `5mb`, or `bodyLimit`
     * when that is larger. A Shopify order with hundreds of line items is over 1 MB.
     */
    webhookBodyLimit?: string;
    /** Allowed distance of a signed request's timestamp from now; default 300 s. */
    replayWindowSeconds?: number;
    /**
     * Events in progress in this process past which deliveries are answered 503 with
     * Retry-After instead of taken (memory stays bounded); default 20,000.
     */
    maxBacklog?: number;
    /**
     * The commit window of the steps of events already acknowledged to their sender: while
     * such steps arrive steadily, each waits up to `ms` for `fill` others' and their writes go
     * together. Default `{ "ms": 40, "fill": 16 }`; `ms: 0` sends each at once.
     */
    commitWindow?: CommitWindow;
  };
  scheduler?: SchedulerOptions;
  delivery?: Omit<DispatcherOptions, 'onTimerFired' | 'timerLockMs' | 'effectLockMs'>;
  /** Bounds on execution history: steps per instance, retention period, pruning interval. */
  history?: HistoryOptions;
  /** How customer messages' intents are recognised (local model; an LLM endpoint optional). */
  intents?: IntentRecognitionConfig;
  /** Knowledge-base answer threshold and how often other processes' edits are looked for. */
  knowledge?: KnowledgeOptions;
  /** The shop's time zone for analytics, and how often facts are rolled up. */
  analytics?: AnalyticsOptions;
  /**
   * Handoffs to agents: how long an agent may be without a desk connection before they are set
   * away, and before their handoffs go back to the queues (routing/agent-presence.ts).
   */
  routing?: PresenceOptions;
  chat?: {
    /**
     * Shared with the shop's server, which signs each customer's id and tier
     * (conversations/customer-signature.ts). Without it the chat page's word is taken.
     */
    customerSecret?: string;
    /**
     * Refuse chats the shop did not sign (401) instead of opening them as anonymous customers,
     * who get general answers and must verify before a journey shows or changes an order.
     */
    requireSignature?: boolean;
    /** The longest a signature may still be valid for, in seconds. Default 86 400 (a day). */
    signatureMaxLifetimeSeconds?: number;
    /** Conversations with the bot closed after this long without a message; 0 never. Default 30. */
    idleCloseMinutes?: number;
    /**
     * Origins of the shop's pages that may show the chat in a frame (the chat widget), e.g.
     * `https://shop.example.com`. The console itself may never be framed.
     */
    allowedOrigins?: string[];
    /** Budgets of anonymous chat per client address and per customer (http/chat-limits.ts). */
    limits?: ChatLimits;
  };
  /** The HTTP server behind a reverse proxy or a load balancer (docs/security.md, HTTP). */
  http?: {
    /**
     * The proxies that may say who the client is: how many stand in front, or their addresses
     * and subnets. Unset: the connection's address is the client's.
     */
    trustProxy?: TrustedProxies;
    /**
     * Per-user budgets of the console's costly requests (replays, test classifications, flow
     * counts, near-duplicate checks), each per minute (http/console-budgets.ts).
     */
    consoleBudgets?: ConsoleBudgets;
    /**
     * Failed logins per user name, counted in the store across addresses and processes: after
     * `failuresPerAccount` (10) within `windowMinutes` (15) the name refuses every login for
     * `lockMinutes` (15), unless an admin ends the lock (auth/login-lockout.ts).
     */
    loginLockout?: LoginLockoutOptions;
  };
  /** The Prometheus endpoint `GET /metrics` (docs/runtime.md, Metrics). */
  metrics?: {
    /**
     * A bearer token the scraper sends (at least 16 characters). Without it, only a console
     * login with the `read` permission may scrape.
     */
    token?: string;
    /**
     * How long gauges read from the store (queues, inbox, outbox, dead letters) are reused
     * between scrapes. Default 15 000 ms; 0 reads on every scrape.
     */
    cacheMs?: number;
  };
  recovery?: {
    /** How often inbox and outbox are swept for work a crashed process left. Default 2 s. */
    sweepEveryMs?: number;
    /** Claims and inbox entries older than this are taken over. Default 15 s. */
    staleAfterMs?: number;
    /** How often each process writes its heartbeat. Default 1 s. */
    beatEveryMs?: number;
    /**
     * A process whose heartbeat is older than this is gone: its claims are taken over at once,
     * without waiting for `staleAfterMs`. Default 5 s.
     */
    goneAfterMs?: number;
  };
}
