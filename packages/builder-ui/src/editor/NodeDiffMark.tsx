import { useTranslation } from 'react-i18next';
import type { DiffStatus } from '../graph/journey-graph.ts';

/**
 * A node's status in a version diff, in words on the node ("新增 / Added", "已修改 / Changed",
 * "已删除 / Removed"), so it is not told by colour alone; on a changed node, what changed is
 * its tooltip.
 */
export function NodeDiffMark({
  nodeId,
  status,
  note,
}: {
  nodeId: string;
  status: DiffStatus;
  /** What changed, in words (a changed node). */
  note?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div
      className={`journey-node-diff journey-node-diff-${status}`}
      data-testid={`diff-mark-${nodeId}`}
      {...(note ? { title: note } : {})}
    >
      {t(`versions.nodeStatus.${status}`)}
    </div>
  );
}
