import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import localizeZh from 'ajv-i18n/localize/zh';
import type { JsonSchema } from '../nodes/node-type.ts';
import type { LocalizedText } from '../workflow/workflow.types.ts';

/** One ajv instance for the engine: draft 2020-12, all errors, our `x-ui` hints allowed. */
export const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  // `oneOf: [{ required: ['duration'] }, { required: ['until'] }]` names properties defined beside it.
  strictRequired: false,
  allowUnionTypes: true,
});
ajv.addVocabulary(['x-ui']);

const compiled = new WeakMap<object, ValidateFunction>();

/** Compiles a schema once and reuses the validator. */
export function validatorFor(schema: JsonSchema): ValidateFunction {
  let validator = compiled.get(schema);
  if (!validator) {
    validator = ajv.compile(schema);
    compiled.set(schema, validator);
  }
  return validator;
}

/** A short, precise English reason for an ajv error (the field is in the pointer). */
export function describeSchemaError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(params['additionalProperty'])}"`;
    case 'required':
      return `missing required property "${String(params['missingProperty'])}"`;
    case 'enum':
      return `must be one of: ${(params['allowedValues'] as unknown[]).map(String).join(', ')}`;
    case 'oneOf':
      return 'must match exactly one of the allowed forms';
    default:
      return error.message ?? error.keyword;
  }
}

/**
 * The pointer an ajv error concerns: for a missing or unknown property, the property itself,
 * so the editor can highlight the field.
 */
export function schemaErrorPointer(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const extra = params['missingProperty'] ?? params['additionalProperty'];
  if (typeof extra === 'string') {
    return `${error.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  }
  return error.instancePath;
}

/** A short reason in Chinese for an ajv error (ajv-i18n for keywords not worded here). */
function describeSchemaErrorZh(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `未知属性 "${String(params['additionalProperty'])}"`;
    case 'required':
      return `缺少必填属性 "${String(params['missingProperty'])}"`;
    case 'enum':
      return `必须是以下之一：${(params['allowedValues'] as unknown[]).map(String).join('、')}`;
    case 'oneOf':
      return '必须且只能符合一种允许的写法';
    default: {
      const copy = { ...error };
      localizeZh([copy]);
      return copy.message ?? error.keyword;
    }
  }
}

/** The reason for an ajv error in Chinese and English. */
export function localizedSchemaError(error: ErrorObject): LocalizedText {
  return { zh: describeSchemaErrorZh(error), en: describeSchemaError(error) };
}
