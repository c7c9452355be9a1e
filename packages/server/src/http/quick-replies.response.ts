import { arrayOf, dateTime, deleted, object, text } from './response-schema.ts';

const quickReply = object({
  id: text,
  title: text,
  text: object({}, { zh: text, en: text }),
  updatedAt: dateTime,
  updatedBy: text,
});

/** The success answers of `/api/quick-replies`. */
export const quickRepliesResponseSchemas = {
  list: object({ quickReplies: arrayOf(quickReply), placeholders: arrayOf(text) }),
  one: quickReply,
  deleted: deleted(text),
} as const;
