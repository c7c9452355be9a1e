import { defineNodeType } from '../node-type.ts';
import type { MessageText } from '../../workflow/workflow.types.ts';
import { effectId, type Channel } from '../../runtime/effect.types.ts';
import { ENGINE_EVENTS } from '../../runtime/journey-context.ts';
import {
  channelSchema,
  localeSchema,
  messageTextSchema,
  templateSchema,
} from '../shared/config-schemas.ts';
import { checkTemplate, templateReads } from '../shared/variable-reads.ts';
import { formatOf, renderMessage, resolveLocale } from '../shared/message.ts';
import {
  chooseRecipient,
  fallbackChecks,
  fallbackReads,
  fallbackRecipientsSchema,
  type FallbackRecipient,
} from '../shared/recipient.ts';

export interface SendMessageConfig {
  channel: Channel;
  /** Recipient template, e.g. `{{customer.phone}}`. */
  to: string;
  message: MessageText;
  locale?: string;
  /**
   * Where to send instead when `to` renders empty, tried in order, e.g. email when the
   * customer left no phone number. With no recipient anywhere the send fails visibly.
   */
  fallback?: FallbackRecipient[];
}

/** Sends a message and waits for the channel to confirm delivery. */
export const sendMessageNode = defineNodeType<SendMessageConfig>({
  type: 'sendMessage',
  title: { zh: '发送消息', en: 'Send message' },
  description: {
    zh: '通过短信、微信、邮件等渠道给客户或员工发消息',
    en: 'Sends a message to the customer or staff over SMS, WeChat, email, ...',
  },
  category: 'message',
  configSchema: {
    type: 'object',
    required: ['channel', 'to', 'message'],
    additionalProperties: false,
    properties: {
      channel: channelSchema,
      to: { ...templateSchema('Recipient / 接收人', 200), minLength: 1 },
      message: messageTextSchema('Message / 消息内容'),
      locale: localeSchema,
      fallback: fallbackRecipientsSchema,
    },
  },
  defaultConfig: { channel: 'sms', to: '{{customer.phone}}', message: { zh: '您好', en: 'Hello' } },
  outcomes: () => [
    { id: 'sent', title: { zh: '已送达', en: 'Sent' } },
    { id: 'failed', title: { zh: '发送失败', en: 'Failed' } },
  ],
  waits: false,
  awaits: () => [ENGINE_EVENTS.sendSucceeded, ENGINE_EVENTS.sendFailed],
  reads: (config) => [
    ...templateReads(config.to, '/to'),
    ...templateReads(config.message.zh, '/message/zh'),
    ...templateReads(config.message.en, '/message/en'),
    ...templateReads(config.locale, '/locale'),
    ...fallbackReads(config.fallback),
  ],
  writes: () => [],
  check: (config) => [
    ...checkTemplate(config.to, '/to'),
    ...checkTemplate(config.message.zh, '/message/zh'),
    ...checkTemplate(config.message.en, '/message/en'),
    ...checkTemplate(config.locale, '/locale'),
    ...fallbackChecks(config.fallback),
  ],
  compile: (_node, c) => ({
    entry: [c.enter(), c.effect('send')],
    on: {
      [ENGINE_EVENTS.sendSucceeded]: [{ guard: c.effectIs('send'), ...c.go('sent') }],
      [ENGINE_EVENTS.sendFailed]: [{ guard: c.effectIs('send'), ...c.go('failed') }],
    },
  }),
  effects: {
    send: ({ node, context }) => {
      const { message, locale } = node.config;
      const { channel, to } = chooseRecipient(node.config, node.config.fallback, context.data);
      const lang = resolveLocale(locale, context.data);
      return {
        kind: 'send',
        id: effectId(context.visit, 'send'),
        nodeId: node.id,
        channel,
        to,
        locale: lang,
        format: formatOf(channel),
        text: renderMessage(message, lang, channel, context.data),
        expectsResult: true,
      };
    },
  },
});
