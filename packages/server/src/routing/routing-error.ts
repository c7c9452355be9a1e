import type { LocalizedText } from '@xiaoer/engine';
import { DomainError } from '../errors/domain-error.ts';
import type { ErrorKind } from '../errors/error-kinds.ts';

/**
 * `unknown-*`: no such record; `*-exists`: the id is taken; `not-*`: the record is in a state
 * that forbids the change.
 */
export type RoutingErrorCode =
  | 'unknown-handoff'
  | 'unknown-skill-group'
  | 'unknown-agent'
  | 'unknown-user'
  | 'skill-group-exists'
  | 'not-open'
  | 'not-yours';

/** The kind of each routing error. */
const KIND: Record<RoutingErrorCode, ErrorKind> = {
  'unknown-handoff': 'not-found',
  'unknown-skill-group': 'not-found',
  'unknown-agent': 'not-found',
  'unknown-user': 'not-found',
  'skill-group-exists': 'conflict',
  'not-open': 'conflict',
  'not-yours': 'forbidden',
};

/** A routing request that cannot be done; nothing was changed. */
export class RoutingError extends DomainError {
  declare readonly code: RoutingErrorCode;

  constructor(code: RoutingErrorCode, text: LocalizedText) {
    super(KIND[code], code, text);
  }
}

export const unknownHandoff = (id: string) =>
  new RoutingError('unknown-handoff', {
    zh: `没有 id 为 "${id}" 的转人工会话。`,
    en: `No handoff with id "${id}".`,
  });

export const unknownSkillGroup = (id: string) =>
  new RoutingError('unknown-skill-group', {
    zh: `没有 id 为 "${id}" 的技能组。`,
    en: `No skill group with id "${id}".`,
  });

export const skillGroupExists = (id: string) =>
  new RoutingError('skill-group-exists', {
    zh: `已有 id 为 "${id}" 的技能组；请换一个 id，或编辑该技能组。`,
    en: `A skill group with id "${id}" already exists; choose another id or edit that group.`,
  });

export const unknownAgent = (id: string) =>
  new RoutingError('unknown-agent', {
    zh: `用户 "${id}" 不是客服（先由管理员设置其技能组）。`,
    en: `User "${id}" is not an agent (an admin sets their skill groups first).`,
  });

export const notOpen = (id: string, status: string) =>
  new RoutingError('not-open', {
    zh: `转人工会话 "${id}" 已是 ${status} 状态，不能再更改。`,
    en: `Handoff "${id}" is already ${status} and cannot be changed.`,
  });

export const unknownUser = (id: string) =>
  new RoutingError('unknown-user', {
    zh: `没有名为 "${id}" 的用户；客服须是控制台用户。`,
    en: `No user named "${id}"; an agent must be a console user.`,
  });

export const notYours = (id: string) =>
  new RoutingError('not-yours', {
    zh: `转人工会话 "${id}" 不在你的收件箱中。`,
    en: `Handoff "${id}" is not in your inbox.`,
  });

export const noGroupForIntent = (intent: string | undefined) =>
  new RoutingError(
    'unknown-skill-group',
    intent
      ? { zh: `没有技能组处理意图 "${intent}"。`, en: `No skill group serves intent "${intent}".` }
      : {
          zh: '转人工须指明技能组或意图。',
          en: 'A handoff needs a skill group or an intent.',
        },
  );
