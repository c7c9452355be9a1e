import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { localizedSchemaError, type LocalizedText } from '@xiaoer/engine';

/**
 * One thing wrong with a value, located by a JSON pointer: `text` says it in zh and en,
 * `message` is its English line (as integrators read it before `text` was added).
 */
export interface SchemaProblem {
  pointer: string;
  message: string;
  text: LocalizedText;
}

/** A problem at `pointer`, worded in both languages. */
export const schemaProblem = (pointer: string, text: LocalizedText): SchemaProblem => ({
  pointer,
  message: text.en,
  text,
});

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** The server's one ajv instance: all errors, formats, no type coercion. */
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

export function compileSchema<T = unknown>(schema: object): ValidateFunction<T> {
  return ajv.compile<T>(schema);
}

/**
 * ajv's errors as pointers (a missing property points at itself), under `base`, each reason
 * in zh and en as the engine words schema errors (`localizedSchemaError`, ajv-i18n's Chinese).
 */
export function schemaProblems(
  errors: ErrorObject[] | null | undefined,
  base = '',
): SchemaProblem[] {
  return (errors ?? []).map((error) =>
    schemaProblem(
      base +
        error.instancePath +
        (error.keyword === 'required' ? `/${String(error.params['missingProperty'])}` : ''),
      localizedSchemaError(error),
    ),
  );
}

/**
 * The first `shown` problems as one line per language (`/pointer reason; …`), for a message
 * that a console or a log shows without walking `details.problems`.
 */
export function problemLines(problems: SchemaProblem[], shown = 3): LocalizedText {
  const listed = problems.slice(0, shown);
  const more = problems.length > shown;
  const line = (language: keyof LocalizedText, separator: string, rest: string) =>
    listed.map((problem) => `${problem.pointer || '/'} ${problem.text[language]}`).join(separator) +
    (more ? rest : '');
  return { zh: line('zh', '；', '；……'), en: line('en', '; ', '; …') };
}
