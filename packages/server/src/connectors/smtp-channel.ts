import nodemailer, { type Transporter } from 'nodemailer';
import type { LocalizedText } from '@xiaoer/engine';
import {
  DeliveryError,
  requireRecipient,
  type MessageChannel,
  type OutgoingMessage,
} from './connector.types.ts';

export interface SmtpChannelConfig {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  from: string;
  subject?: LocalizedText;
  /** Accept self-signed certificates (local test servers only). */
  allowSelfSigned?: boolean;
  timeoutMs?: number;
}

const DEFAULT_SUBJECT: LocalizedText = { zh: '店铺通知', en: 'A message from the shop' };

/**
 * Email over SMTP (nodemailer). The Message-ID derives from the idempotency key, so mail systems
 * that deduplicate on it drop a redelivery.
 */
export class SmtpChannel implements MessageChannel {
  readonly name = 'email';
  readonly #config: SmtpChannelConfig;
  readonly #transport: Transporter;

  constructor(config: SmtpChannelConfig) {
    this.#config = config;
    const timeout = config.timeoutMs ?? 15_000;
    this.#transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure ?? false,
      ...(config.auth ? { auth: config.auth } : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      ...(config.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
    });
  }

  async send(message: OutgoingMessage): Promise<void> {
    requireRecipient(message);
    const subject = (this.#config.subject ?? DEFAULT_SUBJECT)[message.locale];
    try {
      await this.#transport.sendMail({
        from: this.#config.from,
        to: message.to,
        subject,
        messageId: `<${message.idempotencyKey.replace(/[^\w.-]/g, '_')}@xiaoer>`,
        headers: { 'X-Idempotency-Key': message.idempotencyKey },
        ...(message.format === 'html' ? { html: message.text } : { text: message.text }),
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx SMTP replies are permanent (bad address...), 4xx and network errors are not.
      throw new DeliveryError(
        code ? `smtp-${code}` : 'smtp-network',
        (error as Error).message,
        !(code && code >= 500),
      );
    }
  }

  close(): void {
    this.#transport.close();
  }
}
