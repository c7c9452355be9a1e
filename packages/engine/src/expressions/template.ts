import Mustache from 'mustache';
import type { JsonValue } from '../workflow/workflow.types.ts';

/** How a rendered template is delivered: plain text, or HTML (values are escaped). */
export type TemplateFormat = 'text' | 'html';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '/': '&#x2F;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`=/]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A template that is exactly one variable, e.g. `{{order.total}}`, yields the raw value. */
const SINGLE_VARIABLE = /^\s*\{\{\{?\s*([^{}#^/!>&=\s][^{}\s]*)\s*\}?\}\}\s*$/;

/**
 * Renders a logic-less (Mustache) template against journey data. In `html` format every
 * interpolated value is HTML-escaped; in `text` format values are inserted as they are,
 * because SMS and chat channels show text literally.
 *
 * @example
 * renderTemplate('您好 {{customer.name}}', { customer: { name: '李雷' } }) // '您好 李雷'
 */
export function renderTemplate(
  template: string,
  data: object,
  format: TemplateFormat = 'text',
): string {
  const escape = format === 'html' ? escapeHtml : (v: unknown) => String(v);
  return Mustache.render(template, data, {}, { escape });
}

/**
 * Renders a template for an argument value: a template that is a single variable keeps the
 * variable's type (a number stays a number), anything else renders to a string.
 */
export function renderValue(template: JsonValue, data: object): JsonValue {
  if (typeof template !== 'string') return template;
  const single = SINGLE_VARIABLE.exec(template);
  if (single?.[1]) {
    const value = readPath(data, single[1]);
    return value === undefined ? null : value;
  }
  return renderTemplate(template, data);
}

/** Reads a dotted path (`customer.address.city`) from data; undefined when absent. */
export function readPath(data: unknown, path: string): JsonValue | undefined {
  if (path === '.') return data as JsonValue;
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current as JsonValue | undefined;
}

type MustacheToken = [string, string, number, number, MustacheToken[]?, ...unknown[]];

/**
 * Lists the variables a template reads (top level and section names; names inside a
 * section may be relative to it and are not listed). Throws on a syntax error.
 */
export function templateVariables(template: string): string[] {
  const tokens = Mustache.parse(template) as unknown as MustacheToken[];
  const names = new Set<string>();
  for (const token of tokens) {
    const [kind, name] = token;
    if ((kind === 'name' || kind === '&' || kind === '#' || kind === '^') && name !== '.') {
      names.add(name);
    }
  }
  return [...names];
}
