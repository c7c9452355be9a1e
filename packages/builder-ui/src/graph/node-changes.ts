import type { JsonValue, WorkflowNode } from '@xiaoer/engine';
import { stableJson } from './journey-graph.ts';

/** One field that differs inside a node kept from one version to the next. */
export interface NodeFieldChange {
  /** The field's path inside the node: `type`, `label` or `config.message.zh`. */
  field: string;
  before: JsonValue | undefined;
  after: JsonValue | undefined;
}

/**
 * Every field that differs between two versions of a node: its type, its label, each leaf of
 * its settings (a list whose length changed counts as one field). The position is not a field.
 */
export function nodeFieldChanges(was: WorkflowNode, is: WorkflowNode): NodeFieldChange[] {
  const out: NodeFieldChange[] = [];
  if (was.type !== is.type) out.push({ field: 'type', before: was.type, after: is.type });
  if (was.label !== is.label) out.push({ field: 'label', before: was.label, after: is.label });
  walk('config', was.config as JsonValue, is.config as JsonValue, out);
  return out;
}

const isObject = (value: JsonValue | undefined): value is Record<string, JsonValue> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The leaves that differ between two values; arrays of different length count as one field. */
function walk(
  path: string,
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  out: NodeFieldChange[],
): void {
  if (stableJson(before) === stableJson(after)) return;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) walk(`${path}.${key}`, before[key], after[key], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((item, index) => walk(`${path}[${index}]`, item, after[index], out));
    return;
  }
  out.push({ field: path, before, after });
}
