import type { WorkflowDocument } from './workflow.types.ts';
import { validate } from '../validation/validate.ts';
import { WorkflowValidationError } from '../errors.ts';

/**
 * Turns untrusted input (JSON text or a parsed value) into a typed, valid workflow document,
 * or throws a `WorkflowValidationError` listing every problem.
 *
 * @example
 * const workflow = parseWorkflow(await readFile('workflows/refund.json', 'utf8'));
 */
export function parseWorkflow(input: unknown): WorkflowDocument {
  const { valid, problems } = validate(input);
  if (!valid) throw new WorkflowValidationError(problems);
  return structuredClone(typeof input === 'string' ? JSON.parse(input) : input) as WorkflowDocument;
}
