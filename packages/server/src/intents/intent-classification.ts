import type { MessageEntities } from './message-entities.ts';
import type { MessageLanguage } from './message-language.ts';

/** One candidate intent with the classifier's confidence in it (0–1). */
export interface IntentScore {
  intent: string;
  confidence: number;
}

/** What a classifier says about one customer message. */
export interface IntentClassification {
  /** The best intent, or `unknown` when its confidence is below the threshold or the message is out of scope. */
  intent: string;
  /** The confidence of the best intent, also when the answer is `unknown`. */
  confidence: number;
  /** The best candidates, most confident first. */
  top: IntentScore[];
  entities: MessageEntities;
  language: MessageLanguage;
}

/** Anything that recognises intents: the local model, an LLM endpoint, or both. */
export interface IntentRecognizer {
  classify(text: string): IntentClassification | Promise<IntentClassification>;
}
