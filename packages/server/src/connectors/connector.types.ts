import type { Channel, JsonObject } from '@xiaoer/engine';
import { redactSecrets } from './redact.ts';

/** The order system's answer to one call. */
export type CallOutcome =
  | { ok: true; data: JsonObject }
  | { ok: false; retryable: boolean; error: { code: string; message: string } };

/** Calls operations of a shop's order system (getOrder, refund, ...). */
export interface OrderSystemConnector {
  call(
    operation: string,
    args: JsonObject,
    options: { idempotencyKey: string; timeoutMs?: number },
  ): Promise<CallOutcome>;
}

/** A message leaving Xiaoer; `idempotencyKey` lets the receiver drop a redelivery. */
export interface OutgoingMessage {
  idempotencyKey: string;
  channel: Channel;
  to: string;
  locale: 'zh' | 'en';
  format: 'text' | 'html' | 'markdown';
  text: string;
  options?: { id: string; label: string }[];
}

/** Delivers messages on one channel; throws when delivery failed (it is then retried). */
export interface MessageChannel {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** A domain event a journey published (`staff.alert`, `journey.ended`, ...). */
export interface PublishedEvent {
  idempotencyKey: string;
  event: string;
  instanceId: string;
  data: JsonObject;
}

/** Where `emit` effects go; throws when publishing failed. */
export interface EventPublisher {
  publish(event: PublishedEvent): Promise<void>;
}

/** Everything effects are delivered through. */
export interface Connectors {
  orderSystem: OrderSystemConnector;
  /** Per engine channel; channels not listed use `fallback`. */
  channels: Partial<Record<Channel, MessageChannel>>;
  fallback: MessageChannel;
  publisher: EventPublisher;
}

/**
 * A delivery failed in a way a later attempt may fix (network, 5xx, timeout). Its message is
 * stored and shown in the console, so credentials in it (a webhook's token, a signature) are
 * redacted here, once for every connector.
 */
export class DeliveryError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  constructor(code: string, message: string, retryable = true) {
    super(redactSecrets(message));
    this.code = code;
    this.retryable = retryable;
  }
}

/**
 * Refuses a message with no recipient, permanently: it would be "sent" to nobody and look
 * delivered. The journey hears `send.failed` (code `no-recipient`) and takes its failed path.
 */
export function requireRecipient(message: OutgoingMessage): void {
  if (message.to.trim() === '')
    throw new DeliveryError(
      'no-recipient',
      `The ${message.channel} message has no recipient (empty "to")`,
      false,
    );
}
