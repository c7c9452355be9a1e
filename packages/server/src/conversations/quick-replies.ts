import { randomBytes } from 'node:crypto';
import type { ConversationModels } from '../model/models.ts';
import type { QuickReplyRecord } from '../model/quick-reply.model.ts';
import { DomainError } from '../errors/domain-error.ts';

/** What a quick reply's text may name; the desk fills them from the conversation. */
export const QUICK_REPLY_PLACEHOLDERS = [
  'customer.name',
  'customer.id',
  'order.id',
  'agent.name',
] as const;

/** A quick reply as an operator writes it. */
export interface QuickReplyInput {
  title: string;
  text: { zh?: string; en?: string };
}

/** A quick reply as the API answers it. */
export interface QuickReply extends QuickReplyInput {
  id: string;
  updatedAt: Date;
  updatedBy: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const known: ReadonlySet<string> = new Set(QUICK_REPLY_PLACEHOLDERS);

const view = ({ _id, title, text, updatedAt, updatedBy }: QuickReplyRecord): QuickReply => ({
  id: _id,
  title,
  text: { ...(text.zh ? { zh: text.zh } : {}), ...(text.en ? { en: text.en } : {}) },
  updatedAt,
  updatedBy,
});

/** Refuses text naming a placeholder the desk cannot fill, or text in no language. */
function checked(input: QuickReplyInput): QuickReplyInput {
  const title = input.title.trim();
  const text = {
    ...(input.text.zh?.trim() ? { zh: input.text.zh.trim() } : {}),
    ...(input.text.en?.trim() ? { en: input.text.en.trim() } : {}),
  };
  if (!title || (!text.zh && !text.en))
    throw new DomainError('invalid', 'quick-reply-empty', {
      zh: '快捷回复需要标题，并且至少有中文或英文内容。',
      en: 'A quick reply needs a title and text in Chinese or English.',
    });
  for (const [language, value] of Object.entries(text))
    for (const [, name = ''] of value.matchAll(PLACEHOLDER))
      if (!known.has(name))
        throw new DomainError(
          'invalid',
          'unknown-placeholder',
          {
            zh: `${language === 'zh' ? '中文' : '英文'}内容里的占位符 {{${name.slice(0, 40)}}} 不存在；可用：${QUICK_REPLY_PLACEHOLDERS.join('、')}。`,
            en: `The ${language === 'zh' ? 'Chinese' : 'English'} text names an unknown placeholder {{${name.slice(0, 40)}}}; known: ${QUICK_REPLY_PLACEHOLDERS.join(', ')}.`,
          },
          { details: { placeholder: name.slice(0, 40), language } },
        );
  return { title, text };
}

const unknownReply = (id: string) =>
  new DomainError('not-found', 'unknown-quick-reply', {
    zh: `快捷回复 "${id.slice(0, 80)}" 不存在。`,
    en: `No quick reply "${id.slice(0, 80)}".`,
  });

/** The shop's quick replies: operators write them, agents insert them in the desk. */
export class QuickReplies {
  readonly #models: ConversationModels;

  constructor(models: ConversationModels) {
    this.#models = models;
  }

  async list(): Promise<QuickReply[]> {
    const found = await this.#models.QuickReplies.find().lean<QuickReplyRecord[]>();
    return found.map(view).sort((a, b) => a.title.localeCompare(b.title, 'zh'));
  }

  async create(input: QuickReplyInput, by: string): Promise<QuickReply> {
    const record: QuickReplyRecord = {
      _id: `qr-${randomBytes(6).toString('hex')}`,
      ...checked(input),
      updatedAt: new Date(),
      updatedBy: by,
    };
    await this.#models.QuickReplies.create(record);
    return view(record);
  }

  async update(id: string, input: QuickReplyInput, by: string): Promise<QuickReply> {
    const record: QuickReplyRecord = {
      _id: id,
      ...checked(input),
      updatedAt: new Date(),
      updatedBy: by,
    };
    const { matchedCount } = await this.#models.QuickReplies.replaceOne({ _id: id }, record);
    if (matchedCount === 0) throw unknownReply(id);
    return view(record);
  }

  async remove(id: string): Promise<void> {
    const { deletedCount } = await this.#models.QuickReplies.deleteOne({ _id: id });
    if (deletedCount === 0) throw unknownReply(id);
  }
}
