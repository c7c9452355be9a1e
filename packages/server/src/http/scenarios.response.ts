import { arrayOf, dateTime, deleted, object, text } from './response-schema.ts';

/** A scenario saved beside a workflow, in the engine's scenario format. */
const saved = object({
  name: text,
  scenario: { $ref: '#/components/schemas/Scenario' },
  savedAt: dateTime,
  savedBy: text,
});

/** The success answers of `/api/workflows/:id/scenarios`. */
export const scenarioResponseSchemas = {
  list: object({ scenarios: arrayOf(saved) }),
  saved,
  deleted: deleted(text),
} as const;
