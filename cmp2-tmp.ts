import mongoose from 'mongoose';
import { readdirSync, statSync } from 'node:fs';
import { startTestStore } from '@xiaoer/server/testing';
const store = await startTestStore();
const dir = store.location;
const db = (await mongoose.createConnection(store.uri).asPromise());
const c = db.collection<{_id: string; rev: number; pad: string}>('docs');
const files = () => readdirSync(dir).map((f) => `${f}:${Math.round(statSync(`${dir}/${f}`).size / 1024)}K`).join(' ');
const time = async (label: string, f: (i: number) => Promise<unknown>) => { const s = performance.now(); for (let i = 0; i < 20; i++) await f(i); console.log(label, ((performance.now() - s) / 20).toFixed(1), 'ms'); };
let n = 0;
for (const size of [1000, 3000, 10000]) {
  while (n < size) { await c.insertMany(Array.from({ length: 500 }, (_, j) => ({ _id: `d${n + j}`, rev: 0, pad: 'x'.repeat(300) }))); n += 500; }
  console.log(size, files());
  await time(' updateOne {_id}', (i) => c.updateOne({ _id: `d${i}` }, { $set: { rev: 1 } }));
  await time(' insertOne', (i) => c.insertOne({ _id: `n${size}-${i}`, rev: 0, pad: '' }));
  await time(' updateOne {_id, rev}', (i) => c.updateOne({ _id: `d${i + 50}`, rev: 0 }, { $set: { rev: 1 } }));
  await time(' findOne {_id}', (i) => c.findOne({ _id: `d${i}` }));
  const other = db.collection('small');
  await time(' small insertOne', (i) => other.insertOne({ _id: `s${size}-${i}` } as never));
}
await db.close(); await store.stop();
