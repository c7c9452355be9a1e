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

/** The rows of a CSV import as article inputs (not yet checked), in row order. */
export function articlesFromCsv(text: string): unknown[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: false });
  } catch (error) {
    throw malformedCsv(error instanceof Error ? error.message : String(error));
  }
  const header = Object.keys(records[0] ?? {});
  const unknown = header.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw malformedCsv(
      `unknown columns: ${unknown.join(', ')}; expected ${CSV_COLUMNS.join(', ')}`,
    );
  return records.map(rowToInput);
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
