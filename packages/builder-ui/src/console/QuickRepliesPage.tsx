import { useCallback, useState } from 'react';
import { Button, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { quickRepliesApi, type QuickReply, type QuickReplyInput } from '../api/desk-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useAdminList } from '../admin/use-admin-list.ts';
import { quickReplyText, SAMPLE_VALUES } from './quick-reply-text.ts';

const PLACEHOLDERS = ['customer.name', 'customer.id', 'order.id', 'agent.name'] as const;

type Editing = { id?: string } & QuickReplyInput;

/** The shop's quick replies: create, edit, delete; zh and en; placeholders with a preview. */
export function QuickRepliesPage() {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const load = useCallback(() => quickRepliesApi.list().then((r) => r.quickReplies), []);
  const { rows, act } = useAdminList(load);
  const [editing, setEditing] = useState<Editing>();
  const [focused, setFocused] = useState<'zh' | 'en'>('zh');

  const save = () => {
    if (!editing) return;
    const { id, ...reply } = editing;
    void act(
      () => (id ? quickRepliesApi.update(id, reply) : quickRepliesApi.create(reply)),
      t('quickReplies.saved'),
    ).then((ok) => ok && setEditing(undefined));
  };
  const insert = (name: string) =>
    setEditing(
      (e) => e && { ...e, text: { ...e.text, [focused]: `${e.text[focused] ?? ''}{{${name}}}` } },
    );
  const setText = (lang: 'zh' | 'en', value: string) =>
    setEditing((e) => e && { ...e, text: { ...e.text, [lang]: value } });

  return (
    <div className="page" data-testid="quick-replies-page">
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('quickReplies.title')}
        </Typography.Title>
        <Button
          type="primary"
          data-testid="quick-reply-add"
          onClick={() => setEditing({ title: '', text: {} })}
        >
          {t('quickReplies.add')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('quickReplies.hint')}</Typography.Paragraph>
      <Table<QuickReply>
        rowKey="id"
        size="small"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={false}
        onRow={(row) => ({ 'data-testid': `quick-reply-${row.title}` }) as object}
        columns={[
          { title: t('quickReplies.name'), dataIndex: 'title' },
          { title: t('quickReplies.zh'), render: (_, row) => row.text.zh ?? '—' },
          { title: t('quickReplies.en'), render: (_, row) => row.text.en ?? '—' },
          {
            title: t('quickReplies.updated'),
            render: (_, row) => `${formatDateTime(row.updatedAt, language)} · ${row.updatedBy}`,
          },
          {
            title: '',
            key: 'actions',
            render: (_, row) => (
              <Space>
                <Button
                  size="small"
                  data-testid={`quick-reply-edit-${row.title}`}
                  onClick={() =>
                    setEditing({ id: row.id, title: row.title, text: { ...row.text } })
                  }
                >
                  {t('quickReplies.edit')}
                </Button>
                <Popconfirm
                  title={t('quickReplies.deleteConfirm')}
                  okButtonProps={{ 'data-testid': 'quick-reply-delete-ok' } as ButtonProps}
                  onConfirm={() =>
                    void act(() => quickRepliesApi.remove(row.id), t('quickReplies.deleted'))
                  }
                >
                  <Button size="small" danger data-testid={`quick-reply-delete-${row.title}`}>
                    {t('quickReplies.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        width={720}
        title={editing?.id ? t('quickReplies.edit') : t('quickReplies.add')}
        okButtonProps={{ 'data-testid': 'quick-reply-save' }}
        onOk={save}
        onCancel={() => setEditing(undefined)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('quickReplies.name')} required>
            <Input
              data-testid="quick-reply-title"
              maxLength={60}
              value={editing?.title}
              onChange={(e) => setEditing((x) => x && { ...x, title: e.target.value })}
            />
          </Form.Item>
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('quickReplies.insert')}</Typography.Text>
            {PLACEHOLDERS.map((name) => (
              <Button
                key={name}
                size="small"
                data-testid={`placeholder-${name}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => insert(name)}
              >
                {t(`quickReplies.placeholder.${name.replace('.', '_')}`)}
              </Button>
            ))}
          </Space>
          {(['zh', 'en'] as const).map((lang) => (
            <Form.Item key={lang} label={t(`quickReplies.${lang}`)}>
              <Input.TextArea
                data-testid={`quick-reply-text-${lang}`}
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={2000}
                value={editing?.text[lang]}
                onFocus={() => setFocused(lang)}
                onChange={(e) => setText(lang, e.target.value)}
              />
              {editing?.text[lang] && (
                <div className="quick-reply-preview" data-testid={`quick-reply-preview-${lang}`}>
                  <Tag>{t('quickReplies.preview')}</Tag>
                  {quickReplyText(editing.text, lang, SAMPLE_VALUES[lang])}
                </div>
              )}
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </div>
  );
}
