/**
 * `npm run intents:generate` — writes the generated customer messages from the intent
 * grammars (workflows/intents/grammar): the training part into
 * workflows/intents/generated/<intent>.json, and the held-back part (messages from templates
 * the model never trains on, with a different seed) into bench/intents/held-back/<intent>.json
 * for `npm run eval:intents`. Seeded: running it again writes the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SHIPPED_INTENTS } from '../../packages/server/src/intents/intent-files.ts';
import { generateUtterances } from '../../packages/server/src/intents/generation/generate-utterances.ts';
import { loadGrammars } from '../../packages/server/src/intents/generation/grammar-files.ts';
import { HELD_BACK } from './held-back-path.ts';

const TRAIN_PER_LANGUAGE = 240;
const HELD_BACK_PER_LANGUAGE = 60;
const SEED = 20;

async function writeSplit(directory: string, intent: string, zh: string[], en: string[]) {
  await mkdir(directory, { recursive: true });
  const document = { intent, utterances: { zh, en } };
  await writeFile(path.join(directory, `${intent}.json`), `${JSON.stringify(document, null, 1)}\n`);
}

const { shared, grammars } = await loadGrammars();
for (const grammar of grammars) {
  const make = (language: 'zh' | 'en', split: 'train' | 'heldBack', count: number) =>
    generateUtterances(grammar, shared, language, {
      count,
      split,
      seed: split === 'train' ? SEED : SEED + 1,
    });
  const train = {
    zh: make('zh', 'train', TRAIN_PER_LANGUAGE),
    en: make('en', 'train', TRAIN_PER_LANGUAGE),
  };
  const heldBack = {
    zh: make('zh', 'heldBack', HELD_BACK_PER_LANGUAGE),
    en: make('en', 'heldBack', HELD_BACK_PER_LANGUAGE),
  };
  await writeSplit(path.join(SHIPPED_INTENTS, 'generated'), grammar.intent, train.zh, train.en);
  await writeSplit(HELD_BACK, grammar.intent, heldBack.zh, heldBack.en);
  process.stderr.write(
    `${grammar.intent}: ${train.zh.length}+${train.en.length} training, ${heldBack.zh.length}+${heldBack.en.length} held back\n`,
  );
}
