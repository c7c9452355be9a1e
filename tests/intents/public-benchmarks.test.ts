import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTENT_IDS, UNKNOWN_INTENT } from '@xiaoer/server/internal';
import {
  missingPublicBenchmarks,
  publicBenchmark,
  publicDataHint,
} from '../../bench/intents/public-benchmarks.ts';
import {
  banking77TestFile,
  clinc150TestFile,
  CLINC_OUT_OF_SCOPE_TEST_PER_INTENT,
  writePublicTestFiles,
} from '../../bench/intents/public-intent-extraction.ts';
import {
  BANKING77_MAPPING,
  CLINC150_MAPPING,
  PUBLIC_BENCHMARKS,
  type PublicBenchmarkName,
} from '../../bench/intents/public-intent-mapping.ts';

const names = Object.keys(PUBLIC_BENCHMARKS) as PublicBenchmarkName[];
const known = new Set<string>([...INTENT_IDS, UNKNOWN_INTENT]);
const folder = () => mkdtemp(path.join(os.tmpdir(), 'xiaoer-public-'));

/**
 * Small stand-ins for the sets' own files (the data is not in the repository): a few written
 * rows in each format, then one row for each other intent the mapping names, since extraction
 * refuses a file that lacks one.
 */
const fillers = (mapping: ReadonlyMap<string, unknown>, written: readonly string[][]) =>
  [...mapping.keys()]
    .filter((source) => source !== 'oos' && !written.some(([, s]) => s === source))
    .map((source) => [`a message about ${source.replaceAll('_', ' ')}`, source]);

const clincTest = [
  ['hey there, how is it going', 'greeting'],
  ['thanks so much for your help', 'thank_you'],
  ['where is my order right now', 'order_status'],
  ['i want to call you sam from now on', 'change_ai_name'],
  ...Array.from({ length: 12 }, (_, i) => [`send ${i + 1} dollars to my savings`, 'transfer']),
];
const clincDataFull = JSON.stringify({
  train: [['hello', 'greeting']],
  val: [['hi', 'greeting']],
  test: [...clincTest, ...fillers(CLINC150_MAPPING, clincTest)],
  oos_train: [['how tall is mount everest', 'oos']],
  oos_val: [],
  oos_test: [
    ['how do i fix a leaking tap', 'oos'],
    ['what is the best way to learn piano', 'oos'],
  ],
});

const bankingWritten = [
  ['"Can I get a refund, please?"', 'request_refund'],
  ['  My refund is still not showing up  ', 'Refund_not_showing_up'],
  ['I was charged twice for one coffee', 'transaction_charged_twice'],
  ['"The machine said ""no"" to my card"', 'atm_support'],
  ['When will my new card arrive?', 'card_arrival'],
];
// Windows line ends, as a CSV saved elsewhere may have.
const bankingCsv = [
  'text,category',
  ...[...bankingWritten, ...fillers(BANKING77_MAPPING, bankingWritten)].map((row) => row.join(',')),
].join('\r\n');

describe('public intent benchmarks', () => {
  it.each(names)('%s: the mapping names only intents Xiaoer has', (name) => {
    for (const [source, mapped] of PUBLIC_BENCHMARKS[name].mapping) {
      expect(known.has(mapped.intent), `${source} → ${mapped.intent}`).toBe(true);
      for (const also of mapped.alsoRight ?? [])
        expect(known.has(also), `${source} → also ${also}`).toBe(true);
    }
  });

  it("should keep CLINC150's mapped test messages, a few of each other trade's, and every out-of-scope one", () => {
    const file = clinc150TestFile(clincDataFull);
    const texts = file.messages.map(([text]) => text);
    expect(texts).toContain('hey there, how is it going');
    expect(texts).toContain('where is my order right now');
    // Not mapped (a command to a voice assistant), and not the training split.
    expect(texts).not.toContain('i want to call you sam from now on');
    expect(texts).not.toContain('hello');
    expect(texts).not.toContain('how tall is mount everest');
    expect(file.messages.filter(([, source]) => source === 'transfer')).toHaveLength(
      CLINC_OUT_OF_SCOPE_TEST_PER_INTENT,
    );
    expect(texts).toContain('send 1 dollars to my savings');
    expect(texts).not.toContain('send 11 dollars to my savings');
    expect(file.messages.filter(([, source]) => source === 'oos')).toHaveLength(2);
    expect(file).toMatchObject({ licence: 'CC BY 3.0', split: 'test and oos_test' });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("should read Banking77's CSV — quoted commas and quotes, spaces trimmed — keeping mapped categories", () => {
    const file = banking77TestFile(bankingCsv);
    expect(file.messages).toContainEqual(['Can I get a refund, please?', 'request_refund']);
    expect(file.messages).toContainEqual([
      'My refund is still not showing up',
      'Refund_not_showing_up',
    ]);
    expect(file.messages).toContainEqual(['The machine said "no" to my card', 'atm_support']);
    expect(file.messages.some(([, source]) => source === 'card_arrival')).toBe(false);
    expect(file.messages).toHaveLength(
      bankingWritten.length - 1 + fillers(BANKING77_MAPPING, bankingWritten).length,
    );
    expect(file.licence).toBe('CC BY 4.0');
  });

  it('should refuse a source file that lacks an intent the mapping names, naming it', () => {
    const withoutGreeting = JSON.parse(clincDataFull) as { test: string[][] };
    withoutGreeting.test = withoutGreeting.test.filter(([, source]) => source !== 'greeting');
    expect(() => clinc150TestFile(JSON.stringify(withoutGreeting))).toThrow(/greeting/);
    const withoutRefunds = bankingCsv.replace(/\r\n[^\r\n]*,request_refund/g, '');
    expect(() => banking77TestFile(withoutRefunds)).toThrow(/request_refund/);
  });

  it("should load what extraction writes, mapped onto Xiaoer's intents", async () => {
    const directory = await folder();
    await writePublicTestFiles(directory, {
      clinc150: clinc150TestFile(clincDataFull),
      banking77: banking77TestFile(bankingCsv),
    });
    expect(await missingPublicBenchmarks(directory)).toEqual([]);
    const clinc = await publicBenchmark('clinc150', directory);
    const intentOf = (examples: typeof clinc, text: string) =>
      examples.find((e) => e.text === text);
    expect(intentOf(clinc, 'hey there, how is it going')).toMatchObject({
      intent: 'greeting',
      language: 'en',
    });
    expect(intentOf(clinc, 'thanks so much for your help')?.intent).toBe('thanks');
    expect(intentOf(clinc, 'where is my order right now')).toMatchObject({
      intent: 'orderStatus',
      alsoRight: ['logistics'],
    });
    expect(intentOf(clinc, 'send 1 dollars to my savings')?.intent).toBe(UNKNOWN_INTENT);
    expect(intentOf(clinc, 'how do i fix a leaking tap')).toMatchObject({
      intent: UNKNOWN_INTENT,
      source: 'oos',
    });
    const banking = await publicBenchmark('banking77', directory);
    expect(intentOf(banking, 'Can I get a refund, please?')?.intent).toBe('refund');
    expect(intentOf(banking, 'My refund is still not showing up')?.intent).toBe('refundStatus');
    expect(intentOf(banking, 'I was charged twice for one coffee')?.intent).toBe('paymentProblem');
  });

  it('should name the missing sets and say where to get them, in Chinese and English', async () => {
    const directory = await folder();
    expect(await missingPublicBenchmarks(directory)).toEqual(names);
    await writePublicTestFiles(directory, { clinc150: clinc150TestFile(clincDataFull) });
    const missing = await missingPublicBenchmarks(directory);
    expect(missing).toEqual(['banking77']);
    const hint = publicDataHint(directory, missing);
    expect(hint).not.toContain('\n');
    expect(hint).toMatch(/公开基准未运行.*banking77-test\.json/);
    expect(hint).toMatch(/public benchmark not run: no banking77-test\.json/);
    expect(hint).toContain('https://github.com/clinc/oos-eval (CC BY 3.0)');
    expect(hint).toContain('https://github.com/PolyAI-LDN/task-specific-datasets (CC BY 4.0)');
    expect(hint).toContain(`npm run intents:public-data -- --clinc <data_full.json>`);
    expect(hint).toContain(`--out ${directory}`);
  });

  it('should refuse a message whose intent the mapping does not have, naming it', async () => {
    const directory = await folder();
    const messages = [
      ['hi there', 'greeting'],
      ['play some jazz', 'play_jazz'],
    ];
    await writeFile(path.join(directory, 'clinc150-test.json'), JSON.stringify({ messages }));
    await expect(publicBenchmark('clinc150', directory)).rejects.toThrow(/message 1.*play_jazz/);
  });

  it('should refuse a file whose messages are not [text, intent] pairs', async () => {
    const directory = await folder();
    await writeFile(
      path.join(directory, 'banking77-test.json'),
      JSON.stringify({ messages: [{ text: 'refund please', intent: 'request_refund' }] }),
    );
    await expect(publicBenchmark('banking77', directory)).rejects.toThrow(/message 0/);
  });
});
