import type { RuntimeModels } from '../model/models.ts';
import { instanceJson, type InstanceRecord } from '../model/instance.model.ts';
import { outcomeOf } from '../model/instance-outcome.ts';

const BATCH = 500;

/**
 * Stores the outcome of instances that ended before the step that ends an instance stored it
 * (read from the end node's output in the snapshot). Run at start-up; finds nothing once done.
 * Returns how many instances it gave an outcome.
 */
export async function backfillOutcomes(models: RuntimeModels): Promise<number> {
  let filled = 0;
  for (;;) {
    const stored = await models.Instances.find({
      status: { $in: ['done', 'cancelled'] },
      outcome: { $exists: false },
    })
      .select({ status: 1, snapshot: 1 })
      .limit(BATCH)
      .lean();
    if (stored.length === 0) return filled;
    const instances = instanceJson.decodeAll(stored) as Pick<
      InstanceRecord,
      '_id' | 'status' | 'snapshot'
    >[];
    await models.Instances.bulkWrite(
      instances.map((instance) => ({
        updateOne: {
          filter: { _id: instance._id, outcome: { $exists: false } },
          update: { $set: { outcome: outcomeOf(instance.status, instance.snapshot) } },
        },
      })),
    );
    filled += instances.length;
    if (stored.length < BATCH) return filled;
  }
}
