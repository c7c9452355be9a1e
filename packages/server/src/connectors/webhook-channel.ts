import { createHmac } from 'node:crypto';
import type { JsonObject } from '@xiaoer/engine';
import {
  DeliveryError,
  type EventPublisher,
  type MessageChannel,
  type OutgoingMessage,
  type PublishedEvent,
} from './connector.types.ts';
import { describeBody, expectSuccess, httpCall } from './http-call.ts';

/** Chat-bot webhooks shops use for staff groups, and a generic JSON webhook. */
export type WebhookPreset = 'generic' | 'dingtalk' | 'feishu' | 'wecom' | 'slack';

export interface WebhookChannelConfig {
  preset: WebhookPreset;
  url: string;
  /** DingTalk and Feishu/Lark "signature" security setting; the generic preset signs the body. */
  secret?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** Posts messages (and journey events) to a webhook in the preset's message format. */
export class WebhookChannel implements MessageChannel, EventPublisher {
  readonly name: string;
  readonly #config: WebhookChannelConfig;
  readonly #now: () => number;

  constructor(config: WebhookChannelConfig, now: () => number = Date.now) {
    this.#config = config;
    this.name = `webhook:${config.preset}`;
    this.#now = now;
  }

  send(message: OutgoingMessage): Promise<void> {
    return this.#post(message.idempotencyKey, message.text, message.format, {
      idempotencyKey: message.idempotencyKey,
      channel: message.channel,
      to: message.to,
      locale: message.locale,
      format: message.format,
      text: message.text,
      ...(message.options ? { options: message.options } : {}),
    });
  }

  publish(event: PublishedEvent): Promise<void> {
    const text = `[${event.event}] ${event.instanceId}\n${JSON.stringify(event.data)}`;
    return this.#post(event.idempotencyKey, text, 'text', { ...event });
  }

  async #post(key: string, text: string, format: string, generic: JsonObject): Promise<void> {
    const { url, body, headers } = this.#request(text, format, generic);
    const answer = await httpCall({
      method: 'POST',
      url,
      headers: { ...this.#config.headers, ...headers, 'Idempotency-Key': key },
      body,
      timeoutMs: this.#config.timeoutMs ?? 10_000,
    });
    expectSuccess(answer, this.name);
    // The chat platforms answer 200 with an error code in the body.
    const result = answer.body as { errcode?: number; code?: number; StatusCode?: number } | null;
    const code = result?.errcode ?? result?.code ?? result?.StatusCode ?? 0;
    if (typeof code === 'number' && code !== 0)
      throw new DeliveryError(`${this.#config.preset}-${code}`, describeBody(answer.body), false);
  }

  #request(
    text: string,
    format: string,
    generic: JsonObject,
  ): { url: string; body: JsonObject; headers: Record<string, string> } {
    const { preset, url, secret } = this.#config;
    const seconds = Math.floor(this.#now() / 1000);
    switch (preset) {
      case 'dingtalk': {
        let signed = url;
        if (secret) {
          const ms = this.#now();
          const sign = createHmac('sha256', secret).update(`${ms}\n${secret}`).digest('base64');
          const target = new URL(url);
          target.searchParams.set('timestamp', String(ms));
          target.searchParams.set('sign', sign);
          signed = target.href;
        }
        return {
          url: signed,
          headers: {},
          body:
            format === 'markdown'
              ? { msgtype: 'markdown', markdown: { title: text.split('\n')[0] ?? '', text } }
              : { msgtype: 'text', text: { content: text } },
        };
      }
      case 'feishu': {
        const sign: JsonObject = {};
        if (secret) {
          sign['timestamp'] = String(seconds);
          sign['sign'] = createHmac('sha256', `${seconds}\n${secret}`).update('').digest('base64');
        }
        return { url, headers: {}, body: { ...sign, msg_type: 'text', content: { text } } };
      }
      case 'wecom':
        return {
          url,
          headers: {},
          body:
            format === 'markdown'
              ? { msgtype: 'markdown', markdown: { content: text } }
              : { msgtype: 'text', text: { content: text } },
        };
      case 'slack':
        return { url, headers: {}, body: { text } };
      case 'generic': {
        const headers: Record<string, string> = {};
        if (secret) {
          const signature = createHmac('sha256', secret)
            .update(`${seconds}.${JSON.stringify(generic)}`)
            .digest('hex');
          headers['X-Xiaoer-Timestamp'] = String(seconds);
          headers['X-Xiaoer-Signature'] = `sha256=${signature}`;
        }
        return { url, headers, body: generic };
      }
    }
  }
}
