import {
  compile,
  getNodeType,
  type JourneyMachine,
  type TriggerConfig,
  type WorkflowDocument,
} from '@xiaoer/engine';
import type { WorkflowModels } from '../model/models.ts';
import {
  versionJson,
  versionKey,
  type WorkflowDraftRecord,
  type WorkflowVersionRecord,
} from '../model/workflow.model.ts';

/** A workflow the runtime routes events to: its newest version starts new instances. */
export interface RoutableWorkflow {
  workflowId: string;
  latestVersion: number;
  trigger: TriggerConfig;
  /** Event types some node of the newest version waits for (the trigger's aside). */
  awaits: readonly string[];
  /**
   * Event types some node of any published version waits for: what an instance of this
   * workflow, whichever version it runs, could take. An event of another type (and not the
   * trigger's) is not offered to the workflow at all.
   */
  awaitedByAnyVersion: ReadonlySet<string>;
  /** Archived workflows only finish their running instances. */
  archived: boolean;
}

/** What a published version's document says about routing: read once, versions never change. */
type VersionRouting = Pick<RoutableWorkflow, 'trigger' | 'awaits'>;

function routingOf(document: WorkflowDocument): VersionRouting | undefined {
  const trigger = document.nodes.find((n) => n.type === 'trigger');
  if (!trigger) return undefined;
  const awaits = new Set(
    document.nodes.flatMap((node) => getNodeType(node.type)?.awaits(node.config) ?? []),
  );
  return { trigger: trigger.config as unknown as TriggerConfig, awaits: [...awaits] };
}

/**
 * The runtime's view of published workflows: compiled machines per immutable version (cached
 * forever, versions never change) and the list of routable workflows (cached for `ttlMs`, and
 * dropped at once when this process publishes).
 */
export class WorkflowCatalog {
  readonly #models: WorkflowModels;
  readonly #ttlMs: number;
  readonly #machines = new Map<string, Promise<JourneyMachine>>();
  #routable: { at: number; list: Promise<RoutableWorkflow[]> } | undefined;
  /** A load of the list started ahead, while the one held still answers. */
  #ahead: Promise<RoutableWorkflow[]> | undefined;
  /** Per version: the same trigger object each load, so its data schema compiles once. */
  readonly #routing = new Map<string, VersionRouting | undefined>();

  constructor(models: WorkflowModels, ttlMs = 1000) {
    this.#models = models;
    this.#ttlMs = ttlMs;
  }

  invalidate(): void {
    this.#routable = undefined;
  }

  machine(workflowId: string, version: number): Promise<JourneyMachine> {
    const key = versionKey(workflowId, version);
    let machine = this.#machines.get(key);
    if (!machine) {
      machine = this.#models.WorkflowVersions.findById(key)
        .lean()
        .then((record) => {
          if (!record) throw new Error(`Workflow version ${key} is missing from the store`);
          return compile(versionJson.decode(record).document);
        });
      machine.catch(() => this.#machines.delete(key));
      this.#machines.set(key, machine);
    }
    return machine;
  }

  /**
   * The routable workflows, as read at most `ttlMs` ago. Once the list held is half that old,
   * the next call starts reading it again and still answers from the one held: under steady
   * traffic no call waits for the store; after a quiet spell the first call does.
   */
  routable(): Promise<RoutableWorkflow[]> {
    const now = Date.now();
    if (!this.#routable || now - this.#routable.at > this.#ttlMs) {
      const list = this.#load();
      list.catch(() => (this.#routable = undefined));
      this.#routable = { at: now, list };
    } else if (now - this.#routable.at > this.#ttlMs / 2 && !this.#ahead) {
      const held = this.#routable;
      const list = this.#load();
      this.#ahead = list;
      // Kept unless the list was dropped (a publish here) or replaced meanwhile.
      void list
        .then(
          () => {
            if (this.#routable === held) this.#routable = { at: now, list };
          },
          () => {},
        )
        .finally(() => (this.#ahead = undefined));
    }
    return this.#routable.list;
  }

  async #load(): Promise<RoutableWorkflow[]> {
    const drafts = await this.#models.WorkflowDrafts.find({ publishedVersion: { $gt: 0 } })
      .select({ document: 0 })
      .lean<WorkflowDraftRecord[]>();
    // One query for every newest version (this runs on the routing path, once per `ttlMs`).
    const versions = versionJson.decodeAll(
      await this.#models.WorkflowVersions.find({
        _id: { $in: drafts.map((d) => versionKey(d._id, d.publishedVersion)) },
      }).lean(),
    );
    // Older versions' routing, read once each (versions never change): their running
    // instances may wait for types the newest version no longer does.
    const older = drafts.flatMap((draft) =>
      Array.from({ length: draft.publishedVersion - 1 }, (_, i) => versionKey(draft._id, i + 1)),
    );
    const unread = older.filter((key) => !this.#routing.has(key));
    if (unread.length > 0)
      for (const version of versionJson.decodeAll(
        await this.#models.WorkflowVersions.find({ _id: { $in: unread } }).lean(),
      ))
        this.#routing.set(version._id, routingOf(version.document));
    const byId = new Map<string, WorkflowVersionRecord>(versions.map((v) => [v._id, v]));
    const result: RoutableWorkflow[] = [];
    for (const draft of drafts) {
      const key = versionKey(draft._id, draft.publishedVersion);
      const version = byId.get(key);
      if (!version) continue;
      if (!this.#routing.has(key)) this.#routing.set(key, routingOf(version.document));
      const routing = this.#routing.get(key);
      if (!routing) continue;
      const awaitedByAnyVersion = new Set(routing.awaits);
      for (let v = 1; v < draft.publishedVersion; v++)
        for (const type of this.#routing.get(versionKey(draft._id, v))?.awaits ?? [])
          awaitedByAnyVersion.add(type);
      result.push({
        workflowId: draft._id,
        latestVersion: draft.publishedVersion,
        ...routing,
        awaitedByAnyVersion,
        archived: draft.archived ?? false,
      });
    }
    return result.sort((a, b) => a.workflowId.localeCompare(b.workflowId));
  }
}
