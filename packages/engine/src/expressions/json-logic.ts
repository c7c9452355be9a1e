import jsonLogic from 'json-logic-js';
import type { JsonValue } from '../workflow/workflow.types.ts';

/** A condition as JSON Logic data, editable by a rule-builder UI. */
export type Condition = JsonValue;

const MAX_PATTERN_LENGTH = 200;

// `matches` lets conditions check formats (tax numbers, phone numbers) without code.
jsonLogic.add_operation('matches', (value: unknown, pattern: unknown) => {
  if (typeof value !== 'string' || typeof pattern !== 'string') return false;
  if (pattern.length > MAX_PATTERN_LENGTH) return false;
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
});

/** Evaluates a JSON Logic condition against journey data; truthiness as JSON Logic defines it. */
export function evaluateCondition(condition: Condition, data: object): boolean {
  return jsonLogic.truthy(jsonLogic.apply(condition as jsonLogic.RulesLogic, data));
}

/** Computes a JSON Logic expression's value (used by setData). */
export function evaluateExpression(expression: JsonValue, data: object): JsonValue {
  const result: unknown = jsonLogic.apply(expression as jsonLogic.RulesLogic, data);
  return result === undefined ? null : (result as JsonValue);
}

/**
 * Lists the variables a condition reads (`{"var": "order.total"}` -> `order.total`).
 * Throws when the rule uses an operation JSON Logic does not know.
 */
export function conditionVariables(condition: Condition): string[] {
  assertKnownOperations(condition);
  const used = jsonLogic.uses_data(
    condition as Parameters<typeof jsonLogic.uses_data>[0],
  ) as unknown[];
  return used.filter((v): v is string => typeof v === 'string' && v !== '');
}

function assertKnownOperations(rule: unknown): void {
  if (Array.isArray(rule)) {
    rule.forEach(assertKnownOperations);
    return;
  }
  if (!jsonLogic.is_logic(rule)) return;
  const op = jsonLogic.get_operator(rule as Parameters<typeof jsonLogic.get_operator>[0]);
  // json-logic-js keeps its operations private; applying to empty data is the reliable test.
  if (!isKnownOperation(op)) throw new Error(`unknown operation "${op}"`);
  const args = (rule as Record<string, unknown>)[op];
  assertKnownOperations(args);
}

const knownOperations = new Map<string, boolean>();

function isKnownOperation(op: string): boolean {
  const cached = knownOperations.get(op);
  if (cached !== undefined) return cached;
  let known = true;
  try {
    jsonLogic.apply({ [op]: [] } as jsonLogic.RulesLogic, {});
  } catch (error) {
    known = !String(error).includes('Unrecognized operation');
  }
  knownOperations.set(op, known);
  return known;
}
