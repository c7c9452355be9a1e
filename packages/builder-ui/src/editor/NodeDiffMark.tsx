import { useId } from 'react';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DiffStatus } from '../graph/journey-graph.ts';

/**
 * A node's marks in a version diff, in words on the node ("新增 / Added", "已修改 / Changed",
 * "已删除 / Removed", and, lower key, "已移动 / Moved"), so they are not told by colour alone.
 * On a changed node, what changed is the mark's explanation: a button that shows it on hover,
 * keyboard focus or a tap, and describes itself by it (`aria-describedby`) for screen readers.
 */
export function NodeDiffMark({
  nodeId,
  status,
  moved,
  note,
}: {
  nodeId: string;
  status?: DiffStatus | undefined;
  /** Whether the newer version has the node at another place. */
  moved?: boolean | undefined;
  /** What changed, in words (a changed node). */
  note?: string | undefined;
}) {
  const { t } = useTranslation();
  const noteId = useId();
  const word = status && t(`versions.nodeStatus.${status}`);
  return (
    <div className="journey-node-diffs">
      {status &&
        (note ? (
          // On a span around the button: the tooltip, open, points the span's own
          // `aria-describedby` at itself, and the button keeps its description.
          <Tooltip title={note} trigger={['hover', 'focus', 'click']}>
            <span>
              <button
                type="button"
                className={`journey-node-diff journey-node-diff-${status} nodrag nopan`}
                data-testid={`diff-mark-${nodeId}`}
                aria-describedby={noteId}
              >
                {word}
              </button>
            </span>
          </Tooltip>
        ) : (
          <div
            className={`journey-node-diff journey-node-diff-${status}`}
            data-testid={`diff-mark-${nodeId}`}
          >
            {word}
          </div>
        ))}
      {moved && (
        <div className="journey-node-moved" data-testid={`diff-moved-${nodeId}`}>
          {t('versions.nodeStatus.moved')}
        </div>
      )}
      {note && (
        <span id={noteId} className="visually-hidden" data-testid={`diff-note-${nodeId}`}>
          {note}
        </span>
      )}
    </div>
  );
}
