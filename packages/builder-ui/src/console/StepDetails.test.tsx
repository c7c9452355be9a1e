// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { ScheduleEffect, WorkflowDocument } from '@xiaoer/engine';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import type { InstanceDetail, InstanceStep } from '../api/api-client.ts';
import { StepDetails } from './StepDetails.tsx';

const i18n = setUpI18n();
beforeAll(async () => {
  fillInBrowserForAntd();
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

/** Issue 21's "wait 2 h" at 20:00 in Shanghai, which the allowed hours moved to 09:00. */
const wait: ScheduleEffect = {
  kind: 'schedule',
  id: 'pause#2:wait',
  nodeId: 'pause',
  timerId: 'pause#2:wait',
  purpose: 'wait',
  requestedAt: '2026-12-02T22:00:00.000+08:00',
  requestedDelayMs: 2 * 3_600_000,
  dueAt: '2026-12-03T09:00:00.000+08:00',
  allowedHours: { from: '09:00', to: '21:00', timeZone: 'Asia/Shanghai' },
};
const step: InstanceStep = {
  revision: 2,
  at: '2026-12-02T12:00:00.000Z',
  event: { type: 'order.delivered', at: '2026-12-02T12:00:00.000Z' },
  from: 'start',
  to: 'pause',
  path: [],
  effects: [wait],
  status: 'active',
};
const detail = {
  id: 'j:A1:1',
  data: {},
  timeline: [step],
  effects: [],
  timers: [],
  deadLetters: [],
} as unknown as InstanceDetail;
// The node's settings changed since (no allowed hours now): the history shows what was recorded.
const document = {
  nodes: [{ id: 'pause', type: 'wait', position: { x: 0, y: 0 }, config: { duration: '5m' } }],
} as unknown as WorkflowDocument;

describe("a step's timer in the run history", () => {
  it('should say the delay the journey asked for and where the allowed hours moved it, as recorded', async () => {
    render(<StepDetails detail={detail} step={step} document={document} />);
    const reason = screen.getByTestId('step-timer-reason');
    expect(reason.textContent).toBe(
      ' asked for 2 hrs (until 2 Dec 2026, 22:00), moved 11 hrs later to 3 Dec 2026, 09:00 by the allowed hours 09:00–21:00 (Asia/Shanghai)',
    );
    expect(reason.dataset['moved']).toBe('true');
    await i18n.changeLanguage('zh');
    expect(screen.getByTestId('step-timer-reason').textContent).toBe(
      ' 要求等待 2小时（至 2026年12月2日 22:00），因允许时段 09:00–21:00（Asia/Shanghai）顺延 11小时，至 2026年12月3日 09:00',
    );
    await i18n.changeLanguage('en');
  });
});
