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
  it('should show entered, dropped and the average time', () => {
    render(
      <NodeFunnelBadge
        nodeId="waitPayment"
        badge={{ entered: 200, dropped: 50, averageMs: 1_800_000, biggestDropOff: false }}
      />,
    );
    expect(screen.getByTestId('node-badge-waitPayment-entered').textContent).toBe('↘ 200');
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
        badge={{ entered: 150, dropped: 10, averageMs: null, biggestDropOff: true }}
      />,
    );
    const badge = screen.getByTestId('node-badge-notify');
    expect(badge.className).toContain('biggest-drop-off');
    expect(badge.title).toBe('流失最多的节点之一');
    expect(screen.getByTestId('node-badge-notify-time').textContent).toBe('⏱ —');
    await i18next.changeLanguage('en');
  });
});
