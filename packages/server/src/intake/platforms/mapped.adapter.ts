import { createHash } from 'node:crypto';
import { asObject, asText, type Json, type Translation } from './platform-json.ts';
import { schemaProblem } from '../../json-schema-check.ts';

/**
 * How an ERP's or OMS's own JSON becomes a Xiaoer event, written in the configuration:
 * JSON pointers (RFC 6901) into the message, validated at start by the config schema.
 *
 * @example
 * { "id": "/msgId",
 *   "type": { "pointer": "/event", "values": { "SHIPPED": "order.shipped" } },
 *   "data": { "orderId": "/order/code", "trackingNumber": "/logistics/no" } }
 */
export interface EventMapping {
  /** The message's own id: a repeat of it is a duplicate. Default: a hash of the body. */
  id?: string;
  /** Where the message says what happened, and the Xiaoer event type of each value. */
  type: { pointer: string; values: Record<string, string> };
  /** Event data path (dotted, e.g. `customer.phone`) → JSON pointer into the message. */
  data: Record<string, string>;
}

/** The JSON Schema of a mapping in the configuration. */
export const eventMappingSchema = {
  type: 'object',
  required: ['type', 'data'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^(/[^/]*)+$' },
    type: {
      type: 'object',
      required: ['pointer', 'values'],
      additionalProperties: false,
      properties: {
        pointer: { type: 'string', pattern: '^(/[^/]*)+$' },
        values: {
          type: 'object',
          minProperties: 1,
          additionalProperties: { type: 'string', pattern: '^[a-z][a-zA-Z0-9_.-]{0,99}$' },
        },
      },
    },
    data: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$' },
      additionalProperties: { type: 'string', pattern: '^(/[^/]*)+$' },
    },
  },
} as const;

/** The value at a JSON pointer, or undefined. */
export function valueAt(document: unknown, pointer: string): unknown {
  let at: unknown = document;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(at)) at = at[Number(key)];
    else if (at !== null && typeof at === 'object') at = (at as Json)[key];
    else return undefined;
  }
  return at;
}

function setPath(target: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) at = at[key] = asObject(at[key]);
  at[keys[keys.length - 1] as string] = value;
}

/** Maps one message of a mapped source (verified already) with the source's mapping. */
export function translateMapped(
  sourceId: string,
  mapping: EventMapping,
  raw: Buffer,
  payload: unknown,
  receivedAt: Date,
): Translation {
  const typeValue = asText(valueAt(payload, mapping.type.pointer));
  if (typeValue === undefined)
    return {
      invalid: [
        schemaProblem(mapping.type.pointer, {
          zh: '不能缺少（事件类型）',
          en: 'must be present (the event type)',
        }),
      ],
    };
  const type = mapping.type.values[typeValue];
  if (!type)
    return { ignored: `${typeValue} at ${mapping.type.pointer} is not mapped to an event` };
  const ownId = mapping.id ? asText(valueAt(payload, mapping.id)) : undefined;
  if (mapping.id && !ownId)
    return {
      invalid: [
        schemaProblem(mapping.id, {
          zh: '不能缺少（消息 id）',
          en: 'must be present (the message id)',
        }),
      ],
    };
  const data: Json = {};
  for (const [path, pointer] of Object.entries(mapping.data)) {
    const value = valueAt(payload, pointer);
    if (value !== undefined && value !== null) setPath(data, path, value);
  }
  const id = ownId ?? createHash('sha256').update(raw).digest('hex').slice(0, 32);
  return {
    events: [{ id: `${type}-${id}`, type, source: sourceId, time: receivedAt.toISOString(), data }],
  };
}
