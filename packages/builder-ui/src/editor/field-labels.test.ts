import { beforeAll, describe, expect, it } from 'vitest';
import type { UiSchema } from '@rjsf/utils';
import { nodeTypes, type JsonSchema } from '@xiaoer/engine';
import i18next from 'i18next';
import { setUpI18n } from '../i18n/i18n.ts';
import type { Language } from '../i18n/messages.ts';
import { fieldLabeller } from './field-labels.ts';
import { uiSchemaOf } from './ui-schema.ts';

beforeAll(() => {
  setUpI18n();
});

const CHINESE = /[\u3400-\u9fff]/;

/** Every label and help text the inspector's form shows for a schema, with where it shows. */
function labelsOf(schema: JsonSchema, ui: UiSchema, path: string): [string, string][] {
  const own: [string, string][] = [];
  const name = path.includes('/') ? (path.split('/').pop() ?? '') : '';
  if (name && name !== 'items') {
    own.push([path, String(ui['ui:title'] ?? schema['title'] ?? name)]);
    const description = ui['ui:description'] ?? schema['description'];
    if (description !== undefined) own.push([`${path} (help)`, String(description)]);
  }
  if (ui['ui:field']) return own;
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const items = schema['items'] as JsonSchema | undefined;
  return [
    ...own,
    ...Object.entries(properties).flatMap(([key, child]) =>
      labelsOf(child, (ui[key] ?? {}) as UiSchema, `${path}/${key}`),
    ),
    ...(items ? labelsOf(items, (ui['items'] ?? {}) as UiSchema, `${path}/items`) : []),
  ];
}

function formLabels(language: Language): [string, string][] {
  const t = i18next.getFixedT(language);
  const labelOf = fieldLabeller(language, (key) =>
    i18next.exists(key, { lng: language }) ? t(key, { skipInterpolation: true }) : undefined,
  );
  return nodeTypes.flatMap((nodeType) =>
    labelsOf(nodeType.configSchema, uiSchemaOf(nodeType.configSchema, labelOf), nodeType.type),
  );
}

describe("the node forms' labels", () => {
  it('should label every field of every node type in English only, in English', () => {
    const labels = formLabels('en');
    expect(labels.length).toBeGreaterThan(80);
    expect(labels.filter(([, text]) => CHINESE.test(text))).toEqual([]);
    expect(Object.fromEntries(labels)).toMatchObject({
      'sendMessage/channel': 'Channel',
      'wait/allowedHours': 'Allowed hours',
      'wait/allowedHours/from': 'From',
    });
  });

  it('should label every field of every node type in Chinese, in Chinese', () => {
    const labels = formLabels('zh');
    // Identifiers a Chinese operator reads as they are.
    const asIs = /^(ID|JSON)$/;
    expect(labels.filter(([, text]) => !CHINESE.test(text) && !asIs.test(text))).toEqual([]);
    expect(labels.filter(([, text]) => / \/ /.test(text))).toEqual([]);
    expect(Object.fromEntries(labels)).toMatchObject({
      'end/status': '状态',
      'wait/allowedHours/to': '结束时间',
      'sendMessage/message/en': '英文',
      'sendMessage/locale (help)': 'zh、en，或模板，如 {{customer.language}}',
    });
  });
});

/** The words each fixed-list field of every node type shows for its values, by field. */
function optionWords(language: Language): Record<string, unknown> {
  const t = i18next.getFixedT(language);
  const labelOf = fieldLabeller(language, (key) =>
    i18next.exists(key, { lng: language }) ? t(key, { skipInterpolation: true }) : undefined,
  );
  const found: Record<string, unknown> = {};
  const walk = (schema: JsonSchema, ui: UiSchema, path: string): void => {
    if (Array.isArray(schema['enum']) && !ui['ui:widget'])
      found[path] = ui['ui:enumNames'] ?? schema['enum'];
    const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
    for (const [key, child] of Object.entries(properties))
      walk(child, (ui[key] ?? {}) as UiSchema, `${path}/${key}`);
    const items = schema['items'] as JsonSchema | undefined;
    if (items) walk(items, (ui['items'] ?? {}) as UiSchema, `${path}/items`);
  };
  for (const nodeType of nodeTypes)
    walk(nodeType.configSchema, uiSchemaOf(nodeType.configSchema, labelOf), nodeType.type);
  return found;
}

describe("the node forms' fixed lists", () => {
  it('should name every value in the language shown, not as stored', () => {
    const zh = optionWords('zh');
    const en = optionWords('en');
    expect(zh).toEqual({ 'end/status': ['完成', '失败'] });
    expect(en).toEqual({ 'end/status': ['Completed', 'Failed'] });
  });
});
