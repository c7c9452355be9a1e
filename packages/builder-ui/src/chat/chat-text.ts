/** The chat page's own words, in the customer's language. */
export const CHAT_TEXT = {
  zh: {
    title: '小二客服',
    send: '发送',
    placeholder: '输入您的问题…',
    connecting: '连接中…',
    online: '在线',
    retrying: '发送失败，正在重试…',
    closed: '会话已结束',
    failed: '无法开始会话，请稍后再试',
  },
  en: {
    title: 'Xiaoer service',
    send: 'Send',
    placeholder: 'Type your question…',
    connecting: 'Connecting…',
    online: 'Online',
    retrying: 'Not sent yet, retrying…',
    closed: 'The conversation has ended',
    failed: 'Could not start the chat; please try again later',
  },
} as const;

export type ChatLanguage = keyof typeof CHAT_TEXT;
