import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupCommit, OutboxNotes, type OutboxEntry } from '@xiaoer/server/internal';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';

/**
 * The outbox on the real embedded store: steps noted together share one note, written in one
 * command; the note goes with the last of its steps, and stays for recovery when one failed.
 */
let store: RunningStore;
let connection: Connection;
let Outbox: Model<OutboxEntry>;
const inserts: number[] = [];

beforeAll(async () => {
  store = await startTestStore();
  connection = await mongoose.createConnection(store.uri, { monitorCommands: true }).asPromise();
  connection
    .getClient()
    .on('commandStarted', (event: { commandName: string; command: Record<string, unknown> }) => {
      if (event.commandName === 'insert' && event.command['insert'] === 'outbox')
        inserts.push((event.command['documents'] as unknown[]).length);
    });
  Outbox = connection.model<OutboxEntry>(
    'OutboxEntry',
    new Schema({ _id: String, steps: [String], claimedAt: Date, process: String }),
    'outbox',
  );
});
afterAll(async () => {
  await connection?.close();
  await store?.stop();
});

const stored = async (id: string) => Outbox.findById(id).lean<OutboxEntry>();

describe('OutboxNotes', () => {
  it('should note steps committed together in one document, gone with the last of them', async () => {
    const notes = new OutboxNotes({ Outbox }, new GroupCommit(), 'host:1:abc');
    inserts.length = 0;
    const keys = Array.from({ length: 40 }, (_, n) => `journey:O-${n}:1#1`);
    const ids = await Promise.all(keys.map((key) => notes.note(key)));
    // One note per flush of the lane: the first key goes alone, the others wait for it.
    const distinct = [...new Set(ids)];
    expect(distinct.length).toBeLessThanOrEqual(2);
    expect(inserts).toEqual(distinct.map(() => 1));
    const notedSteps = (await Promise.all(distinct.map(stored))).flatMap((n) => n?.steps ?? []);
    expect(notedSteps.sort()).toEqual([...keys].sort());
    expect((await stored(ids[5] as string))?.process).toBe('host:1:abc');
    expect(notes.owns(ids[5] as string)).toBe(true);

    const last = ids.lastIndexOf(ids[39] as string);
    const first = ids.indexOf(ids[39] as string);
    for (let n = first; n < last; n++) await notes.release(keys[n] as string);
    expect(await stored(ids[39] as string)).not.toBeNull(); // one of its steps is still out
    await notes.release(keys[last] as string);
    expect(await stored(ids[39] as string)).toBeNull();
    expect(notes.owns(ids[39] as string)).toBe(false);
  });

  it('should leave a note to recovery when one of its steps failed', async () => {
    const notes = new OutboxNotes({ Outbox }, new GroupCommit());
    const [a, b] = ['journey:F-1:1#2', 'journey:F-2:1#1'];
    const [noteA, noteB] = await Promise.all([notes.note(a as string), notes.note(b as string)]);
    expect(noteB).toBe(noteA);
    notes.abandon(a as string);
    expect(notes.owns(noteA as string)).toBe(true); // b is still being dispatched
    await notes.release(b as string);
    expect(notes.owns(noteA as string)).toBe(false);
    // Kept for recovery: the step that failed may be recorded.
    expect((await stored(noteA as string))?.steps).toEqual([a, b]);
  });

  it('should let quiet steps noted apart share one lingering note, apart from the steps that go at once', async () => {
    const notes = new OutboxNotes({ Outbox }, new GroupCommit());
    inserts.length = 0;
    // A quiet step (the result of a send one client's order made), then a step that goes at
    // once and is stored meanwhile, then two more quiet steps: the quiet ones wait together.
    const quiet = [notes.note('journey:Q-0:1#2', 1000)];
    const atOnce = await notes.note('journey:Q-9:1#1');
    quiet.push(notes.note('journey:Q-1:1#2', 1000), notes.note('journey:Q-2:1#2', 1000));
    const lingering = await Promise.all(quiet);
    expect(new Set(lingering).size).toBe(1);
    expect(lingering[0]).not.toBe(atOnce);
    expect(inserts).toEqual([1, 1]);
    expect((await stored(lingering[0] as string))?.steps).toEqual([
      'journey:Q-0:1#2',
      'journey:Q-1:1#2',
      'journey:Q-2:1#2',
    ]);
  });
});
