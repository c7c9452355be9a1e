import { useEffect, useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, workflowsApi, type WorkflowSummary } from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';

/** The journeys: status, published version, problems, last change; open one or start one. */
export function WorkflowsPage({
  canEdit,
  onOpen,
}: {
  canEdit: boolean;
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [rows, setRows] = useState<WorkflowSummary[]>();
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    workflowsApi
      .list()
      .then((r) => setRows(r.workflows))
      .catch((error: unknown) => void message.error(String(error)));
  }, [message]);
  const create = async (values: { id: string; name: string }) => {
    try {
      const draft = await workflowsApi.create({
        id: values.id,
        name: values.name,
        version: 1,
        nodes: [],
        edges: [],
      });
      setCreating(false);
      onOpen(draft.id);
    } catch (error) {
      void message.error(errorText(error, languageOf(i18n.language)));
    }
  };
  return (
    <div className="page">
      <Typography.Title level={3}>{t('workflows.title')}</Typography.Title>
      {canEdit && (
        <Button type="primary" onClick={() => setCreating(true)} data-testid="create-workflow">
          {t('workflows.create')}
        </Button>
      )}
      <Table<WorkflowSummary>
        rowKey="id"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={false}
        onRow={(row) => ({ onClick: () => onOpen(row.id), 'data-testid': `workflow-${row.id}` })}
        columns={[
          { title: 'ID', dataIndex: 'id' },
          { title: t('workflows.name'), dataIndex: 'name' },
          {
            title: t('workflows.published'),
            dataIndex: 'publishedVersion',
            render: (v: number) =>
              v > 0 ? <Tag color="green">v{v}</Tag> : <Tag>{t('workflows.draftOnly')}</Tag>,
          },
          {
            title: t('workflows.running'),
            dataIndex: 'runningInstances',
            render: (n: number) => <span data-testid="running-count">{n}</span>,
          },
          {
            title: t('workflows.problems'),
            dataIndex: 'problems',
            render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : '0'),
          },
          {
            title: t('workflows.updated'),
            render: (_: unknown, row) =>
              `${new Date(row.updatedAt).toLocaleString()} · ${row.updatedBy}`,
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('workflows.create')}
        onCancel={() => setCreating(false)}
        footer={null}
        destroyOnHidden
      >
        <Form layout="vertical" onFinish={create}>
          <Form.Item
            label={t('workflows.newId')}
            name="id"
            rules={[{ required: true, pattern: /^[a-z][a-z0-9-]{1,63}$/ }]}
          >
            <Input data-testid="new-id" />
          </Form.Item>
          <Form.Item label={t('workflows.newName')} name="name" rules={[{ required: true }]}>
            <Input data-testid="new-name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="create-submit">
            {t('workflows.create')}
          </Button>
        </Form>
      </Modal>
    </div>
  );
}
