import { ApiError } from '../http/api-error.ts';

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
} as const;

/** A chat request that cannot be served: its HTTP status, code and zh/en message. */
export class ChatError extends ApiError {
  constructor(status: number, code: keyof typeof MESSAGES, params: { id?: string } = {}) {
    super(status, code, MESSAGES[code](params.id ?? ''));
  }
}
