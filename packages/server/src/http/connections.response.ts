import { arrayOf, boolean, dateTime, integer, object, oneOf, text } from './response-schema.ts';

/** A source as listed: where it is defined, at most its secret's last characters. */
const source = object(
  { id: text, kind: text, origin: oneOf('config', 'stored'), secretSet: boolean },
  {
    secretHint: text,
    createdAt: dateTime,
    createdBy: text,
    rotatedAt: dateTime,
    rotatedBy: text,
    previousSecretHint: text,
    previousSecretUntil: dateTime,
    /** The event types it may send; absent: every type. */
    eventTypes: arrayOf(text),
    intakePath: text,
    lastEvent: object({ type: text, receivedAt: dateTime }),
  },
);

/**
 * The success answers of `/api/connections`, the operators' channel delivery status, the
 * channel test send and `/api/sources`.
 */
export const connectionsResponseSchemas = {
  list: object({
    sources: arrayOf(source),
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
  sources: object({ sources: arrayOf(source) }),
  /** A source just changed without a new secret: its previous secret's grace ended, its scope. */
  source: object({ source }),
  /** A source just created or rotated: the only answer that holds its secret. */
  issuedSecret: object({ source, secret: text }),
} as const;
