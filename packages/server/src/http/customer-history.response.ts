import {
  arrayOf,
  boolean,
  dateTime,
  integer,
  number,
  object,
  oneOf,
  text,
} from './response-schema.ts';

/** The success answer of `GET /api/conversations/:id/customer-history`. */
export const customerHistorySchema = object({
  verified: boolean,
  conversations: arrayOf(
    object(
      {
        id: text,
        createdAt: dateTime,
        status: oneOf('open', 'queued', 'withAgent', 'closed'),
        intents: arrayOf(text),
        messages: integer,
      },
      { closedAt: dateTime, channel: text, orderId: text, firstQuestion: text },
    ),
  ),
  orders: arrayOf(
    object(
      { orderId: text },
      { status: text, total: number, currency: text, createdAt: text, trackingNumber: text },
    ),
  ),
});
