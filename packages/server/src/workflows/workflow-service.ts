import type { Model } from 'mongoose';
import {
  findUnstorableKey,
  validate,
  type JsonValue,
  type Problem,
  type WorkflowDocument,
} from '@xiaoer/engine';
import type { WorkflowModels } from '../model/models.ts';
import { isDuplicateKey } from '../model/models.ts';
import { insertNew } from '../model/insert-new.ts';
import {
  draftJson,
  editJson,
  editKey,
  versionJson,
  versionKey,
  type WorkflowDraftRecord,
  type WorkflowVersionRecord,
} from '../model/workflow.model.ts';
import { workflowHash } from './workflow-hash.ts';
import { validateOnThisServer } from './host-problems.ts';
import {
  invalidWorkflow,
  revisionConflict,
  versionNotFound,
  workflowExists,
  workflowNotFound,
} from './workflow-errors.ts';

/** A draft as the API shows it, with the problems `validate` finds in it now. */
export interface DraftView {
  id: string;
  revision: number;
  publishedVersion: number;
  archived: boolean;
  updatedAt: Date;
  updatedBy: string;
  document: WorkflowDocument;
  problems: Problem[];
}

export interface VersionSummary {
  version: number;
  hash: string;
  note: string;
  publishedAt: Date;
  publishedBy: string;
}

/** Tells the runtime a workflow changed (publish, archive) so it drops cached triggers. */
export type CatalogListener = () => void;

/**
 * Drafts, publishing and immutable versions. A draft may have semantic problems (it is work in
 * progress) but must be a well-formed document; publishing needs a valid one.
 */
export class WorkflowService {
  readonly #models: WorkflowModels;
  readonly #changed: CatalogListener;

  constructor(models: WorkflowModels, changed: CatalogListener = () => {}) {
    this.#models = models;
    this.#changed = changed;
  }

  async list(): Promise<DraftView[]> {
    const drafts = draftJson.decodeAll(await this.#models.WorkflowDrafts.find().lean());
    return drafts.sort((a, b) => a._id.localeCompare(b._id)).map(toView);
  }

  async get(id: string): Promise<DraftView> {
    return toView(await this.#draft(id));
  }

  /**
   * Creates a draft under an id nobody has. The claim is the insert of its first edit,
   * `id#1`; of two creates at once one wins. A draft deleted before keeps its edits, so its id
   * is taken again by inserting the draft itself (`_id` the id, again one winner) at the
   * revision after its last edit: a deleted draft's id is free (before, it was taken forever).
   */
  async create(input: unknown, actor: string): Promise<DraftView> {
    const document = wellFormed(input);
    const now = new Date();
    const edit = (revision: number) =>
      editJson.encode({
        _id: editKey(document.id, revision),
        workflowId: document.id,
        revision,
        document,
        at: now,
        by: actor,
      });
    const draftAt = (revision: number): WorkflowDraftRecord => ({
      _id: document.id,
      document,
      revision,
      publishedVersion: 0,
      archived: false,
      createdAt: now,
      updatedAt: now,
      updatedBy: actor,
    });
    if (!(await inserted(this.#models.WorkflowEdits, edit(1)))) {
      // Taken, or a deleted draft's (or a create's that died before its draft): the draft says.
      if (await this.#models.WorkflowDrafts.exists({ _id: document.id })) {
        throw workflowExists(document.id);
      }
      const revision = (await this.#lastEdit(document.id)) + 1;
      const draft = draftAt(revision);
      if (!(await inserted(this.#models.WorkflowDrafts, draftJson.encode(draft))))
        throw workflowExists(document.id);
      await inserted(this.#models.WorkflowEdits, edit(revision));
      return toView(draft);
    }
    const draft = draftAt(1);
    // A re-create of a deleted id (above) may have taken the draft meanwhile.
    if (!(await inserted(this.#models.WorkflowDrafts, draftJson.encode(draft))))
      throw workflowExists(document.id);
    return toView(draft);
  }

  /** The newest edit revision of a workflow (0 for none); read only to re-create a deleted id. */
  async #lastEdit(id: string): Promise<number> {
    const [last] = await this.#models.WorkflowEdits.find({ workflowId: id }, { revision: 1 })
      .sort({ revision: -1 })
      .limit(1)
      .lean<{ revision: number }[]>();
    return last?.revision ?? 0;
  }

  /** Saves a draft made from `baseRevision`; 409 with the current revision if it moved on. */
  async update(
    id: string,
    input: unknown,
    baseRevision: number,
    actor: string,
  ): Promise<DraftView> {
    const document = wellFormed(input);
    if (document.id !== id) {
      throw invalidWorkflow(400, [
        {
          code: 'schema.violation',
          pointer: '/id',
          message: {
            zh: `文档 id "${document.id}" 与地址中的 "${id}" 不一致`,
            en: `The document id "${document.id}" differs from "${id}" in the URL`,
          },
        } as Problem,
      ]);
    }
    const current = await this.#draft(id);
    if (current.revision !== baseRevision)
      throw revisionConflict(id, baseRevision, current.revision);
    const revision = baseRevision + 1;
    const now = new Date();
    try {
      await this.#models.WorkflowEdits.create(
        editJson.encode({
          _id: editKey(id, revision),
          workflowId: id,
          revision,
          document,
          at: now,
          by: actor,
        }),
      );
    } catch (error) {
      if (isDuplicateKey(error)) {
        const latest = await this.#draft(id);
        throw revisionConflict(id, baseRevision, Math.max(latest.revision, revision));
      }
      throw error;
    }
    await this.#models.WorkflowDrafts.updateOne(
      { _id: id },
      { $set: draftJson.encode({ document, revision, updatedAt: now, updatedBy: actor }) },
    );
    return toView({ ...current, document, revision, updatedAt: now, updatedBy: actor });
  }

  /** Deletes a never-published draft; a published workflow is archived instead. */
  async remove(id: string, actor: string): Promise<{ deleted: boolean; archived: boolean }> {
    const draft = await this.#draft(id);
    if (draft.publishedVersion === 0) {
      await this.#models.WorkflowDrafts.deleteOne({ _id: id });
      return { deleted: true, archived: false };
    }
    await this.#models.WorkflowDrafts.updateOne(
      { _id: id },
      { $set: { archived: true, updatedAt: new Date(), updatedBy: actor } },
    );
    this.#changed();
    return { deleted: false, archived: true };
  }

  /** Freezes the draft as the next numbered version; new instances start on it. */
  async publish(id: string, note: string, actor: string): Promise<VersionSummary> {
    const draft = await this.#draft(id);
    const version = draft.publishedVersion + 1;
    const document: WorkflowDocument = { ...draft.document, version };
    const { valid, problems } = validateOnThisServer(document);
    if (!valid) throw invalidWorkflow(422, problems);
    const record: WorkflowVersionRecord = {
      _id: versionKey(id, version),
      workflowId: id,
      version,
      document,
      hash: workflowHash(document),
      note,
      publishedAt: new Date(),
      publishedBy: actor,
    };
    try {
      await this.#models.WorkflowVersions.create(versionJson.encode(record));
    } catch (error) {
      if (isDuplicateKey(error)) throw revisionConflict(id, draft.revision, draft.revision);
      throw error;
    }
    await this.#models.WorkflowDrafts.updateOne(
      { _id: id },
      { $max: { publishedVersion: version }, $set: { archived: false } },
    );
    this.#changed();
    return summary(record);
  }

  async versions(id: string): Promise<VersionSummary[]> {
    const draft = await this.#draft(id);
    const ids = Array.from({ length: draft.publishedVersion }, (_, i) => versionKey(id, i + 1));
    const records = await this.#models.WorkflowVersions.find({ _id: { $in: ids } })
      .select({ document: 0 })
      .lean<WorkflowVersionRecord[]>();
    return records.sort((a, b) => a.version - b.version).map(summary);
  }

  async version(id: string, version: number): Promise<WorkflowVersionRecord> {
    const record = await this.#models.WorkflowVersions.findById(versionKey(id, version)).lean();
    if (!record) throw versionNotFound(id, version);
    return versionJson.decode(record);
  }

  async #draft(id: string): Promise<WorkflowDraftRecord> {
    const draft = await this.#models.WorkflowDrafts.findById(id).lean();
    if (!draft) throw workflowNotFound(id);
    return draftJson.decode(draft);
  }
}

/** The document must match the workflow schema; semantic problems are allowed in drafts. */
function wellFormed(input: unknown): WorkflowDocument {
  const { problems } = validate(input);
  const malformed = problems.filter(
    (p) => p.code === 'schema.violation' || p.code === 'json.invalid',
  );
  if (malformed.length > 0) throw invalidWorkflow(400, malformed);
  const unstorable = findUnstorableKey(input as JsonValue, '');
  if (unstorable) {
    throw invalidWorkflow(400, [
      {
        code: 'schema.violation',
        pointer: unstorable.pointer,
        message: {
          zh: `键 "${unstorable.key}" 不能存储（不能含 "."，也不能以 "$" 开头）`,
          en: `Key "${unstorable.key}" cannot be stored (no "." and no leading "$")`,
        },
      },
    ]);
  }
  return structuredClone(input) as WorkflowDocument;
}

function toView(draft: WorkflowDraftRecord): DraftView {
  return {
    id: draft._id,
    revision: draft.revision,
    publishedVersion: draft.publishedVersion,
    archived: draft.archived ?? false,
    updatedAt: draft.updatedAt,
    updatedBy: draft.updatedBy,
    document: draft.document,
    problems: validateOnThisServer(draft.document).problems,
  };
}

function summary(record: WorkflowVersionRecord): VersionSummary {
  return {
    version: record.version,
    hash: record.hash,
    note: record.note,
    publishedAt: record.publishedAt,
    publishedBy: record.publishedBy,
  };
}

/** Inserts `document`; false when its `_id` exists (someone else has it). */
async function inserted<T>(model: Model<T>, document: object): Promise<boolean> {
  return (await insertNew(model, [document])).size === 0;
}
