import {
  evaluateExpression,
  readPath,
  templateVariables,
  type AskCustomerConfig,
  type ClassifyIntentConfig,
  type JsonObject,
  type JsonValue,
  type SetDataConfig,
  type WorkflowDocument,
} from '@xiaoer/engine';

/**
 * The sample data a message at each node would render with: the trigger's sample, plus what
 * the setData nodes on the way there compute from it and a sample of what the nodes that save
 * an answer would save (a customer's reply, a recognised intent). A node reached by several paths gets the
 * variables of each (the first value found wins), so a preview never loses a variable to a
 * branch.
 */
export function samplesByNode(
  workflow: WorkflowDocument,
  triggerSample: JsonObject,
): Map<string, JsonObject> {
  const next = new Map<string, string[]>();
  for (const edge of workflow.edges)
    next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const byId = new Map(workflow.nodes.map((node) => [node.id, node]));
  const input = new Map<string, JsonObject>();
  const queue: string[] = [];
  for (const node of workflow.nodes) {
    if (node.type !== 'trigger') continue;
    input.set(node.id, { ...triggerSample });
    queue.push(node.id);
  }
  // Variables are only added, never changed, so the walk ends: a node is queued again only
  // when its input gained a variable.
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    const node = byId.get(id);
    const output = node ? outputOf(node.type, node.config, input.get(id) ?? {}) : {};
    for (const target of next.get(id) ?? []) {
      if (!byId.has(target)) continue;
      const into = input.get(target);
      if (!into) {
        input.set(target, { ...output });
        queue.push(target);
        continue;
      }
      let added = false;
      for (const [key, value] of Object.entries(output)) {
        if (key in into) continue;
        into[key] = value;
        added = true;
      }
      if (added) queue.push(target);
    }
  }
  return input;
}

/**
 * The data after a node: a setData node's assignments evaluated on its input; for a node that
 * saves an answer (`saveAs`), that answer in the shape the engine saves it, with sample
 * values: the customer chose the first option, the first intent was recognised. A call's
 * result has no known shape and keeps its «placeholder».
 */
function outputOf(type: string, config: JsonObject, data: JsonObject): JsonObject {
  if (type === 'askCustomer') {
    const { saveAs, options } = config as unknown as AskCustomerConfig;
    if (!saveAs) return data;
    const first = options?.[0];
    const text = first ? first.label.zh : '好的';
    return { ...data, [saveAs]: { option: first?.id ?? null, text } };
  }
  if (type === 'classifyIntent') {
    const { saveAs, intents } = config as unknown as ClassifyIntentConfig;
    if (!saveAs) return data;
    return { ...data, [saveAs]: { intent: intents?.[0] ?? 'unknown', confidence: 0.9 } };
  }
  if (type !== 'setData') return data;
  const out = { ...data };
  const assignments = (config as unknown as SetDataConfig).assignments ?? [];
  for (const { variable, value } of assignments) {
    try {
      out[variable] = evaluateExpression(value, out);
    } catch {
      // An expression the editor already reports as a problem: the preview shows a placeholder.
    }
  }
  return out;
}

/**
 * A template's sample data with a readable placeholder («name») for each variable it reads
 * that the sample does not hold (an answer, a call's result), so the preview never shows a
 * silent gap.
 */
export function withPlaceholders(template: string, sample: JsonObject): JsonObject {
  const filled = structuredClone(sample);
  for (const path of templateVariables(template)) {
    if (path === '.' || readPath(filled, path) !== undefined) continue;
    setPath(filled, path.split('.'), `«${path}»`);
  }
  return filled;
}

function setPath(data: JsonObject, keys: string[], value: JsonValue): void {
  let current: JsonObject = data;
  for (const key of keys.slice(0, -1)) {
    const inner = current[key];
    if (inner === undefined || inner === null) current[key] = {};
    else if (typeof inner !== 'object' || Array.isArray(inner)) return;
    current = current[key] as JsonObject;
  }
  current[keys.at(-1) as string] = value;
}
