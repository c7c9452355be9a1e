import { useEffect, useState } from 'react';
import { Alert, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/api-client.ts';
import { connectionsApi, type ConnectionsView, type TestSendResult } from '../api/desk-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDuration } from '../i18n/format.ts';
import { SourcesPanel } from './SourcesPanel.tsx';
import { useConsoleMessage } from '../app/use-console-message.ts';

type ChannelRow = ConnectionsView['channels'][number];

/** Sources (where events come from) and channels (where messages go), with a test send. */
export function ConnectionsTab() {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const message = useConsoleMessage();
  const [view, setView] = useState<ConnectionsView>();
  const [testing, setTesting] = useState<{ channel: string; to: string; text: string }>();
  const [result, setResult] = useState<TestSendResult>();
  const [sending, setSending] = useState(false);
  useEffect(() => {
    connectionsApi
      .list()
      .then(setView, (error: unknown) => void message.error(errorText(error, language)));
  }, [message, language]);

  const send = async () => {
    if (!testing) return;
    setSending(true);
    try {
      setResult(await connectionsApi.testSend(testing.channel, testing.to, testing.text));
    } catch (error) {
      void message.error(errorText(error, language));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <SourcesPanel />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('sources.channels')}
      </Typography.Title>
      <Table<ChannelRow>
        rowKey="channel"
        size="small"
        loading={!view}
        pagination={false}
        dataSource={view?.channels ?? []}
        onRow={(row) => ({ 'data-testid': `channel-${row.channel}` }) as object}
        columns={[
          {
            title: t('sources.channel'),
            render: (_, row) => t(`sources.channelNames.${row.channel}`),
          },
          {
            title: t('sources.connector'),
            render: (_, row) => (
              <Space size={4}>
                <Tag color={row.kind === 'log' ? 'orange' : 'blue'}>
                  {t(`sources.kinds.${row.kind}`)}
                </Tag>
                {row.usesDefault && (
                  <Typography.Text type="secondary">{t('sources.default')}</Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('sources.target'), render: (_, row) => row.target ?? '—' },
          {
            title: '',
            key: 'test',
            render: (_, row) => (
              <Button
                size="small"
                data-testid={`channel-test-${row.channel}`}
                onClick={() => {
                  setResult(undefined);
                  setTesting({ channel: row.channel, to: '', text: t('sources.testText') });
                }}
              >
                {t('sources.test')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!testing}
        title={t('sources.testTitle', {
          channel: testing ? t(`sources.channelNames.${testing.channel}`) : '',
        })}
        okText={t('sources.send')}
        okButtonProps={{
          'data-testid': 'channel-test-send',
          loading: sending,
          disabled: !testing?.to.trim(),
        }}
        onOk={() => void send()}
        onCancel={() => setTesting(undefined)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('sources.testHint')}</Typography.Paragraph>
        <Input
          data-testid="channel-test-to"
          addonBefore={t('sources.to')}
          maxLength={200}
          value={testing?.to}
          onChange={(e) => setTesting((x) => x && { ...x, to: e.target.value })}
          style={{ marginBottom: 8 }}
        />
        <Input.TextArea
          data-testid="channel-test-text"
          maxLength={500}
          autoSize={{ minRows: 2 }}
          value={testing?.text}
          onChange={(e) => setTesting((x) => x && { ...x, text: e.target.value })}
        />
        {result && (
          <Alert
            style={{ marginTop: 12 }}
            data-testid="channel-test-result"
            type={result.ok ? 'success' : 'error'}
            showIcon
            message={
              result.ok
                ? t('sources.delivered', {
                    connector: result.connector,
                    duration: formatDuration(result.durationMs, language),
                  })
                : t('sources.failed', { code: result.error?.code ?? '' })
            }
            description={result.ok ? undefined : result.error?.message}
          />
        )}
      </Modal>
    </>
  );
}
