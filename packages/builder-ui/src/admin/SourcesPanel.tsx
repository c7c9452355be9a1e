import { useCallback, useState } from 'react';
import {
  Alert,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { sourcesApi, type IssuedSecret, type SourceView } from '../api/desk-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useAdminList } from './use-admin-list.ts';
import { SourceEventTypes } from './SourceEventTypes.tsx';

const SOURCE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const KINDS = ['xiaoer', 'woocommerce'] as const;
/**
 * How long a rotated-out secret is still taken, in hours. A day by default: WooCommerce never
 * resends a refused delivery, so the shop needs the time to enter the new secret; 0 after a leak.
 */
const GRACE_HOURS = [0, 1, 24, 72, 168] as const;

/** True while a source's previous secret is still taken (its grace has not ended). */
const inGrace = (row: SourceView) =>
  row.previousSecretUntil !== undefined && Date.parse(row.previousSecretUntil) > Date.now();

/**
 * Where events come from: the configuration file's sources (read-only here) and webhook
 * senders added from the console, each with its status. Adding one or rotating its secret
 * shows the secret once; afterwards only its last characters (operators and admins). A
 * previous secret still taken after a rotation can be stopped at once, when it leaked; the
 * event types a console source may send are set here too.
 */
export function SourcesPanel() {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const load = useCallback(() => sourcesApi.list().then((r) => r.sources), []);
  const { rows, act } = useAdminList(load);
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<IssuedSecret>();
  const [graceHours, setGraceHours] = useState<number>(24);
  const [form] = Form.useForm<{ id: string; kind: (typeof KINDS)[number] }>();

  const create = async (values: { id: string; kind: (typeof KINDS)[number] }) => {
    const ok = await act(async () => setIssued(await sourcesApi.create(values.id, values.kind)));
    if (ok) {
      setAdding(false);
      form.resetFields();
    }
  };

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={5}>{t('sources.sources')}</Typography.Title>
        <Button type="primary" data-testid="source-add" onClick={() => setAdding(true)}>
          {t('sources.add')}
        </Button>
      </Space>
      {issued && (
        <Alert
          style={{ margin: '12px 0' }}
          type="warning"
          showIcon
          closable
          data-testid="source-secret-once"
          onClose={() => setIssued(undefined)}
          title={t('sources.secretOnceTitle', { id: issued.source.id })}
          description={
            <>
              <Typography.Paragraph>{t('sources.secretOnce')}</Typography.Paragraph>
              <Typography.Text copyable code data-testid="source-secret">
                {issued.secret}
              </Typography.Text>
            </>
          }
        />
      )}
      <Table<SourceView>
        rowKey="id"
        size="small"
        loading={!rows}
        pagination={false}
        dataSource={rows ?? []}
        onRow={(row) => ({ 'data-testid': `source-${row.id}` }) as object}
        columns={[
          { title: t('sources.id'), dataIndex: 'id' },
          { title: t('sources.kind'), dataIndex: 'kind' },
          {
            title: t('sources.origin'),
            render: (_, row) => (
              <Tag color={row.origin === 'config' ? 'default' : 'blue'}>
                {t(`sources.origins.${row.origin}`)}
              </Tag>
            ),
          },
          {
            title: t('sources.secret'),
            render: (_, row) =>
              !row.secretSet ? (
                <Tag color="red">{t('sources.secretMissing')}</Tag>
              ) : (
                <Space direction="vertical" size={0}>
                  <Tag color="green" data-testid={`source-hint-${row.id}`}>
                    {row.secretHint
                      ? t('sources.secretHint', { hint: row.secretHint })
                      : t('sources.secretSet')}
                  </Tag>
                  {row.previousSecretHint && row.previousSecretUntil ? (
                    <Space size={4} wrap>
                      <Typography.Text type="secondary" data-testid={`source-previous-${row.id}`}>
                        {t(inGrace(row) ? 'sources.previousUntil' : 'sources.previousEnded', {
                          hint: row.previousSecretHint,
                          at: formatDateTime(row.previousSecretUntil, language),
                        })}
                      </Typography.Text>
                      {row.origin === 'stored' && inGrace(row) ? (
                        <Popconfirm
                          title={t('sources.endGraceConfirm', {
                            id: row.id,
                            hint: row.previousSecretHint,
                          })}
                          description={t('sources.endGraceHint')}
                          okText={t('sources.endGrace')}
                          okButtonProps={
                            {
                              danger: true,
                              'data-testid': 'source-end-grace-confirm',
                            } as ButtonProps
                          }
                          onConfirm={() =>
                            void act(
                              () => sourcesApi.endGrace(row.id),
                              t('sources.endGraceDone', { hint: row.previousSecretHint }),
                            )
                          }
                        >
                          <Button
                            size="small"
                            type="link"
                            danger
                            data-testid={`source-end-grace-${row.id}`}
                          >
                            {t('sources.endGrace')}
                          </Button>
                        </Popconfirm>
                      ) : null}
                    </Space>
                  ) : null}
                  {row.rotatedAt ? (
                    <Typography.Text type="secondary">
                      {t('sources.rotated', {
                        at: formatDateTime(row.rotatedAt, language),
                        by: row.rotatedBy ?? '',
                      })}
                    </Typography.Text>
                  ) : row.createdAt ? (
                    <Typography.Text type="secondary">
                      {t('sources.created', {
                        at: formatDateTime(row.createdAt, language),
                        by: row.createdBy ?? '',
                      })}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
          },
          {
            title: t('sources.eventTypes'),
            render: (_, row) => (
              <SourceEventTypes
                row={row}
                save={(eventTypes) =>
                  act(
                    () => sourcesApi.setEventTypes(row.id, eventTypes),
                    t('sources.typesSaved', { id: row.id }),
                  )
                }
              />
            ),
          },
          {
            title: t('sources.intake'),
            render: (_, row) =>
              row.intakePath ? (
                <Typography.Text code>{row.intakePath}</Typography.Text>
              ) : (
                t('sources.pulled')
              ),
          },
          {
            title: t('sources.status'),
            render: (_, row) =>
              row.lastEvent ? (
                <Space size={4}>
                  <Tag color="green">{t('sources.receiving')}</Tag>
                  {t('sources.lastEvent', {
                    type: row.lastEvent.type,
                    at: formatDateTime(row.lastEvent.receivedAt, language),
                  })}
                </Space>
              ) : (
                <Tag>{t('sources.noEvents')}</Tag>
              ),
          },
          {
            title: '',
            key: 'rotate',
            render: (_, row) =>
              row.origin === 'config' ? (
                <Typography.Text type="secondary">{t('sources.readOnly')}</Typography.Text>
              ) : (
                <Popconfirm
                  title={t('sources.rotateConfirm', { id: row.id })}
                  description={
                    <Space direction="vertical" size={4}>
                      <Typography.Text>{t('sources.grace')}</Typography.Text>
                      <Select
                        data-testid="source-rotate-grace"
                        style={{ width: 240 }}
                        value={graceHours}
                        onChange={setGraceHours}
                        options={GRACE_HOURS.map((hours) => ({
                          value: hours,
                          label: t(`sources.graceHours.h${hours}`),
                        }))}
                      />
                    </Space>
                  }
                  okButtonProps={{ 'data-testid': 'source-rotate-confirm' } as ButtonProps}
                  onConfirm={() =>
                    void act(async () => setIssued(await sourcesApi.rotate(row.id, graceHours)))
                  }
                >
                  <Button size="small" danger data-testid={`source-rotate-${row.id}`}>
                    {t('sources.rotate')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('sources.addTitle')}
        okText={t('sources.create')}
        okButtonProps={{ 'data-testid': 'source-create' } as ButtonProps}
        onOk={() => form.submit()}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('sources.addHint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'xiaoer' }}
          onFinish={(values) => void create(values)}
        >
          <Form.Item
            name="id"
            label={t('sources.newId')}
            rules={[{ required: true, pattern: SOURCE_ID, message: t('sources.newIdInvalid') }]}
          >
            <Input data-testid="source-new-id" maxLength={63} />
          </Form.Item>
          <Form.Item name="kind" label={t('sources.kind')}>
            <Select
              data-testid="source-new-kind"
              options={KINDS.map((kind) => ({
                value: kind,
                label: t(`sources.storedKinds.${kind}`),
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
