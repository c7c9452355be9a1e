// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { setUpI18n } from '../i18n/i18n.ts';
import { NodeFunnelBadge } from './NodeFunnelBadge.tsx';

beforeAll(async () => {
  await setUpI18n().changeLanguage('en');
});
afterEach(cleanup);

describe("a node's funnel badge", () => {
  it('should show instances reached, dropped and the average time', () => {
    render(
      <NodeFunnelBadge
        nodeId="waitPayment"
        badge={{
          reached: 200,
          entered: 200,
          dropped: 50,
          averageMs: 1_800_000,
          biggestDropOff: false,
        }}
      />,
    );
    expect(screen.getByTestId('node-badge-waitPayment-reached').textContent).toBe('↘ 200');
    expect(screen.getByTestId('node-badge-waitPayment-reached').title).toContain(
      'Instances reached',
    );
    // No loop: the entries are the instances, nothing more to say.
    expect(screen.queryByTestId('node-badge-waitPayment-entered')).toBeNull();
    expect(screen.getByTestId('node-badge-waitPayment-dropped').textContent).toBe('✕ 50');
    expect(screen.getByTestId('node-badge-waitPayment-time').textContent).toBe('⏱ 30 mins');
    expect(screen.getByTestId('node-badge-waitPayment').className).toBe('funnel-badge');
    expect(screen.getByTestId('node-badge-waitPayment-dropped').title).toBe('Dropped');
  });

  it('should stand out at one of the biggest drop-offs, named in the language shown', async () => {
    await i18next.changeLanguage('zh');
    render(
      <NodeFunnelBadge
        nodeId="notify"
        badge={{ reached: 150, entered: 150, dropped: 10, averageMs: null, biggestDropOff: true }}
      />,
    );
    const badge = screen.getByTestId('node-badge-notify');
    expect(badge.className).toContain('biggest-drop-off');
    expect(badge.title).toBe('流失最多的节点之一');
    expect(screen.getByTestId('node-badge-notify-time').textContent).toBe('⏱ —');
    await i18next.changeLanguage('en');
  });

  it('should show on a loop the instances reached, as the funnel, and the entries apart (zh, en)', async () => {
    // Before, the badge showed the 5 entries of 2 instances where the funnel said 2.
    const badge = { reached: 2, entered: 5, dropped: 0, averageMs: 1000, biggestDropOff: false };
    render(<NodeFunnelBadge nodeId="ask" badge={badge} />);
    expect(screen.getByTestId('node-badge-ask-reached').textContent).toBe('↘ 2');
    const entries = screen.getByTestId('node-badge-ask-entered');
    expect(entries.textContent).toBe('↻ 5');
    expect(entries.title).toBe('Entries: an instance that loops back counts again');
    cleanup();
    await i18next.changeLanguage('zh');
    render(<NodeFunnelBadge nodeId="ask" badge={badge} />);
    expect(screen.getByTestId('node-badge-ask-reached').title).toContain('到达实例');
    expect(screen.getByTestId('node-badge-ask-entered').title).toContain('进入次数');
    await i18next.changeLanguage('en');
  });
});
