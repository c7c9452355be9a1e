import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  App as AntApp,
  Button,
  Descriptions,
  Input,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { JsonObject, WorkflowDocument } from '@xiaoer/engine';
import {
  errorText,
  instancesApi,
  workflowsApi,
  type InstanceDetail,
  type InstanceStep,
} from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { traceOf } from '../graph/path-highlight.ts';
import { JourneyView } from './JourneyView.tsx';
import { StepDetails } from './StepDetails.tsx';
import { useLive, type LiveHandlers } from '../app/use-live.ts';
import { stepAlarmed, stepsOfNode } from './step-view.ts';
import { PersonalDataHint } from './PersonalDataHint.tsx';
import { useConsoleMessage } from '../app/use-console-message.ts';

/**
 * One instance: its journey (the version it runs on) with the path taken and the current node
 * highlighted, its timeline and data, and the operator actions (cancel, send an event, retry a
 * dead-lettered effect). Each step opens like an execution view (StepDetails); steps with a
 * failed or empty send are marked; a click on a node shows only the steps in and out of it.
 */
export function InstancePage({
  instanceId,
  canOperate,
  personalDataMasked = false,
  onBack,
}: {
  instanceId: string;
  canOperate: boolean;
  /** The server masks customers' personal data for this user: say so. */
  personalDataMasked?: boolean;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { modal } = AntApp.useApp();
  const message = useConsoleMessage();
  const [detail, setDetail] = useState<InstanceDetail>();
  const [document, setDocument] = useState<WorkflowDocument>();
  const [eventType, setEventType] = useState('');
  const [eventData, setEventData] = useState('{}');
  const [focusNode, setFocusNode] = useState<string>();
  const language = languageOf(i18n.language);
  const load = useCallback(async () => setDetail(await instancesApi.get(instanceId)), [instanceId]);
  // The instance's steps arrive on its stream. Only while the stream is down (the browser
  // retries it) does the page ask every 3 s: a running instance moves on by itself.
  const follow = useCallback(
    (on: LiveHandlers<InstanceDetail>) => instancesApi.follow(instanceId, on),
    [instanceId],
  );
  const ask = useCallback(() => instancesApi.get(instanceId), [instanceId]);
  const failed = useCallback(
    (error: unknown) => void message.error(errorText(error, languageOf(i18n.language))),
    [message, i18n],
  );
  useLive(follow, ask, setDetail, failed);
  // The journey's version, drawn once per version (not again on each step).
  const workflowId = detail?.workflowId;
  const version = detail?.version;
  useEffect(() => {
    if (!workflowId || !version) return;
    workflowsApi
      .version(workflowId, version)
      .then((answer) => setDocument(answer.document))
      .catch((error: unknown) => void message.error(errorText(error, languageOf(i18n.language))));
  }, [workflowId, version, message, i18n]);
  const trace = useMemo(() => (detail ? traceOf(detail.node, detail.timeline) : null), [detail]);
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await load();
    } catch (error) {
      void message.error(errorText(error, languageOf(i18n.language)));
    }
  };
  if (!detail || !document) return <Spin />;
  const steps = focusNode ? stepsOfNode(detail.timeline, focusNode) : detail.timeline;
  const alarms = detail.timeline.filter((step) => stepAlarmed(detail, step)).length;
  return (
    <div className="instance-page">
      <div className="instance-header">
        <Space wrap>
          <Button onClick={onBack}>← {t('instances.back')}</Button>
          <Typography.Text strong data-testid="instance-id">
            {detail.id}
          </Typography.Text>
          <Tag
            data-testid="instance-status"
            data-status={detail.status}
            color={detail.status === 'done' ? 'green' : ''}
          >
            {t(`run.instanceStatus.${detail.status}`)}
          </Tag>
          {alarms > 0 && (
            <Tag color="red" data-testid="instance-alarms">
              {t('run.alarms', { count: alarms })}
            </Tag>
          )}
          <Tag color="blue" data-testid="instance-node">
            {detail.node}
          </Tag>
          {personalDataMasked && <PersonalDataHint />}
          {canOperate && detail.status === 'active' && (
            <>
              <Button
                danger
                data-testid="instance-cancel"
                onClick={() =>
                  modal.confirm({
                    title: t('instances.cancelConfirm'),
                    onOk: () => act(() => instancesApi.cancel(detail.id)),
                  })
                }
              >
                {t('instances.cancel')}
              </Button>
              <Input
                style={{ width: 180 }}
                placeholder={t('instances.eventType')}
                value={eventType}
                onChange={(e) => setEventType(e.target.value)}
              />
              <Input
                style={{ width: 220, fontFamily: 'monospace' }}
                data-testid="instance-event-data"
                value={eventData}
                onChange={(e) => setEventData(e.target.value)}
              />
              <Button
                disabled={!eventType}
                onClick={() =>
                  act(async () => {
                    const answer = await instancesApi.sendEvent(
                      detail.id,
                      eventType,
                      JSON.parse(eventData) as JsonObject,
                    );
                    // `applied`, or `ignored` with the reason (e.g. the data does not match).
                    void message.info(
                      `${answer.result}${answer.reason ? `: ${answer.reason}` : ''} → ${answer.node}`,
                    );
                  })
                }
              >
                {t('instances.sendEvent')}
              </Button>
            </>
          )}
        </Space>
      </div>
      <div className="instance-body">
        <div className="instance-canvas" data-testid="instance-canvas">
          <JourneyView
            document={document}
            trace={trace}
            onNodeClick={(node) => setFocusNode((current) => (current === node ? undefined : node))}
          />
        </div>
        <div className="instance-side">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('instances.workflow')}>
              {detail.workflowId} v{detail.version}
            </Descriptions.Item>
            <Descriptions.Item label={t('instances.correlation')}>
              {detail.correlation}
            </Descriptions.Item>
            <Descriptions.Item label={t('instances.updated')}>
              {formatDateTime(detail.updatedAt, language)}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('instances.data')}</Typography.Title>
          <pre className="instance-data">{JSON.stringify(detail.data, null, 2)}</pre>
          {detail.deadLetters.length > 0 && (
            <div data-testid="instance-dead-letters">
              <Typography.Title level={5}>{t('instances.deadLetters')}</Typography.Title>
              {detail.deadLetters.map((dead) => (
                <Space key={dead._id}>
                  <Typography.Text type="danger">
                    {dead.kind} @ {dead.nodeId}: {dead.error.message}
                  </Typography.Text>
                  {canOperate && (
                    <Button size="small" onClick={() => act(() => instancesApi.retry(dead._id))}>
                      {t('instances.retry')}
                    </Button>
                  )}
                </Space>
              ))}
            </div>
          )}
        </div>
      </div>
      <div className="instance-timeline-head">
        {focusNode ? (
          <Space>
            <Typography.Text strong data-testid="instance-node-steps">
              {t('run.nodeSteps', { node: focusNode, count: steps.length })}
            </Typography.Text>
            <Button size="small" onClick={() => setFocusNode(undefined)}>
              {t('run.allSteps')}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('run.clickNode')}</Typography.Text>
        )}
      </div>
      <Table<InstanceStep>
        rowKey="revision"
        size="small"
        pagination={false}
        data-testid="instance-timeline"
        dataSource={steps}
        rowClassName={(step) => (stepAlarmed(detail, step) ? 'step-alarm' : '')}
        expandable={{
          expandedRowRender: (step) => (
            <StepDetails detail={detail} step={step} document={document} />
          ),
          // A node picked on the diagram: its steps open at once (its input and output).
          ...(focusNode ? { expandedRowKeys: steps.map((s) => s.revision) } : {}),
        }}
        columns={[
          { title: '#', dataIndex: 'revision', width: 60 },
          {
            title: t('simulation.at'),
            dataIndex: 'at',
            render: (v: string) => formatDateTime(v, language),
          },
          { title: t('simulation.event'), render: (_, s) => s.event.type },
          { title: t('simulation.move'), render: (_, s) => `${s.from ?? '—'} → ${s.to}` },
          {
            title: t('simulation.effects'),
            render: (_, s) =>
              s.effects.map((e, i) => (
                <Tag key={i} data-kind={e.kind}>
                  {t(`run.effectKind.${e.kind}`)}
                </Tag>
              )),
          },
        ]}
      />
    </div>
  );
}
