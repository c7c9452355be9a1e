import { getNodeType, type JsonSchema, type WorkflowDocument } from '@xiaoer/engine';
import type { Language } from '../i18n/messages.ts';
import type { FieldLabeller } from './field-labels.ts';

const isSchema = (value: unknown): value is JsonSchema =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/**
 * A field of a node's settings by the labels the inspector shows along its path (`message`,
 * `zh` → 消息内容 › 中文; an item of a list by its number), where the engine says
 * `/nodes/3/config/message/zh` or `config.message.zh`.
 */
export function configFieldLabel(
  schema: JsonSchema,
  path: readonly string[],
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

/** A node as the canvas draws it: its type's title and its label (else its id). */
export function nodeName(
  document: WorkflowDocument | undefined,
  nodeId: string,
  language: Language,
): string {
  const node = document?.nodes.find((n) => n.id === nodeId);
  const title = node && getNodeType(node.type)?.title[language];
  return title ? `${title} · ${node.label ?? node.id}` : nodeId;
}

/** The outcomes of a node as its handles are drawn (none for settings too broken to read). */
export function outcomeTitles(
  document: WorkflowDocument | undefined,
  nodeId: string,
  language: Language,
): Map<string, string> {
  const node = document?.nodes.find((n) => n.id === nodeId);
  const nodeType = node && getNodeType(node.type);
  if (!node || !nodeType) return new Map();
  try {
    const outcomes = nodeType.outcomes(node.config as never);
    return new Map(outcomes.map((outcome) => [outcome.id, outcome.title[language]]));
  } catch {
    return new Map();
  }
}
