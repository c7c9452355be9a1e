import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JsonObject, WorkflowDocument } from '@xiaoer/engine';
import type { EarlyEventMode, TimelineEntry } from '@xiaoer/engine/testing';
import { BrowserSimulation, sampleData, type RunSettings } from './browser-simulation.ts';
import { errorText, scenariosApi, type SavedScenario } from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatOwnClock } from '../i18n/format.ts';
import { callName, eventName } from './simulation-words.ts';
import { TimelineMark } from './TimelineMark.tsx';
import { EventsLetGo } from './EventsLetGo.tsx';
import { RunSettingsLine } from './RunSettingsLine.tsx';
import { ReplayRefused } from './ReplayRefused.tsx';

export interface SimulationPanelProps {
  document: WorkflowDocument;
  /** May save scenarios beside the workflow. */
  canSave: boolean;
  simulation: BrowserSimulation | null;
  /** Called with the simulation after every change (a new object is not made: re-render). */
  onChange: (simulation: BrowserSimulation | null) => void;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * Runs the open journey with the engine in the browser: start from sample data (or at any
 * node), send the events the current node waits for, move the virtual clock, answer
 * order-system calls; the timeline lists what happened. With "park events that come early" on,
 * an event the node does not wait for yet is parked and offered again as the journey moves,
 * as the server does; the timeline marks both, and the events let go are listed after it.
 * A replayed scenario's clock start and delivery confirmation are kept (shown, run with, saved
 * back, used by a new start) until the operator drops them; its start node is put in the "start
 * at" selector, as if chosen by hand. A replay the journey refuses midway shows the run so far,
 * with which step was refused and why.
 */
export function SimulationPanel({ document, canSave, simulation, onChange }: SimulationPanelProps) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const [saved, setSaved] = useState<SavedScenario[]>([]);
  const [scenarioName, setScenarioName] = useState('');
  const [picked, setPicked] = useState<string>();
  const loadSaved = useCallback(
    () =>
      void scenariosApi
        .list(document.id)
        .then((r) => setSaved(r.scenarios))
        .catch(() => setSaved([])),
    [document.id],
  );
  useEffect(loadSaved, [loadSaved]);
  const [startData, setStartData] = useState(() => json(sampleData(document)));
  const [startNode, setStartNode] = useState<string>();
  /** The mode of the next start; a running simulation keeps its own (`simulation.early`). */
  const [early, setEarly] = useState<EarlyEventMode>('throw');
  /** The settings of the next start: those of the last scenario replayed, until dropped. */
  const [settings, setSettings] = useState<RunSettings>({});
  const [payload, setPayload] = useState('{}');
  const [duration, setDuration] = useState('1h');
  const [error, setError] = useState<string>();

  const act = (action: () => void) => {
    try {
      setError(undefined);
      action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const start = () =>
    act(() => {
      const sim = new BrowserSimulation(
        document,
        JSON.parse(startData) as JsonObject,
        startNode,
        early,
        settings,
      );
      setPayload(json({ orderId: sim.data['orderId'] ?? null }));
      onChange(sim);
    });
  const saveScenario = async () => {
    if (!simulation || !scenarioName.trim()) return;
    try {
      setError(undefined);
      await scenariosApi.save(
        document.id,
        scenarioName.trim(),
        simulation.toScenario(scenarioName.trim()),
      );
      loadSaved();
    } catch (failure) {
      setError(errorText(failure, languageOf(i18n.language)));
    }
  };
  const replay = () =>
    act(() => {
      const scenario = saved.find((s) => s.name === picked)?.scenario;
      if (!scenario) return;
      let sim: BrowserSimulation;
      try {
        sim = BrowserSimulation.replay(document, scenario);
      } catch (failure) {
        // Refused at its trigger (or start node): there is no run to show, only why.
        const message = failure instanceof Error ? failure.message : String(failure);
        throw new Error(t('simulation.refused.start', { message }));
      }
      // As a start chosen by hand: the selector shows where it starts, a new start uses it.
      setStartNode(sim.startNode);
      setEarly(sim.early);
      setSettings(sim.settings);
      onChange(sim);
    });
  const update = (action: (sim: BrowserSimulation) => void) =>
    act(() => {
      if (!simulation) return;
      action(simulation);
      onChange(simulation);
    });

  return (
    <div className="simulation" data-testid="simulation">
      {error && (
        <Alert type="error" message={error} showIcon closable data-testid="simulation-error" />
      )}
      {simulation?.refused && (
        <ReplayRefused
          refusal={simulation.refused}
          wentOn={simulation.steps.length > simulation.refused.index}
        />
      )}
      <Space align="start" wrap>
        <Input.TextArea
          rows={4}
          style={{ width: 320, fontFamily: 'monospace' }}
          value={startData}
          onChange={(e) => setStartData(e.target.value)}
          data-testid="simulation-data"
        />
        <Space direction="vertical">
          <Select
            style={{ width: 220 }}
            allowClear
            placeholder={t('simulation.startAtTrigger')}
            value={startNode}
            onChange={setStartNode}
            data-testid="simulation-start-node"
            options={document.nodes
              .filter((n) => n.type !== 'trigger')
              .map((n) => ({ value: n.id, label: `${t('simulation.startAt')} ${n.id}` }))}
          />
          <div style={{ maxWidth: 320 }}>
            <Space size={8}>
              <Switch
                id="simulation-park-early"
                size="small"
                checked={(simulation?.early ?? early) === 'park'}
                disabled={simulation !== null}
                onChange={(on) => setEarly(on ? 'park' : 'throw')}
                aria-describedby="simulation-park-early-help"
                data-testid="simulation-park-early"
              />
              <label htmlFor="simulation-park-early">{t('simulation.parkEarly')}</label>
            </Space>
            <Typography.Paragraph
              type="secondary"
              id="simulation-park-early-help"
              style={{ fontSize: 12, marginBottom: 0 }}
            >
              {t('simulation.parkEarlyHelp')}
              {simulation && ` ${t('simulation.parkEarlyFixed')}`}
            </Typography.Paragraph>
          </div>
          <RunSettingsLine
            settings={simulation?.settings ?? settings}
            onDrop={simulation ? undefined : () => setSettings({})}
          />
          <Space>
            <Button type="primary" onClick={start} data-testid="simulation-start">
              {simulation ? t('simulation.restart') : t('simulation.start')}
            </Button>
            {simulation && <Button onClick={() => onChange(null)}>{t('simulation.stop')}</Button>}
          </Space>
          <Space>
            <Select
              style={{ width: 160 }}
              placeholder={t('simulation.scenarios')}
              value={picked}
              onChange={setPicked}
              options={saved.map((s) => ({ value: s.name, label: s.name }))}
              data-testid="scenario-pick"
            />
            <Button disabled={!picked} onClick={replay} data-testid="scenario-replay">
              {t('simulation.replay')}
            </Button>
          </Space>
          {canSave && simulation && (
            <Space>
              <Input
                style={{ width: 160 }}
                placeholder={t('simulation.scenarioName')}
                value={scenarioName}
                onChange={(e) => setScenarioName(e.target.value)}
                data-testid="scenario-name"
              />
              <Button
                disabled={!scenarioName.trim()}
                onClick={() => void saveScenario()}
                data-testid="scenario-save"
              >
                {t('simulation.saveScenario')}
              </Button>
            </Space>
          )}
        </Space>
        {simulation && (
          <Space direction="vertical">
            <Space wrap>
              <Tag color="blue" data-testid="simulation-node">
                {simulation.node}
              </Tag>
              <Tag
                color={
                  simulation.status === 'active'
                    ? 'processing'
                    : simulation.status === 'done'
                      ? 'success'
                      : 'error'
                }
                data-testid="simulation-status"
                data-status={simulation.status}
              >
                {t(`simulation.status.${simulation.status}`)}
              </Tag>
              <Typography.Text type="secondary" data-testid="simulation-clock">
                {t('simulation.clock')}{' '}
                {formatOwnClock(simulation.now, language, { withOffset: true })}
              </Typography.Text>
              {simulation.nextTimerAt && (
                <Space size={4}>
                  <Typography.Text type="secondary" data-testid="simulation-next-timer">
                    {t('simulation.nextTimer')} {formatOwnClock(simulation.nextTimerAt, language)}
                  </Typography.Text>
                  <Button
                    size="small"
                    data-testid="simulation-to-next-timer"
                    onClick={() => update((sim) => sim.advanceToNextTimer())}
                  >
                    {t('simulation.toNextTimer')}
                  </Button>
                </Space>
              )}
            </Space>
            <Space wrap>
              {simulation.waitingFor.map((type) => (
                <Button
                  key={type}
                  title={type}
                  data-testid={`simulation-send-${type}`}
                  onClick={() => update((sim) => sim.send(type, JSON.parse(payload) as JsonObject))}
                >
                  {t('simulation.send')} {eventName(type, language)}
                </Button>
              ))}
              {simulation.earlyChoices.map((type) => (
                <Button
                  key={type}
                  type="dashed"
                  title={type}
                  data-testid={`simulation-send-early-${type}`}
                  onClick={() => update((sim) => sim.send(type, JSON.parse(payload) as JsonObject))}
                >
                  {t('simulation.sendEarly')} {eventName(type, language)}
                </Button>
              ))}
              {simulation.replyOptions.map((option) => (
                <Button
                  key={option.id}
                  type="dashed"
                  data-testid={`simulation-reply-${option.id}`}
                  onClick={() => update((sim) => sim.reply(option.id))}
                >
                  {t('simulation.replyWith')} {option.label[language] ?? option.label.zh}
                </Button>
              ))}
              {simulation.awaitingDelivery && (
                <Space data-testid="simulation-delivery">
                  <Typography.Text>{t('simulation.delivery.waiting')}</Typography.Text>
                  <Button
                    size="small"
                    data-testid="simulation-delivered"
                    onClick={() => update((sim) => sim.answerDelivery(true))}
                  >
                    {t('simulation.delivery.delivered')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    data-testid="simulation-not-delivered"
                    onClick={() => update((sim) => sim.answerDelivery(false))}
                  >
                    {t('simulation.delivery.notDelivered')}
                  </Button>
                </Space>
              )}
              {simulation.openCalls.map((call) => (
                <Space key={call.id}>
                  <Typography.Text title={call.operation}>
                    {callName(call.operation, language)}
                  </Typography.Text>
                  <Button
                    size="small"
                    data-testid={`simulation-succeed-${call.operation}`}
                    onClick={() => update((sim) => sim.answerCall(call, true))}
                  >
                    {t('simulation.succeed')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    data-testid={`simulation-fail-${call.operation}`}
                    onClick={() => update((sim) => sim.answerCall(call, false))}
                  >
                    {t('simulation.fail')}
                  </Button>
                </Space>
              ))}
            </Space>
            <Space wrap>
              <Input
                style={{ width: 260, fontFamily: 'monospace' }}
                value={payload}
                onChange={(e) => setPayload(e.target.value)}
                addonBefore={t('simulation.payload')}
                data-testid="simulation-payload"
              />
              <Input
                style={{ width: 140 }}
                value={duration}
                onChange={(e) => setDuration(e.target.value)}
                data-testid="simulation-duration"
              />
              <Button
                onClick={() => update((sim) => sim.advance(duration))}
                data-testid="simulation-advance"
              >
                {t('simulation.advance')}
              </Button>
            </Space>
          </Space>
        )}
      </Space>
      {simulation && (
        <Table<TimelineEntry & { key: number }>
          size="small"
          pagination={false}
          data-testid="simulation-timeline"
          scroll={{ x: 'max-content' }}
          dataSource={simulation.timeline.map((entry, key) => ({ ...entry, key }))}
          columns={[
            {
              title: t('simulation.at'),
              width: 150,
              render: (_, e) => formatOwnClock(e.at, language),
            },
            {
              title: t('simulation.event'),
              render: (_, e) => (
                <Space size={4} wrap>
                  <span title={e.event.type}>{eventName(e.event.type, language)}</span>
                  <TimelineMark entry={e} />
                </Space>
              ),
            },
            { title: t('simulation.move'), render: (_, e) => `${e.from} → ${e.to}` },
            {
              title: t('simulation.effects'),
              render: (_, e) =>
                e.effects.map((f, i) => <Tag key={i}>{t(`run.effectKind.${f.kind}`)}</Tag>),
            },
          ]}
        />
      )}
      {simulation && <EventsLetGo dropped={simulation.dropped} parked={simulation.parked} />}
    </div>
  );
}
