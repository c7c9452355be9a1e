import type { JourneyFlowNode, JourneyGraph } from '../graph/journey-graph.ts';
import { formatList } from '../i18n/format.ts';
import type { Language } from '../i18n/messages.ts';
import { changedFieldName } from './changed-field-name.ts';
import { nodeName, outcomeTitle } from './canvas-names.ts';
import type { FieldLabeller } from './field-labels.ts';

/** What the diff's marks are told with: the console's texts, its language and field labels. */
export interface DiffWords {
  t: (key: string, options?: Record<string, string>) => string;
  language: Language;
  labelOf: FieldLabeller;
}

/**
 * A diff graph (`diffGraph`) with its marks said in words, for those who cannot tell its
 * colours apart or do not see them: each added, changed, moved or removed node is named for
 * screen readers by its status and name ("Changed node: Wait · wait1; what changed: Label",
 * "Changed and moved node: …"), a changed one also carries what changed for its explanation; each added or removed edge is labelled on the
 * canvas ("Added") and named by its status, ends and outcome.
 */
export function nameDiffGraph(graph: JourneyGraph, words: DiffWords): JourneyGraph {
  const { t, language, labelOf } = words;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nameOf = (node: JourneyFlowNode | undefined, id: string) => nodeName(node, id, language);
  return {
    nodes: graph.nodes.map((node) => {
      const status = node.data.diff;
      const moved = node.data.moved === true;
      if (!status && !moved) return node;
      const name = nameOf(node, node.id);
      // Only a node kept from one version to the next moves: changed, or the same.
      const statusWord = !moved
        ? t(`versions.nodeStatus.${status}`)
        : status
          ? t('versions.changedAndMoved')
          : t('versions.nodeStatus.moved');
      const fields = (node.data.changedFields ?? []).map((field) =>
        changedFieldName(node.data.nodeType, field, labelOf, t),
      );
      if (fields.length === 0)
        return { ...node, ariaLabel: t('versions.nodeAria', { status: statusWord, name }) };
      const listed = formatList(fields, language);
      return {
        ...node,
        ariaLabel: t('versions.nodeAriaChanged', { status: statusWord, name, fields: listed }),
        data: { ...node.data, changeNote: t('versions.whatChanged', { fields: listed }) },
      };
    }),
    edges: graph.edges.map((edge) => {
      const status = edge.data?.diff;
      if (!status) return edge;
      const statusWord = t(`versions.nodeStatus.${status}`);
      const source = byId.get(edge.source);
      const outcome = source && outcomeTitle(source, edge.sourceHandle ?? '', language);
      return {
        ...edge,
        label: statusWord,
        ariaLabel: t('versions.edgeAria', {
          status: statusWord,
          source: nameOf(source, edge.source),
          outcome: outcome ?? edge.sourceHandle ?? '',
          target: nameOf(byId.get(edge.target), edge.target),
        }),
      };
    }),
  };
}
