import {
  anyObject,
  arrayOf,
  boolean,
  dateTime,
  integer,
  nullable,
  object,
  oneOf,
  problem,
  text,
  workflowRef,
} from './response-schema.ts';

/** A draft as the editor loads and saves it. */
const draft = object({
  id: text,
  revision: integer,
  publishedVersion: integer,
  archived: boolean,
  updatedAt: dateTime,
  updatedBy: text,
  document: workflowRef,
  problems: arrayOf(problem),
});

const versionFields = {
  version: integer,
  hash: text,
  note: text,
  publishedAt: dateTime,
  publishedBy: text,
};
const versionSummary = object(versionFields);

/** One instance replayed through the draft, or skipped. */
const instanceReplay = object(
  { instanceId: text, correlation: text, status: text },
  {
    skipped: oneOf('history-pruned', 'no-steps'),
    same: boolean,
    steps: integer,
    recordedNode: text,
    draftNode: text,
    difference: anyObject,
  },
);

/** The success answers of `/api/workflows`, beside `workflowBodySchemas`. */
export const workflowResponseSchemas = {
  list: object({
    workflows: arrayOf(
      object({
        id: text,
        name: text,
        revision: integer,
        publishedVersion: integer,
        archived: boolean,
        updatedAt: dateTime,
        updatedBy: text,
        problems: integer,
        runningInstances: integer,
      }),
    ),
  }),
  draft,
  validation: object({ valid: boolean, problems: arrayOf(problem) }, { document: workflowRef }),
  document: workflowRef,
  removed: object({ deleted: boolean, archived: boolean }),
  published: versionSummary,
  replay: object({
    workflowId: text,
    version: integer,
    draftRevision: nullable(integer),
    replayed: integer,
    same: integer,
    different: integer,
    skipped: integer,
    instances: arrayOf(instanceReplay),
  }),
  versions: object({ versions: arrayOf(versionSummary) }),
  version: object({ ...versionFields, document: workflowRef }),
} as const;
