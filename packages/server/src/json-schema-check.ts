import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** One thing wrong with a value, located by a JSON pointer. */
export interface SchemaProblem {
  pointer: string;
  message: string;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** The server's one ajv instance: all errors, formats, no type coercion. */
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

export function compileSchema<T = unknown>(schema: object): ValidateFunction<T> {
  return ajv.compile<T>(schema);
}

/** ajv's errors as pointers (a missing property points at itself), under `base`. */
export function schemaProblems(
  errors: ErrorObject[] | null | undefined,
  base = '',
): SchemaProblem[] {
  return (errors ?? []).map((error) => ({
    pointer:
      base +
      error.instancePath +
      (error.keyword === 'required' ? `/${String(error.params['missingProperty'])}` : ''),
    message: error.message ?? 'invalid',
  }));
}
