import { api } from './api-client.ts';

export const ROLES = ['admin', 'operator', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface UserView {
  id: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** Set while too many failed logins lock the user name (`http.loginLockout`). */
  loginLockedUntil?: string;
}

export interface ApiKeyView {
  name: string;
  source: string;
  prefix: string;
  createdBy: string;
  createdAt: string;
}

export interface DeadLetter {
  _id: string;
  instanceId: string;
  kind: string;
  nodeId: string;
  error: { code: string; message: string };
  attempts: number;
  at: string;
}

export interface AuditEntry {
  _id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

/** The administration API: users and roles, API keys, dead letters, the audit log. */
export const adminApi = {
  users: () => api<{ users: UserView[] }>('GET', '/users'),
  createUser: (user: { id: string; password: string; role: Role }) =>
    api<UserView>('POST', '/users', user),
  updateUser: (id: string, change: { role?: Role; disabled?: boolean; password?: string }) =>
    api<UserView>('PATCH', `/users/${encodeURIComponent(id)}`, change),
  endLoginLock: (id: string) =>
    api<{ id: string; loginLockEnded: boolean }>(
      'POST',
      `/users/${encodeURIComponent(id)}/login-lock/end`,
    ),
  apiKeys: () => api<{ apiKeys: ApiKeyView[] }>('GET', '/api-keys'),
  createApiKey: (key: { name: string; source: string }) =>
    api<ApiKeyView & { key: string }>('POST', '/api-keys', key),
  deleteApiKey: (name: string) => api<unknown>('DELETE', `/api-keys/${encodeURIComponent(name)}`),
  deadLetters: () => api<{ deadLetters: DeadLetter[] }>('GET', '/dead-letters'),
  retry: (key: string) => api<unknown>('POST', `/effects/${encodeURIComponent(key)}/retry`),
  audit: (limit = 200) => api<{ entries: AuditEntry[] }>('GET', `/audit?limit=${limit}`),
};
