import type { LocalizedText } from '@xiaoer/engine';
import { api } from './api-client.ts';

/** A chat message as the console sees it. */
export interface ChatLine {
  seq: number;
  from: 'customer' | 'bot' | 'agent' | 'system';
  text: string;
  at: string;
  agent?: string;
}

export interface ConversationView {
  _id: string;
  customer: { id: string; tier: string; language: 'zh' | 'en'; name?: string };
  orderId?: string;
  status: 'open' | 'queued' | 'withAgent' | 'closed';
  intents: { intent: string; confidence: number }[];
  handoffId?: string;
  agentId?: string;
}

export interface Handoff {
  _id: string;
  conversationId: string;
  customer: { id: string; tier: string; language: 'zh' | 'en' };
  group: string;
  status: string;
  enqueuedAt: string;
  context: {
    reason?: string;
    orderId?: string;
    order?: Record<string, unknown>;
    intents?: { intent: string; confidence: number }[];
    journey?: { instanceId: string; nodeId: string };
  } | null;
}

export interface QueueSummary {
  group: string;
  waiting: number;
  oldestWaitSeconds: number;
  onlineAgents: number;
  availableAgents: number;
}

export interface SkillGroup {
  _id: string;
  title: LocalizedText;
}

export interface KnowledgeArticle {
  id: string;
  questions: string[];
  /** Words customers use for the subject, matched like extra phrasings. */
  synonyms?: string[];
  answer: { zh?: string; en?: string };
  tags: string[];
  status: 'draft' | 'published';
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

export interface UnansweredGroup {
  key: string;
  count: number;
  examples: { id: string; text: string }[];
}

export type QualityRuleId =
  | 'forbiddenWords'
  | 'noGreeting'
  | 'slowFirstResponse'
  | 'longSilence'
  | 'negativeEnding'
  | 'followUpWithoutTask';

export interface PhraseLists {
  zh: string[];
  en: string[];
}

/** A quality rule's parameters (which fields depends on the rule). */
export interface QualityRuleParams {
  words?: PhraseLists;
  phrases?: PhraseLists;
  withinMessages?: number;
  seconds?: number;
  lastMessages?: number;
  threshold?: number;
}

export interface QualityRule {
  id: QualityRuleId;
  enabled: boolean;
  weight: number;
  params: QualityRuleParams;
  version: number;
}

export interface QualityFinding {
  rule: QualityRuleId;
  seq?: number;
  text: LocalizedText;
}

export interface QualityReport {
  handoffId: string;
  conversationId: string;
  agentId: string;
  at: string;
  score: number;
  effectiveScore: number;
  findings: QualityFinding[];
  rulesetVersion: number;
  override?: { score: number; note: string; by: string; at: string };
}

export interface AgentQuality {
  agentId: string;
  reports: number;
  averageScore: number;
  overridden: number;
}

export interface FollowUpTask {
  id: string;
  seq: number;
  dueAt: string;
  note: string;
  createdBy: string;
}

/** Quality inspection: rules, reports, reviews, per-agent averages. */
export const qualityApi = {
  rules: () => api<{ version: number; rules: QualityRule[] }>('GET', '/quality/rules'),
  saveRules: (rules: QualityRule[]) =>
    api<{ version: number; rules: QualityRule[] }>('PUT', '/quality/rules', {
      rules: Object.fromEntries(
        rules.map(({ id, enabled, weight, params }) => [id, { enabled, weight, params }]),
      ),
    }),
  reports: (agentId?: string) =>
    api<{ reports: QualityReport[]; maxLimit: number }>(
      'GET',
      `/quality/reports?${new URLSearchParams({ limit: '200', ...(agentId ? { agentId } : {}) })}`,
    ),
  override: (handoffId: string, score: number, note: string) =>
    api<QualityReport>('PUT', `/quality/reports/${encodeURIComponent(handoffId)}/override`, {
      score,
      note,
    }),
  agents: () => api<{ agents: AgentQuality[]; truncated: boolean }>('GET', '/quality/agents'),
};

/** The agent's side: status, inbox, conversations, queues. */
export const inboxApi = {
  setStatus: (status: 'online' | 'busy' | 'away') => api('POST', '/agents/me/status', { status }),
  inbox: () => api<{ agent: { status: string }; handoffs: Handoff[] }>('GET', '/agents/me/inbox'),
  queues: () => api<{ queues: QueueSummary[] }>('GET', '/queues'),
  groups: () => api<{ skillGroups: SkillGroup[] }>('GET', '/skill-groups'),
  conversation: (id: string) =>
    api<{ conversation: ConversationView; messages: ChatLine[] }>(
      'GET',
      `/conversations/${encodeURIComponent(id)}`,
    ),
  reply: (id: string, text: string) =>
    api('POST', `/conversations/${encodeURIComponent(id)}/messages`, { text }),
  resolve: (id: string, article?: { question: string; answer: string }) =>
    api<{ proposedArticle?: string }>(
      'POST',
      `/conversations/${encodeURIComponent(id)}/resolve`,
      article ? { article } : {},
    ),
  transfer: (handoffId: string, group: string) =>
    api('POST', `/handoffs/${encodeURIComponent(handoffId)}/transfer`, { group }),
  followUps: (id: string) =>
    api<{ followUps: FollowUpTask[] }>(
      'GET',
      `/conversations/${encodeURIComponent(id)}/follow-ups`,
    ),
  createFollowUp: (id: string, dueAt: string, note: string) =>
    api<FollowUpTask>('POST', `/conversations/${encodeURIComponent(id)}/follow-ups`, {
      dueAt,
      note,
    }),
};

/** The knowledge base's management and search. */
export const knowledgeApi = {
  list: (q: string, page: number) =>
    api<{ articles: KnowledgeArticle[]; total: number }>(
      'GET',
      `/knowledge/articles?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`,
    ),
  create: (article: Omit<KnowledgeArticle, 'id' | 'revision' | 'updatedAt' | 'updatedBy'>) =>
    api<KnowledgeArticle>('POST', '/knowledge/articles', article),
  update: (article: KnowledgeArticle) =>
    api<KnowledgeArticle>('PUT', `/knowledge/articles/${encodeURIComponent(article.id)}`, {
      questions: article.questions,
      synonyms: article.synonyms ?? [],
      answer: article.answer,
      tags: article.tags,
      status: article.status,
      revision: article.revision,
    }),
  remove: (id: string) => api('DELETE', `/knowledge/articles/${encodeURIComponent(id)}`),
  search: (question: string, language: 'zh' | 'en') =>
    api<{
      matches: { article: KnowledgeArticle; score: number }[];
      /** How sure the best match is: answer it, offer the top three, or not understood. */
      band?: 'answer' | 'suggest' | 'none';
    }>('POST', '/knowledge/search', {
      question,
      language,
    }),
  unanswered: () => api<{ groups: UnansweredGroup[] }>('GET', '/knowledge/unanswered'),
  promote: (groupKey: string, answer: { zh?: string; en?: string }) =>
    api<KnowledgeArticle>('POST', '/knowledge/unanswered/promote', {
      groupKey,
      answer,
      status: 'published',
    }),
  /** Uploads a JSON or CSV file as it is; one bad row imports nothing. */
  importFile: async (file: File) =>
    api<{ created: number; updated: number }>(
      'POST',
      '/knowledge/import',
      await file.text(),
      file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/json',
    ),
};
