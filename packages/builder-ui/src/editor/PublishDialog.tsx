import { useEffect, useMemo, useState } from 'react';
import { Alert, Input, List, Modal, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getNodeType, type Problem, type WorkflowDocument } from '@xiaoer/engine';
import { workflowsApi } from '../api/api-client.ts';
import { fieldChanges, shortValue, type FieldChange } from '../graph/field-changes.ts';
import { languageOf } from '../i18n/i18n.ts';
import type { Language } from '../i18n/messages.ts';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { useFieldLabeller, type FieldLabeller } from './field-labels.ts';
import { outcomeTitles } from './journey-names.ts';
import { changedFieldName } from './changed-field-name.ts';
import { ReplaySummary } from './ReplaySummary.tsx';

export interface PublishDialogProps {
  open: boolean;
  document: WorkflowDocument;
  /** The version running now (0: never published). */
  publishedVersion: number;
  problems: Problem[];
  onPublish: (note: string) => Promise<void>;
  onCancel: () => void;
  /** A problem clicked in the summary: the dialog closes and its node is shown. */
  onFocusProblem?: (problem: Problem) => void;
}

/**
 * Publishing, looked at first: every field that differs from the running version (node by
 * node), the connections added and removed, the problems that block it (each a click away from
 * its node), how recent instances would have gone with it (replay), and a note. The toolbar's
 * Publish opens it even while there are problems, so the summary says what to fix.
 */
export function PublishDialog(props: PublishDialogProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [published, setPublished] = useState<WorkflowDocument | null>();
  const { open, publishedVersion, document } = props;
  useEffect(() => {
    if (!open) return;
    setNote('');
    if (publishedVersion === 0) return setPublished(null);
    setPublished(undefined);
    workflowsApi
      .version(document.id, publishedVersion)
      .then((r) => setPublished(r.document))
      .catch(() => setPublished(null));
  }, [open, publishedVersion, document.id]);
  const changes = useMemo(
    () => (published === undefined ? [] : fieldChanges(published ?? undefined, document)),
    [published, document],
  );
  const blocked = props.problems.length > 0;
  return (
    <Modal
      open={open}
      title={t('publish.title', { version: publishedVersion + 1 })}
      okText={t('publish.ok')}
      okButtonProps={{ disabled: blocked, loading: busy, ...{ 'data-testid': 'publish-ok' } }}
      cancelText={t('publish.cancel')}
      onCancel={props.onCancel}
      onOk={async () => {
        setBusy(true);
        try {
          await props.onPublish(note);
        } finally {
          setBusy(false);
        }
      }}
      width={640}
      destroyOnHidden
    >
      {blocked ? (
        <>
          <Alert
            type="error"
            showIcon
            data-testid="publish-problems"
            title={t('publish.blocked', { count: props.problems.length })}
          />
          <ProblemsPanel
            problems={props.problems}
            document={document}
            testId="publish-problem-list"
            onFocus={(problem) => props.onFocusProblem?.(problem)}
          />
        </>
      ) : (
        <Alert type="success" showIcon title={t('publish.valid')} />
      )}
      {open && !blocked && publishedVersion > 0 && <ReplaySummary document={document} />}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {publishedVersion === 0
          ? t('publish.firstVersion')
          : t('publish.changesSince', { version: publishedVersion })}
      </Typography.Title>
      {published === undefined ? (
        <Spin />
      ) : (
        <ChangeList changes={changes} before={published ?? undefined} after={document} />
      )}
      <Input.TextArea
        style={{ marginTop: 12 }}
        data-testid="publish-note"
        placeholder={t('editor.publishNote')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </Modal>
  );
}

/** The two versions a change list compares: the running one (none yet) and the draft. */
interface Compared {
  before: WorkflowDocument | undefined;
  after: WorkflowDocument;
}

function ChangeList({ changes, ...compared }: { changes: FieldChange[] } & Compared) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const labelOf = useFieldLabeller();
  if (changes.length === 0)
    return <Typography.Text type="secondary">{t('publish.noChanges')}</Typography.Text>;
  const words = { t, language, labelOf, ...compared };
  return (
    <List
      size="small"
      className="publish-changes"
      data-testid="publish-changes"
      dataSource={changes}
      renderItem={(change) => (
        <List.Item data-kind={change.kind}>{describe(change, words)}</List.Item>
      )}
    />
  );
}

/** How a change is told: nodes by their canvas label, handles and fields by their titles. */
interface Words extends Compared {
  t: (key: string) => string;
  language: Language;
  labelOf: FieldLabeller;
}

/** A node's label on the canvas (else its id), in the version it is in. */
const shownName = (nodeId: string, { before, after }: Compared) =>
  (after.nodes.find((n) => n.id === nodeId) ?? before?.nodes.find((n) => n.id === nodeId))?.label ??
  nodeId;

/** A changed field by the inspector's labels (`config.message.zh` → 消息内容 › 中文). */
const fieldName = (nodeId: string, field: string, words: Words): string =>
  changedFieldName(
    words.after.nodes.find((n) => n.id === nodeId)?.type,
    field,
    words.labelOf,
    words.t,
  );

function describe(change: FieldChange, words: Words) {
  const { t, language } = words;
  switch (change.kind) {
    case 'name':
      return (
        <span>
          <Tag color="orange">{t('publish.renamed')}</Tag>
          {change.before} → {change.after}
        </span>
      );
    case 'node-added':
    case 'node-removed':
      return (
        <span>
          <Tag color={change.kind === 'node-added' ? 'green' : 'red'}>
            {t(change.kind === 'node-added' ? 'publish.added' : 'publish.removed')}
          </Tag>
          <code>{change.nodeId}</code> (
          {getNodeType(change.nodeType)?.title[language] ?? change.nodeType})
        </span>
      );
    case 'edge-added':
    case 'edge-removed': {
      // The handle as drawn in the version the edge is in (the draft, or the running one).
      const handles = outcomeTitles(
        change.kind === 'edge-added' ? words.after : words.before,
        change.source,
        language,
      );
      return (
        <span>
          <Tag color={change.kind === 'edge-added' ? 'green' : 'red'}>
            {t(change.kind === 'edge-added' ? 'publish.connected' : 'publish.disconnected')}
          </Tag>
          {shownName(change.source, words)} “{handles.get(change.handle) ?? change.handle}” →{' '}
          {shownName(change.target, words)}
        </span>
      );
    }
    case 'field':
      return (
        <span>
          <Tag color="orange">{t('publish.changed')}</Tag>
          {shownName(change.nodeId, words)} · {fieldName(change.nodeId, change.field, words)}:{' '}
          <del>{shortValue(change.before)}</del> → <ins>{shortValue(change.after)}</ins>
        </span>
      );
  }
}
