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

/** An import where some rows are bad: nothing was imported; `problems` name the rows. */
export const invalidImport = (problems: (SchemaProblem & { row: number })[]) =>
  new DomainError(
    'invalid',
    'invalid-import',
    {
      zh: `导入文件有 ${problems.length} 处问题（首个在第 ${problems[0]?.row ?? '?'} 行），未导入任何条目。`,
      en: `The import has ${problems.length} problem(s) (first in row ${problems[0]?.row ?? '?'}); nothing was imported.`,
    },
    { details: { problems } },
  );
