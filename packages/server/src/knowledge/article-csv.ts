import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DomainError } from '../errors/domain-error.ts';
import { restoreFormulaText, SAFE_CSV_CAST } from '../csv-formula.ts';
import type { ArticleInput } from './article.schema.ts';

/**
 * The CSV columns: one article a row; questions one per line inside their cell, tags,
 * channels and synonyms separated by `|`, empty cells for "not set".
 */
export const CSV_COLUMNS = [
  'id',
  'questions',
  'answer_zh',
  'answer_en',
  'tags',
  'channels',
  'validFrom',
  'validUntil',
  'status',
  'synonyms',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** The articles as CSV; cells a spreadsheet would run as formulas start with `'`. */
export function articlesToCsv(articles: ArticleInput[]): string {
  return stringify(
    articles.map((article) => [
      article.id ?? '',
      article.questions.join('\n'),
      article.answer.zh ?? '',
      article.answer.en ?? '',
      (article.tags ?? []).join('|'),
      (article.channels ?? []).join('|'),
      article.validFrom ?? '',
      article.validUntil ?? '',
      article.status ?? 'published',
      (article.synonyms ?? []).join('|'),
    ]),
    { header: true, columns: [...CSV_COLUMNS], cast: SAFE_CSV_CAST },
  );
}

const malformedCsv = (detail: string) =>
  new DomainError(
    'invalid',
    'malformed-csv',
    {
      zh: '导入内容不是合法的 CSV，未导入任何条目。',
      en: 'The import is not valid CSV; nothing was imported.',
    },
    { detail },
  );

const unknownColumns = (unknown: string[]) =>
  new DomainError(
    'invalid',
    'malformed-csv',
    {
      zh: `CSV 有不认识的列：${unknown.join('、')}；可用的列：${CSV_COLUMNS.join('、')}。未导入任何条目。`,
      en: `The CSV has unknown columns: ${unknown.join(', ')}; expected ${CSV_COLUMNS.join(', ')}. Nothing was imported.`,
    },
    { details: { unknown, expected: [...CSV_COLUMNS] } },
  );

/** The article inputs of a CSV import (not yet checked) and the file line each starts on. */
export interface CsvArticles {
  inputs: Record<string, unknown>[];
  /** Per input, the line of the file its row starts on (the header is line 1). */
  lines: number[];
}

const LINE_BREAK = /\r\n|\r|\n/g;
const LEADING_BREAKS = /^(?:\r\n|\r|\n)*/;
const breaksIn = (text: string) => text.match(LINE_BREAK)?.length ?? 0;

/**
 * The rows of a CSV import as article inputs, in row order, with the file line each row starts
 * on: an operator finds "line 5" in an editor, past the header, the skipped blank lines and the
 * questions cells that span lines. The parser's own line count is off for a cell holding CRLF,
 * so lines are counted here, in the text between the byte offsets where its records end.
 */
export function articlesFromCsv(text: string): CsvArticles {
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    // With `info`, each record comes as `{ record, info }` (the typings do not say so).
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      trim: false,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw malformedCsv(error instanceof Error ? error.message : String(error));
  }
  const [head, ...rows] = records;
  const header = head?.record ?? [];
  const unknown = header.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  if (unknown.length > 0) throw unknownColumns(unknown);
  const bytes = Buffer.from(text);
  let line = 1;
  let end = 0;
  const startLine = (recordEnd: number) => {
    const raw = bytes.subarray(end, recordEnd).toString();
    const start = line + breaksIn(LEADING_BREAKS.exec(raw)?.[0] ?? '');
    line += breaksIn(raw);
    end = recordEnd;
    return start;
  };
  if (head) startLine(head.info.bytes);
  return {
    inputs: rows.map(({ record }) =>
      rowToInput(Object.fromEntries(header.map((name, index) => [name, record[index] ?? '']))),
    ),
    lines: rows.map(({ info }) => startLine(info.bytes)),
  };
}

function rowToInput(row: Partial<Record<Column, string>>): Record<string, unknown> {
  const cell = (name: Column) => restoreFormulaText((row[name] ?? '').trim());
  const list = (name: Column, separator: string | RegExp) =>
    cell(name)
      .split(separator)
      .map((part) => part.trim())
      .filter((part) => part !== '');
  const input: Record<string, unknown> = {
    questions: list('questions', /\r?\n/),
    answer: {
      ...(cell('answer_zh') ? { zh: cell('answer_zh') } : {}),
      ...(cell('answer_en') ? { en: cell('answer_en') } : {}),
    },
  };
  if (cell('id')) input['id'] = cell('id');
  if (cell('tags')) input['tags'] = list('tags', '|');
  if (cell('channels')) input['channels'] = list('channels', '|');
  if (cell('validFrom')) input['validFrom'] = cell('validFrom');
  if (cell('validUntil')) input['validUntil'] = cell('validUntil');
  if (cell('status')) input['status'] = cell('status');
  if (cell('synonyms')) input['synonyms'] = list('synonyms', '|');
  return input;
}
