import { describe, expect, it } from 'vitest';
import { nodeTypes } from '@xiaoer/engine';
import { nodePalette, nodeTypeTitle } from './node-palette.ts';

describe('nodePalette', () => {
  it('should list every registered node type exactly once', () => {
    const listed = nodePalette().flatMap((section) => section.items.map((item) => item.type));
    expect(listed.sort()).toEqual(nodeTypes.map((t) => t.type).sort());
  });

  it('should put the trigger first and title every section in Chinese and English', () => {
    const sections = nodePalette();
    expect(sections[0]?.items[0]?.type).toBe('trigger');
    for (const section of sections) {
      expect(section.title.zh).not.toBe('');
      expect(section.title.en).not.toBe('');
      for (const item of section.items) expect(item.title.zh && item.title.en).toBeTruthy();
    }
  });
});

describe('a node type by its title', () => {
  it('should name a node type in either language, and keep an unknown id', () => {
    expect(nodeTypeTitle('sendMessage', 'zh')).toBe('发送消息');
    expect(nodeTypeTitle('sendMessage', 'en')).toBe('Send message');
    expect(nodeTypeTitle('no-such-type', 'en')).toBe('no-such-type');
  });
});
