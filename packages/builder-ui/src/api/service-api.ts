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
      answer: article.answer,
      tags: article.tags,
      status: article.status,
      revision: article.revision,
    }),
  remove: (id: string) => api('DELETE', `/knowledge/articles/${encodeURIComponent(id)}`),
  search: (question: string, language: 'zh' | 'en') =>
    api<{ matches: { article: KnowledgeArticle; score: number }[] }>('POST', '/knowledge/search', {
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
