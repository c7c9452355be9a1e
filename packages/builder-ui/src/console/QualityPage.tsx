import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/api-client.ts';
import {
  qualityApi,
  type AgentQuality,
  type PhraseLists,
  type QualityReport,
  type QualityRule,
  type QualityRuleParams,
} from '../api/service-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { copyIcons, numberControls, pageArrows } from '../app/antd-icons.tsx';
import { useConsoleMessage } from '../app/use-console-message.ts';

/** The numeric parameters, in the order they are shown. */
const NUMBERS = ['withinMessages', 'seconds', 'lastMessages', 'threshold'] as const;

/** An agent as operators know them: the display name, the login id on hover. */
const AgentName = ({ id, name }: { id: string; name: string | undefined }) => (
  <span title={id} data-agent={id}>
    {name ?? id}
  </span>
);

/** A report of a handoff a supervisor ended for its agent (older reports name nobody). */
const endedBySomeoneElse = (report: QualityReport) =>
  !!report.endedBy && report.endedBy !== `user:${report.agentId}`;

const scoreColor = (score: number) => (score >= 85 ? 'green' : score >= 60 ? 'gold' : 'red');

/**
 * Quality inspection for operators: every resolved human handoff's report (score, findings,
 * the operator's review beside the automatic score), each agent's average, and the rules
 * (on/off, points, words and limits) the next inspections use.
 */
export function QualityPage({ canEdit, canOperate }: { canEdit: boolean; canOperate: boolean }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const message = useConsoleMessage();
  const [rules, setRules] = useState<{ version: number; rules: QualityRule[] }>();
  const [reports, setReports] = useState<{ reports: QualityReport[]; maxLimit: number }>();
  const [agents, setAgents] = useState<AgentQuality[]>([]);
  const [agentFilter, setAgentFilter] = useState<string>();
  const [reviewing, setReviewing] = useState<{
    report: QualityReport;
    score: number;
    note: string;
  }>();
  const fail = useCallback(
    (error: unknown) => void message.error(errorText(error, language)),
    [message, language],
  );

  const loadReports = useCallback(() => {
    void qualityApi.reports(agentFilter).then(setReports, fail);
    void qualityApi.agents().then((r) => setAgents(r.agents), fail);
  }, [agentFilter, fail]);
  useEffect(loadReports, [loadReports]);
  useEffect(() => void qualityApi.rules().then(setRules, fail), [fail]);

  const changeRule = (id: QualityRule['id'], change: Partial<QualityRule>) =>
    setRules(
      (current) =>
        current && {
          ...current,
          rules: current.rules.map((rule) => (rule.id === id ? { ...rule, ...change } : rule)),
        },
    );
  const changeParams = (rule: QualityRule, change: Partial<QualityRuleParams>) =>
    changeRule(rule.id, { params: { ...rule.params, ...change } });

  const saveRules = async () => {
    if (!rules) return;
    try {
      setRules(await qualityApi.saveRules(rules.rules));
      void message.success(t('quality.saved'));
    } catch (error) {
      fail(error);
    }
  };
  const saveReview = async () => {
    if (!reviewing) return;
    try {
      await qualityApi.override(reviewing.report.handoffId, reviewing.score, reviewing.note);
      setReviewing(undefined);
      loadReports();
    } catch (error) {
      fail(error);
    }
  };

  const phraseEditor = (rule: QualityRule, key: 'words' | 'phrases', lists: PhraseLists) => (
    <Space direction="vertical" style={{ width: '100%' }}>
      {(['zh', 'en'] as const).map((lang) => (
        <Select
          key={lang}
          mode="tags"
          data-testid={`rule-${rule.id}-${key}-${lang}`}
          disabled={!canEdit}
          style={{ width: '100%' }}
          prefix={t(lang === 'zh' ? 'quality.zhList' : 'quality.enList')}
          value={lists[lang]}
          tokenSeparators={['\n']}
          onChange={(value: string[]) => changeParams(rule, { [key]: { ...lists, [lang]: value } })}
        />
      ))}
    </Space>
  );
  const paramsEditor = (rule: QualityRule) => (
    <Space direction="vertical" style={{ width: '100%' }}>
      {rule.params.words && phraseEditor(rule, 'words', rule.params.words)}
      {rule.params.phrases && phraseEditor(rule, 'phrases', rule.params.phrases)}
      <Space wrap>
        {NUMBERS.filter((key) => rule.params[key] !== undefined).map((key) => (
          <InputNumber
            controls={numberControls}
            key={key}
            data-testid={`rule-${rule.id}-${key}`}
            disabled={!canEdit}
            addonBefore={t(`quality.${key}`)}
            value={rule.params[key]}
            onChange={(value) => value !== null && changeParams(rule, { [key]: value })}
          />
        ))}
      </Space>
    </Space>
  );

  const reportsTable = (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder={t('quality.agentFilter')}
          aria-label={t('quality.agentFilter')}
          style={{ width: 200 }}
          value={agentFilter}
          options={agents.map((a) => ({ value: a.agentId, label: a.agentName }))}
          onChange={(value?: string) => setAgentFilter(value)}
        />
        <Button data-testid="quality-refresh" onClick={loadReports}>
          {t('quality.refresh')}
        </Button>
        <Typography.Text type="secondary">
          {t('quality.limitNote', { limit: reports?.maxLimit ?? 200 })}
        </Typography.Text>
      </Space>
      <Table<QualityReport>
        size="small"
        rowKey="handoffId"
        data-testid="quality-reports"
        dataSource={reports?.reports ?? []}
        pagination={{ itemRender: pageArrows }}
        columns={[
          {
            title: t('quality.agent'),
            width: 120,
            render: (_, report) => (
              <>
                <AgentName id={report.agentId} name={report.agentName} />
                {endedBySomeoneElse(report) && (
                  <div>
                    <Typography.Text
                      type="secondary"
                      data-testid={`ended-by-${report.handoffId}`}
                      title={t('quality.endedBySupervisorHint')}
                    >
                      {t('quality.endedBySupervisor', {
                        who: report.endedBy?.replace(/^user:/, ''),
                      })}
                    </Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          {
            title: t('quality.at'),
            dataIndex: 'at',
            width: 170,
            render: (at: string) => formatDateTime(at, language),
          },
          {
            title: t('quality.score'),
            width: 150,
            render: (_, report) => (
              <Space size={4} data-testid={`score-${report.handoffId}`}>
                <Tag color={scoreColor(report.effectiveScore)}>{report.effectiveScore}</Tag>
                {report.override && (
                  <Typography.Text type="secondary" title={report.override.note}>
                    {t('quality.overridden')} · {t('quality.autoScore', { score: report.score })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('quality.findings'),
            render: (_, report) =>
              report.findings.length === 0 ? (
                <Typography.Text type="secondary">{t('quality.noFindings')}</Typography.Text>
              ) : (
                <ul className="quality-findings">
                  {report.findings.map((finding, index) => (
                    <li key={index}>
                      <Tag>{t(`quality.rule.${finding.rule}`)}</Tag>
                      {finding.text[language]}
                      {finding.seq !== undefined && (
                        <Typography.Text type="secondary">
                          {' '}
                          ({t('quality.seq', { seq: finding.seq })})
                        </Typography.Text>
                      )}
                    </li>
                  ))}
                </ul>
              ),
          },
          {
            title: t('quality.conversation'),
            dataIndex: 'conversationId',
            width: 140,
            render: (id: string) => (
              <Typography.Text copyable={{ text: id, icon: copyIcons }}>
                {id.slice(0, 10)}…
              </Typography.Text>
            ),
          },
          ...(canOperate
            ? [
                {
                  title: '',
                  width: 110,
                  render: (_: unknown, report: QualityReport) => (
                    <Button
                      size="small"
                      data-testid={`override-${report.handoffId}`}
                      onClick={() =>
                        setReviewing({
                          report,
                          score: report.effectiveScore,
                          note: report.override?.note ?? '',
                        })
                      }
                    >
                      {t('quality.override')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );

  const rulesTable = rules && (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {t('quality.version', { version: rules.version })}
        </Typography.Text>
        {canEdit && (
          <Button type="primary" data-testid="quality-rules-save" onClick={() => void saveRules()}>
            {t('quality.save')}
          </Button>
        )}
      </Space>
      <Table<QualityRule>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rules.rules}
        columns={[
          {
            title: '',
            width: 200,
            render: (_, rule) => (
              <Typography.Text strong>{t(`quality.rule.${rule.id}`)}</Typography.Text>
            ),
          },
          {
            title: t('quality.enabled'),
            width: 70,
            render: (_, rule) => (
              <Switch
                data-testid={`rule-${rule.id}-enabled`}
                disabled={!canEdit}
                checked={rule.enabled}
                onChange={(enabled) => changeRule(rule.id, { enabled })}
              />
            ),
          },
          {
            title: t('quality.weight'),
            width: 100,
            render: (_, rule) => (
              <InputNumber
                controls={numberControls}
                data-testid={`rule-${rule.id}-weight`}
                disabled={!canEdit}
                min={0}
                max={100}
                value={rule.weight}
                onChange={(weight) => weight !== null && changeRule(rule.id, { weight })}
              />
            ),
          },
          { title: t('quality.params'), render: (_, rule) => paramsEditor(rule) },
        ]}
      />
    </>
  );

  return (
    <div className="page quality" data-testid="quality">
      <Typography.Title level={3}>{t('quality.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'reports', label: t('quality.reportsTab'), children: reportsTable },
          {
            key: 'agents',
            label: <span data-testid="quality-agents-tab">{t('quality.agentsTab')}</span>,
            children: (
              <Table<AgentQuality>
                size="small"
                rowKey="agentId"
                pagination={false}
                data-testid="quality-agents"
                dataSource={agents}
                columns={[
                  {
                    title: t('quality.agent'),
                    render: (_, agent) => <AgentName id={agent.agentId} name={agent.agentName} />,
                  },
                  {
                    title: t('quality.averageScore'),
                    dataIndex: 'averageScore',
                    render: (score: number) => <Tag color={scoreColor(score)}>{score}</Tag>,
                  },
                  { title: t('quality.reports'), dataIndex: 'reports' },
                  { title: t('quality.overriddenCount'), dataIndex: 'overridden' },
                ]}
              />
            ),
          },
          {
            key: 'rules',
            label: <span data-testid="quality-rules-tab">{t('quality.rulesTab')}</span>,
            children: rulesTable,
          },
        ]}
      />
      <Modal
        open={!!reviewing}
        title={t('quality.overrideTitle', { id: reviewing?.report.handoffId.slice(0, 8) ?? '' })}
        okButtonProps={{ 'data-testid': 'override-save', disabled: !reviewing?.note.trim() }}
        onOk={() => void saveReview()}
        onCancel={() => setReviewing(undefined)}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <InputNumber
            controls={numberControls}
            data-testid="override-score"
            addonBefore={t('quality.overrideScore')}
            min={0}
            max={100}
            precision={0}
            value={reviewing?.score}
            onChange={(score) => score !== null && setReviewing((r) => r && { ...r, score })}
          />
          <Input.TextArea
            data-testid="override-note"
            placeholder={t('quality.overrideNote')}
            autoSize={{ minRows: 2 }}
            maxLength={1000}
            value={reviewing?.note}
            onChange={(e) => setReviewing((r) => r && { ...r, note: e.target.value })}
          />
        </Space>
      </Modal>
    </div>
  );
}
