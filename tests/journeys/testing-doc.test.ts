import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWorkflow } from '@xiaoer/engine';
import { journeyPaths, journeyTest, walkPath } from '@xiaoer/engine/testing';
import refundJson from '../../workflows/refund.json' with { type: 'json' };

const root = path.resolve(import.meta.dirname, '../..');
const doc = readFileSync(path.join(root, 'docs/testing-journeys.md'), 'utf8');

/** The plain code block (no language) that follows `after` in the doc. */
const blockAfter = (after: string) =>
  new RegExp(`${after}[^\\n]*\\n\\n\`\`\`\\n([\\s\\S]*?)\`\`\``).exec(doc)?.[1] ?? '';
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
/** What a block's lines say before their closing `…`. */
const linesBeforeEllipsis = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/ → …$/, ''));

const refund = parseWorkflow(refundJson);
const request = (amount: number) => ({
  refundId: 'RF-1',
  orderId: 'SO-2001',
  customer: { name: '王芳', phone: '13700000000', tier: 'regular' },
  amount,
  reason: 'damaged',
});
const thrown = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing was thrown');
};

describe('docs/testing-journeys.md', () => {
  it('should show the worked example exactly as tests/journeys/testing-doc-example.test.ts runs it', () => {
    const example = /```ts\n([\s\S]*?)```/.exec(doc)?.[1];
    const runnable = readFileSync(
      path.join(root, 'tests/journeys/testing-doc-example.test.ts'),
      'utf8',
    );
    expect(example).toBe(runnable);
  });

  it('should show the message expectNode really gives for the review the example waits in', () => {
    const t = journeyTest(refund);
    t.trigger(request(900));
    const error = thrown(() => t.expectNode('issueRefund'));
    const shown = blockAfter('When an assertion fails, the message says where the journey is:');
    expect(shown).not.toBe('');
    expect(oneLine(shown)).toBe(`${error.name}: ${error.message}`);
  });

  it('should show the message walkPath really gives when the data takes the other branch', () => {
    const auto = journeyPaths(refund).find((p) =>
      p.some((s) => s.nodeId === 'refundRules' && s.outcome === 'autoApprove'),
    );
    const error = thrown(() => walkPath(refund, auto ?? [], { trigger: request(900) }));
    const shown = linesBeforeEllipsis(blockAfter('fails `walkPath` with both paths side by side:'));
    const said = error.message.split('\n');
    expect(shown).toHaveLength(3);
    shown.forEach((line, index) => expect(said[index]?.startsWith(line), line).toBe(true));
  });
});
