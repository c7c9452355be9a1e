import type { JsonObject, JsonValue } from '@xiaoer/engine';

/** A field of the trigger's data as a person edits it. */
export interface DataField {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  required: boolean;
  /** The field's own schema as it was (enum, nested properties…), kept while its type stays. */
  schema: JsonObject;
}

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array']);

/** The fields a data schema (`{ type: 'object', properties, required }`) declares, in order. */
export function fieldsOf(schema: JsonValue | undefined): DataField[] {
  const object = schema && typeof schema === 'object' && !Array.isArray(schema) ? schema : {};
  const properties = (object['properties'] ?? {}) as Record<string, JsonObject>;
  const required = new Set(
    Array.isArray(object['required']) ? (object['required'] as string[]) : [],
  );
  return Object.entries(properties).map(([name, property]) => {
    const type = String(property['type'] ?? 'string');
    return {
      name,
      type: (TYPES.has(type) ? type : 'string') as DataField['type'],
      required: required.has(name),
      schema: property,
    };
  });
}

/**
 * The data schema for a list of fields: the other keywords of `base` kept, each field's own
 * schema kept while its type is unchanged; unnamed fields left out.
 */
export function schemaOf(fields: DataField[], base: JsonValue | undefined): JsonObject {
  const kept = base && typeof base === 'object' && !Array.isArray(base) ? base : {};
  const named = fields.filter((f) => f.name.trim() !== '');
  const required = named.filter((f) => f.required).map((f) => f.name);
  const { required: _required, properties: _properties, ...rest } = kept;
  return {
    ...rest,
    type: 'object',
    properties: Object.fromEntries(
      named.map((f) => [
        f.name,
        f.schema['type'] === f.type ? f.schema : ({ type: f.type } as JsonObject),
      ]),
    ),
    ...(required.length ? { required } : {}),
  };
}
