import { useEffect, useMemo, useState } from 'react';
import { Button, Modal, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import type { WorkflowDocument } from '@xiaoer/engine';
import { errorText, workflowsApi, type VersionSummary } from '../api/api-client.ts';
import { diffDocuments, diffGraph } from '../graph/version-diff.ts';
import { GraphView } from '../console/JourneyView.tsx';
import { nameDiffGraph } from './diff-names.ts';
import { useFieldLabeller } from './field-labels.ts';
import { useConsoleMessage } from '../app/use-console-message.ts';

const DRAFT = 0;
/** The legend's marks, a move last (it changes nothing the journey does). */
const DIFF_STATUSES = ['added', 'changed', 'removed', 'moved'] as const;

/**
 * Published versions (number, who, when, note) and a visual diff between any two of them or
 * the draft: added, changed and removed nodes and connections marked on the canvas, in words
 * and frame as well as colour, nodes kept at another place marked moved (lower key), with a
 * legend that shows each mark and counts the nodes.
 */
export function VersionsPanel({
  draft,
  refreshKey,
}: {
  draft: WorkflowDocument;
  refreshKey: number;
}) {
  const { t, i18n } = useTranslation();
  const message = useConsoleMessage();
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
      .catch((error: unknown) => void message.error(errorText(error, languageOf(i18n.language))));
  }, [draft.id, refreshKey, message, i18n]);
  const load = async (version: number) =>
    version === DRAFT ? draft : (await workflowsApi.version(draft.id, version)).document;
  const compare = async () => {
    if (from === undefined) return;
    setShown({ before: await load(from), after: await load(to) });
  };
  const labelOf = useFieldLabeller();
  const language = languageOf(i18n.language);
  const graph = useMemo(
    () =>
      shown ? nameDiffGraph(diffGraph(shown.before, shown.after), { t, language, labelOf }) : null,
    // Not on `labelOf`, made anew each render: the language and texts are what it reads.
    [shown, t, language],
  );
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
                  {formatDateTime(at, language)}
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
          // The legend and the counts: each status drawn as its nodes are (frame, words).
          <Space wrap style={{ marginBottom: 8 }} data-testid="diff-summary">
            {DIFF_STATUSES.map((status) => (
              <span
                key={status}
                className={`diff-legend diff-legend-${status}`}
                data-testid={`diff-legend-${status}`}
              >
                {t(`versions.${status}`)}: {diff[status].length}
              </span>
            ))}
          </Space>
        )}
        <div style={{ height: '65vh' }} data-testid="diff-canvas">
          {graph && <GraphView graph={graph} />}
        </div>
      </Modal>
    </div>
  );
}
