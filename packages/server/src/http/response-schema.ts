/**
 * Building blocks of the response schemas the routes declare with `responds()`. Plain JSON
 * Schema (2020-12, as OpenAPI 3.1 reads it); times are ISO strings, as `JSON.stringify`
 * writes a `Date`.
 */
export type JsonSchema = Record<string, unknown>;

export const text: JsonSchema = { type: 'string' };
export const integer: JsonSchema = { type: 'integer' };
export const number: JsonSchema = { type: 'number' };
export const boolean: JsonSchema = { type: 'boolean' };
export const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
/** Any JSON object (journey data, an order, an engine effect). */
export const anyObject: JsonSchema = { type: 'object' };

/** A string that is one of `values`. */
export const oneOf = (...values: string[]): JsonSchema => ({ type: 'string', enum: values });

/** `schema` or null. */
export const nullable = (schema: JsonSchema): JsonSchema => ({
  anyOf: [schema, { type: 'null' }],
});

/** `schema` with a description (English / 中文), shown in the API docs and generated types. */
export const described = (schema: JsonSchema, description: string): JsonSchema => ({
  ...schema,
  description,
});

export const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });

/** A map from any key to `values`. */
export const recordOf = (values: JsonSchema): JsonSchema => ({
  type: 'object',
  additionalProperties: values,
});

/**
 * An object with `required` properties and `optional` ones. Extra properties are allowed
 * (answers may grow), but the generated console types list only these.
 */
export function object(
  required: Record<string, JsonSchema>,
  optional: Record<string, JsonSchema> = {},
): JsonSchema {
  return {
    type: 'object',
    required: Object.keys(required),
    properties: { ...required, ...optional },
  };
}

/** Text in both languages. */
export const localizedText = object({ zh: text, en: text });

/** A workflow problem: where (JSON pointer) and what, in both languages. */
export const problem = object(
  { code: text, pointer: text, message: localizedText },
  { nodeId: text, edgeId: text },
);

/** A workflow document (components/schemas/Workflow). */
export const workflowRef: JsonSchema = { $ref: '#/components/schemas/Workflow' };

/** `{ deleted: <value> }` answers of a delete. */
export const deleted = (value: JsonSchema): JsonSchema => object({ deleted: value });
