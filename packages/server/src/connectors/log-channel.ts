import type { Logger } from 'pino';
import {
  requireRecipient,
  type EventPublisher,
  type MessageChannel,
  type OutgoingMessage,
  type PublishedEvent,
} from './connector.types.ts';

/**
 * The recipient as the info log shows it: its last 4 characters. A phone number, an e-mail
 * address or an openid is the customer's; the whole one is logged at debug.
 */
export function maskedRecipient(to: string): string {
  return to.length > 4 ? `***${to.slice(-4)}` : '***';
}

/**
 * Development channel (and the channels a configuration leaves out): delivers nothing. At info
 * it logs what went where without the customer's data (the recipient's last 4 characters, the
 * text's length): found writing every customer's phone number and message text to the log at
 * info, which is kept, shipped and read by more people than the conversations. The whole
 * message is logged at debug (`LOG_LEVEL=debug`).
 */
export class LogChannel implements MessageChannel {
  readonly name = 'log';
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
  }

  async send(message: OutgoingMessage): Promise<void> {
    requireRecipient(message);
    const to = maskedRecipient(message.to);
    this.#log.info(
      {
        channel: message.channel,
        to,
        idempotencyKey: message.idempotencyKey,
        textLength: message.text.length,
      },
      `message to ${to} on ${message.channel} (not delivered: no channel configured for it)`,
    );
    this.#log.debug({ message }, `message to ${message.to} on ${message.channel}`);
  }
}

/**
 * Writes published journey events to the log: at info their name and instance, at debug their
 * data too (an order's customer, address or phone number, as the journey put it in).
 */
export class LogPublisher implements EventPublisher {
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
  }

  async publish(event: PublishedEvent): Promise<void> {
    const { data: _data, ...about } = event;
    this.#log.info({ published: about }, `journey event ${event.event}`);
    this.#log.debug({ published: event }, `journey event ${event.event}`);
  }
}
