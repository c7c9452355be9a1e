import { api, type Answer } from './api-client.ts';
import type { RequestBody } from './api-types.ts';

/** What an admin changes of an agent: the name customers see, skill groups, capacity. */
export type AgentChange = RequestBody<'putApiAgentsId'>;
export type AgentView = Answer<'getApiAgents'>['agents'][number];
export type SkillGroupView = Answer<'getApiSkillGroups'>['skillGroups'][number];
export type SkillGroupChange = RequestBody<'putApiSkillGroupsId'>;

/**
 * The agents and skill groups routing decides with: an agent changes their own name, an admin
 * everyone's profile (saving one for a user without an agent profile makes them an agent).
 */
export const deskApi = {
  setMyName: (displayName: string) =>
    api<Answer<'patchApiAgentsMe'>>('PATCH', '/agents/me', { displayName }),
  agents: () => api<Answer<'getApiAgents'>>('GET', '/agents'),
  saveAgent: (id: string, change: AgentChange) =>
    api<Answer<'putApiAgentsId'>>('PUT', `/agents/${encodeURIComponent(id)}`, change),
  skillGroups: () => api<Answer<'getApiSkillGroups'>>('GET', '/skill-groups'),
  /** A new group: 409 `skill-group-exists` when the id is taken (also by a create at once). */
  createSkillGroup: (id: string, change: SkillGroupChange) =>
    api<Answer<'postApiSkillGroups'>>('POST', '/skill-groups', { id, ...change }),
  saveSkillGroup: (id: string, change: SkillGroupChange) =>
    api<Answer<'putApiSkillGroupsId'>>('PUT', `/skill-groups/${encodeURIComponent(id)}`, change),
};

export type QuickReply = Answer<'getApiQuickReplies'>['quickReplies'][number];
export type QuickReplyInput = Pick<QuickReply, 'title' | 'text'>;
export type CustomerHistory = Answer<'getApiConversationsIdCustomerHistory'>;

/** Quick replies: everyone at the desk reads them, operators write them. */
export const quickRepliesApi = {
  list: () => api<Answer<'getApiQuickReplies'>>('GET', '/quick-replies'),
  create: (reply: QuickReplyInput) =>
    api<Answer<'postApiQuickReplies'>>('POST', '/quick-replies', reply),
  update: (id: string, reply: QuickReplyInput) =>
    api<Answer<'putApiQuickRepliesId'>>('PUT', `/quick-replies/${encodeURIComponent(id)}`, reply),
  remove: (id: string) =>
    api<Answer<'deleteApiQuickRepliesId'>>('DELETE', `/quick-replies/${encodeURIComponent(id)}`),
};

/** The customer's earlier conversations and orders, beside a desk conversation. */
export const customerHistory = (conversationId: string) =>
  api<CustomerHistory>(
    'GET',
    `/conversations/${encodeURIComponent(conversationId)}/customer-history`,
  );

export type ConnectionsView = Answer<'getApiConnections'>;
export type TestSendResult = Answer<'postApiChannelsChannelTest'>;

export type ChannelDeliveries = Answer<'getApiChannelsDeliveries'>;
export type SourceView = Answer<'getApiSources'>['sources'][number];
export type IssuedSecret = Answer<'postApiSources'>;

/**
 * Event sources: listed for operators and admins, webhook senders added, secrets rotated, the
 * event types each may send set.
 */
export const sourcesApi = {
  list: () => api<Answer<'getApiSources'>>('GET', '/sources'),
  create: (id: string, kind: 'xiaoer' | 'woocommerce') =>
    api<IssuedSecret>('POST', '/sources', { id, kind }),
  /** A new secret; the old one is still taken for `graceHours` (0: it stops at once). */
  rotate: (id: string, graceHours: number) =>
    api<Answer<'postApiSourcesIdSecret'>>('POST', `/sources/${encodeURIComponent(id)}/secret`, {
      graceHours,
    }),
  /** Ends the previous secret's grace now (it leaked): refused from then on, the current kept. */
  endGrace: (id: string) =>
    api<Answer<'postApiSourcesIdPreviousSecretEnd'>>(
      'POST',
      `/sources/${encodeURIComponent(id)}/previous-secret/end`,
    ),
  /** The event types a console source may send (types, or prefixes `order.*`); null: every type. */
  setEventTypes: (id: string, eventTypes: string[] | null) =>
    api<Answer<'putApiSourcesIdEventTypes'>>(
      'PUT',
      `/sources/${encodeURIComponent(id)}/event-types`,
      { eventTypes },
    ),
};

/** Sources and channels with their status, and a channel's test send (admins). */
export const connectionsApi = {
  /** Each channel's delivery health, no targets or secrets (operators too). */
  deliveries: () => api<ChannelDeliveries>('GET', '/channels/deliveries'),
  list: () => api<ConnectionsView>('GET', '/connections'),
  testSend: (channel: string, to: string, text?: string) =>
    api<TestSendResult>('POST', `/channels/${encodeURIComponent(channel)}/test`, {
      to,
      ...(text ? { text } : {}),
    }),
};
