import type { Scenario } from '@xiaoer/engine/testing';
import { SAMPLE_ORDER } from '../simulation/browser-simulation.ts';

/**
 * A scenario of the order lifecycle as a developer writes one: late at night, each message
 * waiting for its delivery report (`autoConfirmSends: false`). The day before the survey falls
 * due at 22:30 the next evening, outside 09:00–21:00, so it moves to 09:00: after a day the
 * journey still waits (`waitBeforeSurvey`), where the default clock start would have reached the
 * survey and auto-confirmed sends would have refused the `sendSucceeded` steps.
 */
export const lateNight: Scenario = {
  name: 'late night',
  startAt: '2026-03-02T22:30:00+08:00',
  autoConfirmSends: false,
  trigger: SAMPLE_ORDER,
  steps: [
    { sendSucceeded: true },
    { event: 'order.shipped', data: { orderId: 'SIM-1001' } },
    { sendSucceeded: true },
    { event: 'order.delivered', data: { orderId: 'SIM-1001' } },
    { advance: '1d' },
  ],
};
