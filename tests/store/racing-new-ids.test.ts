import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '@xiaoer/engine/testing';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { counterWorkflow } from '../runtime/test-workflows.ts';
import { ferretdbPid } from '../security/store-process.ts';
import { writesMeet } from './writes-meet.ts';

/**
 * Saving by id creates the document when there is none (an upsert). Two upserts of one new
 * `_id` at once race, and FerretDB (unlike MongoDB's server) does not retry the loser: it
 * failed with a duplicate key. A store of its own, held so that the requests' writes meet there
 * (writes-meet.ts): the race is met every run.
 */
let h: Harness;
let pid: number;
beforeAll(async () => {
  h = await startHarness({ ownStore: true, monitorCommands: true });
  pid = await ferretdbPid(h.store.socketPath ?? '');
  await h.publish(counterWorkflow);
});
afterAll(async () => h?.close());

const scenario: Scenario = { trigger: { counterId: 'c-1', count: 0 }, steps: [] };
const path = (name: string) => `/api/workflows/counter/scenarios/${encodeURIComponent(name)}`;

describe('saving a new id from many requests at once', () => {
  it('should answer every PUT of a new scenario 200 and keep one of the bodies', async () => {
    const bodies = Array.from({ length: 6 }, (_, n) => ({
      ...scenario,
      steps: [{ advance: `${n + 1}h` }],
    }));
    const names = Array.from({ length: 16 }, (_, round) => `race ${round}`);
    const client = h.connection.getClient();
    for (const name of names) {
      const responses = await writesMeet(
        { pid, clients: [client] },
        (command) => command.commandName === 'update' && command.command['update'] === 'scenarios',
        bodies.map((body) => () => h.request('PUT', path(name), body)),
      );
      expect(
        responses.map((response) => response.status),
        name,
      ).toEqual(bodies.map(() => 200));
      const read = (await (await h.request('GET', path(name))).json()) as { scenario: Scenario };
      expect(bodies.map((body) => body.steps)).toContainEqual(read.scenario.steps);
    }
    const stored = await h.connection
      .collection('scenarios')
      .countDocuments({ name: { $in: names } });
    expect(stored).toBe(names.length);
  });
});
