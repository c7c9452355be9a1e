import { useCallback, useState } from 'react';
import { Alert, Button, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { adminApi, type ApiKeyView } from '../api/admin-api.ts';
import { sourcesApi } from '../api/desk-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useAdminList } from './use-admin-list.ts';

/** What the server takes as a key's name. */
const KEY_NAME = /^[a-zA-Z0-9_.-]{1,64}$/;

/**
 * API keys for event sources: create one for a source picked from the shop's sources (its
 * secret shown once), list, revoke. A bad name says what a name may be, in the console's
 * language (not antd's "name does not match /regex/").
 */
export function ApiKeysTab() {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const load = useCallback(() => adminApi.apiKeys().then((r) => r.apiKeys), []);
  const { rows, act } = useAdminList(load);
  const [created, setCreated] = useState<string>();
  const loadSources = useCallback(() => sourcesApi.list().then((r) => r.sources), []);
  const { rows: sources } = useAdminList(loadSources);
  return (
    <>
      <Form
        layout="inline"
        onFinish={(values: { name: string; source: string }) =>
          void act(async () => setCreated((await adminApi.createApiKey(values)).key))
        }
      >
        <Form.Item
          name="name"
          rules={[{ required: true, pattern: KEY_NAME, message: t('admin.keyNameRule') }]}
        >
          <Input placeholder={t('admin.keyName')} data-testid="key-name" />
        </Form.Item>
        <Form.Item name="source" rules={[{ required: true, message: t('admin.keySourceRule') }]}>
          <Select
            placeholder={t('admin.keySource')}
            data-testid="key-source"
            style={{ minWidth: 180 }}
            loading={!sources}
            options={(sources ?? []).map((source) => ({ value: source.id, label: source.id }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="key-create">
          {t('admin.createKey')}
        </Button>
      </Form>
      {created && (
        <Alert
          style={{ margin: '12px 0' }}
          type="warning"
          showIcon
          closable
          onClose={() => setCreated(undefined)}
          title={t('admin.keyOnce')}
          description={
            <Typography.Text copyable code data-testid="key-secret">
              {created}
            </Typography.Text>
          }
        />
      )}
      <Table<ApiKeyView>
        rowKey="name"
        size="small"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={false}
        columns={[
          { title: t('admin.keyName'), dataIndex: 'name' },
          { title: t('admin.keySource'), dataIndex: 'source' },
          {
            title: t('admin.keyPrefix'),
            dataIndex: 'prefix',
            render: (p: string) => <code>{p}…</code>,
          },
          {
            title: t('admin.created'),
            render: (_, row) => `${formatDateTime(row.createdAt, language)} · ${row.createdBy}`,
          },
          {
            title: '',
            render: (_, row) => (
              <Space>
                <Popconfirm
                  title={t('admin.revokeConfirm', { name: row.name })}
                  onConfirm={() => void act(() => adminApi.deleteApiKey(row.name))}
                >
                  <Button size="small" danger>
                    {t('admin.revoke')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
