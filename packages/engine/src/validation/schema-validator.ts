import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
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
  return localizedSchemaError(error).en;
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

/** JSON Schema's type names as a Chinese reader says them. */
const JSON_TYPES_ZH: Record<string, string> = {
  string: '字符串',
  number: '数字',
  integer: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: 'null',
};

/**
 * The reason for an ajv error in Chinese and English (the field is in the pointer). Common
 * keywords are worded here; the rest use ajv's English message and ajv-i18n's Chinese one.
 */
export function localizedSchemaError(error: ErrorObject): LocalizedText {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      return { zh: `未知属性 "${name}"`, en: `unknown property "${name}"` };
    }
    case 'required': {
      const name = String(params['missingProperty']);
      return { zh: `缺少必填属性 "${name}"`, en: `missing required property "${name}"` };
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      return {
        zh: `必须是以下之一：${allowed.join('、')}`,
        en: `must be one of: ${allowed.join(', ')}`,
      };
    }
    case 'type': {
      const types = String(params['type']).split(',');
      return {
        zh: `应当是${types.map((type) => JSON_TYPES_ZH[type] ?? type).join('或')}`,
        en: error.message ?? `must be ${types.join(',')}`,
      };
    }
    case 'false schema':
      return { zh: '不允许出现在这里', en: 'not allowed here' };
    case 'oneOf':
      return {
        zh: '必须且只能符合一种允许的写法',
        en: 'must match exactly one of the allowed forms',
      };
    default: {
      const zh = { ...error };
      localizeZh([zh]);
      return { zh: zh.message ?? error.keyword, en: error.message ?? error.keyword };
    }
  }
}
