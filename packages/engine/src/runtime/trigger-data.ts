import type { JsonObject, LocalizedText } from '../workflow/workflow.types.ts';
import type { JsonSchema } from '../nodes/node-type.ts';
import {
  localizedSchemaError,
  schemaErrorPointer,
  validatorFor,
} from '../validation/schema-validator.ts';

/** Where an event's data breaks a trigger's data schema (`/data/...`) and why, in zh and en. */
export interface TriggerDataProblem {
  pointer: string;
  /** The English reason (what `InvalidEventError` messages have always said). */
  reason: string;
  text: LocalizedText;
}

/**
 * Checks event data against a trigger's data schema (`TriggerConfig.data`); none when it fits.
 * Pure; the validator is compiled once per schema object, so pass the same object each time.
 */
export function triggerDataProblems(schema: JsonSchema, data: JsonObject): TriggerDataProblem[] {
  const check = validatorFor(schema);
  if (check(data)) return [];
  return (check.errors ?? []).map((error) => {
    const text = localizedSchemaError(error);
    return { pointer: '/data' + schemaErrorPointer(error), reason: text.en, text };
  });
}
