import { Button, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { autoLayout } from '../graph/auto-layout.ts';
import { FileImportButton } from '../app/FileImportButton.tsx';
import { useEditor, useEditorStore } from './editor-context.ts';
import type { EditorCommands } from './use-editor-commands.tsx';
import { ConsoleIcon } from '../app/ConsoleIcon.tsx';

export interface EditorToolbarProps {
  commands: EditorCommands;
  canEdit: boolean;
  canPublish: boolean;
  onBack: () => void;
}

/** The editor's toolbar: name, revision, unsaved mark, save, publish, overlays, files. */
export function EditorToolbar({ commands, canEdit, canPublish, onBack }: EditorToolbarProps) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const name = useEditor((s) => s.document.name);
  const revision = useEditor((s) => s.revision);
  const dirty = useEditor((s) => s.dirty);
  const problemCount = useEditor((s) => s.problems.length);
  const overlayHours = useEditor((s) => s.overlayHours);
  const funnelOn = useEditor((s) => s.funnelOn);
  const actions = store.getState();
  return (
    <div className="editor-toolbar">
      <Space wrap>
        <Button onClick={onBack}>← {t('editor.back')}</Button>
        <Typography.Text strong>{name}</Typography.Text>
        <Tag>{t('editor.revision', { revision })}</Tag>
        {dirty && <Tag color="orange">{t('editor.unsaved')}</Tag>}
        {canEdit && (
          <Button type="primary" data-testid="save" onClick={() => void commands.save()}>
            {t('editor.save')}
          </Button>
        )}
        {canPublish && (
          <Button data-testid="publish" onClick={() => actions.setPublishing(true)}>
            {t('editor.publish')}
          </Button>
        )}
        {problemCount > 0 ? (
          <Tag color="red" data-testid="problem-count">
            {t('safety.problemCount', { count: problemCount })}
          </Tag>
        ) : (
          <Tag color="green" data-testid="problem-count">
            {t('safety.valid')}
          </Tag>
        )}
        {canEdit && (
          <Button onClick={() => actions.commit(autoLayout)}>{t('editor.layout')}</Button>
        )}
        <Select
          style={{ width: 170 }}
          allowClear
          placeholder={t('instances.overlay')}
          aria-label={t('instances.overlay')}
          value={overlayHours}
          onChange={actions.setOverlayHours}
          data-testid="overlay"
          options={[1, 24, 24 * 7].map((hours) => ({
            value: hours,
            label: `${t('instances.overlay')} · ${hours < 24 ? `${hours} h` : `${hours / 24} d`}`,
          }))}
        />
        <Button
          data-testid="overlay-toggle"
          type={funnelOn ? 'primary' : 'default'}
          aria-pressed={funnelOn}
          title={t('analytics.overlay.title')}
          onClick={actions.toggleFunnel}
        >
          {t('analytics.overlay.toggle')}
        </Button>
        <Button onClick={commands.exportJson}>{t('editor.export')}</Button>
        {canEdit && (
          <FileImportButton
            label={t('editor.import')}
            accept="application/json,.json"
            onFile={(file) => void commands.importJson(file)}
          />
        )}
        {/* Read-only, the hint says what can be done there, not the editing keys. */}
        <Tooltip title={t(canEdit ? 'editor.deleteHint' : 'editor.readOnlyHint')}>
          <ConsoleIcon
            icon={QuestionCircleOutlined}
            label={t(canEdit ? 'editor.deleteHint' : 'editor.readOnlyHint')}
            data-testid="editor-hint"
          />
        </Tooltip>
      </Space>
    </div>
  );
}
