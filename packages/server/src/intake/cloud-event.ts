import { findUnstorableKey, type JsonObject } from '@xiaoer/engine';
import {
  compileSchema,
  schemaProblem,
  schemaProblems,
  type SchemaProblem,
} from '../json-schema-check.ts';
import { jsonShapeProblem, type JsonShapeProblem } from '../json-shape.ts';

/** An event as order systems send it: the core CloudEvents attributes. */
export interface CloudEvent {
  id: string;
  type: string;
  source: string;
  time?: string;
  specversion?: string;
  data?: JsonObject;
}

/** One thing wrong with a request body, located by a JSON pointer. */
export type BodyProblem = SchemaProblem;

const eventSchema = {
  type: 'object',
  required: ['id', 'type', 'source'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 200 },
    type: {
      type: 'string',
      pattern: '^[a-zA-Z][a-zA-Z0-9_-]*(\\.[a-zA-Z][a-zA-Z0-9_-]*)*$',
      maxLength: 100,
    },
    source: { type: 'string', minLength: 1, maxLength: 500 },
    time: { type: 'string', format: 'date-time' },
    specversion: { type: 'string' },
    data: { type: 'object' },
  },
} as const;

export const cloudEventBodySchema = {
  oneOf: [eventSchema, { type: 'array', minItems: 1, maxItems: 1000, items: eventSchema }],
} as const;

const validateEvent = compileSchema<CloudEvent>(eventSchema);

/**
 * The first event of a parsed body (one event or a batch) nested too deep or with too many
 * keys ({@link JSON_SHAPE_LIMITS}, each event on its own), located in the body; else null.
 */
export function eventShapeProblem(body: unknown): JsonShapeProblem | null {
  const items: unknown[] = Array.isArray(body) ? body : [body];
  for (const [index, item] of items.entries()) {
    const problem = jsonShapeProblem(item);
    if (problem)
      return Array.isArray(body) ? { ...problem, pointer: `/${index}${problem.pointer}` } : problem;
  }
  return null;
}

/** Checks a parsed body (one event or a batch); returns the events or every problem found. */
export function readCloudEvents(
  body: unknown,
): { events: CloudEvent[]; problems: [] } | { events: []; problems: BodyProblem[] } {
  const batch = Array.isArray(body);
  const items: unknown[] = batch ? body : [body];
  const problems: BodyProblem[] = [];
  if (batch && (items.length === 0 || items.length > 1000))
    problems.push(
      schemaProblem('', {
        zh: '一批应有 1 到 1000 个事件',
        en: 'a batch holds 1 to 1000 events',
      }),
    );
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const base = batch ? `/${index}` : '';
    if (!validateEvent(item)) {
      problems.push(...schemaProblems(validateEvent.errors, base));
      return;
    }
    const shape = jsonShapeProblem(item);
    if (shape) {
      problems.push(schemaProblem(`${base}${shape.pointer}`, shape.text));
      return;
    }
    const bad = findUnstorableKey(item.data ?? {}, `${base}/data`);
    if (bad)
      problems.push(
        schemaProblem(bad.pointer, {
          zh: `键 "${bad.key}" 无法保存（不能含 "."，不能以 "$" 开头）`,
          en: `key "${bad.key}" cannot be stored (no "." and no leading "$")`,
        }),
      );
    if (seen.has(item.id))
      problems.push(
        schemaProblem(`${base}/id`, {
          zh: `事件 id "${item.id}" 在这批中重复`,
          en: `event id "${item.id}" repeats in the batch`,
        }),
      );
    seen.add(item.id);
  });
  return problems.length > 0
    ? { events: [], problems }
    : { events: items as CloudEvent[], problems: [] };
}
