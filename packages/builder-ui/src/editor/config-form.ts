import Ajv2020 from 'ajv/dist/2020.js';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import type { JsonSchema, LocalizedText, Problem } from '@xiaoer/engine';

/**
 * The validator the inspector's forms use: ajv on JSON Schema 2020-12 like the engine, with
 * the schemas' `x-ui` hints allowed.
 */
export const configValidator = customizeValidator({
  AjvClass: Ajv2020,
  ajvOptionsOverrides: { strict: false, allErrors: true },
});

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
function configPath(pointer: string): string[] | undefined {
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
 * (`/nodes/3`) are not field errors and stay in the problems panel.
 */
export function fieldErrorsOf(
  problems: Problem[],
  language: keyof LocalizedText,
): ErrorSchema | undefined {
  const errors: Record<string, unknown> = {};
  let any = false;
  for (const problem of problems) {
    const path = configPath(problem.pointer);
    if (!path) continue;
    let at = errors;
    for (const token of path) at = (at[token] ??= {}) as Record<string, unknown>;
    ((at['__errors'] ??= []) as string[]).push(problem.message[language]);
    any = true;
  }
  return any ? (errors as ErrorSchema) : undefined;
}
