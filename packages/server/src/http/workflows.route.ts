import { Router, type RequestHandler } from 'express';
import { audits } from './audit-trail.ts';
import { validateOnThisServer } from '../workflows/host-problems.ts';
import type { WorkflowService } from '../workflows/workflow-service.ts';
import type { DraftReplay, ReplayRequest } from '../workflows/draft-replay.ts';
import type { InstanceQueries } from '../instances/instance-queries.ts';
import { validateBody } from './validate-body.ts';
import { acceptsBody } from './media-type.ts';
import { actorOf } from './actor.ts';
import { ApiError } from './api-error.ts';
import { param } from './params.ts';
import { allow } from './authenticate.ts';
import { workflowResponseSchemas } from './workflows.response.ts';
import { responds } from './route-metadata.ts';
import { customerDataFor } from './customer-data-view.ts';

export const workflowBodySchemas = {
  update: {
    type: 'object',
    required: ['document', 'revision'],
    additionalProperties: false,
    properties: {
      document: { type: 'object', description: 'A workflow (components/schemas/Workflow)' },
      revision: { type: 'integer', minimum: 1 },
    },
  },
  publish: {
    type: 'object',
    additionalProperties: false,
    properties: { note: { type: 'string', maxLength: 2000 } },
  },
  replay: {
    type: 'object',
    additionalProperties: false,
    properties: {
      limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
      version: { type: 'integer', minimum: 1 },
      document: {
        type: 'object',
        description: 'An unsaved workflow to replay instead of the saved draft',
      },
    },
  },
  document: {
    type: 'object',
    description:
      'A workflow (components/schemas/Workflow); drafts are saved with their problems listed.',
  },
} as const;

function versionParam(value: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value))
    throw new ApiError(400, 'invalid-version', {
      zh: `版本号应为正整数，而不是 "${value}"。`,
      en: `A version is a positive integer, not "${value}".`,
    });
  return Number(value);
}

/** `/api/workflows`: drafts with revisions, validation, publishing, versions, import/export. */
export function workflowsRouter(
  workflows: WorkflowService,
  replay: DraftReplay,
  queries: InstanceQueries,
  /** The user's budget of replays (http/console-budgets.ts). */
  replayBudget: RequestHandler,
): Router {
  const router = Router();
  router.get(
    '/workflows',
    allow('read'),
    responds(workflowResponseSchemas.list),
    async (_request, response) => {
      const [drafts, running] = await Promise.all([workflows.list(), queries.runningByWorkflow()]);
      response.json({
        workflows: drafts.map((d) => ({
          id: d.id,
          name: d.document.name,
          revision: d.revision,
          publishedVersion: d.publishedVersion,
          archived: d.archived,
          updatedAt: d.updatedAt,
          updatedBy: d.updatedBy,
          problems: d.problems.length,
          runningInstances: running[d.id] ?? 0,
        })),
      });
    },
  );
  // Creating a draft and importing a workflow file are the same act.
  router.post(
    ['/workflows', '/workflows/import'],
    allow('edit'),
    responds(workflowResponseSchemas.draft),
    audits('workflow.create', (request, answer) => ({
      target: String(answer['id']),
      details: { imported: request.path.endsWith('/import') },
    })),
    validateBody(workflowBodySchemas.document),
    async (request, response) => {
      response.status(201).json(await workflows.create(request.body, actorOf(request)));
    },
  );
  router.post(
    '/workflows/validate',
    allow('read'),
    acceptsBody('application/json'),
    responds(workflowResponseSchemas.validation),
    (request, response) => {
      response.json(validateOnThisServer(request.body));
    },
  );
  router.get(
    '/workflows/:id',
    allow('read'),
    responds(workflowResponseSchemas.draft),
    async (request, response) => {
      response.json(await workflows.get(param(request, 'id')));
    },
  );
  router.get(
    '/workflows/:id/export',
    allow('read'),
    responds(workflowResponseSchemas.document),
    async (request, response) => {
      const draft = await workflows.get(param(request, 'id'));
      response.attachment(`${draft.id}.json`).json(draft.document);
    },
  );
  router.put(
    '/workflows/:id',
    allow('edit'),
    responds(workflowResponseSchemas.draft),
    audits('workflow.save', (request, answer) => ({
      target: param(request, 'id'),
      details: { revision: Number(answer['revision']) },
    })),
    validateBody(workflowBodySchemas.update),
    async (request, response) => {
      const body = request.body as { document: unknown; revision: number };
      response.json(
        await workflows.update(
          param(request, 'id'),
          body.document,
          body.revision,
          actorOf(request),
        ),
      );
    },
  );
  router.delete(
    '/workflows/:id',
    allow('edit'),
    responds(workflowResponseSchemas.removed),
    audits('workflow.delete', (request, answer) => ({
      target: param(request, 'id'),
      details: { archived: answer['archived'] === true },
    })),
    async (request, response) => {
      response.json(await workflows.remove(param(request, 'id'), actorOf(request)));
    },
  );
  router.post(
    '/workflows/:id/publish',
    allow('publish'),
    responds(workflowResponseSchemas.published),
    audits('workflow.publish', (request, answer) => ({
      target: param(request, 'id'),
      details: { version: Number(answer['version']), note: String(answer['note'] ?? '') },
    })),
    validateBody(workflowBodySchemas.publish),
    async (request, response) => {
      const note = (request.body as { note?: string }).note ?? '';
      response
        .status(201)
        .json(await workflows.publish(param(request, 'id'), note, actorOf(request)));
    },
  );
  // Read-only: runs recorded histories through the draft in memory, changes nothing.
  router.post(
    '/workflows/:id/replay',
    allow('read'),
    responds(workflowResponseSchemas.replay),
    replayBudget,
    validateBody(workflowBodySchemas.replay),
    async (request, response) => {
      const replayed = await replay.replay(param(request, 'id'), request.body as ReplayRequest);
      response.json(customerDataFor(request)(replayed));
    },
  );
  router.get(
    '/workflows/:id/versions',
    allow('read'),
    responds(workflowResponseSchemas.versions),
    async (request, response) => {
      response.json({ versions: await workflows.versions(param(request, 'id')) });
    },
  );
  router.get(
    '/workflows/:id/versions/:version',
    allow('read'),
    responds(workflowResponseSchemas.version),
    async (request, response) => {
      const record = await workflows.version(
        param(request, 'id'),
        versionParam(param(request, 'version')),
      );
      response.json({
        version: record.version,
        hash: record.hash,
        note: record.note,
        publishedAt: record.publishedAt,
        publishedBy: record.publishedBy,
        document: record.document,
      });
    },
  );
  return router;
}
