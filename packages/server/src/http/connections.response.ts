import { arrayOf, boolean, dateTime, integer, object, oneOf, text } from './response-schema.ts';

/** The success answers of `/api/connections` and the channel test send. */
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
  testSend: object(
    { ok: boolean, channel: text, connector: text, durationMs: integer },
    { error: object({ code: text, message: text, retryable: boolean }) },
  ),
} as const;
