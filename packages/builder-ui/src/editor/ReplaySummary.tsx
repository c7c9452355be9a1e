import { useEffect, useState } from 'react';
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkflowDocument } from '@xiaoer/engine';
import { api } from '../api/api-client.ts';

/** What `POST /api/workflows/:id/replay` answers, as far as the dialog shows it. */
interface ReplayReport {
  replayed: number;
  same: number;
  different: number;
  skipped: number;
  instances: {
    instanceId: string;
    same?: boolean;
    recordedNode?: string;
    draftNode?: string;
  }[];
}

/**
 * Replay before publish: the newest instances of the running version go through the journey
 * as it is now; the dialog says how many would behave the same and which would not.
 */
export function ReplaySummary({ document }: { document: WorkflowDocument }) {
  const { t } = useTranslation();
  const [report, setReport] = useState<ReplayReport | null>();
  useEffect(() => {
    setReport(undefined);
    api<ReplayReport>('POST', `/workflows/${encodeURIComponent(document.id)}/replay`, {
      document,
      limit: 50,
    }).then(setReport, () => setReport(null));
  }, [document]);
  if (report === undefined) return <Spin size="small" />;
  if (report === null || report.replayed + report.skipped === 0) return null;
  const differing = report.instances.filter((i) => i.same === false).slice(0, 5);
  return (
    <Alert
      style={{ marginTop: 8 }}
      type={report.different > 0 ? 'warning' : 'info'}
      showIcon
      data-testid="publish-replay"
      title={t('publish.replay', {
        replayed: report.replayed,
        same: report.same,
        different: report.different,
        skipped: report.skipped,
      })}
      description={
        differing.length > 0 && (
          <ul className="publish-replay-list">
            {differing.map((i) => (
              <li key={i.instanceId}>
                <code>{i.instanceId}</code>: {i.recordedNode} → {i.draftNode}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
