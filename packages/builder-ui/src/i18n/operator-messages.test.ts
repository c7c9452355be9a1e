import { describe, expect, it } from 'vitest';
import { messages } from './messages.ts';
import { operatorMessages } from './operator-messages.ts';
import { deskToolsMessages } from './desk-tools-messages.ts';

/** Dotted paths of every text in a message tree. */
const paths = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? paths(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );

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
