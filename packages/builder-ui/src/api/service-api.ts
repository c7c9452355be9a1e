import { api, type Answer } from './api-client.ts';
import type { RequestBody } from './api-types.ts';

/** A chat message as the console sees it. */
export type ChatLine = Answer<'getApiConversationsId'>['messages'][number];

export type ConversationView = Answer<'getApiConversationsId'>['conversation'];

/** A handoff; its context is whatever the conversation passed, read as below. */
export type Handoff = Omit<Answer<'getApiAgentsMeInbox'>['handoffs'][number], 'context'> & {
  context: {
    reason?: string;
    orderId?: string;
    order?: Record<string, unknown>;
    intents?: { intent: string; confidence: number }[];
    journey?: { instanceId: string; nodeId: string };
  } | null;
};

export type QueueSummary = Answer<'getApiQueues'>['queues'][number];

export type SkillGroup = Answer<'getApiSkillGroups'>['skillGroups'][number];

export type KnowledgeArticle = Answer<'getApiKnowledgeArticlesId'>;

export type UnansweredGroup = Answer<'getApiKnowledgeUnanswered'>['groups'][number];

export type QualityRule = Answer<'getApiQualityRules'>['rules'][number];
export type QualityRuleId = QualityRule['id'];
/** A quality rule's parameters (which fields depends on the rule). */
export type QualityRuleParams = QualityRule['params'];
export type PhraseLists = NonNullable<QualityRuleParams['words']>;

export type QualityReport = Answer<'getApiQualityReportsHandoffId'>;
export type QualityFinding = QualityReport['findings'][number];

export type AgentQuality = Answer<'getApiQualityAgents'>['agents'][number];

export type FollowUpTask = Answer<'getApiConversationsIdFollowUps'>['followUps'][number];

/** Quality inspection: rules, reports, reviews, per-agent averages. */
export const qualityApi = {
  rules: () => api<Answer<'getApiQualityRules'>>('GET', '/quality/rules'),
  saveRules: (rules: QualityRule[]) =>
    api<Answer<'putApiQualityRules'>>('PUT', '/quality/rules', {
      rules: Object.fromEntries(
        rules.map(({ id, enabled, weight, params }) => [id, { enabled, weight, params }]),
      ),
    }),
  reports: (agentId?: string) =>
    api<Answer<'getApiQualityReports'>>(
      'GET',
      `/quality/reports?${new URLSearchParams({ limit: '200', ...(agentId ? { agentId } : {}) })}`,
    ),
  override: (handoffId: string, score: number, note: string) =>
    api<Answer<'putApiQualityReportsHandoffIdOverride'>>(
      'PUT',
      `/quality/reports/${encodeURIComponent(handoffId)}/override`,
      {
        score,
        note,
      },
    ),
  agents: () => api<Answer<'getApiQualityAgents'>>('GET', '/quality/agents'),
};

/** What the inbox stream sends: the inbox answer and the queues answer together. */
export type InboxView = Omit<Answer<'getApiAgentsMeInbox'>, 'handoffs'> & {
  handoffs: Handoff[];
} & Answer<'getApiQueues'>;

/** The agent's side: status, inbox, conversations, queues. */
export const inboxApi = {
  setStatus: (status: 'online' | 'busy' | 'away') =>
    api<Answer<'postApiAgentsMeStatus'>>('POST', '/agents/me/status', { status }),
  inbox: () =>
    api<Omit<Answer<'getApiAgentsMeInbox'>, 'handoffs'> & { handoffs: Handoff[] }>(
      'GET',
      '/agents/me/inbox',
    ),
  queues: () => api<Answer<'getApiQueues'>>('GET', '/queues'),
  /**
   * Follows the agent's inbox and the queues as server-sent events: the view at once, then
   * after each change (the browser reconnects by itself).
   */
  followInbox: (onView: (view: InboxView) => void): (() => void) => {
    const source = new EventSource('/api/agents/me/inbox/stream');
    source.addEventListener('inbox', (event: MessageEvent<string>) =>
      onView(JSON.parse(event.data) as InboxView),
    );
    return () => source.close();
  },
  groups: () => api<Answer<'getApiSkillGroups'>>('GET', '/skill-groups'),
  conversation: (id: string) =>
    api<Answer<'getApiConversationsId'>>('GET', `/conversations/${encodeURIComponent(id)}`),
  /**
   * Follows a conversation's messages after `after` as server-sent events (the session cookie
   * authenticates; the browser reconnects and resumes after the last one by itself).
   */
  follow: (id: string, after: number, onLine: (line: ChatLine) => void): (() => void) => {
    const source = new EventSource(
      `/api/conversations/${encodeURIComponent(id)}/stream?after=${after}`,
    );
    source.addEventListener('message', (event: MessageEvent<string>) =>
      onLine(JSON.parse(event.data) as ChatLine),
    );
    return () => source.close();
  },
  /**
   * Follows several conversations' new messages, each after its number, on one server-sent
   * event stream (the desk's unread marks). A reconnecting browser asks again from the same
   * numbers, so a line may come twice.
   */
  followMany: (
    after: Readonly<Record<string, number>>,
    onLine: (conversationId: string, line: ChatLine) => void,
  ): (() => void) => {
    const follow = Object.entries(after)
      .map(([id, seq]) => `${encodeURIComponent(id)}:${seq}`)
      .join(',');
    const source = new EventSource(`/api/conversations/stream?follow=${follow}`);
    source.addEventListener('message', (event: MessageEvent<string>) => {
      const { conversationId, ...line } = JSON.parse(event.data) as ChatLine & {
        conversationId: string;
      };
      onLine(conversationId, line);
    });
    return () => source.close();
  },
  reply: (id: string, text: string) =>
    api<Answer<'postApiConversationsIdMessages'>>(
      'POST',
      `/conversations/${encodeURIComponent(id)}/messages`,
      { text },
    ),
  resolve: (id: string, article?: { question: string; answer: string }) =>
    api<Answer<'postApiConversationsIdResolve'>>(
      'POST',
      `/conversations/${encodeURIComponent(id)}/resolve`,
      article ? { article } : {},
    ),
  transfer: (handoffId: string, group: string) =>
    api<Answer<'postApiHandoffsIdTransfer'>>(
      'POST',
      `/handoffs/${encodeURIComponent(handoffId)}/transfer`,
      { group },
    ),
  followUps: (id: string) =>
    api<Answer<'getApiConversationsIdFollowUps'>>(
      'GET',
      `/conversations/${encodeURIComponent(id)}/follow-ups`,
    ),
  createFollowUp: (id: string, dueAt: string, note: string) =>
    api<Answer<'postApiConversationsIdFollowUps'>>(
      'POST',
      `/conversations/${encodeURIComponent(id)}/follow-ups`,
      {
        dueAt,
        note,
      },
    ),
};

/** The knowledge base's management and search. */
export const knowledgeApi = {
  list: (q: string, page: number) =>
    api<Answer<'getApiKnowledgeArticles'>>(
      'GET',
      `/knowledge/articles?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`,
    ),
  create: (article: RequestBody<'postApiKnowledgeArticles'>) =>
    api<Answer<'postApiKnowledgeArticles'>>('POST', '/knowledge/articles', article),
  /**
   * Saves the article whole (the server replaces it): the fields the console's form does not
   * show — channels, validity — go back as they were, or an edit would widen them to "all".
   */
  update: (article: KnowledgeArticle) =>
    api<Answer<'putApiKnowledgeArticlesId'>>(
      'PUT',
      `/knowledge/articles/${encodeURIComponent(article.id)}`,
      {
        questions: article.questions,
        synonyms: article.synonyms ?? [],
        answer: article.answer,
        tags: article.tags,
        channels: article.channels,
        validFrom: article.validFrom,
        validUntil: article.validUntil,
        status: article.status,
        revision: article.revision,
      },
    ),
  remove: (id: string) =>
    api<Answer<'deleteApiKnowledgeArticlesId'>>(
      'DELETE',
      `/knowledge/articles/${encodeURIComponent(id)}`,
    ),
  search: (question: string, language: 'zh' | 'en') =>
    api<Answer<'postApiKnowledgeSearch'>>('POST', '/knowledge/search', {
      question,
      language,
    }),
  unanswered: () => api<Answer<'getApiKnowledgeUnanswered'>>('GET', '/knowledge/unanswered'),
  promote: (groupKey: string, answer: { zh?: string; en?: string }) =>
    api<Answer<'postApiKnowledgeUnansweredPromote'>>('POST', '/knowledge/unanswered/promote', {
      groupKey,
      answer,
      status: 'published',
    }),
  /** Uploads a JSON or CSV file as it is; one bad row imports nothing. */
  importFile: async (file: File) =>
    api<Answer<'postApiKnowledgeImport'>>(
      'POST',
      '/knowledge/import',
      await file.text(),
      file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/json',
    ),
};
