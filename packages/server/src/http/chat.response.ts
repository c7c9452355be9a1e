import { CUSTOMER_TIERS } from '../model/routing-values.ts';
import { arrayOf, dateTime, integer, number, object, oneOf, text } from './response-schema.ts';

const customer = object(
  { id: text, tier: oneOf(...CUSTOMER_TIERS), language: oneOf('zh', 'en') },
  { name: text },
);
const status = oneOf('open', 'queued', 'withAgent', 'closed');

/** A message as the chat page and the console show it. */
const message = object(
  { seq: integer, from: oneOf('customer', 'bot', 'agent', 'system'), text, at: dateTime },
  { options: arrayOf(object({ id: text, label: text })), agent: text, agentName: text },
);

const conversation = object(
  {
    _id: text,
    customer,
    status,
    lastSeq: integer,
    intents: arrayOf(object({ intent: text, confidence: number }, { at: dateTime })),
    createdAt: dateTime,
    updatedAt: dateTime,
  },
  { channel: text, orderId: text, handoffId: text, agentId: text, closedAt: dateTime },
);

/** The success answers of the customer's chat and the console's conversations. */
export const chatResponseSchemas = {
  opened: object({ id: text, token: text, customer }),
  messages: object({ status, messages: arrayOf(message) }),
  sent: object({ message }),
  closed: object({ id: text, status: oneOf('closed') }),
  /** Server-sent events: `message` and `status` events, each a JSON line. */
  stream: { type: 'string', description: 'text/event-stream' },
  list: object({ conversations: arrayOf(conversation) }),
  detail: object({ conversation, messages: arrayOf(message) }),
  resolved: object(
    { id: text, handoffId: text, outcome: oneOf('resolved', 'abandoned') },
    { proposedArticle: text },
  ),
} as const;
