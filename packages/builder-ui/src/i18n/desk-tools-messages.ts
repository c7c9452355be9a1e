/**
 * The texts of the agent's profile, quick replies, the customer's history and the sources and
 * channels page, in Chinese and English. Merged over messages.ts at the top level: a namespace
 * here must not exist there or in operator-messages.ts.
 */
export const deskToolsMessages = {
  zh: {
    profile: {
      shownAs: '对客户显示为',
      change: '修改',
      title: '我的显示名',
      hint: '客户在聊天中看到的是这个名字，而不是登录名。',
      saved: '已保存显示名',
      column: '显示名（客服）',
      notAgent: '不是客服',
    },
  },
  en: {
    profile: {
      shownAs: 'Customers see you as',
      change: 'Change',
      title: 'My display name',
      hint: 'Customers see this name in the chat, never your login.',
      saved: 'Display name saved',
      column: 'Display name (agents)',
      notAgent: 'Not an agent',
    },
  },
};
