import { api } from './api-client.ts';

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
}

export const intentsApi = {
  list: () => api<{ intents: IntentSummary[] }>('GET', '/intents'),
  classify: (text: string, language?: 'zh' | 'en') =>
    api<IntentClassification>('POST', '/intents/classify', {
      text,
      ...(language ? { language } : {}),
    }),
};
