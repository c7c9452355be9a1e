import { DomainError } from '../errors/domain-error.ts';

/** 404: no report for this handoff (unknown, not resolved, or not inspected yet). */
export const reportNotFound = (handoffId: string) =>
  new DomainError('not-found', 'quality-report-not-found', {
    zh: `转人工会话 "${handoffId.slice(0, 80)}" 没有质检报告（未结束或不存在）。`,
    en: `No quality report for handoff "${handoffId.slice(0, 80)}" (not resolved, or unknown).`,
  });

/** 400: a follow-up task due before now. */
export const dueInThePast = () =>
  new DomainError('invalid', 'due-in-past', {
    zh: '跟进任务的截止时间不能早于现在。',
    en: 'A follow-up task cannot be due in the past.',
  });
