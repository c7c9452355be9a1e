import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  App as AntApp,
  Badge,
  Button,
  Descriptions,
  Empty,
  Input,
  List,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/api-client.ts';
import {
  inboxApi,
  knowledgeApi,
  type ChatLine,
  type QueueSummary,
  type SkillGroup,
} from '../api/service-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDuration } from '../i18n/format.ts';
import { inOrder, useScrollToNewest, useUnread } from './use-desk-attention.ts';
import { DeskNotificationsButton } from './DeskNotificationsButton.tsx';
import { DeskProfile } from './DeskProfile.tsx';
import { QuickReplyPicker } from './QuickReplyPicker.tsx';
import { CustomerHistoryPanel } from './CustomerHistoryPanel.tsx';
import { useIntentTitle } from './use-intent-titles.ts';
import { createDeskStore, proposalOf, useDesk } from './desk-store.ts';

/** This time tomorrow as a `datetime-local` value (the browser's time zone). */
function tomorrowLocal(): string {
  const at = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/**
 * An agent's desk: their status, the queues, the conversations handed to them with the whole
 * context (transcript, intents, the order, the journey that handed over), quick replies from
 * the knowledge base, transfer, and resolve with an optional article proposal.
 */
export function AgentInboxPage() {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const { message } = AntApp.useApp();
  const [desk] = useState(createDeskStore);
  const status = useDesk(desk, (s) => s.status);
  const myName = useDesk(desk, (s) => s.myName);
  const handoffs = useDesk(desk, (s) => s.handoffs);
  const queues = useDesk(desk, (s) => s.queues);
  const selected = useDesk(desk, (s) => s.selected);
  const chat = useDesk(desk, (s) => s.chat);
  const {
    showInbox: show,
    select: setSelected,
    opened,
    addLine,
    closeConversation,
  } = desk.getState();
  const intentTitle = useIntentTitle();
  const [groups, setGroups] = useState<SkillGroup[]>([]);
  // Groups and tiers by their names in the language shown, not their ids.
  const groupName = (id: string) => groups.find((g) => g._id === id)?.title[language] ?? id;
  const tierName = (tier: string) => t(`desk.tier.${tier}`, { defaultValue: tier });
  const [draft, setDraft] = useState('');
  const [unfilled, setUnfilled] = useState<string[]>([]);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [resolving, setResolving] = useState(false);
  const [proposal, setProposal] = useState({ question: '', answer: '' });
  const [followUp, setFollowUp] = useState<{ due: string; note: string }>();
  const [followUps, setFollowUps] = useState(0);
  const fail = useCallback(
    (error: unknown) => void message.error(errorText(error, language)),
    [message, language],
  );

  // After the agent's own change, at once (the stream follows too, a moment later).
  const refresh = useCallback(async () => {
    const [inbox, summary] = await Promise.all([inboxApi.inbox(), inboxApi.queues()]);
    show({ ...inbox, ...summary });
  }, [show]);
  // The inbox and the queues as the server streams them, instead of asking every 2 s.
  useEffect(() => {
    void inboxApi.groups().then((g) => setGroups(g.skillGroups), fail);
    return inboxApi.followInbox(show);
  }, [show, fail]);

  const handoff = handoffs.find((h) => h.conversationId === selected);
  const lines = useMemo(() => (chat ? inOrder(chat.messages) : []), [chat]);
  const transcript = useRef<HTMLDivElement>(null);
  useScrollToNewest(transcript, lines.length);
  const notify = useCallback((count: number) => t('desk.notification', { count }), [t]);
  const unread = useUnread(
    handoffs.map((h) => h.conversationId),
    selected,
    chat?.conversation._id === selected ? chat?.messages : undefined,
    notify,
  );

  useEffect(() => {
    setFollowUps(0);
    if (!selected) return;
    void inboxApi.followUps(selected).then(
      (r) => setFollowUps(r.followUps.length),
      () => {},
    );
  }, [selected]);
  // The open conversation: read once, then its new lines as the server streams them.
  useEffect(() => {
    if (!selected) return;
    let stop: (() => void) | undefined;
    let left = false;
    const add = (line: ChatLine) => addLine(selected, line);
    inboxApi.conversation(selected).then((loaded) => {
      if (left) return;
      opened(loaded);
      const after = Math.max(0, ...loaded.messages.map((m) => m.seq));
      stop = inboxApi.follow(selected, after, add);
    }, fail);
    return () => {
      left = true;
      stop?.();
    };
  }, [selected, fail, addLine, opened]);

  const lastCustomerLine = chat?.messages.filter((m) => m.from === 'customer').at(-1)?.text;
  useEffect(() => {
    if (!lastCustomerLine || !chat) return setSuggestions([]);
    knowledgeApi
      .search(lastCustomerLine, chat.conversation.customer.language)
      .then((found) =>
        setSuggestions(
          found.matches
            .map((m) => m.article.answer[chat.conversation.customer.language] ?? '')
            .filter(Boolean)
            .slice(0, 3),
        ),
      )
      .catch(() => setSuggestions([]));
    // Only a new customer line asks again.
  }, [lastCustomerLine]);

  const send = async () => {
    if (!selected || !draft.trim()) return;
    try {
      await inboxApi.reply(selected, draft.trim());
      setDraft('');
      setUnfilled([]);
      opened(await inboxApi.conversation(selected));
    } catch (error) {
      fail(error);
    }
  };
  const saveFollowUp = async () => {
    if (!selected || !followUp) return;
    try {
      await inboxApi.createFollowUp(selected, new Date(followUp.due).toISOString(), followUp.note);
      const { followUps: tasks } = await inboxApi.followUps(selected);
      setFollowUps(tasks.length);
      setFollowUp(undefined);
      void message.success(t('inbox.followUpCreated', { count: tasks.length }));
    } catch (error) {
      fail(error);
    }
  };
  const openResolve = () => {
    setProposal(proposalOf(chat));
    setResolving(true);
  };
  const resolve = async (propose: boolean) => {
    if (!selected) return;
    try {
      const result = await inboxApi.resolve(
        selected,
        propose && proposal.question && proposal.answer ? proposal : undefined,
      );
      void message.success(
        result.proposedArticle
          ? t('inbox.resolvedWithArticle', { id: result.proposedArticle })
          : t('inbox.resolved'),
      );
      setResolving(false);
      closeConversation();
      await refresh();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <div className="page inbox" data-testid="inbox">
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('inbox.title')}
        </Typography.Title>
        <Segmented
          data-testid="agent-status"
          value={status}
          options={(['online', 'busy', 'away'] as const).map((value) => ({
            value,
            label: t(`inbox.status.${value}`),
          }))}
          onChange={(value) =>
            void inboxApi
              .setStatus(value as 'online' | 'busy' | 'away')
              .then(refresh)
              .catch(fail)
          }
        />
        <DeskProfile name={myName} onSaved={() => void refresh().catch(fail)} />
      </Space>
      <Table<QueueSummary>
        size="small"
        rowKey="group"
        pagination={false}
        dataSource={queues}
        data-testid="queues"
        columns={[
          { title: t('inbox.group'), dataIndex: 'group', render: groupName },
          { title: t('inbox.waiting'), dataIndex: 'waiting' },
          {
            title: t('inbox.oldestWait'),
            dataIndex: 'oldestWaitSeconds',
            render: (s: number) => formatDuration(s * 1000, language),
          },
          { title: t('inbox.online'), dataIndex: 'onlineAgents' },
        ]}
        style={{ marginBottom: 12 }}
      />
      <div className="inbox-panes">
        <List
          className="inbox-list"
          header={
            <Space>
              {t('inbox.mine', { count: handoffs.length })}
              <DeskNotificationsButton />
            </Space>
          }
          dataSource={handoffs}
          locale={{ emptyText: t('inbox.none') }}
          renderItem={(item) => (
            <List.Item
              data-testid={`handoff-${item.conversationId}`}
              className={item.conversationId === selected ? 'selected' : ''}
              onClick={() => setSelected(item.conversationId)}
              style={{ cursor: 'pointer' }}
            >
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  <Typography.Text strong>{item.customer.id}</Typography.Text>
                  {(unread[item.conversationId] ?? 0) > 0 && (
                    <Badge
                      count={unread[item.conversationId]}
                      data-testid={`unread-${item.conversationId}`}
                      title={t('desk.unread', { count: unread[item.conversationId] })}
                    />
                  )}
                </Space>
                <Space size={4}>
                  <Tag color={item.customer.tier === 'normal' ? 'default' : 'gold'}>
                    {tierName(item.customer.tier)}
                  </Tag>
                  <Tag>{groupName(item.group)}</Tag>
                </Space>
              </Space>
            </List.Item>
          )}
        />
        <div className="inbox-chat">
          {!chat ? (
            <Empty description={t('inbox.pick')} />
          ) : (
            <>
              <div className="inbox-messages" data-testid="inbox-messages" ref={transcript}>
                {lines.map((m) => (
                  <div key={m.seq} className={`chat-line from-${m.from}`}>
                    <Typography.Text type="secondary">
                      {t(`inbox.from.${m.from}`)}
                      {m.agentName && ` · ${m.agentName}`}
                    </Typography.Text>
                    <div>{m.text}</div>
                  </div>
                ))}
              </div>
              {suggestions.length > 0 && (
                <Space wrap data-testid="quick-replies">
                  <Typography.Text type="secondary">{t('inbox.quickReplies')}</Typography.Text>
                  {suggestions.map((text) => (
                    <Button key={text} size="small" onClick={() => setDraft(text)}>
                      {text.length > 30 ? `${text.slice(0, 30)}…` : text}
                    </Button>
                  ))}
                </Space>
              )}
              <Space style={{ marginTop: 8 }} wrap>
                <QuickReplyPicker
                  language={chat.conversation.customer.language}
                  values={{
                    'customer.name': chat.conversation.customer.name,
                    'customer.id': chat.conversation.customer.id,
                    'order.id': chat.conversation.orderId,
                    'agent.name': myName,
                  }}
                  onPick={(text, missing) => {
                    setDraft((d) => (d.trim() ? `${d.trimEnd()} ${text}` : text));
                    setUnfilled(missing);
                  }}
                />
                {unfilled.length > 0 && (
                  <Typography.Text type="warning" data-testid="quick-reply-missing">
                    {t('quickReplies.missing', { names: unfilled.join(', ') })}
                  </Typography.Text>
                )}
              </Space>
              <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                <Input.TextArea
                  data-testid="inbox-reply"
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  value={draft}
                  maxLength={2000}
                  onChange={(e) => setDraft(e.target.value)}
                  onPressEnter={(e) => {
                    if (!e.shiftKey) {
                      e.preventDefault();
                      void send();
                    }
                  }}
                />
                <Button type="primary" data-testid="inbox-send" onClick={() => void send()}>
                  {t('inbox.send')}
                </Button>
              </Space.Compact>
              <Space style={{ marginTop: 8 }}>
                <Select
                  placeholder={t('inbox.transfer')}
                  style={{ width: 180 }}
                  disabled={!handoff}
                  options={groups
                    .filter((g) => g._id !== handoff?.group)
                    .map((g) => ({ value: g._id, label: g.title[language] }))}
                  onChange={(group: string) =>
                    handoff &&
                    void inboxApi
                      .transfer(handoff._id, group)
                      .then(() => {
                        closeConversation();
                        return refresh();
                      })
                      .catch(fail)
                  }
                />
                <Button
                  data-testid="inbox-follow-up"
                  onClick={() => setFollowUp({ due: tomorrowLocal(), note: '' })}
                >
                  {t('inbox.followUp')}
                  {followUps > 0 && ` (${followUps})`}
                </Button>
                <Button data-testid="inbox-resolve" onClick={openResolve}>
                  {t('inbox.resolve')}
                </Button>
              </Space>
            </>
          )}
        </div>
        <div className="inbox-context" data-testid="inbox-context">
          {chat && (
            <Descriptions
              size="small"
              column={1}
              bordered
              layout="vertical"
              title={t('inbox.context')}
            >
              <Descriptions.Item label={t('inbox.customer')}>
                {chat.conversation.customer.id} · {tierName(chat.conversation.customer.tier)} ·{' '}
                {t(`desk.language.${chat.conversation.customer.language}`, {
                  defaultValue: chat.conversation.customer.language,
                })}
              </Descriptions.Item>
              <Descriptions.Item label={t('inbox.intents')}>
                {chat.conversation.intents.map((i, index) => (
                  <Tag key={index} title={i.intent}>
                    {intentTitle(i.intent)} {Math.round(i.confidence * 100)}%
                  </Tag>
                ))}
              </Descriptions.Item>
              <Descriptions.Item label={t('inbox.order')}>
                {chat.conversation.orderId ?? '—'}
                {handoff?.context?.order && (
                  <pre className="instance-data">
                    {JSON.stringify(handoff.context.order, null, 2)}
                  </pre>
                )}
              </Descriptions.Item>
              {handoff?.context?.journey && (
                <Descriptions.Item label={t('inbox.journey')}>
                  <a href={`#/instances/${encodeURIComponent(handoff.context.journey.instanceId)}`}>
                    {handoff.context.journey.instanceId}
                  </a>{' '}
                  @ {handoff.context.journey.nodeId}
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
          {chat && <CustomerHistoryPanel conversationId={chat.conversation._id} />}
        </div>
      </div>
      <Modal
        open={!!followUp}
        title={t('inbox.followUpTitle')}
        okButtonProps={{ 'data-testid': 'follow-up-save' }}
        onOk={() => void saveFollowUp()}
        onCancel={() => setFollowUp(undefined)}
      >
        <Input
          type="datetime-local"
          data-testid="follow-up-due"
          addonBefore={t('inbox.followUpDue')}
          value={followUp?.due}
          onChange={(e) => setFollowUp((f) => f && { ...f, due: e.target.value })}
          style={{ marginBottom: 8 }}
        />
        <Input.TextArea
          data-testid="follow-up-note"
          placeholder={t('inbox.followUpNote')}
          autoSize={{ minRows: 2 }}
          maxLength={500}
          value={followUp?.note}
          onChange={(e) => setFollowUp((f) => f && { ...f, note: e.target.value })}
        />
      </Modal>
      <Modal
        open={resolving}
        title={t('inbox.resolveTitle')}
        okText={t('inbox.resolveAndPropose')}
        cancelText={t('inbox.resolveOnly')}
        onOk={() => void resolve(true)}
        onCancel={(e) => {
          // The close icon only closes; the second button resolves without a proposal.
          if ((e.currentTarget as HTMLElement).classList.contains('ant-modal-close'))
            setResolving(false);
          else void resolve(false);
        }}
      >
        <Typography.Paragraph type="secondary">{t('inbox.proposeHint')}</Typography.Paragraph>
        <Input
          data-testid="propose-question"
          value={proposal.question}
          onChange={(e) => setProposal((p) => ({ ...p, question: e.target.value }))}
          style={{ marginBottom: 8 }}
        />
        <Input.TextArea
          data-testid="propose-answer"
          autoSize={{ minRows: 2 }}
          value={proposal.answer}
          onChange={(e) => setProposal((p) => ({ ...p, answer: e.target.value }))}
        />
      </Modal>
    </div>
  );
}
