import { memo, useMemo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { getNodeType } from '@xiaoer/engine';
import { languageOf } from '../i18n/i18n.ts';
import type { JourneyFlowNode } from '../graph/journey-graph.ts';
import { NodeDiffMark } from './NodeDiffMark.tsx';
import { NodeFunnelBadge } from './NodeFunnelBadge.tsx';
import { nodeSummary } from './node-summary.ts';

/**
 * A journey node on the canvas: its type's title (zh/en), the operator's label, a line saying
 * what its settings do ("Wait 2 h", "SMS: 您的订单…"), one labelled
 * source handle per outcome, and a red frame while the engine finds problems in it; with the
 * analytics overlay on, its funnel badge (and a red glow at the biggest drop-offs); in a
 * version diff, whether the newer version added, changed, moved or removed it, in words.
 */
export const JourneyNode = memo(function JourneyNode({
  id,
  data,
  selected,
}: NodeProps<JourneyFlowNode>) {
  const { i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const nodeType = getNodeType(data.nodeType);
  // Only a config edit or a language switch works these out again, not a re-render.
  const outcomes = useMemo(
    () => (nodeType ? safeOutcomes(() => nodeType.outcomes(data.config)) : []),
    [nodeType, data.config],
  );
  const summary = useMemo(
    () => safeSummary(() => nodeSummary(data.nodeType, data.config, language)),
    [data.nodeType, data.config, language],
  );
  const faulty = data.problems.length > 0;
  const dropOff = data.funnel?.biggestDropOff === true;
  return (
    <div
      style={{ position: 'relative' }}
      className={`journey-node${selected ? ' selected' : ''}${faulty ? ' faulty' : ''}${dropOff ? ' biggest-drop-off' : ''}`}
      data-testid={`node-${id}`}
      data-node-type={data.nodeType}
      data-faulty={faulty}
    >
      {data.nodeType !== 'trigger' && <Handle type="target" position={Position.Left} />}
      {data.liveCount !== undefined && (
        <div className="flow-count" data-testid={`count-${id}`}>
          {data.liveCount}
        </div>
      )}
      {(data.diff || data.moved) && (
        <NodeDiffMark nodeId={id} status={data.diff} moved={data.moved} note={data.changeNote} />
      )}
      <div className="journey-node-title">{nodeType?.title[language] ?? data.nodeType}</div>
      <div className="journey-node-id">{data.label ?? id}</div>
      {summary && (
        <div className="journey-node-summary" data-testid={`summary-${id}`} title={summary}>
          {summary}
        </div>
      )}
      {faulty && <div className="journey-node-problems">⚠ {data.problems.length}</div>}
      {data.funnel && <NodeFunnelBadge nodeId={id} badge={data.funnel} />}
      <div className="journey-node-outcomes">
        {outcomes.map((outcome) => (
          <div key={outcome.id} className="journey-node-outcome">
            <span>{outcome.title[language]}</span>
            <Handle
              type="source"
              position={Position.Right}
              id={outcome.id}
              data-testid={`handle-${id}-${outcome.id}`}
            />
          </div>
        ))}
      </div>
    </div>
  );
});

/** The summary of a config that may be half-edited: nothing rather than a broken node. */
function safeSummary(read: () => string): string {
  try {
    return read();
  } catch {
    return '';
  }
}

/** Outcomes of a config that may be half-edited (a node type may read fields it expects). */
function safeOutcomes<T>(read: () => T[]): T[] {
  try {
    return read();
  } catch {
    return [];
  }
}
