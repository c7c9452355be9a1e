import { getNodeType, type Problem, type WorkflowDocument } from '@xiaoer/engine';
import type { Language } from '../i18n/messages.ts';
import { configPath } from './config-form.ts';
import type { FieldLabeller } from './field-labels.ts';
import { configFieldLabel, nodeName, outcomeTitles } from './journey-names.ts';

/** A problem as the problems list shows it: in the operator's words, no engine pointers. */
export interface ProblemView {
  /** The node as the canvas draws it: its type's title and its label (or id). */
  place: string | undefined;
  /** The engine's message, each of the node's outcomes called as its handle on the canvas. */
  text: string;
  /** The field of the node's settings it is about, by the labels the inspector shows. */
  field: string | undefined;
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
  for (const [id, title] of outcomeTitles(document, node.id, language))
    told = told.split(`"${id}"`).join(`"${title}"`);
  const path = configPath(problem.pointer);
  return {
    place: nodeName(document, node.id, language),
    text: told,
    field: path ? configFieldLabel(nodeType.configSchema, path, labelOf) : undefined,
  };
}
