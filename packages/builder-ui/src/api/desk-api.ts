import { api, type Answer } from './api-client.ts';

/** The agent's own profile: the name customers see. */
export const deskApi = {
  setMyName: (displayName: string) =>
    api<Answer<'patchApiAgentsMe'>>('PATCH', '/agents/me', { displayName }),
  agents: () => api<Answer<'getApiAgents'>>('GET', '/agents'),
  setAgentName: (id: string, displayName: string) =>
    api<Answer<'putApiAgentsId'>>('PUT', `/agents/${encodeURIComponent(id)}`, { displayName }),
};
