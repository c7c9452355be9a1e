import type { QualityModels } from '../model/models.ts';
import type { FollowUpRecord } from '../model/quality.model.ts';
import { isDuplicateKey } from '../model/models.ts';
import { findByIds } from '../model/find-by-ids.ts';

/** How many task numbers one read probes. */
const PROBE = 10;

const taskId = (conversationId: string, seq: number) => `${conversationId}:${seq}`;

/**
 * Follow-up tasks on conversations: an agent's promise to come back, with a due time. Each is
 * `<conversation>:<n>`, numbered by inserting (a taken number is a duplicate key, so two
 * processes never share one) and read back by `_id`, which FerretDB finds by index.
 */
export class FollowUpStore {
  readonly #models: QualityModels;

  constructor(models: QualityModels) {
    this.#models = models;
  }

  async create(
    conversationId: string,
    task: { dueAt: Date; note: string },
    by: string,
  ): Promise<FollowUpRecord> {
    let seq = (await this.list(conversationId)).length + 1;
    for (;;) {
      const record: FollowUpRecord = {
        _id: taskId(conversationId, seq),
        conversationId,
        seq,
        dueAt: task.dueAt,
        note: task.note,
        createdBy: by,
        createdAt: new Date(),
      };
      try {
        await this.#models.FollowUps.create(record);
        return record;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        seq += 1;
      }
    }
  }

  /** The conversation's tasks, oldest first. */
  async list(conversationId: string): Promise<FollowUpRecord[]> {
    const found: FollowUpRecord[] = [];
    for (let next = 1; ; next += PROBE) {
      const ids = Array.from({ length: PROBE }, (_, i) => taskId(conversationId, next + i));
      const batch = await findByIds(this.#models.FollowUps, ids);
      found.push(...batch);
      if (batch.length < PROBE) return found;
    }
  }
}
