import { useState } from 'react';
import { Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SourceView } from '../api/desk-api.ts';

/** A CloudEvent type, or a prefix ending in `.*`: the server's `EVENT_TYPE_PATTERN`. */
const EVENT_TYPE = /^[a-zA-Z][a-zA-Z0-9_-]*(\.[a-zA-Z][a-zA-Z0-9_-]*)*(\.\*)?$/;
const MAX_LENGTH = 100;

/** The patterns typed in the box: one per line (or separated by spaces or commas), each once. */
const patternsOf = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,，]+/)
      .map((pattern) => pattern.trim())
      .filter(Boolean),
  ),
];

/**
 * The event types a source may send, as tags ("all types" when it has no scope), and for a
 * source added from the console a dialog to change them (`save` with `null`: every type).
 * The configuration file's sources change there.
 */
export function SourceEventTypes({
  row,
  save,
}: {
  row: SourceView;
  save: (eventTypes: string[] | null) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ patterns: string }>();

  const submit = async ({ patterns }: { patterns?: string }) => {
    const list = patternsOf(patterns ?? '');
    if (await save(list.length > 0 ? list : null)) setEditing(false);
  };

  return (
    <Space orientation="vertical" size={0}>
      <Space size={4} wrap data-testid={`source-event-types-${row.id}`}>
        {row.eventTypes ? (
          row.eventTypes.map((pattern) => <Tag key={pattern}>{pattern}</Tag>)
        ) : (
          <Tag color="orange">{t('sources.allTypes')}</Tag>
        )}
      </Space>
      {row.origin === 'stored' ? (
        <Button
          size="small"
          type="link"
          style={{ padding: 0 }}
          data-testid={`source-event-types-edit-${row.id}`}
          onClick={() => setEditing(true)}
        >
          {t('sources.editTypes')}
        </Button>
      ) : null}
      <Modal
        open={editing}
        title={t('sources.typesTitle', { id: row.id })}
        okText={t('sources.saveTypes')}
        okButtonProps={{ 'data-testid': 'source-event-types-save' } as ButtonProps}
        onOk={() => form.submit()}
        onCancel={() => setEditing(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('sources.typesHint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ patterns: (row.eventTypes ?? []).join('\n') }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item
            name="patterns"
            label={t('sources.typesLabel')}
            rules={[
              {
                validator: (_, value?: string) => {
                  const bad = patternsOf(value ?? '').find(
                    (pattern) => pattern.length > MAX_LENGTH || !EVENT_TYPE.test(pattern),
                  );
                  return bad
                    ? Promise.reject(new Error(t('sources.typeInvalid', { pattern: bad })))
                    : Promise.resolve();
                },
              },
            ]}
          >
            <Input.TextArea
              rows={4}
              data-testid="source-event-types-input"
              placeholder={'order.*\nshipment.delivered'}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
