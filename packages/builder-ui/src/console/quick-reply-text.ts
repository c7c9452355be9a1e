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
 * with the placeholders filled. A placeholder with no value stays as written and is named in
 * `missing`, so the agent sees what to fill before sending.
 */
export function quickReplyText(
  text: { zh?: string; en?: string },
  language: 'zh' | 'en',
  values: QuickReplyValues,
): { text: string; missing: string[] } {
  const template = text[language] ?? text[language === 'zh' ? 'en' : 'zh'] ?? '';
  const missing: string[] = [];
  const filled = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name as keyof QuickReplyValues]?.trim();
    if (value) return value;
    if (!missing.includes(name)) missing.push(name);
    return whole;
  });
  return { text: filled, missing };
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
