import { describe, expect, it } from 'vitest';
import { messages } from './messages.ts';
import { setUpI18n } from './i18n.ts';
import { operatorMessages } from './operator-messages.ts';
import { deskToolsMessages } from './desk-tools-messages.ts';

/**
 * Dotted paths of every text in a message tree, each once: a text's plural forms (`nodes_one`,
 * `nodes_other`: English has two, Chinese one) count as the text.
 */
const paths = (tree: object, prefix = ''): string[] => [
  ...new Set(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'object' && value !== null
        ? paths(value as object, `${prefix}${key}.`)
        : [`${prefix}${key.replace(/_(one|other)$/, '')}`],
    ),
  ),
];

describe("the operator's texts", () => {
  it('should have every text in both languages', () => {
    expect(paths(operatorMessages.en).sort()).toEqual(paths(operatorMessages.zh).sort());
  });

  it('should add namespaces without replacing one of the console', () => {
    for (const namespace of Object.keys(operatorMessages.zh))
      expect(Object.keys(messages.zh)).not.toContain(namespace);
  });
});

describe("the desk tools' texts", () => {
  it('should have every text in both languages', () => {
    expect(paths(deskToolsMessages.en).sort()).toEqual(paths(deskToolsMessages.zh).sort());
  });

  it('should add namespaces without replacing one of the console or the operator', () => {
    for (const namespace of Object.keys(deskToolsMessages.zh)) {
      expect(Object.keys(messages.zh)).not.toContain(namespace);
      expect(Object.keys(operatorMessages.zh)).not.toContain(namespace);
    }
  });
});

describe('counted texts', () => {
  const i18n = setUpI18n();

  it('should say 1 problem, 1 step and 1 rating in English, not 1 problems', async () => {
    await i18n.changeLanguage('en');
    expect(i18n.t('safety.problemCount', { count: 1 })).toBe('1 problem');
    expect(i18n.t('safety.problemCount', { count: 4 })).toBe('4 problems');
    expect(i18n.t('run.nodeSteps', { node: 'checkPayment', count: 1 })).toBe(
      'Node checkPayment: 1 step (input and output)',
    );
    expect(i18n.t('analytics.ratings', { count: 1 })).toBe('1 rating');
  });

  it('should keep the one Chinese form for any count', async () => {
    await i18n.changeLanguage('zh');
    expect(i18n.t('safety.problemCount', { count: 1 })).toBe(
      i18n.t('safety.problemCount', { count: 4 }).replace('4', '1'),
    );
    expect(i18n.t('run.nodeSteps', { node: 'checkPayment', count: 1 })).toBe(
      '节点 checkPayment：1 步（输入与输出）',
    );
  });
});
