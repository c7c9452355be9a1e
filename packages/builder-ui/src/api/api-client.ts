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
import type { Answer } from './api-types.ts';
import type { LiveHandlers } from '../app/use-live.ts';

export type { Answer } from './api-types.ts';

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

export type Me = Answer<'getApiAuthMe'>;

export type WorkflowSummary = Answer<'getApiWorkflows'>['workflows'][number];

/** A draft; its document and problems in the engine's own types (the schema is the engine's). */
export type Draft = Omit<Answer<'getApiWorkflowsId'>, 'document' | 'problems'> & {
  document: WorkflowDocument;
  problems: Problem[];
};

/**
 * Calls the API of the server that served the page; the session cookie authenticates. The body
 * goes as JSON, or as the text it is when a `contentType` is given (a CSV file).
 */
export async function api<T = unknown>(
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

export type VersionSummary = Answer<'getApiWorkflowsIdVersions'>['versions'][number];

export const workflowsApi = {
  list: () => api<Answer<'getApiWorkflows'>>('GET', '/workflows'),
  get: (id: string) => api<Draft>('GET', `/workflows/${encodeURIComponent(id)}`),
  create: (document: WorkflowDocument) => api<Draft>('POST', '/workflows', document),
  save: (id: string, document: WorkflowDocument, revision: number) =>
    api<Draft>('PUT', `/workflows/${encodeURIComponent(id)}`, { document, revision }),
  version: (id: string, version: number) =>
    api<
      Omit<Answer<'getApiWorkflowsIdVersionsVersion'>, 'document'> & { document: WorkflowDocument }
    >('GET', `/workflows/${encodeURIComponent(id)}/versions/${version}`),
  versions: (id: string) =>
    api<Answer<'getApiWorkflowsIdVersions'>>(
      'GET',
      `/workflows/${encodeURIComponent(id)}/versions`,
    ),
  publish: (id: string, note: string) =>
    api<Answer<'postApiWorkflowsIdPublish'>>(
      'POST',
      `/workflows/${encodeURIComponent(id)}/publish`,
      { note },
    ),
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

export type InstanceSummary = Answer<'getApiInstances'>['instances'][number];
export type InstanceStatus = InstanceSummary['status'];
/** How an ended instance ended. */
export type InstanceOutcome = NonNullable<InstanceSummary['outcome']>;

type Detail = Answer<'getApiInstancesId'>;

/** A timeline step; its event data, path and effects in the engine's own types. */
export type InstanceStep = Omit<Detail['timeline'][number], 'event' | 'path' | 'effects'> & {
  event: Omit<Detail['timeline'][number]['event'], 'data'> & { data?: JsonObject };
  path: PathStep[];
  /** The journey data the step changed (`key` is a dotted path). */
  dataChanges?: { key: string; before?: JsonValue; after?: JsonValue }[];
  effects: Effect[];
};

export type InstanceDetail = Omit<Detail, 'data' | 'timeline' | 'effects'> & {
  data: JsonObject;
  timeline: InstanceStep[];
  effects: (Omit<Detail['effects'][number], 'effect'> & { effect: Effect })[];
};

export type FlowCounts = Answer<'getApiWorkflowsIdFlow'>;

const query = (params: Record<string, string | number | undefined>) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
};

/**
 * Follows `path` (under `/api`) as server-sent events named `event`, each `data` an answer as
 * JSON. `lost` hears that the stream failed (the browser retries by itself, except after a
 * refusal such as the 429 of too many live pages), `back` that it is open again.
 */
function followStream<T>(path: string, event: string, on: LiveHandlers<T>): () => void {
  const source = new EventSource(`/api${path}`);
  source.addEventListener(event, (message: MessageEvent<string>) =>
    on.answer(JSON.parse(message.data) as T),
  );
  source.addEventListener('error', on.lost);
  source.addEventListener('open', on.back);
  return () => source.close();
}

export type InstanceList = Answer<'getApiInstances'>;

export const instancesApi = {
  list: (filter: Record<string, string | number | undefined>) =>
    api<InstanceList>('GET', `/instances${query(filter)}`),
  /** The list with these filters live: at once, then whenever it changed. */
  watch: (filter: Record<string, string | number | undefined>, on: LiveHandlers<InstanceList>) =>
    followStream(`/instances/stream${query(filter)}`, 'list', on),
  get: (id: string) => api<InstanceDetail>('GET', `/instances/${encodeURIComponent(id)}`),
  /** An instance live: its detail at once, then after each of its steps. */
  follow: (id: string, on: LiveHandlers<InstanceDetail>) =>
    followStream(`/instances/${encodeURIComponent(id)}/stream`, 'instance', on),
  cancel: (id: string) =>
    api<Answer<'postApiInstancesIdCancel'>>('POST', `/instances/${encodeURIComponent(id)}/cancel`),
  sendEvent: (id: string, type: string, data?: JsonObject) =>
    api<Answer<'postApiInstancesIdEvents'>>('POST', `/instances/${encodeURIComponent(id)}/events`, {
      type,
      ...(data ? { data } : {}),
    }),
  retry: (key: string) =>
    api<Answer<'postApiEffectsKeyRetry'>>('POST', `/effects/${encodeURIComponent(key)}/retry`),
  flow: (workflow: string, since?: string) =>
    api<FlowCounts>('GET', `/workflows/${encodeURIComponent(workflow)}/flow${query({ since })}`),
  /** The editor's counts live, over a window as long as from `since` to now (it moves on). */
  watchFlow: (workflow: string, since: string, on: LiveHandlers<FlowCounts>) =>
    followStream(
      `/workflows/${encodeURIComponent(workflow)}/flow/stream${query({ since })}`,
      'flow',
      on,
    ),
};

/** One received delivery on the events page, and a page of them. */
export type ReceivedEvent = Answer<'getApiEvents'>['events'][number];
export type ReceivedEventsPage = Answer<'getApiEvents'>;

/** `GET /api/events`: received deliveries and what became of them, newest first. */
export const eventsApi = {
  list: (filter: Record<string, string | number | undefined>) =>
    api<ReceivedEventsPage>('GET', `/events${query(filter)}`),
};

/** A saved scenario, in the engine's scenario format. */
export type SavedScenario = Omit<Answer<'getApiWorkflowsIdScenariosName'>, 'scenario'> & {
  scenario: Scenario;
};

const scenarioPath = (workflow: string, name?: string) =>
  `/workflows/${encodeURIComponent(workflow)}/scenarios${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;

export const scenariosApi = {
  list: (workflow: string) => api<{ scenarios: SavedScenario[] }>('GET', scenarioPath(workflow)),
  save: (workflow: string, name: string, scenario: Scenario) =>
    api<SavedScenario>('PUT', scenarioPath(workflow, name), scenario),
  remove: (workflow: string, name: string) =>
    api<Answer<'deleteApiWorkflowsIdScenariosName'>>('DELETE', scenarioPath(workflow, name)),
};
