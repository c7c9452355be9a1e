import { getNodeType, type JsonSchema, type Problem, type WorkflowDocument } from '@xiaoer/engine';
import type { Language } from '../i18n/messages.ts';
import { configPath } from './config-form.ts';
import type { FieldLabeller } from './field-labels.ts';

/** A problem as the problems list shows it: in the operator's words, no engine pointers. */
export interface ProblemView {
  /** The node as the canvas draws it: its type's title and its label (or id). */
  place: string | undefined;
  /** The engine's message, each of the node's outcomes called as its handle on the canvas. */
  text: string;
  /** The field of the node's settings it is about, by the labels the inspector shows. */
  field: string | undefined;
}

const isSchema = (value: unknown): value is JsonSchema =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** The labels of the fields along a config path (`message`, `zh` → 消息内容 › 中文). */
function fieldLabelOf(
  schema: JsonSchema,
  path: string[],
  labelOf: FieldLabeller,
): string | undefined {
  const labels: string[] = [];
  let at: JsonSchema | undefined = schema;
  for (const token of path) {
    if (!at) break;
    const properties: unknown = at['properties'];
    const items: unknown = at['items'];
    if (/^\d+$/.test(token) && isSchema(items)) {
      labels.push(`#${Number(token) + 1}`);
      at = items;
      continue;
    }
    const child = isSchema(properties) ? properties[token] : undefined;
    at = isSchema(child) ? child : undefined;
    labels.push((at && labelOf(at, token).title) ?? token);
  }
  return labels.length ? labels.join(' › ') : undefined;
}

/** The outcomes of a node's settings as drawn (none for settings too broken to read). */
function outcomesOf(nodeType: NonNullable<ReturnType<typeof getNodeType>>, config: unknown) {
  try {
    return nodeType.outcomes(config as never);
  } catch {
    return [];
  }
}

/**
 * How the editor tells a problem: the engine writes it with the ids a journey file uses (the
 * outcome `"no"`, the pointer `/nodes/3/config/to`); the operator sees the node, its handles
 * and its fields by their titles.
 */
export function problemView(
  problem: Problem,
  document: WorkflowDocument,
  language: Language,
  labelOf: FieldLabeller,
): ProblemView {
  const text = problem.message[language];
  const node = document.nodes.find((n) => n.id === problem.nodeId);
  const nodeType = node && getNodeType(node.type);
  if (!node || !nodeType) return { place: problem.nodeId, text, field: undefined };
  let told = text;
  for (const outcome of outcomesOf(nodeType, node.config))
    told = told.split(`"${outcome.id}"`).join(`"${outcome.title[language]}"`);
  const path = configPath(problem.pointer);
  return {
    place: `${nodeType.title[language]} · ${node.label ?? node.id}`,
    text: told,
    field: path ? fieldLabelOf(nodeType.configSchema, path, labelOf) : undefined,
  };
}
