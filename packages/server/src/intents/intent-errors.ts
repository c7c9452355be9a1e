import { DomainError } from '../errors/domain-error.ts';
import { schemaProblem } from '../json-schema-check.ts';

export const intentNotFound = (id: string) =>
  new DomainError('not-found', 'intent-not-found', {
    zh: `没有 id 为 "${id.slice(0, 80)}" 的自定义意图。`,
    en: `No custom intent with id "${id.slice(0, 80)}".`,
  });

export const intentExists = (id: string) =>
  new DomainError('conflict', 'intent-exists', {
    zh: `意图 "${id}" 已存在（内置意图不能覆盖）。`,
    en: `The intent "${id}" already exists (shipped intents cannot be replaced).`,
  });

/** One thing wrong with an operator's intent, said in both languages. */
export interface IntentProblem {
  pointer: string;
  zh: string;
  en: string;
}

/**
 * Bad examples or an action that points at nothing. Each message names the problems in its
 * own language; `details.problems` carry the JSON pointers, each reason in zh and en (`text`).
 */
export const invalidIntent = (problems: IntentProblem[]) =>
  new DomainError(
    'unprocessable',
    'invalid-intent',
    {
      zh: `意图有 ${problems.length} 处问题：${problems.map((p) => `${p.pointer} ${p.zh}`).join('；')}`,
      en: `The intent has ${problems.length} problem(s): ${problems.map((p) => `${p.pointer} ${p.en}`).join('; ')}`,
    },
    {
      details: {
        problems: problems.map(({ pointer, zh, en }) => schemaProblem(pointer, { zh, en })),
      },
    },
  );
