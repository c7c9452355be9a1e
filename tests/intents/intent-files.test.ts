import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INTENT_IDS,
  IntentFileError,
  UNKNOWN_INTENT,
  intentExamples,
  loadIntentDefinitions,
} from '@xiaoer/server/internal';

async function folderWith(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'xiaoer-intents-'));
  for (const [name, text] of Object.entries(files)) {
    await writeFile(path.join(directory, name), text);
  }
  return directory;
}

const valid = {
  intent: 'refund',
  title: { zh: '退款', en: 'Refund' },
  utterances: { zh: ['我要退款'], en: ['I want a refund'] },
};

async function loadError(files: Record<string, string>): Promise<IntentFileError> {
  const error: unknown = await loadIntentDefinitions(await folderWith(files)).catch((e) => e);
  expect(error).toBeInstanceOf(IntentFileError);
  return error as IntentFileError;
}

describe('intent files', () => {
  it('should ship every intent id, described, with at least 100 distinct utterances per language', async () => {
    const definitions = await loadIntentDefinitions();
    expect(definitions.map((d) => d.intent).sort()).toEqual([...INTENT_IDS, UNKNOWN_INTENT].sort());
    for (const definition of definitions) {
      expect(definition.description?.zh, definition.intent).toBeTruthy();
      expect(definition.description?.en, definition.intent).toBeTruthy();
      expect(definition.group, definition.intent).toBeDefined();
      for (const language of ['zh', 'en'] as const) {
        const written = definition.utterances[language];
        expect(new Set(written).size, `${definition.intent}/${language}`).toBe(written.length);
        const all = new Set([...written, ...(definition.generated?.[language] ?? [])]);
        expect(all.size, `${definition.intent}/${language}`).toBeGreaterThanOrEqual(100);
      }
    }
  });

  it('should flatten definitions into examples with intent and language', () => {
    expect(intentExamples([valid])).toEqual([
      { text: '我要退款', intent: 'refund', language: 'zh' },
      { text: 'I want a refund', intent: 'refund', language: 'en' },
    ]);
  });

  it('should name the file and the pointer when a file breaks the schema', async () => {
    const broken = { ...valid, utterances: { zh: [], en: ['x'] } };
    const error = await loadError({ 'refund.json': JSON.stringify(broken) });
    expect(error.file).toMatch(/refund\.json$/);
    expect(error.problems.map((p) => p.en).join()).toContain('/utterances/zh');
    expect(error.zh).toContain('/utterances/zh 不应少于 1 个项');
    expect(error.zh).toContain('意图文件');
    expect(error.en).toContain('refund.json');
  });

  it('should refuse a file that is not JSON, naming it', async () => {
    const error = await loadError({ 'refund.json': '{ "intent": ' });
    expect(error.message).toContain('refund.json');
  });

  it('should refuse a missing title and unknown properties', async () => {
    const { title: _title, ...untitled } = valid;
    const error = await loadError({ 'refund.json': JSON.stringify({ ...untitled, extra: 1 }) });
    expect(error.problems).toContainEqual({
      zh: '/title 缺少必填属性 "title"',
      en: '/title missing required property "title"',
    });
    expect(error.problems).toContainEqual({
      zh: '/ 未知属性 "extra"',
      en: '/ unknown property "extra"',
    });
  });

  it('should refuse a file whose name is not its intent id', async () => {
    const error = await loadError({ 'money.json': JSON.stringify(valid) });
    expect(error.problems[0]?.en).toContain('refund.json');
    expect(error.problems[0]?.zh).toContain('文件应名为 refund.json');
  });
});
