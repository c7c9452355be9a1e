import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { dbFingerprint } from '../runtime/db-fingerprint.ts';

/**
 * A refused request body says what is wrong in the console's language: each problem of
 * `details.problems` has its reason in zh and en (`text`), and the message lists the first
 * ones, so a console in Chinese does not show ajv's English.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

type Problem = { pointer: string; message: string; text: { zh: string; en: string } };
type ErrorBody = {
  error: { code: string; message: { zh: string; en: string }; details: { problems: Problem[] } };
};

const CJK = /[\u4e00-\u9fff]/;

/** Chinese with no English words beside JSON pointers, quoted names and listed values. */
function chineseOnly(zh: string): string {
  return zh
    .replace(/\/\S*/g, '')
    .replace(/"[^"]*"|'[^']*'/g, '')
    .replace(/：[\w、-]+$/, '');
}

/** Per route: a bad body and problems it must give (pointer, part of the zh and en reason). */
const cases: {
  route: string;
  method: string;
  path: string;
  body: unknown;
  expected: [pointer: string, zh: string, en: string][];
}[] = [
  {
    route: 'workflow save',
    method: 'PUT',
    path: '/api/workflows/any',
    body: { revision: 'one' },
    expected: [
      ['/document', '缺少必填属性', 'missing required property'],
      ['/revision', '应当是整数', 'must be integer'],
    ],
  },
  {
    route: 'knowledge article',
    method: 'POST',
    path: '/api/knowledge/articles',
    body: { questions: [], answer: { zh: '好的' }, colour: 'red' },
    expected: [
      ['', '未知属性 "colour"', 'unknown property "colour"'],
      ['/questions', '不应少于 1 个项', 'must NOT have fewer than 1 items'],
    ],
  },
  {
    route: 'API key',
    method: 'POST',
    path: '/api/api-keys',
    body: { name: 7 },
    expected: [
      ['/source', '缺少必填属性 "source"', 'missing required property'],
      ['/name', '应当是字符串', 'must be string'],
    ],
  },
  {
    route: 'intents',
    method: 'POST',
    path: '/api/intents',
    body: {
      id: 'giftCard',
      title: { zh: '礼品卡' },
      examples: { zh: ['礼品卡怎么用'], en: ['gift card'] },
      action: { kind: 'teleport' },
    },
    expected: [['/title/en', '缺少必填属性 "en"', 'missing required property']],
  },
];

describe('request-body problems in both languages', () => {
  it.each(cases)('$route: every problem in zh and en, nothing stored', async (c) => {
    const before = await dbFingerprint(h.connection);
    const response = await h.request(c.method, c.path, c.body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe('invalid-body');
    for (const [pointer, zh, en] of c.expected)
      expect(error.details.problems).toContainEqual(
        expect.objectContaining({
          pointer,
          text: { zh: expect.stringContaining(zh), en: expect.stringContaining(en) },
        }),
      );
    for (const problem of error.details.problems) {
      expect(problem.text.zh, problem.pointer).toMatch(CJK);
      expect(chineseOnly(problem.text.zh), problem.text.zh).not.toMatch(/[A-Za-z]{3,}/);
      expect(problem.text.en, problem.pointer).not.toMatch(CJK);
      expect(problem.message).toBe(problem.text.en);
    }
    // The message a console shows lists the first problem in its own language.
    const [first] = error.details.problems;
    expect(error.message.zh).toContain(first?.text.zh);
    expect(error.message.en).toContain(first?.text.en);
    expect(error.message.en).not.toMatch(CJK);
    expect(await dbFingerprint(h.connection)).toBe(before);
  });
});
