import { renderTemplate } from '../../expressions/template.ts';
import type { MessageText } from '../../workflow/workflow.types.ts';
import type { Channel } from '../../runtime/effect.types.ts';
import type { TemplateFormat } from '../../expressions/template.ts';

/** Picks the message language: a literal `zh`/`en` or a template such as `{{customer.language}}`. */
export function resolveLocale(locale: string | undefined, data: object): 'zh' | 'en' {
  const value = renderTemplate(locale ?? 'zh', data)
    .trim()
    .toLowerCase();
  return value.startsWith('en') ? 'en' : 'zh';
}

/** Email is the one HTML channel; values interpolated into it are escaped. */
export function formatOf(channel: Channel): TemplateFormat {
  return channel === 'email' ? 'html' : 'text';
}

/** Renders the message in the chosen language, falling back to Chinese when English is absent. */
export function renderMessage(
  text: MessageText,
  locale: 'zh' | 'en',
  channel: Channel,
  data: object,
): string {
  const template = locale === 'en' && text.en ? text.en : text.zh;
  return renderTemplate(template, data, formatOf(channel));
}
