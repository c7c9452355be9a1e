import type { JsonObject, JsonValue } from '@xiaoer/engine';

/** A field of the trigger's data as a person edits it. */
export interface DataField {
  /** Its name; a field inside another is named by its path (`customer.phone`). */
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  required: boolean;
  /** The field's own schema as it was (enum, nested properties…), kept while its type stays. */
  schema: JsonObject;
}

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array']);

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

const propertiesOf = (schema: JsonObject) =>
  (isObject(schema['properties']) ? schema['properties'] : {}) as Record<string, JsonObject>;

const requiredOf = (schema: JsonObject) =>
  Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];

/** An object with fields of its own, listed as those fields rather than as one row. */
const hasFields = (schema: JsonObject) =>
  schema['type'] === 'object' && Object.keys(propertiesOf(schema)).length > 0;

/**
 * The fields a data schema (`{ type: 'object', properties, required }`) declares, in order; the
 * fields of an object field each by their path (`customer.phone`), as journeys read them.
 */
export function fieldsOf(schema: JsonValue | undefined, prefix = ''): DataField[] {
  const object = isObject(schema) ? schema : {};
  const required = new Set(requiredOf(object));
  return Object.entries(propertiesOf(object)).flatMap(([key, property]) => {
    const name = `${prefix}${key}`;
    if (hasFields(property)) return fieldsOf(property, `${name}.`);
    const type = String(property['type'] ?? 'string');
    return [
      {
        name,
        type: (TYPES.has(type) ? type : 'string') as DataField['type'],
        required: required.has(key),
        schema: property,
      },
    ];
  });
}

/** The path of a field's name; none while half typed (`customer.`, ` `). */
const pathOf = (name: string): string[] | undefined => {
  const path = name.split('.').map((key) => key.trim());
  return path.every((key) => key !== '') ? path : undefined;
};

/** An object schema to fill: `base`'s other keywords, no fields yet. */
const emptyObject = (base: JsonObject): JsonObject => {
  const { required: _required, properties: _properties, ...rest } = base;
  return { ...rest, type: 'object', properties: {} };
};

const markRequired = (object: JsonObject, key: string) => {
  const required = requiredOf(object);
  if (!required.includes(key)) object['required'] = [...required, key];
};

/**
 * The data schema for a list of fields: the other keywords of `base` kept, each field's own
 * schema kept while its type is unchanged; a field named by a path (`customer.phone`) goes
 * inside its object (made when missing), which is required when it was or when one of its
 * fields is. Unnamed and half-named fields are left out.
 */
export function schemaOf(fields: DataField[], base: JsonValue | undefined): JsonObject {
  const kept = isObject(base) ? base : {};
  const root = emptyObject(kept);
  for (const field of fields) {
    const path = pathOf(field.name);
    if (!path) continue;
    let object = root;
    let before: JsonObject | undefined = kept;
    for (const key of path.slice(0, -1)) {
      const original: JsonObject | undefined = before && propertiesOf(before)[key];
      const properties = propertiesOf(object);
      const existing = properties[key];
      const inner: JsonObject =
        existing && existing['type'] === 'object' && isObject(existing['properties'])
          ? existing
          : emptyObject(original?.['type'] === 'object' ? original : {});
      properties[key] = inner;
      object['properties'] = properties;
      if ((before && requiredOf(before).includes(key)) || field.required) markRequired(object, key);
      object = inner;
      before = original;
    }
    const key = path.at(-1)!;
    const properties = propertiesOf(object);
    properties[key] =
      field.schema['type'] === field.type ? field.schema : ({ type: field.type } as JsonObject);
    object['properties'] = properties;
    if (field.required) markRequired(object, key);
  }
  return root;
}
