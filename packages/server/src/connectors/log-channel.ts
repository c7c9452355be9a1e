import type { Logger } from 'pino';
import {
  requireRecipient,
  type EventPublisher,
  type MessageChannel,
  type OutgoingMessage,
  type PublishedEvent,
} from './connector.types.ts';

/** Development channel: writes each message to the log and delivers nothing. */
export class LogChannel implements MessageChannel {
  readonly name = 'log';
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
  }

  async send(message: OutgoingMessage): Promise<void> {
    requireRecipient(message);
    this.#log.info({ message }, `message to ${message.to} on ${message.channel}`);
  }
}

/** Writes published journey events to the log. */
export class LogPublisher implements EventPublisher {
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
  }

  async publish(event: PublishedEvent): Promise<void> {
    this.#log.info({ published: event }, `journey event ${event.event}`);
  }
}
