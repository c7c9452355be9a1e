import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IntentClassifier, type IntentModelSnapshot } from './intent-classifier.ts';
import type { IntentExample } from './intent-files.ts';
import {
  cachedIntentClassifier,
  decodeIntentModel,
  encodeIntentModel,
  intentModelKey,
} from './intent-model-cache.ts';

const examples: IntentExample[] = [
  ...['我的快递到哪了', '包裹到哪里了', '物流怎么不动了', '快递几天能到'].map((text) => ({
    text,
    intent: 'logistics',
    language: 'zh' as const,
  })),
  ...['where is my parcel', 'track my package', 'when will my order arrive'].map((text) => ({
    text,
    intent: 'logistics',
    language: 'en' as const,
  })),
  ...['我要退款', '钱什么时候退给我', '申请退款'].map((text) => ({
    text,
    intent: 'refund',
    language: 'zh' as const,
  })),
  ...['I want my money back', 'please refund me', 'refund my order'].map((text) => ({
    text,
    intent: 'refund',
    language: 'en' as const,
  })),
  ...['你好', '在吗', 'hello there', 'hi'].map((text, i) => ({
    text,
    intent: 'greeting',
    language: i < 2 ? ('zh' as const) : ('en' as const),
  })),
];
const messages = ['快递到哪了', 'where is my refund', '你好呀', 'qwzx plorf', ''];
const options = { threshold: 0.4, socialIntents: ['greeting'] };

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'xiaoer-intent-models-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(directory, { recursive: true, force: true });
});

/** A snapshot's first model as format 1 stored it: one model, its temperature in the header. */
function formatOne(snapshot: IntentModelSnapshot): Buffer {
  const { model, temperature } = snapshot.members[0]!;
  const header = Buffer.from(
    JSON.stringify({
      format: 1,
      intents: snapshot.intents,
      vocabulary: snapshot.vocabulary,
      temperature,
      classes: model.classes,
      features: model.features,
    }),
  );
  const numbersAt = Math.ceil((12 + header.length) / 8) * 8;
  const out = Buffer.alloc(numbersAt + model.bias.byteLength + model.weights.byteLength);
  out.write('XIAOERIM', 0, 'latin1');
  out.writeUInt32LE(header.length, 8);
  header.copy(out, 12);
  Buffer.from(model.bias.buffer).copy(out, numbersAt);
  Buffer.from(model.weights.buffer).copy(out, numbersAt + model.bias.byteLength);
  return out;
}

const answers = (classifier: IntentClassifier) =>
  messages.map((text) => [classifier.classify(text), classifier.rank(text)]);

describe('the stored intent model', () => {
  it('should answer exactly as the classifier it was stored from', () => {
    const trained = IntentClassifier.train(examples, options);
    const stored = encodeIntentModel(trained.snapshot());
    const restored = IntentClassifier.restore(decodeIntentModel(stored), options);
    expect(restored.intents).toEqual(trained.intents);
    expect(restored.temperatures).toEqual(trained.temperatures);
    expect(restored.snapshot().members).toHaveLength(4);
    expect(restored.snapshot().members).toEqual(trained.snapshot().members);
    expect(answers(restored)).toEqual(answers(trained));
  });

  it('should store and restore one model as well as several', () => {
    const single = IntentClassifier.train(examples, { ...options, models: 1, naiveBayes: false });
    const restored = IntentClassifier.restore(
      decodeIntentModel(encodeIntentModel(single.snapshot())),
      options,
    );
    expect(restored.snapshot().members).toHaveLength(1);
    expect(answers(restored)).toEqual(answers(single));
  });

  it('should train again over a file of the earlier one-model format, not misread it', async () => {
    const trained = IntentClassifier.train(examples, options);
    const file = path.join(
      directory,
      `intent-model-${await intentModelKey(examples, options)}.bin`,
    );
    const old = formatOne(trained.snapshot());
    await writeFile(file, old);
    expect(() => decodeIntentModel(old)).toThrow(RangeError);
    const train = vi.spyOn(IntentClassifier, 'train');
    const classifier = await cachedIntentClassifier(examples, options, directory);
    expect(train).toHaveBeenCalledTimes(1);
    expect(answers(classifier)).toEqual(answers(trained));
    expect(decodeIntentModel(await readFile(file)).members).toHaveLength(4);
  });

  it('should learn the same weights whatever the answering options', () => {
    const plain = IntentClassifier.train(examples);
    const answering = IntentClassifier.train(examples, options);
    expect(answering.snapshot()).toEqual(plain.snapshot());
  });

  it('should refuse a file that is not a stored model or is cut short', () => {
    const stored = encodeIntentModel(IntentClassifier.train(examples, options).snapshot());
    expect(() => decodeIntentModel(stored.subarray(0, stored.length - 4))).toThrow(RangeError);
    expect(() => decodeIntentModel(Buffer.from('not a model at all'))).toThrow(RangeError);
    const snapshot = decodeIntentModel(stored);
    expect(() =>
      IntentClassifier.restore({ ...snapshot, vocabulary: snapshot.vocabulary.slice(1) }),
    ).toThrow(RangeError);
    expect(() => IntentClassifier.restore({ ...snapshot, members: [] })).toThrow(RangeError);
  });

  it('should train once, then read the stored model instead of training again', async () => {
    const train = vi.spyOn(IntentClassifier, 'train');
    const first = await cachedIntentClassifier(examples, options, directory);
    expect(train).toHaveBeenCalledTimes(1);
    const files = await readdir(directory);
    expect(files).toEqual([`intent-model-${await intentModelKey(examples, options)}.bin`]);

    const second = await cachedIntentClassifier(examples, options, directory);
    expect(train).toHaveBeenCalledTimes(1);
    expect(second).not.toBe(first);
    expect(answers(second)).toEqual(answers(first));
  });

  it('should name the model after the examples and the training settings, not the answering ones', async () => {
    const key = await intentModelKey(examples, options);
    expect(await intentModelKey(examples, { ...options, threshold: 0.9 })).toBe(key);
    expect(await intentModelKey(examples, {})).toBe(key);
    expect(await intentModelKey(examples, { epochs: 3 })).not.toBe(key);
    expect(await intentModelKey(examples, { seed: 2 })).not.toBe(key);
    expect(await intentModelKey(examples, { models: 1 })).not.toBe(key);
    expect(await intentModelKey(examples, { models: 3 })).toBe(key);
    expect(await intentModelKey(examples, { naiveBayes: false })).not.toBe(key);
    expect(await intentModelKey(examples, { naiveBayes: true })).toBe(key);
    expect(await intentModelKey(examples, { wordDropout: 0 })).not.toBe(key);
    expect(await intentModelKey(examples, { wordDropout: 0.25, dropout: 0.3 })).toBe(key);
    const changed = examples.map((example, i) =>
      i === 0 ? { ...example, text: '快递呢' } : example,
    );
    expect(await intentModelKey(changed, options)).not.toBe(key);
    expect(await intentModelKey(examples.slice(1), options)).not.toBe(key);
  });

  it('should train again over a damaged file and store a good one', async () => {
    const file = path.join(
      directory,
      `intent-model-${await intentModelKey(examples, options)}.bin`,
    );
    await writeFile(file, 'damaged');
    const train = vi.spyOn(IntentClassifier, 'train');
    const classifier = await cachedIntentClassifier(examples, options, directory);
    expect(train).toHaveBeenCalledTimes(1);
    const restored = IntentClassifier.restore(decodeIntentModel(await readFile(file)), options);
    expect(answers(restored)).toEqual(answers(classifier));
  });

  it('should still answer when the folder cannot be written', async () => {
    const blocked = path.join(directory, 'a-file');
    await writeFile(blocked, '');
    const classifier = await cachedIntentClassifier(examples, options, path.join(blocked, 'sub'));
    expect(classifier.classify('我要退款').intent).toBe('refund');
    expect(await readdir(directory)).toEqual(['a-file']);
  });

  it('should keep the eight models used last and remove older ones', async () => {
    const old = new Date('2020-01-01T00:00:00Z');
    for (let i = 0; i < 8; i++) {
      const file = path.join(directory, `intent-model-old${i}.bin`);
      await writeFile(file, '');
      await utimes(file, old, new Date(old.getTime() + i * 1000));
    }
    await writeFile(path.join(directory, 'unrelated.txt'), '');
    await cachedIntentClassifier(examples, options, directory);
    const left = (await readdir(directory)).sort();
    expect(left).toHaveLength(9);
    expect(left).not.toContain('intent-model-old0.bin');
    expect(left).toContain('intent-model-old1.bin');
    expect(left).toContain('unrelated.txt');

    // Reading a model marks it used, so the next pruning keeps it.
    const file = path.join(
      directory,
      `intent-model-${await intentModelKey(examples, options)}.bin`,
    );
    await utimes(file, old, old);
    await cachedIntentClassifier(examples, options, directory);
    expect((await stat(file)).mtimeMs).toBeGreaterThan(old.getTime());
  });
});
