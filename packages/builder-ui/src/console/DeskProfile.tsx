import { useState } from 'react';
import { Button, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/api-client.ts';
import { deskApi } from '../api/desk-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { useConsoleMessage } from '../app/use-console-message.ts';

/** The name customers see for the agent, with a way to change it (never the login id). */
export function DeskProfile({ name, onSaved }: { name?: string; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const message = useConsoleMessage();
  const [editing, setEditing] = useState<string>();
  const save = async () => {
    try {
      await deskApi.setMyName(editing ?? '');
      setEditing(undefined);
      void message.success(t('profile.saved'));
      onSaved();
    } catch (error) {
      void message.error(errorText(error, languageOf(i18n.language)));
    }
  };
  return (
    <Space size={4}>
      <Typography.Text type="secondary">{t('profile.shownAs')}</Typography.Text>
      <Typography.Text strong data-testid="desk-display-name">
        {name ?? '—'}
      </Typography.Text>
      <Button
        size="small"
        type="link"
        data-testid="desk-name-edit"
        onClick={() => setEditing(name ?? '')}
      >
        {t('profile.change')}
      </Button>
      <Modal
        open={editing !== undefined}
        title={t('profile.title')}
        okButtonProps={{ 'data-testid': 'desk-name-save', disabled: !editing?.trim() }}
        onOk={() => void save()}
        onCancel={() => setEditing(undefined)}
      >
        <Typography.Paragraph type="secondary">{t('profile.hint')}</Typography.Paragraph>
        <Input
          data-testid="desk-name-input"
          maxLength={80}
          value={editing}
          onChange={(e) => setEditing(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
