import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@xiaoer/server';
import { readSeedArticles, undocumentedRoutes } from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const csvImport = (text: string) =>
  fetch(`${h.url}/api/knowledge/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.token}`, 'content-type': 'text/csv' },
    body: text,
  });
const total = async () =>
  ((await (await h.request('GET', '/api/knowledge/articles')).json()) as { total: number }).total;
type Problem = { row: number; pointer: string; message: string };
const problemsOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; details: { problems: Problem[] } } }).error;

describe('knowledge import and export', () => {
  it('should import the sample articles as JSON and export them as they came', async () => {
    const seed = (await readSeedArticles()) as { id: string }[];
    const imported = await h.request('POST', '/api/knowledge/import', seed);
    expect(await imported.json()).toEqual({ created: seed.length, updated: 0 });
    const exported = (await (
      await h.request('GET', '/api/knowledge/export?format=json')
    ).json()) as {
      id: string;
    }[];
    expect(exported.map((a) => a.id).sort()).toEqual(seed.map((a) => a.id).sort());
    const again = await h.request('POST', '/api/knowledge/import', exported);
    expect(await again.json()).toEqual({ created: 0, updated: seed.length });
    const second = (await (
      await h.request('GET', '/api/knowledge/export?format=json')
    ).json()) as unknown[];
    expect(second).toEqual(exported);
  });

  it('should round-trip through CSV (questions one per line, tags split by |)', async () => {
    const json = await (await h.request('GET', '/api/knowledge/export?format=json')).json();
    const csv = await h.request('GET', '/api/knowledge/export?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\n')[0]).toBe(
      'id,questions,answer_zh,answer_en,tags,channels,validFrom,validUntil,status,synonyms',
    );
    const reimported = await csvImport(text);
    expect(reimported.status).toBe(200);
    expect(await (await h.request('GET', '/api/knowledge/export?format=json')).json()).toEqual(
      json,
    );
  });

  it('should refuse a CSV with a bad row, naming the row, and import nothing', async () => {
    const before = await total();
    const text = [
      'id,questions,answer_zh,answer_en,tags,channels,validFrom,validUntil,status',
      'csv-good,"怎么联系客服\nHow to contact you",回复人工,Reply agent,,,,,',
      'csv-bad,没有答案的问题,,,,,,,',
      'csv-bad-2,问题,<img src=x onerror=alert(1)>,,,fax,,,',
    ].join('\n');
    const response = await csvImport(text);
    expect(response.status).toBe(400);
    const error = await problemsOf(response);
    expect(error.code).toBe('invalid-import');
    expect(error.details.problems.map((p) => p.row)).toEqual(expect.arrayContaining([2, 3]));
    expect(error.details.problems.some((p) => p.row === 1)).toBe(false);
    expect(await total()).toBe(before);
    expect((await h.request('GET', '/api/knowledge/articles/csv-good')).status).toBe(404);
  });

  it('should name the file line of a bad CSV row, past the header, blank lines and multi-line cells', async () => {
    const before = await total();
    const text = [
      'id,questions,answer_zh,answer_en,tags,channels,validFrom,validUntil,status',
      'csv-l1,"问题一\r\n问题二\r\n问题三",答一,,,,,,', // lines 2 to 4
      '',
      'csv-l2,"没有答案的问题\nsecond line",,,,,,,', // line 6 (row 2), its cell spans line 7
      'csv-l3,问题,<b>粗体</b>,,,,,,', // line 8 (row 3)
      'csv-l1,又一个,答,,,,,,', // line 9 (row 4)
    ].join('\r\n');
    const response = await csvImport(text);
    expect(response.status).toBe(400);
    const error = (await response.json()) as {
      error: {
        code: string;
        message: { zh: string; en: string };
        details: { problems: (Problem & { line: number; text: { zh: string; en: string } })[] };
      };
    };
    expect(error.error.code).toBe('invalid-import');
    const { problems } = error.error.details;
    expect(problems.map((p) => [p.row, p.line])).toEqual([
      [2, 6],
      [3, 8],
      [4, 9],
    ]);
    expect(problems[1]).toMatchObject({
      pointer: '/2/answer/zh',
      text: { zh: '不允许 HTML，请用 Markdown', en: 'raw HTML is not allowed, write Markdown' },
    });
    expect(problems[2]?.text).toEqual({
      zh: '与第 2 行（第 1 条）的 id 重复',
      en: 'same id as line 2 (row 1)',
    });
    expect(error.error.message.zh).toContain('首个在第 6 行（第 2 条）');
    expect(error.error.message.en).toContain('first at line 6 (row 2)');
    expect(await total()).toBe(before);
  });

  it('should refuse malformed CSV, unknown columns and duplicate ids', async () => {
    expect(await problemsOf(await csvImport('id,questions\n"unterminated,x'))).toMatchObject({
      code: 'malformed-csv',
    });
    expect(await problemsOf(await csvImport('id,question\na,b'))).toMatchObject({
      code: 'malformed-csv',
      message: { zh: expect.stringContaining('不认识的列：question'), en: expect.any(String) },
      details: { unknown: ['question'] },
    });
    const twice = { id: 'twice', questions: ['q'], answer: { zh: 'a' } };
    const duplicate = await problemsOf(
      await h.request('POST', '/api/knowledge/import', [twice, twice]),
    );
    expect(duplicate.details.problems).toEqual([
      expect.objectContaining({
        row: 2,
        pointer: '/1/id',
        text: { zh: '与第 1 条的 id 重复', en: 'same id as article 1' },
      }),
    ]);
    expect(
      await problemsOf(await h.request('POST', '/api/knowledge/import', { id: 'x' })),
    ).toMatchObject({
      code: 'invalid-import',
    });
    expect((await h.request('GET', '/api/knowledge/export?format=xml')).status).toBe(400);
  });

  it('should document every knowledge route', () => {
    const app = createApp({
      store: { kind: 'ferretdb-sqlite', ping: async () => true },
      xiaoer: h.xiaoer,
      consoleDirectory: false,
    });
    expect(undocumentedRoutes(app)).toEqual([]);
  });
});
