import { validate, type WorkflowDocument } from '@xiaoer/engine';
import { replayRecorded, type RecordedStep, type ReplayOutcome } from '@xiaoer/engine/testing';
import { journeyEventOf, type InstanceRecord } from '../model/instance.model.ts';
import type { JourneyRecords, ReplayedStep } from '../instances/journey-records.ts';
import { DomainError } from '../errors/domain-error.ts';
import { invalidWorkflow } from './workflow-errors.ts';
import type { WorkflowService } from './workflow-service.ts';

/** Host events that end a recorded journey without being journey events themselves. */
const OPERATOR_ENDINGS = new Set(['instance.cancelled']);

export interface ReplayRequest {
  /** How many of the newest instances to replay. Default 50. */
  limit?: number;
  /** The published version whose instances are replayed. Default the newest. */
  version?: number;
  /** An unsaved workflow to replay instead of the saved draft (the editor's current state). */
  document?: WorkflowDocument;
}

export type InstanceReplay = {
  instanceId: string;
  correlation: string;
  status: InstanceRecord['status'];
} & ({ skipped: 'history-pruned' | 'no-steps' } | ReplayOutcome);

export interface ReplayReport {
  workflowId: string;
  /** The published version whose instances were replayed. */
  version: number;
  /** The draft revision replayed, or null for an unsaved document. */
  draftRevision: number | null;
  replayed: number;
  same: number;
  different: number;
  skipped: number;
  instances: InstanceReplay[];
}

/**
 * Replay before publish: the recorded events of recent instances of a published version go
 * through a draft on the virtual clock, and each instance reports whether the draft would
 * have behaved the same (same nodes, same effects) or where it first differs.
 */
export class DraftReplay {
  readonly #journeys: JourneyRecords;
  readonly #workflows: WorkflowService;

  constructor(journeys: JourneyRecords, workflows: WorkflowService) {
    this.#journeys = journeys;
    this.#workflows = workflows;
  }

  async replay(id: string, request: ReplayRequest = {}): Promise<ReplayReport> {
    const draft = await this.#workflows.get(id);
    const document = request.document ?? draft.document;
    const { valid, problems } = validate(document);
    if (!valid) throw invalidWorkflow(422, problems);
    if (document.id !== id)
      throw new DomainError('invalid', 'workflow-id-mismatch', {
        zh: `文档的 id "${document.id}" 与地址中的 "${id}" 不一致。`,
        en: `The document's id "${document.id}" differs from "${id}" in the address.`,
      });
    const version = request.version ?? draft.publishedVersion;
    if (version < 1 || version > draft.publishedVersion)
      throw new DomainError('conflict', 'nothing-to-replay', {
        zh: `旅程 "${id}" 没有已发布的版本 ${version}，没有可重放的实例。`,
        en: `Workflow "${id}" has no published version ${version}: there are no instances to replay.`,
      });
    const instances = await this.#journeys.newestOfVersion(id, version, request.limit ?? 50);
    const results: InstanceReplay[] = [];
    // The histories come a few hundred steps at a time, not two reads per instance.
    for await (const [instance, history] of this.#journeys.histories(instances)) {
      const identity = {
        instanceId: instance._id,
        correlation: instance.correlation,
        status: instance.status,
      };
      const steps = history === 'history-pruned' ? history : recorded(history);
      if (steps === 'history-pruned') results.push({ ...identity, skipped: steps });
      else if (steps.length === 0) results.push({ ...identity, skipped: 'no-steps' });
      else results.push({ ...identity, ...replayRecorded(document, steps) });
    }
    const count = (test: (r: InstanceReplay) => boolean) => results.filter(test).length;
    return {
      workflowId: id,
      version,
      draftRevision: request.document ? null : draft.revision,
      replayed: count((r) => 'same' in r),
      same: count((r) => 'same' in r && r.same),
      different: count((r) => 'same' in r && !r.same),
      skipped: count((r) => 'skipped' in r),
      instances: results,
    };
  }
}

/** An instance's recorded steps, up to an operator's ending; step ids are known. */
function recorded(records: ReplayedStep[]): RecordedStep[] {
  const ending = records.findIndex((r) => OPERATOR_ENDINGS.has(r.event.type));
  return (ending < 0 ? records : records.slice(0, ending)).map((r) => ({
    revision: r.revision,
    event: journeyEventOf(r.event),
    path: r.path,
    effects: r.effects,
    to: r.to,
  }));
}
