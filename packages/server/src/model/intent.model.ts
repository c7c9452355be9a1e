import { Schema, type Connection, type Model } from 'mongoose';
import type { LocalizedText } from '@xiaoer/engine';
import { stringIdModels } from './string-id-model.ts';

/**
 * What the chat does with a recognised intent when no journey waiting for the customer took
 * the message: answer from the knowledge base (a chosen article when the search finds none),
 * let a journey start (its trigger listens for chat messages of the intent), hand the customer
 * to a queue (a skill group, with a priority boost), or reply with a fixed text.
 */
export type IntentAction =
  | { kind: 'knowledge'; articleId?: string }
  | { kind: 'journey'; workflowId: string }
  | { kind: 'handoff'; group?: string; priority?: number }
  | { kind: 'reply'; text: LocalizedText };

/** An intent an operator added in the console: its examples train the local model. */
export interface CustomIntentRecord {
  /** The intent id (`^[a-z][A-Za-z0-9]*$`), never one of the shipped intents'. */
  _id: string;
  title: LocalizedText;
  description?: LocalizedText;
  examples: { zh: string[]; en: string[] };
  action: IntentAction;
  updatedAt: Date;
  updatedBy: string;
}

export function intentModels(connection: Connection): {
  CustomIntents: Model<CustomIntentRecord>;
} {
  const model = stringIdModels(connection, { minimize: false });
  return {
    CustomIntents: model<CustomIntentRecord>('CustomIntent', 'customIntents', {
      title: { type: Schema.Types.Mixed, required: true },
      description: { type: Schema.Types.Mixed },
      examples: { type: Schema.Types.Mixed, required: true },
      action: { type: Schema.Types.Mixed, required: true },
      updatedAt: { type: Date, required: true },
      updatedBy: { type: String, required: true },
    }),
  };
}
