import { api } from './api-client.ts';
import type { Answer, RequestBody } from './api-types.ts';

/** One candidate intent with the server's confidence in it (0–1). */
export interface IntentScore {
  intent: string;
  confidence: number;
}

/** What the server finds in a message besides its intent. */
export interface MessageEntities {
  orderNumbers: string[];
  phoneNumbers: string[];
  trackingNumbers: { number: string; carrier: string }[];
  amounts: { value: number; currency: string; text: string }[];
  dates: { text: string; date: string }[];
  addresses: { text: string }[];
}

/** `POST /api/intents/classify`: how the chat would understand a customer message. */
export interface IntentClassification {
  intent: string;
  confidence: number;
  top: IntentScore[];
  entities: MessageEntities;
  language: 'zh' | 'en';
}

/** An intent as `GET /api/intents` lists it. */
export interface IntentSummary {
  intent: string;
  group: string;
  title: { zh: string; en: string };
  description?: { zh: string; en: string };
  examples: { zh: string[]; en: string[] };
  /** An operator's own intent (editable), not a shipped one. */
  custom: boolean;
  /** The published journeys a chat message of this intent starts, before any action. */
  journeys: string[];
  action?: IntentAction;
}

/** What the chat does with an intent. */
export type IntentAction =
  | { kind: 'knowledge'; articleId?: string }
  | { kind: 'journey'; workflowId: string }
  | { kind: 'handoff'; group?: string; priority?: number }
  | { kind: 'reply'; text: { zh: string; en: string } };

/** An operator's intent as `POST /api/intents` takes it. */
export type CustomIntentInput = RequestBody<'postApiIntents'>;

export const intentsApi = {
  list: () => api<{ intents: IntentSummary[] }>('GET', '/intents'),
  create: (input: CustomIntentInput) => api<Answer<'postApiIntents'>>('POST', '/intents', input),
  replace: (input: CustomIntentInput) =>
    api<Answer<'putApiIntentsId'>>('PUT', `/intents/${encodeURIComponent(input.id)}`, input),
  remove: (id: string) =>
    api<Answer<'deleteApiIntentsId'>>('DELETE', `/intents/${encodeURIComponent(id)}`),
  classify: (text: string, language?: 'zh' | 'en') =>
    api<IntentClassification>('POST', '/intents/classify', {
      text,
      ...(language ? { language } : {}),
    }),
};
