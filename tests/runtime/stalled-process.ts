import type { JsonObject } from '@xiaoer/engine';
import type { Harness } from '@xiaoer/server/testing';
import { JourneyRuntime } from '@xiaoer/server/internal';

/**
 * Another process on the same store that commits an event's step and never gets further: its
 * dispatch of the step's effects never ends (a process stuck, or about to die). Resolves once
 * the step is committed; the instance's document is written behind it, seconds later or never.
 */
export async function stepInStalledProcess(
  h: Harness,
  event: { id: string; type: string; data: JsonObject },
): Promise<void> {
  const stalled = new JourneyRuntime(h.xiaoer.models, h.xiaoer.catalog, {
    dispatch: () => new Promise<void>(() => undefined),
  });
  await stalled.processRecord({
    _id: `test/${event.id}`,
    source: 'test',
    eventId: event.id,
    type: event.type,
    time: new Date().toISOString(),
    data: event.data,
    receivedAt: new Date(),
  });
}
