import type { MessageRecord } from '../model/conversation.model.ts';

/** A message as the customer's chat page sees it: an agent by display name, never by login id. */
export const customerMessageView = (m: MessageRecord) => ({
  seq: m.seq,
  from: m.from,
  text: m.text,
  at: m.at,
  ...(m.options ? { options: m.options } : {}),
  ...(m.from === 'agent' && m.authorName ? { agentName: m.authorName } : {}),
});

/** A message as the console sees it: the agent's login id too (who answered, for supervision). */
export const consoleMessageView = (m: MessageRecord) => ({
  ...customerMessageView(m),
  ...(m.from === 'agent' && m.author ? { agent: m.author } : {}),
});
