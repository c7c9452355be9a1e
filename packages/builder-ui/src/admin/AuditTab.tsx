import { useCallback } from 'react';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { adminApi, type AuditEntry } from '../api/admin-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useAdminList } from './use-admin-list.ts';
import { pageArrows } from '../app/antd-icons.tsx';

/** Who did what by hand (cancel, send an event, retry, publish…), newest first. */
export function AuditTab() {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const load = useCallback(() => adminApi.audit().then((r) => r.entries), []);
  const { rows } = useAdminList(load);
  return (
    <Table<AuditEntry>
      rowKey="_id"
      size="small"
      loading={!rows}
      dataSource={rows ?? []}
      pagination={{ pageSize: 50, itemRender: pageArrows }}
      data-testid="audit-log"
      columns={[
        {
          title: t('admin.at'),
          dataIndex: 'at',
          render: (at: string) => formatDateTime(at, language),
        },
        { title: t('admin.actor'), dataIndex: 'actor' },
        {
          title: t('admin.action'),
          dataIndex: 'action',
          // What was done in the console's words, and the action id the API records.
          render: (action: string) => (
            <>
              {i18n.exists(`admin.auditActions.${action}`) && (
                <div>{t(`admin.auditActions.${action}`)}</div>
              )}
              <code translate="no" data-raw>
                {action}
              </code>
            </>
          ),
        },
        { title: t('admin.target'), dataIndex: 'target' },
        {
          title: t('admin.details'),
          dataIndex: 'details',
          // As stored: ids and values the server wrote (data, not the console's words).
          render: (d: object) => (
            <code className="audit-details" translate="no" data-raw>
              {JSON.stringify(d)}
            </code>
          ),
        },
      ]}
    />
  );
}
