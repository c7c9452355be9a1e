import { getNodeType } from '@xiaoer/engine';
import type { JourneyFlowNode } from '../graph/journey-graph.ts';
import type { Language } from '../i18n/messages.ts';

/**
 * A node named as the canvas shows it: its type's title and its label, else its id
 * ("Send message · Confirmation"); the id alone for a node not on the canvas.
 */
export function nodeName(node: JourneyFlowNode | undefined, id: string, language: Language) {
  return node
    ? `${getNodeType(node.data.nodeType)?.title[language] ?? node.data.nodeType} · ${node.data.label ?? node.id}`
    : id;
}

/** The title of a node's outcome as its handle is drawn (none for settings too broken to read). */
export function outcomeTitle(node: JourneyFlowNode, outcomeId: string, language: Language) {
  try {
    const outcomes = getNodeType(node.data.nodeType)?.outcomes(node.data.config as never) ?? [];
    return outcomes.find((outcome) => outcome.id === outcomeId)?.title[language];
  } catch {
    return undefined;
  }
}
