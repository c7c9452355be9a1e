import { templateVariables } from '../../expressions/template.ts';
import { conditionVariables, type Condition } from '../../expressions/json-logic.ts';
import type { JsonValue } from '../../workflow/workflow.types.ts';
import type { ConfigProblem, VariableRead } from '../node-type.ts';

/** Variables a template reads; an unparsable template reads nothing (check() reports it). */
export function templateReads(template: string | undefined, pointer: string): VariableRead[] {
  if (!template) return [];
  try {
    return templateVariables(template).map((path) => ({ path, pointer }));
  } catch {
    return [];
  }
}

/** Variables read by every string template inside an object of templates. */
export function templateObjectReads(
  values: Record<string, JsonValue> | undefined,
  pointer: string,
): VariableRead[] {
  if (!values) return [];
  return Object.entries(values).flatMap(([key, value]) =>
    typeof value === 'string' ? templateReads(value, `${pointer}/${key}`) : [],
  );
}

export function conditionReads(condition: Condition | undefined, pointer: string): VariableRead[] {
  if (condition === undefined) return [];
  try {
    return conditionVariables(condition).map((path) => ({ path, pointer }));
  } catch {
    return [];
  }
}

export function checkTemplate(template: string | undefined, pointer: string): ConfigProblem[] {
  if (!template) return [];
  try {
    templateVariables(template);
    return [];
  } catch (error) {
    return [{ code: 'template.invalid', pointer, value: (error as Error).message }];
  }
}

export function checkCondition(condition: Condition | undefined, pointer: string): ConfigProblem[] {
  if (condition === undefined) return [];
  try {
    conditionVariables(condition);
    return [];
  } catch (error) {
    return [{ code: 'condition.invalid', pointer, value: (error as Error).message }];
  }
}
