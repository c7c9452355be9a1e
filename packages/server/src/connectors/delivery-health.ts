import type { Channel } from '@xiaoer/engine';
import type { Clock } from '../clock/clock.ts';
import { DeliveryError, type Connectors, type MessageChannel } from './connector.types.ts';
import { redactSecrets } from './redact.ts';

/** Hours of delivery attempts counted per channel. */
export const HEALTH_HOURS = 24;
const HOUR_MS = 3_600_000;

/** The last failed delivery attempt on a channel: what the connector said, secrets hidden. */
export interface DeliveryFailure {
  code: string;
  message: string;
  retryable: boolean;
  at: Date;
}

/** How a channel's delivery attempts went in this process (see `DeliveryHealth`). */
export interface ChannelHealth {
  /** Attempts that delivered, in the last `HEALTH_HOURS` hours. */
  delivered: number;
  /** Attempts that failed (each retry counts), in the last `HEALTH_HOURS` hours. */
  failed: number;
  lastDeliveredAt?: Date;
  lastFailure?: DeliveryFailure;
  /** `failing` when the last attempt failed, `ok` when it delivered, `idle` before any. */
  state: 'ok' | 'failing' | 'idle';
}

interface Tally {
  /** Per hour since the epoch, the attempts that delivered and failed; old hours dropped. */
  hours: Map<number, { delivered: number; failed: number }>;
  lastDeliveredAt?: Date;
  lastFailure?: DeliveryFailure;
  last?: 'delivered' | 'failed';
}

/** The key prefix of an admin's test send (`Connections.testSend`): not a journey's message. */
const TEST_SEND = 'test-send:';

/**
 * Watches every message attempt through the channel connectors and keeps, per channel, how
 * many delivered and failed in the last 24 hours and the last failure. It wraps the
 * connectors, so the runtime delivers exactly as before. What it knows is this process's
 * attempts since it started (`since`); other processes of a cluster keep their own.
 * Admins' test sends are not counted.
 */
export class DeliveryHealth {
  readonly #clock: Clock;
  readonly #tallies = new Map<Channel, Tally>();
  readonly since: Date;

  constructor(clock: Clock) {
    this.#clock = clock;
    this.since = new Date(clock.now());
  }

  /** Wraps `connectors`' channels and fallback in place, so each attempt is counted. */
  watch(connectors: Pick<Connectors, 'channels' | 'fallback'>): void {
    for (const [channel, connector] of Object.entries(connectors.channels)) {
      if (connector) connectors.channels[channel as Channel] = this.#wrap(connector);
    }
    connectors.fallback = this.#wrap(connectors.fallback);
  }

  /** The health of `channel` now. */
  of(channel: Channel): ChannelHealth {
    const tally = this.#tallies.get(channel);
    if (!tally) return { delivered: 0, failed: 0, state: 'idle' };
    const first = this.#hour() - HEALTH_HOURS + 1;
    let delivered = 0;
    let failed = 0;
    for (const [hour, counts] of tally.hours) {
      if (hour < first) continue;
      delivered += counts.delivered;
      failed += counts.failed;
    }
    return {
      delivered,
      failed,
      ...(tally.lastDeliveredAt ? { lastDeliveredAt: tally.lastDeliveredAt } : {}),
      ...(tally.lastFailure ? { lastFailure: tally.lastFailure } : {}),
      state: tally.last === 'failed' ? 'failing' : tally.last === 'delivered' ? 'ok' : 'idle',
    };
  }

  #wrap(connector: MessageChannel): MessageChannel {
    return {
      name: connector.name,
      send: async (message) => {
        if (message.idempotencyKey.startsWith(TEST_SEND)) return connector.send(message);
        try {
          await connector.send(message);
        } catch (error) {
          this.#record(message.channel, failureOf(error, new Date(this.#clock.now())));
          throw error;
        }
        this.#record(message.channel, undefined);
      },
    };
  }

  #record(channel: Channel, failure: DeliveryFailure | undefined): void {
    let tally = this.#tallies.get(channel);
    if (!tally) {
      tally = { hours: new Map() };
      this.#tallies.set(channel, tally);
    }
    const hour = this.#hour();
    const counts = tally.hours.get(hour) ?? { delivered: 0, failed: 0 };
    tally.hours.set(hour, counts);
    for (const old of tally.hours.keys()) if (old <= hour - HEALTH_HOURS) tally.hours.delete(old);
    if (failure) {
      counts.failed++;
      tally.lastFailure = failure;
      tally.last = 'failed';
    } else {
      counts.delivered++;
      tally.lastDeliveredAt = new Date(this.#clock.now());
      tally.last = 'delivered';
    }
  }

  #hour(): number {
    return Math.floor(this.#clock.now() / HOUR_MS);
  }
}

/** What a connector's throw says, secrets hidden (a DeliveryError's message already is). */
function failureOf(error: unknown, at: Date): DeliveryFailure {
  if (error instanceof DeliveryError)
    return {
      code: error.code,
      message: error.message.slice(0, 500),
      retryable: error.retryable,
      at,
    };
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'send-failed',
    message: redactSecrets(message).slice(0, 500),
    retryable: true,
    at,
  };
}
