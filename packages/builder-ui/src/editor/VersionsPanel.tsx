import { useEffect, useMemo, useState } from 'react';
import { App as AntApp, Button, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import type { WorkflowDocument } from '@xiaoer/engine';
import { workflowsApi, type VersionSummary } from '../api/api-client.ts';
import { diffDocuments, diffGraph } from '../graph/version-diff.ts';
import { GraphView } from '../console/JourneyView.tsx';

const DRAFT = 0;

/**
 * Published versions (number, who, when, note) and a visual diff between any two of them or
 * the draft: added, changed and removed nodes marked on the canvas.
 */
export function VersionsPanel({
  draft,
  refreshKey,
}: {
  draft: WorkflowDocument;
  refreshKey: number;
}) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>(DRAFT);
  const [shown, setShown] = useState<{ before: WorkflowDocument; after: WorkflowDocument }>();
  useEffect(() => {
    workflowsApi
      .versions(draft.id)
      .then((r) => {
        setVersions(r.versions);
        setFrom((f) => f ?? r.versions.at(-1)?.version);
      })
      .catch((error: unknown) => void message.error(String(error)));
  }, [draft.id, refreshKey, message]);
  const load = async (version: number) =>
    version === DRAFT ? draft : (await workflowsApi.version(draft.id, version)).document;
  const compare = async () => {
    if (from === undefined) return;
    setShown({ before: await load(from), after: await load(to) });
  };
  const graph = useMemo(() => (shown ? diffGraph(shown.before, shown.after) : null), [shown]);
  const diff = useMemo(() => (shown ? diffDocuments(shown.before, shown.after) : null), [shown]);
  const choices = [
    { value: DRAFT, label: t('versions.draft') },
    ...versions.map((v) => ({ value: v.version, label: `v${v.version}` })),
  ];
  return (
    <div data-testid="versions">
      <Space style={{ marginBottom: 8 }}>
        <Select
          style={{ width: 120 }}
          value={from}
          onChange={setFrom}
          options={choices}
          data-testid="diff-from"
        />
        →
        <Select
          style={{ width: 120 }}
          value={to}
          onChange={setTo}
          options={choices}
          data-testid="diff-to"
        />
        <Button
          onClick={() => void compare()}
          disabled={from === undefined}
          data-testid="diff-show"
        >
          {t('versions.compare')}
        </Button>
      </Space>
      <Table<VersionSummary>
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={[...versions].reverse()}
        // Three columns to fit the side panel: a version with its content hash, who published
        // it and when, and the note.
        columns={[
          {
            title: t('versions.version'),
            dataIndex: 'version',
            className: 'versions-nowrap',
            render: (version: number, row) => (
              <div>
                v{version}
                <br />
                <Typography.Text
                  code
                  type="secondary"
                  title={`${t('versions.hash')}: ${row.hash}`}
                  data-testid={`version-hash-${version}`}
                >
                  {row.hash.split(':').at(-1)?.slice(0, 8)}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('versions.published'),
            dataIndex: 'publishedAt',
            className: 'versions-nowrap',
            render: (at: string, row) => (
              <div>
                {row.publishedBy}
                <br />
                <Typography.Text type="secondary" className="version-published-at">
                  {formatDateTime(at, languageOf(i18n.language))}
                </Typography.Text>
              </div>
            ),
          },
          { title: t('versions.note'), dataIndex: 'note' },
        ]}
      />
      <Modal
        open={Boolean(shown)}
        onCancel={() => setShown(undefined)}
        footer={null}
        width="90vw"
        title={t('versions.diffTitle')}
        destroyOnHidden
      >
        {diff && (
          <Space wrap style={{ marginBottom: 8 }} data-testid="diff-summary">
            <Tag color="green">
              {t('versions.added')}: {diff.added.length}
            </Tag>
            <Tag color="orange">
              {t('versions.changed')}: {diff.changed.length}
            </Tag>
            <Tag color="red">
              {t('versions.removed')}: {diff.removed.length}
            </Tag>
          </Space>
        )}
        <div style={{ height: '65vh' }} data-testid="diff-canvas">
          {graph && <GraphView graph={graph} />}
        </div>
      </Modal>
    </div>
  );
}
