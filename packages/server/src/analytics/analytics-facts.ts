/** The facts analytics counts are declared beside the model that stores them. */
export type {
  AnalyticsFact,
  ConversationOpenedFact,
  IntentFact,
  ConversationClosedFact,
  HandoffQueuedFact,
  HandoffEndedFact,
  SatisfactionFact,
  QualityFact,
  StepFact,
} from '../model/analytics-fact.types.ts';

/** The channel of conversations opened without one (the chat page and widget). */
export const DEFAULT_CHANNEL = 'web';
