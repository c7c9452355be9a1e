import { describe, expect, it } from 'vitest';
import { TestClock } from '../clock/test-clock.ts';
import { DeliveryError, type MessageChannel, type OutgoingMessage } from './connector.types.ts';
import { DeliveryHealth } from './delivery-health.ts';

const message = (to: string, idempotencyKey = `k-${to}`): OutgoingMessage => ({
  idempotencyKey,
  channel: 'sms',
  to,
  locale: 'zh',
  format: 'text',
  text: 'hi',
});

/** An SMS connector that fails for recipients starting with "x". */
const sms: MessageChannel = {
  name: 'test-sms',
  send: async (m) => {
    if (m.to.startsWith('x'))
      throw new DeliveryError(
        'http-401',
        'POST https://sms.example/send?token=abc123 → 401',
        false,
      );
  },
};

describe('delivery health', () => {
  it('should count attempts per channel for 24 hours and keep the last failure, its secrets hidden', async () => {
    const clock = new TestClock();
    const health = new DeliveryHealth(clock);
    const connectors = { channels: { sms }, fallback: sms };
    health.watch(connectors);
    const send = connectors.channels.sms.send.bind(connectors.channels.sms);
    await send(message('1'));
    await expect(send(message('x1'))).rejects.toThrow(DeliveryError);
    expect(health.of('sms')).toMatchObject({
      delivered: 1,
      failed: 1,
      state: 'failing',
      lastFailure: { code: 'http-401', retryable: false },
    });
    expect(health.of('sms').lastFailure?.message).not.toContain('abc123');
    // The fallback counts under the message's own channel; a test send is not counted.
    await connectors.fallback.send({ ...message('2'), channel: 'app' });
    await send(message('3', 'test-send:1'));
    expect(health.of('app')).toMatchObject({ delivered: 1, state: 'ok' });
    expect(health.of('sms')).toMatchObject({ delivered: 1, failed: 1 });
    await clock.advance(20 * 3_600_000);
    await send(message('4'));
    expect(health.of('sms')).toMatchObject({ delivered: 2, failed: 1, state: 'ok' });
    // A day after the first attempts only the last one is counted; the last failure stays.
    await clock.advance(5 * 3_600_000);
    expect(health.of('sms')).toMatchObject({
      delivered: 1,
      failed: 0,
      lastFailure: { code: 'http-401' },
    });
    expect(health.of('wechat')).toEqual({ delivered: 0, failed: 0, state: 'idle' });
  });
});
