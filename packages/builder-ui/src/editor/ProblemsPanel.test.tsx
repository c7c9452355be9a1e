// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { getNodeType, validate, type WorkflowDocument } from '@xiaoer/engine';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { ProblemsPanel } from './ProblemsPanel.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);
afterEach(cleanup);

/**
 * A journey an operator is halfway through: the message is sent to a variable the trigger does
 * not provide, and neither of its outcomes is connected yet.
 */
const halfBuilt: WorkflowDocument = {
  id: 'shipped-check',
  name: 'Shipped check',
  version: 1,
  nodes: [
    {
      id: 'trigger1',
      type: 'trigger',
      position: { x: 0, y: 0 },
      config: { ...getNodeType('trigger')!.defaultConfig, event: 'order.shipped' },
    },
    {
      id: 'sendMessage1',
      type: 'sendMessage',
      label: 'Thanks',
      position: { x: 300, y: 0 },
      config: { channel: 'sms', to: '{{customer.phone}}', message: { zh: '谢谢', en: 'Thanks' } },
    },
  ],
  edges: [{ id: 'e1', source: 'trigger1', sourceHandle: 'next', target: 'sendMessage1' }],
};

async function problemsIn(language: 'zh' | 'en'): Promise<string[]> {
  await i18n.changeLanguage(language);
  const { problems } = validate(halfBuilt);
  render(<ProblemsPanel problems={problems} document={halfBuilt} onFocus={() => {}} />);
  return Array.from(
    screen.getByTestId('problems').querySelectorAll('.problem'),
    (item) => item.textContent ?? '',
  );
}

describe('the problems list tells a problem by what the operator sees, not by engine pointers', () => {
  it('should name the node, its handles and the field in Chinese', async () => {
    const problems = await problemsIn('zh');
    expect(problems.length).toBeGreaterThanOrEqual(3);
    for (const problem of problems) expect(problem).not.toMatch(/\/nodes/);
    expect(problems).toContainEqual(expect.stringContaining('发送消息 · Thanks'));
    // The handles as the canvas draws them (已送达, 发送失败), not "sent" and "failed".
    expect(problems.join('\n')).toContain('"已送达"');
    expect(problems.join('\n')).toContain('"发送失败"');
    expect(problems.join('\n')).not.toMatch(/"sent"|"failed"/);
    expect(problems).toContainEqual(expect.stringMatching(/› 接收人.*customer\.phone/));
  });

  it('should name them in English', async () => {
    const problems = await problemsIn('en');
    for (const problem of problems) expect(problem).not.toMatch(/\/nodes/);
    expect(problems).toContainEqual(expect.stringContaining('Send message · Thanks'));
    expect(problems.join('\n')).toContain('"Sent"');
    expect(problems.join('\n')).toContain('"Failed"');
    expect(problems).toContainEqual(expect.stringMatching(/› Recipient.*customer\.phone/));
  });
});
