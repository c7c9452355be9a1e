/** What a quick reply's placeholders are filled from: the conversation and the agent. */
export interface QuickReplyValues {
  'customer.name'?: string;
  'customer.id'?: string;
  'order.id'?: string;
  'agent.name'?: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * A quick reply's text for the customer's language (the other language when it has none),
 * with the placeholders filled. A placeholder with no value stays as written, so the agent
 * sees what to fill before sending ({@link placeholdersLeft} names them).
 */
export function quickReplyText(
  text: { zh?: string; en?: string },
  language: 'zh' | 'en',
  values: QuickReplyValues,
): string {
  const template = text[language] ?? text[language === 'zh' ? 'en' : 'zh'] ?? '';
  return template.replace(
    PLACEHOLDER,
    (whole, name: string) => values[name as keyof QuickReplyValues]?.trim() || whole,
  );
}

/**
 * The placeholders still written in a reply (`{{order.id}}`), each once: a reply with any left
 * would reach the customer with the braces in it.
 */
export function placeholdersLeft(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  return [...new Set(names)];
}

/** Sample values for the operator's preview. */
export const SAMPLE_VALUES: Record<'zh' | 'en', QuickReplyValues> = {
  zh: {
    'customer.name': '王小明',
    'customer.id': 'u123',
    'order.id': 'A10023',
    'agent.name': '小李',
  },
  en: { 'customer.name': 'Alex', 'customer.id': 'u123', 'order.id': 'A10023', 'agent.name': 'Li' },
};
