import { randomUUID } from 'node:crypto';
import { CHANNELS, type Channel } from '@xiaoer/engine';
import type { JourneyRecords } from '../instances/journey-records.ts';
import type { SourceKind } from '../intake/event-source.ts';
import type { SourceEntry } from '../sources/stored-sources.ts';
import type { ChannelConfig, XiaoerConfig } from '../server/xiaoer-config.ts';
import { DomainError } from '../errors/domain-error.ts';
import { DeliveryError, type Connectors } from './connector.types.ts';
import type { ChannelHealth, DeliveryHealth } from './delivery-health.ts';

/** Where each kind of source sends (`:id` is the source's id); Taobao's messages are pulled. */
const INTAKE_PATHS: Record<SourceKind, string | undefined> = {
  xiaoer: '/api/events',
  shopify: '/api/webhooks/shopify/:id',
  woocommerce: '/api/webhooks/woocommerce/:id',
  youzan: '/api/webhooks/youzan/:id',
  mapped: '/api/webhooks/mapped/:id',
  taobao: undefined,
};

/** A source with where it sends and what it last sent; its secret never leaves the server. */
export interface SourceStatus extends SourceEntry {
  intakePath?: string;
  lastEvent?: { type: string; receivedAt: Date };
}

export interface ChannelStatus {
  channel: Channel;
  kind: ChannelConfig['kind'] | 'chat';
  /** True when the channel has no configuration of its own and uses `default`. */
  usesDefault: boolean;
  /** Where it delivers, without credentials: a URL's origin, an SMTP host. */
  target?: string;
}

/**
 * A channel as an operator sees it: its connector's kind and how its deliveries went, with
 * no credential and no configured target (an admin's, `ChannelStatus`); a failure's message
 * reads as an instance's effect error does, its secrets hidden.
 */
export interface ChannelDelivery extends ChannelHealth {
  channel: Channel;
  kind: ChannelStatus['kind'];
  usesDefault: boolean;
}

export type TestSendResult =
  | { ok: true; channel: string; connector: string; durationMs: number }
  | {
      ok: false;
      channel: string;
      connector: string;
      durationMs: number;
      error: { code: string; message: string; retryable: boolean };
    };

const origin = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

function targetOf(config: ChannelConfig | undefined): string | undefined {
  if (!config) return undefined;
  switch (config.kind) {
    case 'webhook':
    case 'sms':
      return origin(config.url);
    case 'smtp':
      return `${config.host}:${config.port}`;
    case 'log':
      return undefined;
  }
}

/**
 * The sources and channels the configuration names, with their status, and a test send that
 * goes through the channel's real connector (what a journey's message would do).
 */
export class Connections {
  readonly #config: XiaoerConfig;
  readonly #sources: { entries(): SourceEntry[] };
  readonly #connectors: Connectors;
  readonly #journeys: JourneyRecords;
  readonly #health: DeliveryHealth;

  constructor(
    config: XiaoerConfig,
    sources: { entries(): SourceEntry[] },
    connectors: Connectors,
    journeys: JourneyRecords,
    health: DeliveryHealth,
  ) {
    this.#config = config;
    this.#sources = sources;
    this.#connectors = connectors;
    this.#journeys = journeys;
    this.#health = health;
  }

  /** Since when delivery attempts are counted: this process's start. */
  get deliveriesSince(): Date {
    return this.#health.since;
  }

  /** Each channel's connector kind and delivery health, without targets or secrets. */
  deliveries(): ChannelDelivery[] {
    return this.channels().map(({ channel, kind, usesDefault }) => ({
      channel,
      kind,
      usesDefault,
      ...this.#health.of(channel),
    }));
  }

  async sources(): Promise<SourceStatus[]> {
    return Promise.all(this.#sources.entries().map((source) => this.#sourceStatus(source)));
  }

  async #sourceStatus(source: SourceEntry): Promise<SourceStatus> {
    const last = await this.#journeys.lastEventFrom(source.id);
    const path = INTAKE_PATHS[source.kind]?.replace(':id', source.id);
    return {
      ...source,
      ...(path ? { intakePath: path } : {}),
      ...(last ? { lastEvent: { type: last.type, receivedAt: last.receivedAt } } : {}),
    };
  }

  channels(): ChannelStatus[] {
    const configured = this.#config.channels ?? {};
    return CHANNELS.map((channel) => {
      const own = configured[channel];
      if (channel === 'chat' && !own) return { channel, kind: 'chat', usesDefault: false };
      const config = own ?? configured.default;
      const target = targetOf(config);
      return {
        channel,
        kind: config?.kind ?? 'log',
        usesDefault: !own,
        ...(target ? { target } : {}),
      };
    });
  }

  /** Sends `text` to `to` on `channel` through its connector, once; the outcome, not a throw. */
  async testSend(channel: string, to: string, text: string): Promise<TestSendResult> {
    const known = CHANNELS.find((c) => c === channel);
    if (!known)
      throw new DomainError('not-found', 'unknown-channel', {
        zh: `渠道 "${channel.slice(0, 40)}" 不存在；可用：${CHANNELS.join('、')}。`,
        en: `No channel "${channel.slice(0, 40)}"; channels: ${CHANNELS.join(', ')}.`,
      });
    const connector = this.#connectors.channels[known] ?? this.#connectors.fallback;
    const started = performance.now();
    const result = { channel: known, connector: connector.name };
    try {
      await connector.send({
        idempotencyKey: `test-send:${randomUUID()}`,
        channel: known,
        to,
        locale: 'zh',
        format: 'text',
        text,
      });
      return { ok: true, ...result, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      const failure =
        error instanceof DeliveryError
          ? { code: error.code, message: error.message, retryable: error.retryable }
          : { code: 'send-failed', message: String(error), retryable: true };
      return {
        ok: false,
        ...result,
        durationMs: Math.round(performance.now() - started),
        error: failure,
      };
    }
  }
}
