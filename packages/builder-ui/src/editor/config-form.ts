import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import localizeEn from 'ajv-i18n/localize/en/index.js';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import { bilingualHalf, type JsonSchema, type LocalizedText, type Problem } from '@xiaoer/engine';
import type { Language } from '../i18n/messages.ts';

const LOCALIZE = { zh: localizeZh, en: localizeEn } satisfies Record<Language, unknown>;

/**
 * Puts the form checker's messages (ajv's) into `language` with ajv-i18n, in place. A value
 * that does not match a field's pattern is told with the field's "English / 中文" description
 * when it has one, rather than the raw pattern. (The form library quotes a missing field's
 * name before, so that it then puts the field's label in its place.)
 */
export function schemaErrorLocalizer(language: Language) {
  return (errors?: ErrorObject[] | null): void => {
    if (!errors) return;
    LOCALIZE[language](errors);
    for (const error of errors) {
      const description = (error.parentSchema as JsonSchema | undefined)?.['description'];
      const described = typeof description === 'string' && bilingualHalf(description, language);
      if (error.keyword === 'pattern' && described) error.message = described;
    }
  };
}

/**
 * The validators the inspector's forms use, one per console language: ajv on JSON Schema
 * 2020-12 like the engine, with the schemas' `x-ui` hints allowed (`verbose` gives each error
 * its field's schema, for its description).
 */
export const configValidators: Record<Language, ReturnType<typeof customizeValidator>> = {
  zh: configValidatorIn('zh'),
  en: configValidatorIn('en'),
};

function configValidatorIn(language: Language) {
  return customizeValidator(
    {
      AjvClass: Ajv2020,
      ajvOptionsOverrides: { strict: false, allErrors: true, verbose: true },
    },
    schemaErrorLocalizer(language),
  );
}

/** A `oneOf`/`anyOf` branch that only says which fields are required (`{ required: [...] }`). */
const onlyRequires = (branch: unknown) =>
  Boolean(branch) &&
  typeof branch === 'object' &&
  Object.keys(branch as object).every((key) => key === 'required');

/**
 * A node type's config schema as the form library types it. A top-level `oneOf` of "this field
 * or that one" (the wait's duration or until) is left out: the form library draws it as an
 * unlabelled "Option 1 / Option 2" choice that wipes the form when switched. The fields stay,
 * and the engine still reports a config with neither or both (in the problems list).
 */
export function formSchemaOf(schema: JsonSchema): RJSFSchema {
  const choice = ['oneOf', 'anyOf'].find(
    (key) => Array.isArray(schema[key]) && (schema[key] as unknown[]).every(onlyRequires),
  );
  if (!choice) return schema as RJSFSchema;
  const { [choice]: _dropped, ...rest } = schema;
  return rest as RJSFSchema;
}

/** The tokens of a pointer into a node's config (`/nodes/3/config/message/zh` → message, zh). */
export function configPath(pointer: string): string[] | undefined {
  const match = /^\/nodes\/\d+\/config(\/.*)$/.exec(pointer);
  if (!match?.[1]) return undefined;
  return match[1]
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The inspector's input id for a problem's pointer into a node's config (`root_message_zh`). */
export function fieldIdOf(pointer: string): string | undefined {
  const path = configPath(pointer);
  return path ? ['root', ...path].join('_') : undefined;
}

/**
 * The engine's problems in one node's config as the form's extra errors, so each shows under
 * its field (`/nodes/3/config/message/zh` → `message.zh`). Problems of the node as a whole
 * (`/nodes/3`) are not field errors and stay in the problems panel. A field that breaks the
 * node type's schema (`config.invalid`) is told once, by the form's own check of that schema in
 * the language shown: the engine's word for it is left to the problems panel.
 */
export function fieldErrorsOf(
  problems: Problem[],
  language: keyof LocalizedText,
): ErrorSchema | undefined {
  const errors: Record<string, unknown> = {};
  let any = false;
  for (const problem of problems) {
    const path = configPath(problem.pointer);
    if (!path || problem.code === 'config.invalid') continue;
    let at = errors;
    for (const token of path) at = (at[token] ??= {}) as Record<string, unknown>;
    ((at['__errors'] ??= []) as string[]).push(problem.message[language]);
    any = true;
  }
  return any ? (errors as ErrorSchema) : undefined;
}
