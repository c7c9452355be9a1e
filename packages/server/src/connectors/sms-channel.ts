import type { JsonObject, JsonValue } from '@xiaoer/engine';
import { requireRecipient, type MessageChannel, type OutgoingMessage } from './connector.types.ts';
import { expectSuccess, httpCall } from './http-call.ts';
import { renderJson } from './json-template.ts';

/**
 * An SMS provider reached over HTTP, described by a template: the request body is rendered
 * with `to`, `text`, `locale` and `idempotencyKey`, so most providers need no code.
 */
export interface SmsChannelConfig {
  url: string;
  method?: 'POST' | 'PUT';
  headers?: Record<string, string>;
  /** e.g. `{ "phone": "{{to}}", "content": "{{text}}", "outId": "{{idempotencyKey}}" }` */
  body: JsonValue;
  timeoutMs?: number;
}

export class SmsChannel implements MessageChannel {
  readonly name = 'sms';
  readonly #config: SmsChannelConfig;

  constructor(config: SmsChannelConfig) {
    this.#config = config;
  }

  async send(message: OutgoingMessage): Promise<void> {
    requireRecipient(message);
    const values: JsonObject = {
      to: message.to,
      text: message.text,
      locale: message.locale,
      idempotencyKey: message.idempotencyKey,
    };
    const answer = await httpCall({
      method: this.#config.method ?? 'POST',
      url: this.#config.url,
      headers: { ...this.#config.headers, 'Idempotency-Key': message.idempotencyKey },
      body: renderJson(this.#config.body, values),
      timeoutMs: this.#config.timeoutMs ?? 10_000,
    });
    expectSuccess(answer, 'SMS provider');
  }
}
