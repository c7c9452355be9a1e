import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/**
 * Properties of an error that logs keep when they are numbers, strings or booleans: what failed
 * and where (codes, system calls, field names), never the data it was about.
 */
const KEPT = [
  'code',
  'codeName',
  'errno',
  'syscall',
  'address',
  'port',
  'status',
  'statusCode',
  'kind',
] as const;

/** How deep causes (and an AggregateError's errors) are followed. */
const MAX_DEPTH = 3;
/** How many of a bulk write's errors (or an AggregateError's) are kept. */
const MAX_LISTED = 5;

/** Values a message or stack may quote: a duplicate key's, a failed cast's. */
const QUOTED_VALUES: [RegExp, string][] = [
  // MongoDB: `E11000 duplicate key error collection: db.c index: phone_1 dup key: { phone: "…" }`
  [/dup key: \{.*\}/g, 'dup key: { … }'],
  // Mongoose: `Cast to ObjectId failed for value "…" (type string) at path "_id"`
  [/for value .*? \(type /g, 'for value … (type '],
];

function withoutValues(text: string): string {
  return QUOTED_VALUES.reduce(
    (result, [pattern, replaced]) => result.replace(pattern, replaced),
    text,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The kept scalar properties of `error`. */
function keptProperties(error: Record<string, unknown>): Record<string, string | number | boolean> {
  const kept: Record<string, string | number | boolean> = {};
  for (const key of KEPT) {
    const value = error[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      kept[key] = typeof value === 'string' ? withoutValues(value) : value;
  }
  return kept;
}

/** A bulk write's error without the document it was writing (`op`). */
function writeErrorForLog(writeError: unknown): Record<string, unknown> {
  if (!isRecord(writeError)) return {};
  // The driver's WriteError keeps the server's answer in `err`.
  const answer = isRecord(writeError['err']) ? writeError['err'] : writeError;
  const errmsg = answer['errmsg'];
  return {
    ...(typeof answer['index'] === 'number' ? { index: answer['index'] } : {}),
    ...(typeof answer['code'] === 'number' ? { code: answer['code'] } : {}),
    ...(typeof errmsg === 'string' ? { errmsg: withoutValues(errmsg) } : {}),
  };
}

/** A bulk write's counts, without the ids it inserted or upserted. */
function countsOf(result: unknown): Record<string, number> | undefined {
  if (!isRecord(result)) return undefined;
  const counts: Record<string, number> = {};
  for (const [key, value] of Object.entries(result))
    if (key.endsWith('Count') && typeof value === 'number') counts[key] = value;
  return counts;
}

function serialized(error: unknown, depth: number): unknown {
  if (!isRecord(error)) return typeof error === 'string' ? withoutValues(error) : error;
  const message = typeof error['message'] === 'string' ? error['message'] : undefined;
  const stack = typeof error['stack'] === 'string' ? error['stack'] : undefined;
  const type = error instanceof Error ? error.constructor.name : 'Object';
  const logged: Record<string, unknown> = {
    type,
    ...(message === undefined ? {} : { message: withoutValues(message) }),
    ...(stack === undefined ? {} : { stack: withoutValues(stack) }),
    ...keptProperties(error),
  };
  // The fields of a violated unique index, not the values (`keyValue`).
  if (isRecord(error['keyPattern'])) logged['keyFields'] = Object.keys(error['keyPattern']);
  const labels = error['errorLabels'] ?? error['errorLabelSet'];
  if (Array.isArray(labels) || labels instanceof Set) {
    const names = [...(labels as Iterable<unknown>)].filter((l) => typeof l === 'string');
    if (names.length > 0) logged['errorLabels'] = names;
  }
  const writeErrors = error['writeErrors'];
  if (Array.isArray(writeErrors)) {
    logged['writeErrors'] = writeErrors.slice(0, MAX_LISTED).map(writeErrorForLog);
    logged['writeErrorCount'] = writeErrors.length;
  }
  const counts = countsOf(error['result']);
  if (counts) logged['result'] = counts;
  if (depth < MAX_DEPTH) {
    if (error['cause'] !== undefined) logged['cause'] = serialized(error['cause'], depth + 1);
    if (Array.isArray(error['errors']))
      logged['errors'] = error['errors']
        .slice(0, MAX_LISTED)
        .map((inner) => serialized(inner, depth + 1));
  }
  return logged;
}

/**
 * An error as the server's logs show it: its type, message, code, stack and identifiers that
 * say what failed (error codes, system calls, the fields of a violated unique index, a bulk
 * write's counts), never the documents or values it was about. pino's own serializer copied
 * every property: a bulk write's error carried the documents it inserted (`writeErrors[].op`,
 * `result.insertedIds`, `errorResponse`) and a duplicate key its `keyValue` (a phone, an
 * order id) into the logs. Values quoted in messages (`dup key: { … }`) are left out too.
 */
export function errorForLog(error: unknown): unknown {
  return serialized(error, 0);
}

/** A pino logger whose `err` is {@link errorForLog}. */
export function serverLogger(options: LoggerOptions = {}, destination?: DestinationStream): Logger {
  const settings = { ...options, serializers: { ...options.serializers, err: errorForLog } };
  return destination ? pino(settings, destination) : pino(settings);
}

/** `log`, with `err` logged as {@link errorForLog} (a logger given by whoever embeds the server). */
export function withSafeErrors(log: Logger): Logger {
  return log.child({}, { serializers: { err: errorForLog } });
}
