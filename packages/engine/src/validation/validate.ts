import type { WorkflowDocument } from '../workflow/workflow.types.ts';
import { workflowSchema } from '../workflow/workflow.schema.ts';
import { problem, type Problem } from './problem.ts';
import { localizedSchemaError, schemaErrorPointer, validatorFor } from './schema-validator.ts';
import { checkNodes } from './node.checks.ts';
import { checkGraph } from './graph.checks.ts';
import { checkVariables } from './variable.checks.ts';

export interface ValidationResult {
  valid: boolean;
  problems: Problem[];
}

/**
 * Checks a workflow document and returns every problem at once, each with a JSON Pointer,
 * a stable code and a message in Chinese and English. Accepts a parsed document or JSON text.
 *
 * @example
 * const { valid, problems } = validate(doc);
 * if (!valid) for (const p of problems) console.log(p.pointer, p.code, p.message.zh);
 */
export function validate(input: unknown): ValidationResult {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (error) {
      return result([problem('json.invalid', '', { reason: (error as Error).message })]);
    }
  }
  const validateStructure = validatorFor(workflowSchema);
  if (!validateStructure(doc)) {
    return result(
      (validateStructure.errors ?? []).map((error) =>
        problem('schema.violation', schemaErrorPointer(error), {
          reason: localizedSchemaError(error),
        }),
      ),
    );
  }
  const workflow = doc as WorkflowDocument;
  const { problems, checked } = checkNodes(workflow);
  problems.push(...checkGraph(workflow, checked), ...checkVariables(workflow, checked));
  return result(problems);
}

function result(problems: Problem[]): ValidationResult {
  return { valid: problems.length === 0, problems };
}
