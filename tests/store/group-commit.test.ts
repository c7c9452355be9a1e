import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuplicateKeyError, GroupCommit } from '@xiaoer/server/internal';
import { startTestStore, TestClock, type RunningStore } from '@xiaoer/server/testing';

/**
 * Group commit on the real embedded store: concurrent writes share round trips, and each
 * writer still learns its own outcome (a duplicate `_id` is that writer's error alone).
 */
let store: RunningStore;
let connection: Connection;
const commands: string[] = [];
/** Every command's start and end, in the order the driver saw them. */
const timeline: string[] = [];

beforeAll(async () => {
  store = await startTestStore();
  connection = await mongoose.createConnection(store.uri, { monitorCommands: true }).asPromise();
  const client = connection.getClient();
  client.on('commandStarted', (event: { commandName: string }) => {
    commands.push(event.commandName);
    timeline.push(`${event.commandName} started`);
  });
  client.on('commandSucceeded', (event: { commandName: string }) =>
    timeline.push(`${event.commandName} done`),
  );
});
afterAll(async () => {
  await connection?.close();
  await store?.stop();
});

/** Lets the event loop turn `n` times. */
async function turns(n: number): Promise<void> {
  for (let turn = 0; turn < n; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** Resolves once the driver sent the next `insert` command. */
function insertStarted(): Promise<void> {
  const client = connection.getClient();
  return new Promise((resolve) => {
    const started = (event: { commandName: string }) => {
      if (event.commandName !== 'insert') return;
      client.off('commandStarted', started);
      resolve();
    };
    client.on('commandStarted', started);
  });
}

/**
 * Sends a batch of 400 inserts that go at once (milliseconds on the store) and, once it is in
 * flight, deletes `id` through a lane that lingers; resolves when both are written. The
 * {@link timeline} starts with them.
 */
async function deleteWhileInserting(
  commits: GroupCommit,
  claims: Model<Claim>,
  id: string,
  prefix: string,
): Promise<void> {
  timeline.length = 0;
  const sent = insertStarted();
  const inserted = Promise.all(
    Array.from({ length: 400 }, (_, n) => commits.insert(claims, { _id: `${prefix}${n}`, n })),
  );
  await sent;
  await Promise.all([commits.delete(claims, id), inserted]);
}

interface Claim {
  _id: string;
  n: number;
}

/**
 * The model with the first call of `method` held until `release()` (a store slow to answer), its
 * calls counted; the collection and the documents are the real ones. `calls(n)` lets the event
 * loop turn until `n` calls were made, or a hundred turns passed, and says how many were.
 */
function holdFirst(target: Model<Claim>, method: 'insertMany' | 'bulkWrite') {
  let made = 0;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held =
    (call: (...args: unknown[]) => Promise<unknown>) =>
    async (...args: unknown[]) => {
      made++;
      if (made === 1) await gate;
      return call(...args);
    };
  const collection = new Proxy(target.collection, {
    get: (inner, key) =>
      key === method && method === 'insertMany'
        ? held((...args) => (inner.insertMany as (...a: unknown[]) => Promise<unknown>)(...args))
        : Reflect.get(inner, key),
  });
  const proxied = new Proxy(target, {
    get: (inner, key) => {
      if (key === 'collection') return collection;
      if (key === method && method === 'bulkWrite')
        return held((...args) =>
          (inner.bulkWrite as (...a: unknown[]) => Promise<unknown>)(...args),
        );
      return Reflect.get(inner, key);
    },
  });
  return {
    model: proxied,
    release: () => release(),
    count: () => made,
    calls: async (n: number) => {
      for (let turn = 0; turn < 100 && made < n; turn++)
        await new Promise((resolve) => setImmediate(resolve));
      return made;
    },
  };
}
let claimModel: Model<Claim> | undefined;
const model = (): Model<Claim> =>
  (claimModel ??= connection.model<Claim>(
    'Claim',
    new Schema<Claim>({ _id: String, n: Number }, { versionKey: false }),
  ));

describe('GroupCommit', () => {
  it('should insert 200 concurrent claims in a few commands, refusing only the duplicates', async () => {
    const claims = model();
    await claims.create({ _id: 'c-7', n: -1 });
    const commits = new GroupCommit();
    commands.length = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, n) => commits.insert(claims, { _id: `c-${n % 150}`, n })),
    );
    const refused = results.flatMap((r, n) => (r.status === 'rejected' ? [n] : []));
    // c-7 existed; c-0 … c-49 were claimed twice, and only the first claim of each won.
    expect(refused.sort((a, b) => a - b)).toEqual([
      7,
      ...Array.from({ length: 50 }, (_, i) => 150 + i),
    ]);
    for (const n of refused) {
      const reason = (results[n] as PromiseRejectedResult).reason as unknown;
      expect(reason).toBeInstanceOf(DuplicateKeyError);
      expect((reason as DuplicateKeyError).code).toBe(11000);
    }
    expect(await claims.countDocuments()).toBe(150);
    expect((await claims.findById('c-3').lean())?.n).toBe(3);
    expect((await claims.findById('c-7').lean())?.n).toBe(-1);
    expect(commands.filter((c) => c === 'insert').length).toBeLessThanOrEqual(3);
  });

  it('should batch updates and deletes by id', async () => {
    const claims = model();
    const commits = new GroupCommit();
    commands.length = 0;
    await Promise.all(
      Array.from({ length: 100 }, (_, n) =>
        commits.update(claims, {
          updateOne: { filter: { _id: `c-${n}` }, update: { $set: { n: n * 10 } } },
        }),
      ),
    );
    expect((await claims.findById('c-42').lean())?.n).toBe(420);
    await Promise.all(Array.from({ length: 100 }, (_, n) => commits.delete(claims, `c-${n}`)));
    expect(await claims.countDocuments()).toBe(50);
    expect(commands.filter((c) => c === 'update').length).toBeLessThanOrEqual(6); // batches of 20
    expect(commands.filter((c) => c === 'delete').length).toBeLessThanOrEqual(3);
  });

  it('should read concurrent lookups by id as one find, each caller getting its own document', async () => {
    const claims = model();
    await claims.create([
      { _id: 'r-1', n: 1 },
      { _id: 'r-2', n: 2 },
      { _id: 'r-3', n: 3 },
    ]);
    const commits = new GroupCommit();
    commands.length = 0;
    const found = await Promise.all(
      ['r-1', 'r-2', 'missing', 'r-2', 'r-3'].map((id) => commits.read(claims, id)),
    );
    expect(found.map((doc) => doc?.n ?? null)).toEqual([1, 2, null, 2, 3]);
    expect(commands.filter((c) => c === 'find')).toHaveLength(1);
    // A lone read is one find too, answering null for an unknown id.
    commands.length = 0;
    expect(await commits.read(claims, 'nope')).toBeNull();
    expect((await commits.read(claims, 'r-3'))?.n).toBe(3);
    expect(commands.filter((c) => c === 'find')).toHaveLength(2);
  });

  it('should write a lone insert and refuse it again', async () => {
    const commits = new GroupCommit();
    await commits.insert(model(), { _id: 'alone', n: 1 });
    expect((await model().findById('alone').lean())?.n).toBe(1);
    await expect(commits.insert(model(), { _id: 'alone', n: 2 })).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
  });

  it('should let lingering lanes gather writes made one after another, and write them on idle()', async () => {
    const claims = model();
    const commits = new GroupCommit({}, { linger: { 'claims:delete': 60_000 } });
    await Promise.all(
      Array.from({ length: 5 }, (_, n) => commits.insert(claims, { _id: `l-${n}`, n })),
    );
    commands.length = 0;
    // Deletes made one at a time (as events finishing one after another do) wait together…
    const deleted: Promise<void>[] = [];
    for (let n = 0; n < 5; n++) {
      deleted.push(commits.delete(claims, `l-${n}`));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(commands.filter((c) => c === 'delete')).toHaveLength(0);
    expect(await claims.countDocuments({ _id: /^l-/ })).toBe(5);
    // …inserts, another lane, do not wait.
    await commits.insert(claims, { _id: 'l-now', n: 9 });
    // …and go as one command when the store is asked to settle (a stop, or a full batch).
    await commits.idle();
    await Promise.all(deleted);
    expect(commands.filter((c) => c === 'delete')).toHaveLength(1);
    expect(await claims.countDocuments({ _id: /^l-/ })).toBe(1);
  });

  it('should let inserts asked to linger gather in their own lane while the others go at once', async () => {
    const claims = model();
    const commits = new GroupCommit();
    commands.length = 0;
    const later: Promise<void>[] = [];
    for (let n = 0; n < 4; n++) {
      later.push(commits.insert(claims, { _id: `far-${n}`, n }, 60_000));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await commits.insert(claims, { _id: 'near', n: 9 });
    expect(commands.filter((c) => c === 'insert')).toHaveLength(1);
    expect(await claims.countDocuments({ _id: /^far-/ })).toBe(0);
    await commits.idle();
    await Promise.all(later);
    expect(commands.filter((c) => c === 'insert')).toHaveLength(2);
    expect(await claims.countDocuments({ _id: /^far-/ })).toBe(4);
    const again = commits.insert(claims, { _id: 'far-0', n: 0 }, 60_000);
    commits.settle();
    await expect(again).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('should let reads asked to linger share one find while the others go at once', async () => {
    const claims = model();
    await claims.create([
      { _id: 'lr-1', n: 1 },
      { _id: 'lr-2', n: 2 },
    ]);
    const commits = new GroupCommit();
    commands.length = 0;
    // Reads made one after another, as events arriving a few milliseconds apart make them…
    const later: Promise<Claim | null>[] = [];
    for (const id of ['lr-1', 'missing', 'lr-2']) {
      later.push(commits.read(claims, id, 60_000));
      await new Promise((resolve) => setImmediate(resolve));
    }
    // …wait, while a read that does not linger is answered at once.
    expect((await commits.read(claims, 'lr-2'))?.n).toBe(2);
    expect(commands.filter((c) => c === 'find')).toHaveLength(1);
    await commits.idle();
    expect((await Promise.all(later)).map((doc) => doc?.n ?? null)).toEqual([1, null, 2]);
    expect(commands.filter((c) => c === 'find')).toHaveLength(2);
  });

  it('should let what arrives while a lingering batch is written linger in its turn', async () => {
    const claims = model();
    const held = holdFirst(claims, 'insertMany');
    const commits = new GroupCommit({}, { linger: { 'claims:insert': 60_000 } });
    const first = commits.insert(held.model, { _id: 't-first', n: 0 });
    // Its linger over (settled), its write is held: a store slow to answer…
    commits.settle();
    expect(await held.calls(1)).toBe(1);
    // …while three more arrive.
    const more = [1, 2, 3].map((n) => commits.insert(held.model, { _id: `t-more-${n}`, n }));
    held.release();
    await first;
    // They are not written straight after it: they linger in their turn…
    expect(await held.calls(2)).toBe(1);
    expect(await claims.countDocuments({ _id: /^t-more-/ })).toBe(0);
    // …then go together, as one insert.
    await commits.idle();
    await Promise.all(more);
    expect(held.count()).toBe(2);
    expect(await claims.countDocuments({ _id: /^t-more-/ })).toBe(3);
  });

  it('should write a lingering lane at once when a full batch is waiting', async () => {
    const claims = model();
    const commits = new GroupCommit({ delete: 3 }, { linger: { 'claims:delete': 60_000 } });
    await Promise.all(
      Array.from({ length: 3 }, (_, n) => commits.insert(claims, { _id: `f-${n}`, n })),
    );
    commands.length = 0;
    await Promise.all(Array.from({ length: 3 }, (_, n) => commits.delete(claims, `f-${n}`)));
    expect(commands.filter((c) => c === 'delete')).toHaveLength(1);
    expect(await claims.countDocuments({ _id: /^f-/ })).toBe(0);
  });

  it('should hold a lingering batch back while a write that goes at once is in flight', async () => {
    const claims = model();
    const commits = new GroupCommit({}, { linger: { 'claims:delete': 1 }, yieldMs: 60_000 });
    await commits.insert(claims, { _id: 'y-0', n: 0 });
    // Its linger (1 ms) ends while the inserts are written, and it waits for them.
    await deleteWhileInserting(commits, claims, 'y-0', 'y-new-');
    expect(timeline.filter((entry) => !entry.startsWith('find'))).toEqual([
      'insert started',
      'insert done',
      'delete started',
      'delete done',
    ]);
    expect(await claims.countDocuments({ _id: 'y-0' })).toBe(0);
  });

  it('should send a second batch of claims while the first is out, but updates one batch at a time', async () => {
    const claims = model();
    const commits = new GroupCommit();
    // The first insert is held at the store's door: a second arriving meanwhile goes at once.
    const inserts = holdFirst(claims, 'insertMany');
    const first = commits.insert(inserts.model, { _id: 'two-0', n: 0 });
    expect(await inserts.calls(1)).toBe(1);
    const second = commits.insert(inserts.model, { _id: 'two-1', n: 1 });
    expect(await inserts.calls(2)).toBe(2);
    inserts.release();
    await Promise.all([first, second]);
    expect(await claims.countDocuments({ _id: /^two-/ })).toBe(2);
    // Updates reach the store in the order they were made: the next batch waits for the first.
    const updates = holdFirst(claims, 'bulkWrite');
    const set = (n: number) =>
      commits.update(updates.model, {
        updateOne: { filter: { _id: 'two-0' }, update: { $set: { n } } },
      });
    const earlier = set(1);
    expect(await updates.calls(1)).toBe(1);
    const later = set(2);
    expect(await updates.calls(2)).toBe(1);
    updates.release();
    await Promise.all([earlier, later]);
    expect(updates.count()).toBe(2);
    expect((await claims.findById('two-0').lean())?.n).toBe(2);
  });

  it('should let a lingering batch go without yielding when none is asked for, or on idle()', async () => {
    const claims = model();
    await Promise.all(Array.from({ length: 2 }, (_, n) => claims.create({ _id: `z-${n}`, n })));
    // Yielding for a minute, but asked to settle: written now, inserts in flight or not.
    const patient = new GroupCommit({}, { linger: { 'claims:delete': 60_000 }, yieldMs: 60_000 });
    const first = patient.delete(claims, 'z-0');
    const inserting = patient.insert(claims, { _id: 'z-new', n: 9 });
    await patient.idle();
    await Promise.all([first, inserting]);
    expect(await claims.countDocuments({ _id: 'z-0' })).toBe(0);
    // No yielding asked for (the default): the linger alone decides, even mid-insert. The
    // insert is held at the store's door until the delete was written (a real insert of 400
    // documents could end before a 1 ms linger did on a loaded machine).
    const prompt = new GroupCommit({}, { linger: { 'claims:delete': 1 } });
    const inserts = holdFirst(claims, 'insertMany');
    const heldInsert = prompt.insert(inserts.model, { _id: 'z-more', n: 1 });
    expect(await inserts.calls(1)).toBe(1);
    await prompt.delete(claims, 'z-1');
    expect(await claims.countDocuments({ _id: 'z-1' })).toBe(0);
    expect(await claims.countDocuments({ _id: 'z-more' })).toBe(0);
    inserts.release();
    await heldInsert;
    expect(await claims.countDocuments({ _id: 'z-more' })).toBe(1);
  });

  it('should write lingering batches one at a time, letting writes that go at once pass', async () => {
    const claims = model();
    await claims.create({ _id: 'one-0', n: 0 });
    const commits = new GroupCommit(
      {},
      { linger: { 'claims:insert': 60_000, 'claims:delete': 60_000 } },
    );
    // A lingering insert, written now and held at the store's door.
    const inserts = holdFirst(claims, 'insertMany');
    const inserted = commits.insert(inserts.model, { _id: 'one-new', n: 1 });
    commits.settle();
    expect(await inserts.calls(1)).toBe(1);
    timeline.length = 0;
    // Another lane's lingering batch, written now too: it waits for the insert's turn to end.
    const deleted = commits.delete(claims, 'one-0');
    commits.settle();
    // A write that goes at once passes both.
    await commits.update(claims, {
      updateOne: { filter: { _id: 'one-0' }, update: { $set: { n: 5 } } },
    });
    expect(timeline).toEqual(['update started', 'update done']);
    inserts.release();
    await Promise.all([inserted, deleted]);
    expect(timeline.filter((entry) => !entry.startsWith('find'))).toEqual([
      'update started',
      'update done',
      'insert started',
      'insert done',
      'delete started',
      'delete done',
    ]);
    expect(await claims.countDocuments({ _id: 'one-0' })).toBe(0);
    expect(await claims.countDocuments({ _id: 'one-new' })).toBe(1);
  });

  it('should let writes in a commit window wait for their fill while they arrive steadily, the first of a lane going at once', async () => {
    const claims = model();
    const commits = new GroupCommit();
    const window = { ms: 60_000, fill: 4 };
    const inserts = () => commands.filter((c) => c === 'insert').length;
    commands.length = 0;
    // The lane's first write knows of no others: it goes at once, the minute's window unused.
    await commits.insert(claims, { _id: 'w-first', n: 0 }, window);
    expect(inserts()).toBe(1);
    // Writes a turn of the event loop apart (one client's stream of steps): three of four wait…
    const written: Promise<void>[] = [];
    for (let n = 0; n < 3; n++) {
      written.push(commits.insert(claims, { _id: `w-${n}`, n }, window));
      await turns(1);
    }
    await turns(50);
    expect(inserts()).toBe(1);
    // …and the fourth fills the window: they go together.
    written.push(commits.insert(claims, { _id: 'w-3', n: 3 }, window));
    await Promise.all(written);
    expect(inserts()).toBe(2);
    expect(await claims.countDocuments({ _id: /^w-\d$/ })).toBe(4);
    // The next waits in a window of its own, until the store is asked to settle.
    const fifth = commits.insert(claims, { _id: 'w-4', n: 4 }, window);
    await turns(50);
    expect(inserts()).toBe(2);
    await commits.idle();
    await fifth;
    expect(inserts()).toBe(3);
    expect(await claims.countDocuments({ _id: 'w-4' })).toBe(1);
    // Other inserts of the collection go at once, in their own lane.
    await commits.insert(claims, { _id: 'w-other', n: 0 });
    expect(inserts()).toBe(4);
  });

  it('should send a write in a commit window at once when writes arrive seldom, and let it wait while they arrive steadily', async () => {
    const claims = model();
    const clock = new TestClock();
    const commits = new GroupCommit({}, { clock });
    const window = { ms: 2000, fill: 16 };
    /** Whether the insert command starts within fifty turns of the event loop. */
    const sentAtOnce = async (write: () => Promise<void>) => {
      commands.length = 0;
      const written = write();
      await turns(50);
      const sent = commands.includes('insert');
      commits.settle();
      await written;
      return sent;
    };
    // More than half the window apart: nothing to wait for.
    for (let n = 0; n < 3; n++) {
      await clock.advance(1200);
      expect(await sentAtOnce(() => commits.insert(claims, { _id: `s-${n}`, n }, window))).toBe(
        true,
      );
    }
    // Steady now (ten writes a turn apart): the next waits for company…
    const steady: Promise<void>[] = [];
    for (let n = 0; n < 10; n++) {
      steady.push(commits.insert(claims, { _id: `s-steady-${n}`, n }, window));
      await turns(1);
    }
    commits.settle();
    await Promise.all(steady);
    commands.length = 0;
    const last = commits.insert(claims, { _id: 's-last', n: 9 }, window);
    await turns(50);
    expect(commands).not.toContain('insert');
    // …for the window's length at most.
    await clock.advance(2000);
    await last;
    expect(await claims.countDocuments({ _id: /^s-/ })).toBe(14);
  });

  it('should let a small lingering batch linger on for its fill, up to its bound', async () => {
    const claims = model();
    await Promise.all(Array.from({ length: 6 }, (_, n) => claims.create({ _id: `f-${n}`, n })));
    const clock = new TestClock();
    const commits = new GroupCommit(
      {},
      { linger: { 'claims:delete': 20_000 }, lingerFill: { items: 5, upToMs: 600_000 }, clock },
    );
    commands.length = 0;
    const deleted = [0, 1, 2].map((n) => commits.delete(claims, `f-${n}`));
    // Ten lingers later, three of five: still waiting.
    await clock.advance(200_000);
    await turns(50);
    expect(commands.filter((c) => c === 'delete')).toHaveLength(0);
    // Its fill: it goes at the next look, one command for all five.
    deleted.push(...[3, 4].map((n) => commits.delete(claims, `f-${n}`)));
    await clock.advance(20_000);
    await Promise.all(deleted);
    expect(commands.filter((c) => c === 'delete')).toHaveLength(1);
    expect(await claims.countDocuments({ _id: /^f-[0-4]$/ })).toBe(0);
    // Never filled, a batch goes at its bound.
    const bounded = new GroupCommit(
      {},
      { linger: { 'claims:delete': 20_000 }, lingerFill: { items: 50, upToMs: 100_000 }, clock },
    );
    const alone = bounded.delete(claims, 'f-5');
    await clock.advance(60_000);
    await turns(50);
    expect(await claims.countDocuments({ _id: 'f-5' })).toBe(1);
    await clock.advance(40_000);
    await alone;
    expect(await claims.countDocuments({ _id: 'f-5' })).toBe(0);
  });
});
