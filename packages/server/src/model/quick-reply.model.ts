import type { Connection, Model } from 'mongoose';
import { stringIdModels } from './string-id-model.ts';

/**
 * A canned answer agents insert from the desk composer; `_id` is generated. Its text may hold
 * placeholders (`{{customer.name}}`, `{{order.id}}`...) the desk fills from the conversation.
 */
export interface QuickReplyRecord {
  _id: string;
  title: string;
  /** The text per customer language; at least one. */
  text: { zh?: string; en?: string };
  updatedAt: Date;
  updatedBy: string;
}

export function quickReplyModels(connection: Connection): {
  QuickReplies: Model<QuickReplyRecord>;
} {
  const model = stringIdModels(connection);
  return {
    QuickReplies: model<QuickReplyRecord>('QuickReply', 'quickReplies', {
      title: { type: String, required: true },
      text: { zh: String, en: String },
      updatedAt: { type: Date, required: true },
      updatedBy: { type: String, required: true },
    }),
  };
}
