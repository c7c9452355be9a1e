import { arrayOf, boolean, dateTime, integer, object, oneOf, text } from './response-schema.ts';

/**
 * The success answers of `/api/connections`, the operators' channel delivery status and the
 * channel test send.
 */
export const connectionsResponseSchemas = {
  list: object({
    sources: arrayOf(
      object(
        { id: text, kind: text, secretSet: boolean },
        { intakePath: text, lastEvent: object({ type: text, receivedAt: dateTime }) },
      ),
    ),
    channels: arrayOf(
      object(
        {
          channel: oneOf('sms', 'email', 'wechat', 'chat', 'app', 'staff'),
          kind: oneOf('log', 'webhook', 'sms', 'smtp', 'chat'),
          usesDefault: boolean,
        },
        { target: text },
      ),
    ),
  }),
  deliveries: object({
    since: dateTime,
    hours: integer,
    channels: arrayOf(
      object(
        {
          channel: oneOf('sms', 'email', 'wechat', 'chat', 'app', 'staff'),
          kind: oneOf('log', 'webhook', 'sms', 'smtp', 'chat'),
          usesDefault: boolean,
          delivered: integer,
          failed: integer,
          state: oneOf('ok', 'failing', 'idle'),
        },
        {
          lastDeliveredAt: dateTime,
          lastFailure: object({ code: text, message: text, retryable: boolean, at: dateTime }),
        },
      ),
    ),
  }),
  testSend: object(
    { ok: boolean, channel: text, connector: text, durationMs: integer },
    { error: object({ code: text, message: text, retryable: boolean }) },
  ),
} as const;
