import type { Scenario } from '@xiaoer/engine/testing';
import type {
  Effect,
  JsonObject,
  JsonValue,
  LocalizedText,
  PathStep,
  Problem,
  WorkflowDocument,
} from '@xiaoer/engine';

/**
 * An error answer of the Xiaoer API:
 * `{ error: { code, message: { zh, en }, detail?, details? } }` (or `{ error: { code, zh, en } }`,
 * as the analytics contract writes it).
 */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly text: LocalizedText;
  /** Machine-readable facts (e.g. `currentRevision` of a 409). */
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    body: {
      code?: string;
      message?: LocalizedText;
      zh?: string;
      en?: string;
      details?: Record<string, unknown>;
    },
  ) {
    const text = body.message ??
      (body.zh !== undefined && body.en !== undefined ? { zh: body.zh, en: body.en } : null) ?? {
        zh: `请求失败（${status}）`,
        en: `Request failed (${status})`,
      };
    super(text.en);
    this.status = status;
    this.code = body.code ?? 'unknown';
    this.text = text;
    this.details = body.details ?? {};
  }
}

/** What to show for a failed call: the API's own zh/en text, or the error as it is. */
export function errorText(error: unknown, language: keyof LocalizedText): string {
  return error instanceof ApiFailure ? error.text[language] : String(error);
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
  runningInstances: number;
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

/**
 * Calls the API of the server that served the page; the session cookie authenticates. The body
 * goes as JSON, or as the text it is when a `contentType` is given (a CSV file).
 */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  contentType?: string,
): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': contentType ?? 'application/json' },
    ...(body === undefined ? {} : { body: contentType ? String(body) : JSON.stringify(body) }),
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

export interface VersionSummary {
  version: number;
  hash: string;
  note: string;
  publishedAt: string;
  publishedBy: string;
}

export const workflowsApi = {
  list: () => api<{ workflows: WorkflowSummary[] }>('GET', '/workflows'),
  get: (id: string) => api<Draft>('GET', `/workflows/${encodeURIComponent(id)}`),
  create: (document: WorkflowDocument) => api<Draft>('POST', '/workflows', document),
  save: (id: string, document: WorkflowDocument, revision: number) =>
    api<Draft>('PUT', `/workflows/${encodeURIComponent(id)}`, { document, revision }),
  version: (id: string, version: number) =>
    api<{ document: WorkflowDocument }>(
      'GET',
      `/workflows/${encodeURIComponent(id)}/versions/${version}`,
    ),
  versions: (id: string) =>
    api<{ versions: VersionSummary[] }>('GET', `/workflows/${encodeURIComponent(id)}/versions`),
  publish: (id: string, note: string) =>
    api<{ version: number }>('POST', `/workflows/${encodeURIComponent(id)}/publish`, { note }),
};

/** A journey to start a new one from (`GET /api/templates`). */
export interface JourneyTemplate {
  id: string;
  name: string;
  description: string;
  kind: 'starter' | 'shipped';
  nodes: number;
  trigger: string;
}

export const templatesApi = {
  list: () => api<{ templates: JourneyTemplate[] }>('GET', '/templates'),
  get: (id: string) => api<WorkflowDocument>('GET', `/templates/${encodeURIComponent(id)}`),
};

export type InstanceStatus = 'active' | 'done' | 'failed' | 'cancelled';

export interface InstanceSummary {
  id: string;
  workflowId: string;
  version: number;
  correlation: string;
  status: InstanceStatus;
  node: string;
  revision: number;
  startedAt: string;
  updatedAt: string;
}

export interface InstanceStep {
  revision: number;
  at: string;
  event: { type: string; data?: JsonObject; actor?: string };
  from: string | null;
  to: string;
  path: PathStep[];
  /** The journey data the step changed (`key` is a dotted path). */
  dataChanges?: { key: string; before?: JsonValue; after?: JsonValue }[];
  effects: Effect[];
  status: InstanceStatus;
}

export interface InstanceDetail extends InstanceSummary {
  data: JsonObject;
  timeline: InstanceStep[];
  effects: {
    _id: string;
    effect: Effect;
    status: string;
    attempts: number;
    retries: number;
    lastError?: { code: string; message: string };
  }[];
  timers: { timerId: string; dueAt: string; status: string; firedAt?: string }[];
  deadLetters: { _id: string; kind: string; nodeId: string; error: { message: string } }[];
}

export interface FlowCounts {
  nodes: Record<string, number>;
  outcomes: Record<string, number>;
}

const query = (params: Record<string, string | number | undefined>) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
};

export const instancesApi = {
  list: (filter: Record<string, string | number | undefined>) =>
    api<{ instances: InstanceSummary[]; total: number; page: number; pageSize: number }>(
      'GET',
      `/instances${query(filter)}`,
    ),
  get: (id: string) => api<InstanceDetail>('GET', `/instances/${encodeURIComponent(id)}`),
  cancel: (id: string) =>
    api<{ status: string }>('POST', `/instances/${encodeURIComponent(id)}/cancel`),
  sendEvent: (id: string, type: string, data?: JsonObject) =>
    api<{ result: string; reason?: string; node: string }>(
      'POST',
      `/instances/${encodeURIComponent(id)}/events`,
      {
        type,
        ...(data ? { data } : {}),
      },
    ),
  retry: (key: string) => api<unknown>('POST', `/effects/${encodeURIComponent(key)}/retry`),
  flow: (workflow: string, since?: string) =>
    api<FlowCounts>('GET', `/workflows/${encodeURIComponent(workflow)}/flow${query({ since })}`),
};

export interface SavedScenario {
  name: string;
  scenario: Scenario;
  savedAt: string;
  savedBy: string;
}

const scenarioPath = (workflow: string, name?: string) =>
  `/workflows/${encodeURIComponent(workflow)}/scenarios${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;

export const scenariosApi = {
  list: (workflow: string) => api<{ scenarios: SavedScenario[] }>('GET', scenarioPath(workflow)),
  save: (workflow: string, name: string, scenario: Scenario) =>
    api<SavedScenario>('PUT', scenarioPath(workflow, name), scenario),
  remove: (workflow: string, name: string) => api<unknown>('DELETE', scenarioPath(workflow, name)),
};
