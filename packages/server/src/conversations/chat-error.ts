import { DomainError } from '../errors/domain-error.ts';
import type { ErrorKind } from '../errors/error-kinds.ts';

const MESSAGES = {
  'unknown-conversation': (id: string) => ({
    zh: `没有会话 ${id}`,
    en: `No conversation ${id}`,
  }),
  'conversation-closed': (id: string) => ({
    zh: `会话 ${id} 已结束，不能再发消息；请开始新的会话`,
    en: `Conversation ${id} has ended; start a new one to write again`,
  }),
  'wrong-token': () => ({
    zh: '会话凭证不正确或缺失',
    en: 'The conversation token is missing or wrong',
  }),
  'customer-signature': () => ({
    zh: '缺少店铺对客户身份的签名，或签名错误、已过期。',
    en: "The shop's signature of this customer is missing, wrong or expired.",
  }),
  'customer-signature-lifetime': (max: string) => ({
    zh: `客户签名的有效期太长：最长 ${max} 秒。`,
    en: `The customer's signature is valid for too long: at most ${max} seconds.`,
  }),
} as const;

/**
 * A chat request that cannot be served: its kind, code and zh/en message (the HTTP layer
 * answers the kind's status, like any domain error's).
 */
export class ChatError extends DomainError {
  constructor(
    kind: ErrorKind,
    code: keyof typeof MESSAGES,
    params: { id?: string; maxSeconds?: number } = {},
  ) {
    super(kind, code, MESSAGES[code](params.id ?? String(params.maxSeconds ?? '')));
  }
}
