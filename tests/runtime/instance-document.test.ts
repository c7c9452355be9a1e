import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { JourneyRuntime } from '@xiaoer/server/internal';
import { counterWorkflow } from './test-workflows.ts';

/**
 * An instance's document is written behind its steps, by key only (FerretDB 1.x reads by key
 * only for a filter that is exactly `{_id}`), and never back: a late write that left it behind
 * its steps is mended by the next step, in this process or in another.
 */
let h: Harness;
const ID = 'counter:D-1:1';
const stored = () => h.connection.collection('instances').findOne({ _id: ID as never });
const bump = (key: string) => h.sendEvents(cloudEvent('counter.bump', { counterId: 'D-1' }, key));
const storedAt = (revision: number) =>
  vi.waitFor(async () => expect((await stored())?.['revision']).toBe(revision), {
    timeout: 10_000,
  });
const countOf = async () =>
  JSON.parse(String((await stored())?.['snapshot'])).context.data.count as number;

beforeAll(async () => {
  h = await startHarness();
  await h.publish(counterWorkflow);
});
afterAll(async () => h?.close());

describe('instance documents', () => {
  it('should mend a document a late write left behind its steps, here and in another process', async () => {
    await h.sendEvents(cloudEvent('counter.opened', { counterId: 'D-1', count: 0 }));
    await bump('d-bump-1');
    await storedAt(2);
    const behind = await stored();
    await bump('d-bump-2');
    await storedAt(3);

    // A stalled process's late write puts revision 2 back.
    await h.connection.collection('instances').replaceOne({ _id: ID as never }, behind!);
    await storedAt(2);
    // This process steps on from what it holds (revision 3) and writes revision 4 over it.
    await bump('d-bump-3');
    await storedAt(4);
    expect(await countOf()).toBe(3);

    // Another process, which holds nothing, reads the document left behind again: its claim
    // on revision 4 meets the recorded step, it rolls the document forward and steps on.
    await h.connection.collection('instances').replaceOne({ _id: ID as never }, behind!);
    const other = new JourneyRuntime(h.xiaoer.models, h.xiaoer.catalog, h.xiaoer.dispatcher);
    const result = await other.apply(ID, {
      key: 'd-bump-other',
      type: 'counter.bump',
      at: new Date().toISOString(),
      data: { counterId: 'D-1' },
    });
    expect(result.kind).toBe('applied');
    expect(result.instance.revision).toBe(5);
    await other.idle();
    await storedAt(5);
    expect(await countOf()).toBe(4);
  });
});
