import { arrayOf, boolean, object, oneOf, text } from './response-schema.ts';

/** What intake answered for each event of a request. */
const received = object({
  events: arrayOf(object({ id: text, status: oneOf('accepted', 'duplicate') })),
});

/** The success answers of `POST /api/events` and the platform webhooks. */
export const intakeResponseSchemas = {
  received,
  /** A platform webhook: the events it made, or the topic Xiaoer does not use. */
  webhook: { anyOf: [received, object({ ignored: text })] },
  /** WooCommerce's unsigned ping when a webhook is created, or any other webhook answer. */
  wooCommerce: { anyOf: [received, object({ ignored: text }), object({ ping: boolean })] },
} as const;
