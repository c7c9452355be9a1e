import { Schema, type Connection, type Model } from 'mongoose';
import type { WorkflowDocument } from '@xiaoer/engine';
import { jsonFields } from './json-fields.ts';

/** The editable draft of a workflow; `_id` is the workflow id. */
export interface WorkflowDraftRecord {
  _id: string;
  document: WorkflowDocument;
  /** Bumped by every saved change; a save names the revision it started from. */
  revision: number;
  /** The newest published version, 0 before the first publish. */
  publishedVersion: number;
  /** Archived workflows start no new instances; running ones finish on their version. */
  archived: boolean;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

/** An immutable published version; `_id` is `workflowId@version`. */
export interface WorkflowVersionRecord {
  _id: string;
  workflowId: string;
  version: number;
  document: WorkflowDocument;
  /** sha256 of the canonical JSON of the document. */
  hash: string;
  note: string;
  publishedAt: Date;
  publishedBy: string;
}

/**
 * One saved revision of a draft, `_id` `workflowId#revision`. Inserting it claims the revision:
 * of two editors saving on the same base only one insert succeeds (FerretDB 1.x conditional
 * updates are not atomic, unique `_id` inserts are).
 */
export interface WorkflowEditRecord {
  _id: string;
  workflowId: string;
  revision: number;
  document: WorkflowDocument;
  at: Date;
  by: string;
}

const jsonText = { type: String, required: true };
const options = { versionKey: false, minimize: false } as const;

export function workflowModels(connection: Connection): {
  WorkflowDrafts: Model<WorkflowDraftRecord>;
  WorkflowVersions: Model<WorkflowVersionRecord>;
  WorkflowEdits: Model<WorkflowEditRecord>;
} {
  return {
    WorkflowDrafts: connection.model(
      'WorkflowDraft',
      new Schema(
        {
          _id: String,
          document: jsonText,
          revision: { type: Number, required: true },
          publishedVersion: { type: Number, required: true },
          archived: { type: Boolean, default: false },
          createdAt: { type: Date, required: true },
          updatedAt: { type: Date, required: true },
          updatedBy: { type: String, required: true },
        },
        { ...options, collection: 'workflows' },
      ),
    ) as unknown as Model<WorkflowDraftRecord>,
    WorkflowVersions: connection.model(
      'WorkflowVersion',
      new Schema(
        {
          _id: String,
          workflowId: { type: String, required: true },
          version: { type: Number, required: true },
          document: jsonText,
          hash: { type: String, required: true },
          note: { type: String, default: '' },
          publishedAt: { type: Date, required: true },
          publishedBy: { type: String, required: true },
        },
        { ...options, collection: 'workflowVersions' },
      ),
    ) as unknown as Model<WorkflowVersionRecord>,
    WorkflowEdits: connection.model(
      'WorkflowEdit',
      new Schema(
        {
          _id: String,
          workflowId: { type: String, required: true },
          revision: { type: Number, required: true },
          document: jsonText,
          at: { type: Date, required: true },
          by: { type: String, required: true },
        },
        { ...options, collection: 'workflowEdits' },
      ),
    ) as unknown as Model<WorkflowEditRecord>,
  };
}

export const versionKey = (workflowId: string, version: number) => `${workflowId}@${version}`;
export const editKey = (workflowId: string, revision: number) => `${workflowId}#${revision}`;

/** The document is stored as JSON text (see json-fields.ts). */
export const draftJson = jsonFields<WorkflowDraftRecord>('document');
export const versionJson = jsonFields<WorkflowVersionRecord>('document');
export const editJson = jsonFields<WorkflowEditRecord>('document');
