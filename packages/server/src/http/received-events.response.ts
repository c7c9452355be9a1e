import { RECEIVED_OUTCOMES } from '../model/received-event.model.ts';
import {
  arrayOf,
  boolean,
  dateTime,
  localizedText,
  nullable,
  object,
  oneOf,
  text,
} from './response-schema.ts';

const entry = object(
  {
    id: text,
    at: dateTime,
    source: text,
    type: text,
    outcome: oneOf(...RECEIVED_OUTCOMES),
    refs: arrayOf(text),
    instances: arrayOf(text),
    waiting: arrayOf(object({ instanceId: text, node: text })),
    early: arrayOf(text),
    reasons: arrayOf(text),
    // `message` in English; `text` in zh and en where the check words it in both.
    problems: arrayOf(object({ pointer: text, message: text }, { text: localizedText })),
  },
  // `reasons` in zh and en, one each, where the runtime words them in both.
  { key: text, late: boolean, recovered: boolean, reasonTexts: arrayOf(localizedText) },
);

/** The success answer of `GET /api/events`. */
export const receivedEventsResponseSchemas = {
  list: object({
    events: arrayOf(entry),
    next: nullable(text),
    /** Configured sources no published journey listens to (the page's warning). */
    unheard: arrayOf(object({ id: text, kind: text, message: localizedText })),
  }),
};
