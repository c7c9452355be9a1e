import type { LocalizedText } from '@xiaoer/engine';
import type { SchemaProblem } from '../json-schema-check.ts';
import { DomainError } from '../errors/domain-error.ts';

export const articleNotFound = (id: string) =>
  new DomainError('not-found', 'article-not-found', {
    zh: `没有 id 为 "${id.slice(0, 80)}" 的知识条目。`,
    en: `No knowledge article with id "${id.slice(0, 80)}".`,
  });

export const articleExists = (id: string) =>
  new DomainError('conflict', 'article-exists', {
    zh: `id 为 "${id}" 的知识条目已存在。`,
    en: `A knowledge article with id "${id}" already exists.`,
  });

/** Someone saved the article since the caller loaded it. */
export const articleConflict = (id: string, expected: number, current: number) =>
  new DomainError(
    'conflict',
    'revision-conflict',
    {
      zh: `知识条目 "${id}" 已被他人修改（当前修订 ${current}，你的修订 ${expected}）。`,
      en: `Knowledge article "${id}" was changed by someone else (current revision ${current}, yours ${expected}).`,
    },
    { details: { currentRevision: current } },
  );

export const invalidArticle = (problems: SchemaProblem[]) =>
  new DomainError(
    'invalid',
    'invalid-article',
    {
      zh: `知识条目有 ${problems.length} 处问题。`,
      en: `The knowledge article has ${problems.length} problem(s).`,
    },
    { details: { problems } },
  );

/**
 * A problem of one imported article: `row` counts the articles (1 for the first), `line` is
 * the line of the CSV file its row starts on (the header is line 1; a cell may span lines).
 */
export type ImportProblem = SchemaProblem & { row: number; line?: number };

/** Where an imported article is: its file line and row for a CSV, its number for JSON. */
export const importPlace = ({ row, line }: { row: number; line?: number }): LocalizedText =>
  line === undefined
    ? { zh: `第 ${row} 条`, en: `article ${row}` }
    : { zh: `第 ${line} 行（第 ${row} 条）`, en: `line ${line} (row ${row})` };

/** An import where some rows are bad: nothing was imported; `problems` name the rows. */
export const invalidImport = (problems: ImportProblem[]) => {
  const first = problems[0];
  const place = first ? importPlace(first) : { zh: '?', en: '?' };
  return new DomainError(
    'invalid',
    'invalid-import',
    {
      zh: `导入文件有 ${problems.length} 处问题（首个在${place.zh}：${first?.text.zh ?? ''}），未导入任何条目。`,
      en: `The import has ${problems.length} problem(s) (first at ${place.en}: ${first?.text.en ?? ''}); nothing was imported.`,
    },
    { details: { problems } },
  );
};
