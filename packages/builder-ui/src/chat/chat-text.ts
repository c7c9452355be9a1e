/** The chat page's own words, in the customer's language. */
export const CHAT_TEXT = {
  zh: {
    title: '小二客服',
    send: '发送',
    placeholder: '输入您的问题…',
    inputLabel: '您的消息',
    inputHint: '按 Enter 发送，Shift+Enter 换行',
    connecting: '连接中…',
    online: '在线',
    reconnecting: '连接中断，正在重新连接…',
    retrying: '发送失败，正在重试…',
    closed: '会话已结束',
    newChat: '开始新的会话',
    failed: '无法开始会话，请稍后再试',
    tooLong: (length: number, limit: number) =>
      `消息太长（${length} 字，最多 ${limit} 字），请删减后再发送。`,
    rateLimited: '您发送得太快了，请稍等片刻再发送。',
    refused: '这条消息没有发出，请稍后再试。',
    notSentClosed: '会话已结束，这条消息没有发出。',
  },
  en: {
    title: 'Xiaoer service',
    send: 'Send',
    placeholder: 'Type your question…',
    inputLabel: 'Your message',
    inputHint: 'Enter sends, Shift+Enter starts a new line',
    connecting: 'Connecting…',
    online: 'Online',
    reconnecting: 'Connection lost, reconnecting…',
    retrying: 'Not sent yet, retrying…',
    closed: 'The conversation has ended',
    newChat: 'Start a new chat',
    failed: 'Could not start the chat; please try again later',
    tooLong: (length: number, limit: number) =>
      `The message is too long (${length} characters, at most ${limit}); shorten it and send again.`,
    rateLimited: 'You are sending messages too fast; please wait a moment and send again.',
    refused: 'This message was not sent; please try again later.',
    notSentClosed: 'The conversation has ended; this message was not sent.',
  },
} as const;

export type ChatLanguage = keyof typeof CHAT_TEXT;
