// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { safeLinksIn } from '../testing/links.ts';
import { appendLinkedText, linkedParts } from './linked-text.ts';

describe('linkedParts', () => {
  it('should make http and https addresses links, leaving the punctuation around them', () => {
    expect(linkedParts('运单号 SF1，查看：https://sf.example/t?n=SF1&x=1。谢谢')).toEqual([
      { text: '运单号 SF1，查看：' },
      { text: 'https://sf.example/t?n=SF1&x=1', href: 'https://sf.example/t?n=SF1&x=1' },
      { text: '。谢谢' },
    ]);
    expect(
      linkedParts('See (http://shop.example/returns), or HTTPS://Shop.example/a_(b).'),
    ).toEqual([
      { text: 'See (' },
      { text: 'http://shop.example/returns', href: 'http://shop.example/returns' },
      { text: '), or ' },
      { text: 'HTTPS://Shop.example/a_(b)', href: 'https://shop.example/a_(b)' },
      { text: '.' },
    ]);
  });

  it("should show a Markdown link's label as the link", () => {
    expect(linkedParts('见[退货流程](https://shop.example/returns?a=1)。')).toEqual([
      { text: '见' },
      { text: '退货流程', href: 'https://shop.example/returns?a=1' },
      { text: '。' },
    ]);
  });

  it('should keep every other scheme and markup as text', () => {
    for (const text of [
      'javascript:alert(1)',
      '[点我](javascript:alert(1))',
      'data:text/html,<script>alert(1)</script>',
      '<a href="javascript:alert(1)">点这里</a>',
      'https://',
      'no links here',
    ])
      expect(linkedParts(text)).toEqual([{ text }]);
  });
});

describe('appendLinkedText', () => {
  it('should append links that open a new tab without a referrer, and markup as text', () => {
    const line = document.createElement('li');
    appendLinkedText(
      line,
      '<img src=x onerror=alert(1)> javascript:alert(1) 退货流程 https://shop.example/returns?a=1&b=<b>',
    );
    expect(line.querySelectorAll('img, b, script')).toHaveLength(0);
    const link = 'https://shop.example/returns?a=1&b=';
    expect(safeLinksIn(line)).toEqual([[link, link]]);
    expect(line.textContent).toBe(
      '<img src=x onerror=alert(1)> javascript:alert(1) 退货流程 https://shop.example/returns?a=1&b=<b>',
    );
  });
});
