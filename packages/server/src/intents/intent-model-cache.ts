import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { xiaoerCacheDir } from '../store/ferretdb-binary.ts';
import {
  IntentClassifier,
  trainingSettingsOf,
  type IntentClassifierOptions,
  type IntentModelSnapshot,
} from './intent-classifier.ts';
import type { IntentExample } from './intent-files.ts';

/**
 * Training the local intent model (three softmax models and naive Bayes by default) costs about six seconds of CPU
 * (more on a busy machine) at every server start, and it is deterministic: the same examples, settings and code give
 * the same model. So the trained model is kept on disk, under a name that is the hash of all
 * that went into it, and the next start (a restart, another process, each test worker) reads
 * it in a few milliseconds instead of training. Any change to the examples (an operator's
 * intent), the training settings, the code of this folder or Node's Unicode data gives another
 * name: a stale model is never read. The cache is only a shortcut: a missing, unreadable or
 * damaged file means training, and a folder that cannot be written means training next time.
 */

/**
 * Bumped when the file layout changes; a file of another format is not read (trained again).
 * 1: one model; 2: several models, each with its temperature.
 */
export const INTENT_MODEL_FORMAT = 2;
const FORMAT = INTENT_MODEL_FORMAT;
const MAGIC = 'XIAOERIM';
/** The newest models kept; older ones (other intent sets, other versions) are removed. */
const KEEP = 8;
const PREFIX = 'intent-model-';

/** `~/.cache/xiaoer/intent-models` (`$XDG_CACHE_HOME/xiaoer/intent-models`). */
export function defaultIntentModelDirectory(): string {
  return path.join(xiaoerCacheDir(), 'intent-models');
}

let sourceHash: Promise<string> | undefined;

/** The hash of this folder's code (not its tests): a change to features or training. */
function codeHash(): Promise<string> {
  sourceHash ??= (async () => {
    const folder = import.meta.dirname;
    const names = (await readdir(folder))
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .sort();
    const hash = createHash('sha256');
    for (const name of names)
      hash
        .update(name)
        .update('\0')
        .update(await readFile(path.join(folder, name)));
    return hash.digest('hex');
  })();
  sourceHash.catch(() => (sourceHash = undefined));
  return sourceHash;
}

/** The name of the model these examples and options train, in this code and Node. */
export async function intentModelKey(
  examples: readonly IntentExample[],
  options: IntentClassifierOptions,
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      format: FORMAT,
      node: process.version,
      icu: process.versions.icu ?? null,
      unicode: process.versions.unicode ?? null,
      code: await codeHash(),
      training: trainingSettingsOf(options),
    }),
  );
  for (const { text, intent, language } of examples)
    hash.update(JSON.stringify([text, intent, language])).update('\n');
  return hash.digest('hex').slice(0, 40);
}

/**
 * The stored form: magic, header length, JSON header, padding to 8, then each model's bias
 * (float64 per class) and weights (float32, classes × features).
 */
export function encodeIntentModel(snapshot: IntentModelSnapshot): Buffer {
  const { intents, vocabulary, members } = snapshot;
  const first = members[0]?.model;
  if (!first || members.some(({ model }) => model.weights.length !== first.weights.length))
    throw new RangeError('The intent models to store do not have the same shape');
  const header = Buffer.from(
    JSON.stringify({
      format: FORMAT,
      intents,
      vocabulary,
      temperatures: members.map((member) => member.temperature),
      classes: first.classes,
      features: first.features,
    }),
  );
  const headerEnd = MAGIC.length + 4 + header.length;
  const numbersAt = Math.ceil(headerEnd / 8) * 8;
  const memberBytes = first.bias.byteLength + first.weights.byteLength;
  const out = Buffer.alloc(numbersAt + members.length * memberBytes);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  members.forEach(({ model: { bias, weights } }, m) => {
    const at = numbersAt + m * memberBytes;
    Buffer.from(bias.buffer, bias.byteOffset, bias.byteLength).copy(out, at);
    Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength).copy(
      out,
      at + bias.byteLength,
    );
  });
  return out;
}

/**
 * The snapshot in a stored file; a `RangeError` when the file is not one, is of another format
 * (an older version's) or is cut short.
 */
export function decodeIntentModel(data: Buffer): IntentModelSnapshot {
  const broken = () => new RangeError('Not a stored intent model');
  if (data.length < MAGIC.length + 4 || data.toString('latin1', 0, MAGIC.length) !== MAGIC)
    throw broken();
  const headerLength = data.readUInt32LE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerEnd > data.length) throw broken();
  const header = JSON.parse(data.toString('utf8', MAGIC.length + 4, headerEnd)) as {
    format: number;
    intents: string[];
    vocabulary: string[];
    temperatures: number[];
    classes: number;
    features: number;
  };
  if (header.format !== FORMAT || !Array.isArray(header.temperatures)) throw broken();
  const { classes, features } = header;
  const numbersAt = Math.ceil(headerEnd / 8) * 8;
  const biasBytes = classes * 8;
  const memberBytes = biasBytes + classes * features * 4;
  if (data.length !== numbersAt + header.temperatures.length * memberBytes) throw broken();
  return {
    intents: header.intents,
    vocabulary: header.vocabulary,
    members: header.temperatures.map((temperature, m) => {
      const at = numbersAt + m * memberBytes;
      // Copied out: typed arrays need aligned, owned memory.
      const bias = new Float64Array(classes);
      Buffer.from(bias.buffer).set(data.subarray(at, at + biasBytes));
      const weights = new Float32Array(classes * features);
      Buffer.from(weights.buffer).set(data.subarray(at + biasBytes, at + memberBytes));
      return { temperature, model: { classes, features, weights, bias } };
    }),
  };
}

/** The newest {@link KEEP} models stay. */
async function prune(directory: string): Promise<void> {
  const names = (await readdir(directory)).filter(
    (name) => name.startsWith(PREFIX) && name.endsWith('.bin'),
  );
  const dated = await Promise.all(
    names.map(async (name) => {
      const file = path.join(directory, name);
      return {
        file,
        at: await stat(file).then(
          (s) => s.mtimeMs,
          () => 0,
        ),
      };
    }),
  );
  dated.sort((a, b) => b.at - a.at);
  await Promise.all(dated.slice(KEEP).map(({ file }) => rm(file, { force: true })));
}

/** Trains a classifier (on this thread, or in a worker: `intent-training.ts`). */
export type IntentTrainer = (
  examples: readonly IntentExample[],
  options: IntentClassifierOptions,
) => IntentClassifier | Promise<IntentClassifier>;

/**
 * `train(examples, options)`, read from `directory` when these examples and options were
 * trained before (by any process), and stored there when not. `directory: null` trains without
 * the cache.
 */
export async function cachedIntentClassifier(
  examples: readonly IntentExample[],
  options: IntentClassifierOptions = {},
  directory: string | null = defaultIntentModelDirectory(),
  train: IntentTrainer = (e, o) => IntentClassifier.train(e, o),
): Promise<IntentClassifier> {
  if (directory === null) return train(examples, options);
  const key = await intentModelKey(examples, options);
  const file = path.join(directory, `${PREFIX}${key}.bin`);
  try {
    const classifier = IntentClassifier.restore(decodeIntentModel(await readFile(file)), options);
    // Used now: pruning keeps it.
    const now = new Date();
    await utimes(file, now, now).catch(() => {});
    return classifier;
  } catch {
    // Not there (or damaged): train, and store for the next start.
  }
  const classifier = await train(examples, options);
  // Written aside, then renamed: a process reading at the same time sees all or nothing.
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(partial, encodeIntentModel(classifier.snapshot()));
    await rename(partial, file);
    await prune(directory);
  } catch {
    // A read-only or full disk: the next start trains again.
    await rm(partial, { force: true }).catch(() => {});
  }
  return classifier;
}
