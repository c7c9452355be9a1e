import type { LocalizedText, Problem, WorkflowDocument } from '@xiaoer/engine';

/** An error answer of the Xiaoer API: `{ error: { code, message: { zh, en }, detail? } }`. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly text: LocalizedText;
  readonly detail: unknown;

  constructor(status: number, body: { code?: string; message?: LocalizedText; detail?: unknown }) {
    const text = body.message ?? { zh: `请求失败（${status}）`, en: `Request failed (${status})` };
    super(text.en);
    this.status = status;
    this.code = body.code ?? 'unknown';
    this.text = text;
    this.detail = body.detail;
  }
}

export interface Me {
  kind: 'user' | 'apiKey';
  id: string;
  role?: 'admin' | 'operator' | 'agent' | 'viewer';
}

export interface WorkflowSummary {
  id: string;
  name: string;
  revision: number;
  publishedVersion: number;
  archived: boolean;
  updatedAt: string;
  updatedBy: string;
  problems: number;
}

export interface Draft {
  id: string;
  revision: number;
  publishedVersion: number;
  updatedAt: string;
  updatedBy: string;
  document: WorkflowDocument;
  problems: Problem[];
}

/** Calls the API of the server that served the page; the session cookie authenticates. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!response.ok)
    throw new ApiFailure(response.status, (json as { error?: object } | null)?.error ?? {});
  return json as T;
}

/** Who is logged in, or null. */
export const currentUser = () =>
  api<Me>('GET', '/auth/me').catch((error: unknown) => {
    if (error instanceof ApiFailure && error.status === 401) return null;
    throw error;
  });

export const workflowsApi = {
  list: () => api<{ workflows: WorkflowSummary[] }>('GET', '/workflows'),
  get: (id: string) => api<Draft>('GET', `/workflows/${encodeURIComponent(id)}`),
  create: (document: WorkflowDocument) => api<Draft>('POST', '/workflows', document),
  save: (id: string, document: WorkflowDocument, revision: number) =>
    api<Draft>('PUT', `/workflows/${encodeURIComponent(id)}`, { document, revision }),
  publish: (id: string, note: string) =>
    api<{ version: number }>('POST', `/workflows/${encodeURIComponent(id)}/publish`, { note }),
};
