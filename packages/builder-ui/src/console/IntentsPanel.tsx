import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/api-client.ts';
import {
  intentsApi,
  type CustomIntentInput,
  type IntentAction,
  type IntentSummary,
} from '../api/intents-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { numberControls, pageArrows } from '../app/antd-icons.tsx';
import { useConsoleMessage } from '../app/use-console-message.ts';

/** The form as the operator fills it: examples one per line. */
interface Draft {
  id: string;
  titleZh: string;
  titleEn: string;
  examplesZh: string;
  examplesEn: string;
  kind: IntentAction['kind'];
  articleId: string;
  workflowId: string;
  group: string;
  priority: number;
  replyZh: string;
  replyEn: string;
  /** Kept as it is: the form does not edit it, and a save must not drop it. */
  description?: { zh: string; en: string };
  existing: boolean;
}

const EMPTY: Draft = {
  id: '',
  titleZh: '',
  titleEn: '',
  examplesZh: '',
  examplesEn: '',
  kind: 'knowledge',
  articleId: '',
  workflowId: '',
  group: '',
  priority: 0,
  replyZh: '',
  replyEn: '',
  existing: false,
};

/** The form's multi-line fields. */
type TextField = 'examplesZh' | 'examplesEn' | 'replyZh' | 'replyEn';

const ACTION_KINDS = ['knowledge', 'journey', 'handoff', 'reply'] as const;

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function inputOf(draft: Draft): CustomIntentInput {
  const action: IntentAction =
    draft.kind === 'reply'
      ? { kind: 'reply', text: { zh: draft.replyZh.trim(), en: draft.replyEn.trim() } }
      : draft.kind === 'journey'
        ? { kind: 'journey', workflowId: draft.workflowId.trim() }
        : draft.kind === 'handoff'
          ? {
              kind: 'handoff',
              ...(draft.group.trim() ? { group: draft.group.trim() } : {}),
              ...(draft.priority ? { priority: draft.priority } : {}),
            }
          : {
              kind: 'knowledge',
              ...(draft.articleId.trim() ? { articleId: draft.articleId.trim() } : {}),
            };
  return {
    id: draft.id.trim(),
    title: { zh: draft.titleZh.trim(), en: draft.titleEn.trim() },
    ...(draft.description ? { description: draft.description } : {}),
    examples: { zh: lines(draft.examplesZh), en: lines(draft.examplesEn) },
    action,
  };
}

function draftOf(intent: IntentSummary): Draft {
  const action = intent.action;
  return {
    ...EMPTY,
    id: intent.intent,
    titleZh: intent.title.zh,
    titleEn: intent.title.en,
    examplesZh: intent.examples.zh.join('\n'),
    examplesEn: intent.examples.en.join('\n'),
    kind: action?.kind ?? 'knowledge',
    articleId: action?.kind === 'knowledge' ? (action.articleId ?? '') : '',
    workflowId: action?.kind === 'journey' ? action.workflowId : '',
    group: action?.kind === 'handoff' ? (action.group ?? '') : '',
    priority: action?.kind === 'handoff' ? (action.priority ?? 0) : 0,
    replyZh: action?.kind === 'reply' ? action.text.zh : '',
    replyEn: action?.kind === 'reply' ? action.text.en : '',
    ...(intent.description ? { description: intent.description } : {}),
    existing: true,
  };
}

/**
 * The intents tab of the knowledge page: every intent with what the chat does with it, and,
 * for editors, a form to add or change the shop's own (name in zh and en, examples, then an
 * answer, a journey, a queue or a fixed reply). Saving retrains the server's model before it
 * answers; what the form does not show (the description) is saved back as it was.
 */
export function IntentsPanel({ canEdit }: { canEdit: boolean }) {
  const message = useConsoleMessage();
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const [intents, setIntents] = useState<IntentSummary[]>([]);
  const [editing, setEditing] = useState<Draft>();
  const [saving, setSaving] = useState(false);
  const fail = useCallback(
    (error: unknown) => void message.error(errorText(error, language)),
    [language],
  );
  const load = useCallback(
    () => void intentsApi.list().then(({ intents: list }) => setIntents(list), fail),
    [fail],
  );
  useEffect(load, [load]);

  const save = async () => {
    if (!editing) return;
    setSaving(true);
    try {
      const input = inputOf(editing);
      await (editing.existing ? intentsApi.replace(input) : intentsApi.create(input));
      void message.success(t('intents.saved'));
      setEditing(undefined);
      load();
    } catch (error) {
      fail(error);
    } finally {
      setSaving(false);
    }
  };
  const remove = async (id: string) => {
    try {
      await intentsApi.remove(id);
      void message.success(t('intents.deleted'));
      load();
    } catch (error) {
      fail(error);
    }
  };
  const describe = (action: IntentAction | undefined) => {
    if (!action) return t('intents.actions.search');
    const detail =
      action.kind === 'knowledge'
        ? action.articleId
        : action.kind === 'journey'
          ? action.workflowId
          : action.kind === 'handoff'
            ? [action.group, action.priority ? `+${action.priority}` : undefined]
                .filter(Boolean)
                .join(' ')
            : undefined;
    return `${t(`intents.actions.${action.kind}`)}${detail ? ` · ${detail}` : ''}`;
  };
  const set = (patch: Partial<Draft>) => setEditing((draft) => draft && { ...draft, ...patch });
  /** A text box of the form, e.g. `examplesZh` (test id `intent-examples-zh`). */
  const textArea = (field: TextField, rows: number, extra?: string) => (
    <Form.Item label={t(`intents.${field}`)} extra={extra}>
      <Input.TextArea
        data-testid={`intent-${field.replace(/(Zh|En)$/, (half) => `-${half.toLowerCase()}`)}`}
        rows={rows}
        value={editing?.[field]}
        onChange={(e) => set({ [field]: e.target.value })}
      />
    </Form.Item>
  );

  return (
    <div data-testid="intents-panel">
      <Typography.Paragraph type="secondary">{t('intents.intro')}</Typography.Paragraph>
      {canEdit && (
        <Button
          type="primary"
          data-testid="intent-new"
          style={{ marginBottom: 12 }}
          onClick={() => setEditing({ ...EMPTY })}
        >
          {t('intents.new')}
        </Button>
      )}
      <Table
        size="small"
        rowKey="intent"
        dataSource={intents}
        pagination={{ pageSize: 50, itemRender: pageArrows }}
        columns={[
          {
            title: t('intents.name'),
            render: (_, intent: IntentSummary) => (
              <Space>
                <span>{intent.title[language]}</span>
                <Typography.Text type="secondary">{intent.intent}</Typography.Text>
                {intent.custom ? (
                  <Tag color="blue">{t('intents.custom')}</Tag>
                ) : (
                  <Tag>{t('intents.shipped')}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('intents.examples'),
            render: (_, intent: IntentSummary) => intent.examples[language].slice(0, 2).join(' / '),
          },
          {
            title: t('intents.action'),
            render: (_, intent: IntentSummary) =>
              intent.journeys.length > 0
                ? `${t('intents.actions.journey')} · ${intent.journeys.join(', ')}`
                : describe(intent.action),
          },
          {
            title: '',
            width: 150,
            render: (_, intent: IntentSummary) =>
              canEdit &&
              intent.custom && (
                <Space>
                  <Button
                    size="small"
                    data-testid={`intent-edit-${intent.intent}`}
                    onClick={() => setEditing(draftOf(intent))}
                  >
                    {t('intents.edit')}
                  </Button>
                  <Popconfirm
                    title={t('intents.confirmDelete')}
                    onConfirm={() => void remove(intent.intent)}
                  >
                    <Button size="small" danger data-testid={`intent-delete-${intent.intent}`}>
                      {t('intents.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing?.existing ? editing.id : t('intents.new')}
        okText={t('intents.save')}
        okButtonProps={{ 'data-testid': 'intent-save', loading: saving } as ButtonProps}
        onOk={() => void save()}
        onCancel={() => setEditing(undefined)}
        width={640}
      >
        {editing && (
          <Form layout="vertical">
            <Form.Item label={t('intents.id')}>
              <Input
                data-testid="intent-id"
                value={editing.id}
                disabled={editing.existing}
                onChange={(e) => set({ id: e.target.value })}
              />
            </Form.Item>
            <Space.Compact block>
              <Form.Item label={t('intents.titleZh')} style={{ flex: 1 }}>
                <Input
                  data-testid="intent-title-zh"
                  value={editing.titleZh}
                  onChange={(e) => set({ titleZh: e.target.value })}
                />
              </Form.Item>
              <Form.Item label={t('intents.titleEn')} style={{ flex: 1 }}>
                <Input
                  data-testid="intent-title-en"
                  value={editing.titleEn}
                  onChange={(e) => set({ titleEn: e.target.value })}
                />
              </Form.Item>
            </Space.Compact>
            {textArea('examplesZh', 4, t('intents.examplesHint'))}
            {textArea('examplesEn', 3)}
            <Form.Item label={t('intents.action')}>
              <Select
                data-testid="intent-action"
                value={editing.kind}
                onChange={(kind: Draft['kind']) => set({ kind })}
                options={ACTION_KINDS.map((kind) => ({
                  value: kind,
                  label: t(`intents.actions.${kind}`),
                }))}
              />
            </Form.Item>
            {editing.kind === 'knowledge' && (
              <Form.Item label={t('intents.articleId')}>
                <Input
                  data-testid="intent-article"
                  value={editing.articleId}
                  onChange={(e) => set({ articleId: e.target.value })}
                />
              </Form.Item>
            )}
            {editing.kind === 'journey' && (
              <Form.Item label={t('intents.workflowId')}>
                <Input
                  data-testid="intent-workflow"
                  value={editing.workflowId}
                  onChange={(e) => set({ workflowId: e.target.value })}
                />
              </Form.Item>
            )}
            {editing.kind === 'reply' && (
              <>
                {textArea('replyZh', 2)}
                {textArea('replyEn', 2)}
              </>
            )}
            {editing.kind === 'handoff' && (
              <Space.Compact block>
                <Form.Item label={t('intents.group')} style={{ flex: 2 }}>
                  <Input
                    data-testid="intent-group"
                    value={editing.group}
                    onChange={(e) => set({ group: e.target.value })}
                  />
                </Form.Item>
                <Form.Item label={t('intents.priority')} style={{ flex: 1 }}>
                  <InputNumber
                    controls={numberControls}
                    data-testid="intent-priority"
                    min={0}
                    max={10}
                    value={editing.priority}
                    onChange={(value) => set({ priority: value ?? 0 })}
                  />
                </Form.Item>
              </Space.Compact>
            )}
          </Form>
        )}
      </Modal>
    </div>
  );
}
