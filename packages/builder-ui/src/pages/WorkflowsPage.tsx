import { useEffect, useRef, useState } from 'react';
import { Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  errorText,
  templatesApi,
  workflowsApi,
  type JourneyTemplate,
  type WorkflowSummary,
} from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { TemplatePicker, useTemplates } from './TemplatePicker.tsx';
import { JOURNEY_ID, suggestedJourneyId } from './journey-id.ts';
import { useConsoleMessage } from '../app/use-console-message.ts';

/** How the new-journey dialog starts: empty, or from a template chosen in it. */
type Creating = false | 'empty' | 'template';

/**
 * The journeys: status, published version, problems, last change; open one, start an empty
 * one, or start one from a template (a starter or a shipped journey).
 */
export function WorkflowsPage({
  canEdit,
  onOpen,
}: {
  canEdit: boolean;
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const message = useConsoleMessage();
  const [rows, setRows] = useState<WorkflowSummary[]>();
  const [creating, setCreating] = useState<Creating>(false);
  const [template, setTemplate] = useState<JourneyTemplate>();
  const [form] = Form.useForm<{ id: string; name: string }>();
  const templates = useTemplates();
  const language = languageOf(i18n.language);
  // The id follows the name until the operator types one (or a template gives one).
  const ownId = useRef(false);
  const taken = () => new Set(rows?.map((r) => r.id));
  useEffect(() => {
    workflowsApi
      .list()
      .then((r) => setRows(r.workflows))
      .catch((error: unknown) => void message.error(errorText(error, languageOf(i18n.language))));
  }, [message, i18n]);
  const create = async (values: { id: string; name: string }) => {
    try {
      const start =
        creating === 'template' && template
          ? await templatesApi.get(template.id)
          : { version: 1, nodes: [], edges: [] };
      const draft = await workflowsApi.create({ ...start, id: values.id, name: values.name });
      setCreating(false);
      onOpen(draft.id);
    } catch (error) {
      void message.error(errorText(error, language));
    }
  };
  const open = (how: Creating) => {
    setTemplate(undefined);
    form.resetFields();
    ownId.current = false;
    setCreating(how);
  };
  const pick = (picked: JourneyTemplate) => {
    setTemplate(picked);
    // A free id near the template's, and its name: both can be changed before creating.
    const inUse = taken();
    let id = picked.id;
    for (let n = 2; inUse.has(id); n++) id = `${picked.id}-${n}`;
    form.setFieldsValue({ id, name: picked.name });
    ownId.current = true;
  };
  return (
    <div className="page">
      <Typography.Title level={3}>{t('workflows.title')}</Typography.Title>
      {canEdit && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => open('empty')} data-testid="create-workflow">
            {t('workflows.create')}
          </Button>
          <Button onClick={() => open('template')} data-testid="create-from-template">
            {t('templates.create')}
          </Button>
        </Space>
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
              `${formatDateTime(row.updatedAt, language)} · ${row.updatedBy}`,
          },
        ]}
      />
      <Modal
        open={creating !== false}
        title={creating === 'template' ? t('templates.create') : t('workflows.create')}
        onCancel={() => setCreating(false)}
        footer={null}
        width={creating === 'template' ? 720 : 520}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={create}
          onValuesChange={(changed: Partial<{ id: string; name: string }>) => {
            if (changed.id !== undefined) ownId.current = true;
            else if (changed.name !== undefined && !ownId.current)
              form.setFieldValue('id', suggestedJourneyId(changed.name, taken()));
          }}
        >
          {creating === 'template' && (
            <Form.Item label={t('templates.pick')} required>
              <TemplatePicker templates={templates} value={template?.id} onChange={pick} />
            </Form.Item>
          )}
          <Form.Item label={t('workflows.newName')} name="name" rules={[{ required: true }]}>
            <Input data-testid="new-name" />
          </Form.Item>
          <Form.Item
            label={t('workflows.newId')}
            name="id"
            extra={t('workflows.newIdHelp')}
            rules={[{ required: true, pattern: JOURNEY_ID, message: t('workflows.newIdRule') }]}
          >
            <Input data-testid="new-id" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            data-testid="create-submit"
            disabled={creating === 'template' && !template}
          >
            {t('workflows.create')}
          </Button>
        </Form>
      </Modal>
    </div>
  );
}
