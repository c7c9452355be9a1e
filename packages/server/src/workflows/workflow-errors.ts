import type { Problem } from '@xiaoer/engine';
import { DomainError } from '../errors/domain-error.ts';

export const workflowNotFound = (id: string) =>
  new DomainError('not-found', 'workflow-not-found', {
    zh: `没有 id 为 "${id}" 的旅程。`,
    en: `No workflow with id "${id}".`,
  });

export const versionNotFound = (id: string, version: number) =>
  new DomainError('not-found', 'version-not-found', {
    zh: `旅程 "${id}" 没有版本 ${version}。`,
    en: `Workflow "${id}" has no version ${version}.`,
  });

export const workflowExists = (id: string) =>
  new DomainError('conflict', 'workflow-exists', {
    zh: `id 为 "${id}" 的旅程已存在。`,
    en: `A workflow with id "${id}" already exists.`,
  });

/** Someone saved the draft since the caller loaded it; `current` lets the editor show both. */
export const revisionConflict = (id: string, expected: number, current: number) =>
  new DomainError(
    'conflict',
    'revision-conflict',
    {
      zh: `旅程 "${id}" 已被他人保存（当前修订 ${current}，你的修订 ${expected}）。请先合并对方的修改。`,
      en: `Workflow "${id}" was saved by someone else (current revision ${current}, yours ${expected}). Merge their changes first.`,
    },
    { details: { currentRevision: current } },
  );

export const invalidWorkflow = (status: 400 | 422, problems: Problem[]) =>
  new DomainError(
    status === 400 ? 'invalid' : 'unprocessable',
    status === 400 ? 'workflow-malformed' : 'workflow-invalid',
    status === 400
      ? {
          zh: `旅程文档结构不对（${problems.length} 处）。`,
          en: `The workflow document is malformed (${problems.length} problem(s)).`,
        }
      : {
          zh: `旅程有 ${problems.length} 处问题，不能发布。`,
          en: `The workflow has ${problems.length} problem(s) and cannot be published.`,
        },
    { details: { problems } },
  );
