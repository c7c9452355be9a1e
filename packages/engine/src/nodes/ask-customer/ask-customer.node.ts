import { defineNodeType, type NodeRuntimeArgs } from '../node-type.ts';
import type { LocalizedText, MessageText } from '../../workflow/workflow.types.ts';
import { effectId, type Channel, type SendEffect } from '../../runtime/effect.types.ts';
import { ENGINE_EVENTS, type JourneyEvent, type NodeVisit } from '../../runtime/journey-context.ts';
import {
  channelSchema,
  durationSchema,
  localeSchema,
  localizedTitleSchema,
  messageTextSchema,
  outcomeIdSchema,
  templateSchema,
  variableNameSchema,
} from '../shared/config-schemas.ts';
import { checkDuration, checkUniqueIds } from '../shared/config-checks.ts';
import { checkTemplate, templateReads } from '../shared/variable-reads.ts';
import { formatOf, renderMessage, resolveLocale } from '../shared/message.ts';
import {
  chooseRecipient,
  fallbackChecks,
  fallbackReads,
  fallbackRecipientsSchema,
  type FallbackRecipient,
} from '../shared/recipient.ts';
import { afterDelay, cancelTimer, scheduleTimer } from '../shared/timers.ts';
import { durationMs } from '../../time/duration.ts';
import { instantMillis } from '../../time/instant.ts';
import { isRefusal, matchKeywords } from './reply-matching.ts';
import {
  acceptAlternatives,
  alternativeEvents,
  alternativeOutcomes,
  alternativeSaves,
  alternativesSchema,
  eventMatches,
  matchReads,
  matchSchema,
  savedAlternative,
  type AwaitedEvents,
} from '../shared/awaited-events.ts';

export interface AskOption {
  id: string;
  label: LocalizedText;
  /** Words in a free-text reply that choose this option (e.g. 确认, yes). */
  keywords?: string[];
  /** A satisfaction score (1–5): the question is a survey, counted in analytics. */
  score?: number;
}

/**
 * A question; its `alternatives` are events that end the wait for the reply, each by its own
 * outcome, e.g. the order is refunded while the satisfaction survey is open (an event the
 * journey would otherwise only park until a node takes it).
 */
export interface AskCustomerConfig extends AwaitedEvents {
  channel: Channel;
  to: string;
  question: MessageText;
  /** With options, each is an outcome; without, any reply takes `answered`. */
  options?: AskOption[];
  /** Sent when a reply matches no option. */
  reprompt?: MessageText;
  timeout?: string;
  /** Store the reply (`{ option, text }`) under this variable. */
  saveAs?: string;
  locale?: string;
  /** Where to ask instead when `to` renders empty, tried in order (e.g. email). */
  fallback?: FallbackRecipient[];
  /**
   * Without options: a reply that turns the question down (「不用了」, "no thanks") takes the
   * `declined` outcome instead of being taken as the answer.
   */
  allowDecline?: boolean;
}

type Args = NodeRuntimeArgs<AskCustomerConfig>;

/** The outcome ids the node reserves for itself (an option's id is the option's outcome). */
const OWN_OUTCOMES = ['timeout', 'answered', 'declined'];

/** Asks the customer a question and waits for the reply (or a timeout). */
export const askCustomerNode = defineNodeType<AskCustomerConfig>({
  type: 'askCustomer',
  title: { zh: '询问客户', en: 'Ask customer' },
  description: {
    zh: '向客户提问（可带选项），等待回复或超时',
    en: 'Asks the customer a question (optionally with choices) and waits for the reply or a timeout',
  },
  category: 'customer',
  configSchema: {
    type: 'object',
    required: ['channel', 'to', 'question'],
    additionalProperties: false,
    properties: {
      channel: channelSchema,
      to: { ...templateSchema('Recipient / 接收人', 200), minLength: 1 },
      question: messageTextSchema('Question / 问题'),
      options: {
        type: 'array',
        maxItems: 10,
        title: 'Options / 选项',
        items: {
          type: 'object',
          required: ['id', 'label'],
          additionalProperties: false,
          properties: {
            id: { ...outcomeIdSchema, not: { enum: OWN_OUTCOMES } },
            label: localizedTitleSchema,
            keywords: {
              type: 'array',
              maxItems: 20,
              items: { type: 'string', minLength: 1, maxLength: 40 },
            },
            score: {
              type: 'integer',
              minimum: 1,
              maximum: 5,
              title: 'Satisfaction score (survey) / 满意度分数（调查）',
            },
          },
        },
      },
      reprompt: messageTextSchema('Reprompt / 重新提示'),
      timeout: durationSchema('Timeout / 超时'),
      saveAs: variableNameSchema('Save reply as / 回复保存到'),
      locale: localeSchema,
      fallback: fallbackRecipientsSchema,
      allowDecline: {
        type: 'boolean',
        title: 'Refusals take "declined" / 拒绝走“已拒绝”',
        description: '不用了、算了、no thanks ... (only without options / 仅无选项时)',
      },
      match: matchSchema,
      alternatives: alternativesSchema(
        'Events that end the wait for the reply / 结束等待回复的事件',
        OWN_OUTCOMES,
      ),
    },
  },
  defaultConfig: {
    channel: 'chat',
    to: '{{customer.id}}',
    question: { zh: '请确认', en: 'Please confirm' },
    options: [
      { id: 'yes', label: { zh: '确认', en: 'Yes' }, keywords: ['是', '好', 'yes', 'ok'] },
      { id: 'no', label: { zh: '取消', en: 'No' }, keywords: ['否', '不', 'no'] },
    ],
    timeout: '24h',
  },
  outcomes: (config) => [
    ...(config.options?.length
      ? config.options.map((o) => ({ id: o.id, title: o.label }))
      : [
          { id: 'answered', title: { zh: '已回复', en: 'Answered' } },
          ...(config.allowDecline
            ? [{ id: 'declined', title: { zh: '已拒绝', en: 'Declined' } }]
            : []),
        ]),
    ...alternativeOutcomes(config),
    ...(config.timeout ? [{ id: 'timeout', title: { zh: '超时未回复', en: 'No reply' } }] : []),
  ],
  waits: true,
  awaits: (config) => [
    ENGINE_EVENTS.customerReplied,
    ...alternativeEvents(config),
    ...(config.timeout ? [ENGINE_EVENTS.timerFired] : []),
  ],
  reads: (config) => [
    ...matchReads(config),
    ...templateReads(config.to, '/to'),
    ...templateReads(config.question.zh, '/question/zh'),
    ...templateReads(config.question.en, '/question/en'),
    ...templateReads(config.locale, '/locale'),
    ...fallbackReads(config.fallback),
  ],
  writes: (config) => [...(config.saveAs ? [config.saveAs] : []), ...alternativeSaves(config)],
  check: (config) => [
    ...checkDuration(config.timeout, '/timeout'),
    ...checkTemplate(config.question.zh, '/question/zh'),
    ...checkTemplate(config.question.en, '/question/en'),
    ...fallbackChecks(config.fallback),
    // An option's id and an alternative's are both outcomes: none may be taken twice.
    ...checkUniqueIds(
      [...(config.options ?? []).map((o) => o.id), ...(config.alternatives ?? []).map((a) => a.id)],
      (i) => {
        const options = config.options?.length ?? 0;
        return i < options ? `/options/${i}/id` : `/alternatives/${i - options}/id`;
      },
    ),
  ],
  compile: (node, c) => {
    const { options, timeout } = node.config;
    const cancel = timeout ? [c.effect('cancelTimeout')] : [];
    const leaving = [c.update('save'), ...cancel];
    // Every reply transition is guarded by the time of the reply (`chose` and `declined` check
    // it too): one from before the question is refused, so a host drops it instead of taking
    // it as the answer (a reply kept while the journey waited elsewhere).
    const replies = options?.length
      ? [
          ...options.map((o) => ({
            guard: c.check('chose', { option: o.id }),
            ...c.go(o.id, leaving),
          })),
          {
            guard: c.check('sinceAsked'),
            actions: [c.update('countReprompt'), c.effect('reprompt')],
          },
        ]
      : [
          ...(node.config.allowDecline
            ? [{ guard: c.check('declined'), ...c.go('declined', leaving) }]
            : []),
          { guard: c.check('sinceAsked'), ...c.go('answered', leaving) },
        ];
    return {
      entry: [
        c.enter(),
        c.update('markAsked'),
        c.effect('ask'),
        ...(timeout ? [c.effect('scheduleTimeout')] : []),
      ],
      on: {
        [ENGINE_EVENTS.customerReplied]: replies,
        ...acceptAlternatives(c, node.config, cancel, 'saveEvent'),
        ...(timeout
          ? { [ENGINE_EVENTS.timerFired]: [{ guard: c.timerIs('timeout'), ...c.go('timeout') }] }
          : {}),
      },
    };
  },
  guards: {
    matches: ({ node, context, event }) => eventMatches(node.config, context.data, event),
    sinceAsked: ({ context, event }) => repliedSinceAsked(context.visit, event),
    chose: ({ node, context, event, params }) =>
      repliedSinceAsked(context.visit, event) &&
      chosenOption(node.config, event.data)?.id === params['option'],
    declined: ({ context, event }) =>
      repliedSinceAsked(context.visit, event) &&
      typeof event.data?.['text'] === 'string' &&
      isRefusal(event.data['text']),
  },
  updates: {
    save: ({ node, context, event }) => {
      if (!node.config.saveAs) return {};
      const text = typeof event.data?.['text'] === 'string' ? event.data['text'] : '';
      const option = chosenOption(node.config, event.data)?.id ?? null;
      // What the host found in the reply (order numbers, phone numbers) comes along.
      const entities = event.data?.['entities'];
      return {
        data: {
          ...context.data,
          [node.config.saveAs]: {
            option,
            text,
            ...(entities && typeof entities === 'object' ? { entities } : {}),
          },
        },
      };
    },
    saveEvent: ({ node, context, event }) => savedAlternative(node.config, context, event),
    markAsked: ({ context, at }) => ({ visit: { ...context.visit, askedAt: at } }),
    countReprompt: ({ context }) => ({
      visit: { ...context.visit, attempt: context.visit.attempt + 1 },
    }),
  },
  effects: {
    ask: (args) => question(args, 'ask', args.node.config.question),
    reprompt: (args) =>
      question(
        args,
        `reprompt.${args.context.visit.attempt}`,
        args.node.config.reprompt ?? args.node.config.question,
      ),
    scheduleTimeout: ({ node, context, at }) =>
      scheduleTimer(
        context,
        'timeout',
        afterDelay(at, durationMs(node.config.timeout ?? '0s')),
        'timeout',
      ),
    cancelTimeout: ({ context }) => cancelTimer(context, 'timeout'),
  },
});

/**
 * True when the reply came no earlier than the question (or the visit does not know when it
 * asked: a snapshot from before `askedAt` was kept).
 */
function repliedSinceAsked(visit: NodeVisit, event: JourneyEvent): boolean {
  return visit.askedAt === undefined || instantMillis(event.at) >= instantMillis(visit.askedAt);
}

function question({ node, context }: Args, name: string, text: MessageText): SendEffect {
  const { options, locale } = node.config;
  const { channel, to } = chooseRecipient(node.config, node.config.fallback, context.data);
  const lang = resolveLocale(locale, context.data);
  return {
    kind: 'send',
    id: effectId(context.visit, name),
    nodeId: node.id,
    channel,
    to,
    locale: lang,
    format: formatOf(channel),
    text: renderMessage(text, lang, channel, context.data),
    ...(options?.length
      ? { options: options.map((o) => ({ id: o.id, label: o.label[lang] })) }
      : {}),
    expectsResult: false,
  };
}

/**
 * The option a reply chooses: an explicit `option` id, the option's number (`1`), its label,
 * or the longest of its keywords found in the text and not negated. Null when nothing
 * matches or the reply is unclear (it hedges, or two options tie): the customer is asked again.
 */
export function chosenOption(
  config: AskCustomerConfig,
  data: Record<string, unknown> | undefined,
): AskOption | null {
  const options = config.options ?? [];
  const byId = options.find((o) => o.id === data?.['option']);
  if (byId) return byId;
  const text = typeof data?.['text'] === 'string' ? data['text'].trim().toLowerCase() : '';
  if (!text) return null;
  const byNumber = /^\d+$/.test(text) ? options[Number(text) - 1] : undefined;
  if (byNumber) return byNumber;
  const byLabel = options.find(
    (o) => o.label.zh.toLowerCase() === text || o.label.en.toLowerCase() === text,
  );
  if (byLabel) return byLabel;
  return matchKeywords(options, text);
}
