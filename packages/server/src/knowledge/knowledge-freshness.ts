import type { KnowledgeModels } from '../model/models.ts';
import type { KnowledgeArticleRecord, KnowledgeChangeRecord } from '../model/knowledge.model.ts';
import type { KnowledgeIndex } from './knowledge-index.ts';

/**
 * Changes are read again for this long after they were logged: a change logged by another
 * process with a slightly slower clock, or committed late, is still seen. Re-applying is harmless.
 */
const OVERLAP_MS = 10_000;

/**
 * Keeps one process's index in step with the store without change streams (FerretDB 1.x has
 * none): at most every `everyMs` it reads the change log since it last looked (a range on `_id`)
 * and re-reads just the articles that changed.
 */
export class KnowledgeFreshness {
  private loaded: Promise<void> | undefined;
  private checking: Promise<void> | undefined;
  private checkedAt = 0;
  private since = 0;
  private readonly applied = new Set<string>();

  constructor(
    private readonly models: KnowledgeModels,
    private readonly index: KnowledgeIndex,
    private readonly everyMs: number,
  ) {}

  /**
   * Loads the index the first time, then applies new changes if the last check is old enough.
   * A check half as old as allowed starts the next one without waiting for it; a caller waits
   * only when the last check is older than `everyMs` (nothing asked for a while), so no
   * answer comes from an index older than that.
   */
  async ensure(): Promise<void> {
    await (this.loaded ??= this.load().catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    }));
    const age = Date.now() - this.checkedAt;
    if (age < this.everyMs / 2) return;
    const checking = (this.checking ??= this.apply().finally(() => (this.checking = undefined)));
    if (age >= this.everyMs) await checking;
    // Ahead of time: a failure is seen by the caller that waits for the next check.
    else void checking.catch(() => {});
  }

  private async load(): Promise<void> {
    this.since = Date.now() - OVERLAP_MS;
    this.checkedAt = Date.now();
    const records = await this.models.KnowledgeArticles.find({
      status: 'published',
      deleted: { $ne: true },
    }).lean<KnowledgeArticleRecord[]>();
    for (const record of records) this.index.put(record);
  }

  private async apply(): Promise<void> {
    const startedAt = Date.now();
    const from = String(this.since).padStart(13, '0');
    const changes = await this.models.KnowledgeChanges.find({ _id: { $gt: from } })
      .sort({ _id: 1 })
      .lean<KnowledgeChangeRecord[]>();
    const fresh = changes.filter((change) => !this.applied.has(change._id));
    if (fresh.length > 0) {
      const ids = [...new Set(fresh.map((change) => change.articleId))];
      const records = await this.models.KnowledgeArticles.find({ _id: { $in: ids } }).lean<
        KnowledgeArticleRecord[]
      >();
      const byId = new Map(records.map((record) => [record._id, record]));
      for (const id of ids) {
        const record = byId.get(id);
        if (record) this.index.put(record);
        else this.index.remove(id);
      }
      for (const change of fresh) this.applied.add(change._id);
    }
    // Checked as of when the read began.
    this.checkedAt = startedAt;
    this.since = Math.max(this.since, startedAt - OVERLAP_MS);
    for (const id of this.applied)
      if (Number(id.slice(0, 13)) <= this.since) this.applied.delete(id);
  }
}
