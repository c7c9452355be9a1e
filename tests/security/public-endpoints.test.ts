import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { startHarness, type Harness } from '@xiaoer/server/testing';

/**
 * What anyone may ask without a login costs the store nothing per request. `GET
 * /api/event-types` (the integration contract, public on purpose) read every journey's draft
 * and each live version twice for every request: a stranger repeating it kept the store busy.
 * It is served from the published journeys the intake already keeps (read at most once a
 * second, dropped at once when this process publishes).
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ monitorCommands: true });
  for (const id of ['where-is-my-parcel', 'invoice-reissue', 'refund'])
    await h.publish(
      JSON.parse(
        await readFile(new URL(`../../workflows/${id}.json`, import.meta.url), 'utf8'),
      ) as WorkflowDocument,
    );
});
afterAll(async () => h?.close());

/** The reads of journey drafts and versions while `work` runs. */
async function journeyReads(work: () => Promise<unknown>): Promise<number> {
  let reads = 0;
  const client = h.connection.getClient();
  const started = (event: { commandName: string; command: Record<string, unknown> }) => {
    const collection = event.command[event.commandName];
    if (collection === 'workflowDrafts' || collection === 'workflowVersions') reads++;
  };
  client.on('commandStarted', started);
  try {
    await work();
  } finally {
    client.off('commandStarted', started);
  }
  return reads;
}

describe('anonymous requests', () => {
  it('should answer a burst of GET /api/event-types from what the intake keeps', async () => {
    expect((await fetch(`${h.url}/api/event-types`)).status).toBe(200);
    const answers: Response[] = [];
    const reads = await journeyReads(async () => {
      answers.push(
        ...(await Promise.all(Array.from({ length: 20 }, () => fetch(`${h.url}/api/event-types`)))),
      );
    });
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    const { eventTypes } = (await answers[0]!.json()) as {
      eventTypes: { type: string; startsJourney?: string; description: { en: string } }[];
    };
    expect(eventTypes.find((t) => t.type === 'invoice.reissueRequested')).toMatchObject({
      startsJourney: 'invoice-reissue',
      description: { en: 'Starts the journey Invoice reissue' },
    });
    // The chat's own event starts where-is-my-parcel, but no source may send it.
    expect(eventTypes.filter((t) => t.type === 'conversation.message')).toEqual([]);
    // At most one new read of the published list (it is kept for a second), not six a request.
    expect(reads).toBeLessThanOrEqual(3);
  });
});
