import { cloudEvent, type Harness } from '@xiaoer/server/testing';

/**
 * Holds the `events` collection's inserts (the records of processed events, the last write of
 * processing) until released: the events in progress stay in progress, so the runtime is as
 * far behind as the test makes it.
 */
export function holdRecords(h: Harness): () => void {
  const collection = h.xiaoer.models.Events.collection;
  const insertMany = collection.insertMany.bind(collection);
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  Object.assign(collection, {
    insertMany: async (...args: Parameters<typeof insertMany>) => {
      await gate;
      return insertMany(...args);
    },
  });
  return () => {
    Reflect.deleteProperty(collection, 'insertMany');
    release();
  };
}

/**
 * Runs `check` while the runtime is behind: records held, and one event (`id`) in progress,
 * which is the whole backlog of a harness started with `intake: { maxBacklog: 1 }`. The
 * records are written once `check` ends.
 */
export async function whileBehind(h: Harness, id: string, check: () => Promise<void>) {
  const release = holdRecords(h);
  try {
    const taken = await h.sendEvents(cloudEvent('order.created', { orderId: id }, id));
    if (taken.status !== 202 || !h.xiaoer.intake.overloaded())
      throw new Error(`the runtime is not behind (event ${id} answered ${taken.status})`);
    await check();
  } finally {
    release();
  }
}
