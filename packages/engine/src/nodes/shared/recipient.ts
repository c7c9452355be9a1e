import { renderTemplate } from '../../expressions/template.ts';
import type { Channel } from '../../runtime/effect.types.ts';
import type { ConfigProblem, JsonSchema } from '../node-type.ts';
import { channelSchema, templateSchema } from './config-schemas.ts';
import { checkTemplate, templateReads } from './variable-reads.ts';

/** Another way to reach the customer, tried when the ones before it have no recipient. */
export interface FallbackRecipient {
  channel: Channel;
  /** Recipient template, e.g. `{{customer.email}}`. */
  to: string;
}

export const fallbackRecipientsSchema: JsonSchema = {
  type: 'array',
  title: 'Fallback recipients / 备用接收方式',
  description: 'Tried in order when the recipient above is empty / 上面的接收人为空时依次尝试',
  maxItems: 5,
  items: {
    type: 'object',
    required: ['channel', 'to'],
    additionalProperties: false,
    properties: {
      channel: channelSchema,
      to: { ...templateSchema('Recipient / 接收人', 200), minLength: 1 },
    },
  },
};

/**
 * The first channel, in order of preference, whose recipient renders non-empty (a phone
 * number, else an email address...). When none has one, the preferred channel with an empty
 * recipient: every channel refuses it, so the send fails visibly instead of "succeeding".
 */
export function chooseRecipient(
  preferred: FallbackRecipient,
  fallback: FallbackRecipient[] | undefined,
  data: object,
): FallbackRecipient {
  const candidates = [preferred, ...(fallback ?? [])].map((c) => ({
    channel: c.channel,
    to: renderTemplate(c.to, data).trim(),
  }));
  return candidates.find((c) => c.to !== '') ?? { channel: preferred.channel, to: '' };
}

export const fallbackReads = (fallback: FallbackRecipient[] | undefined) =>
  (fallback ?? []).flatMap((f, i) => templateReads(f.to, `/fallback/${i}/to`));

export const fallbackChecks = (fallback: FallbackRecipient[] | undefined): ConfigProblem[] =>
  (fallback ?? []).flatMap((f, i) => checkTemplate(f.to, `/fallback/${i}/to`));
