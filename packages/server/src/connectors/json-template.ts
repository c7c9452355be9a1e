import { renderValue, type JsonObject, type JsonValue } from '@xiaoer/engine';
import { DeliveryError } from './connector.types.ts';

/**
 * Renders every string inside a JSON template with `data` (`"{{orderId}}"` keeps the value's
 * type, `"Order {{orderId}}"` becomes a string); objects and arrays are walked.
 */
export function renderJson(template: JsonValue, data: JsonObject): JsonValue {
  if (Array.isArray(template)) return template.map((item) => renderJson(item, data));
  if (template !== null && typeof template === 'object') {
    const result: JsonObject = {};
    for (const [key, value] of Object.entries(template)) result[key] = renderJson(value, data);
    return result;
  }
  return renderValue(template, data);
}

/**
 * Fills `{{name}}` placeholders of a URL path, each value URL-encoded. A value that would not
 * stay one path segment — empty, `.`, `..` or containing `/` or `\` — is refused with a
 * permanent {@link DeliveryError}: `/orders/{{orderId}}/refunds` with `..` would otherwise
 * become `/refunds`.
 */
export function renderPath(path: string, data: JsonObject): string {
  return path.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_match, name: string) => {
    const value = renderValue(`{{${name}}}`, data);
    const text = value === null ? '' : String(value);
    if (text === '' || text === '.' || text === '..' || /[/\\]/.test(text))
      throw new DeliveryError(
        'invalid-path-value',
        `The value of "${name}" (${JSON.stringify(text.slice(0, 80))}) cannot be a URL path segment`,
        false,
      );
    return encodeURIComponent(text);
  });
}
