import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { LogChannel, LogPublisher, maskedRecipient } from './log-channel.ts';

/** A logger at `level` whose lines are kept. */
function capture(level: string) {
  const lines: string[] = [];
  const log = pino({ level }, { write: (line: string) => void lines.push(line) });
  return { log, text: () => lines.join('') };
}

const message = {
  idempotencyKey: 'inst-1:effect-3',
  channel: 'sms' as const,
  to: '13812345678',
  locale: 'zh' as const,
  format: 'text' as const,
  text: '张三您好，您的订单 A-1001 已发往 上海市浦东新区世纪大道 100 号',
};

describe('the log channel and publisher', () => {
  it("should keep the customer's phone number and message text out of the info log", async () => {
    // Found: every message to a channel the configuration left out went to the log at info,
    // with the customer's phone number and the whole text (an address here).
    const info = capture('info');
    await new LogChannel(info.log).send(message);
    expect(info.text()).not.toContain('13812345678');
    expect(info.text()).not.toContain('张三');
    expect(info.text()).toContain('***5678');
    expect(info.text()).toContain('inst-1:effect-3');
    expect(info.text()).toContain('not delivered: no channel configured for it');
    // At debug, for development, the whole message.
    const debug = capture('debug');
    await new LogChannel(debug.log).send(message);
    expect(debug.text()).toContain('13812345678');
    expect(debug.text()).toContain('张三');
  });

  it("should keep a published event's data out of the info log", async () => {
    const event = {
      idempotencyKey: 'inst-2:emit-1',
      event: 'staff.alert',
      instanceId: 'inst-2',
      data: { phone: '13900001111', name: '李四' },
    };
    const info = capture('info');
    await new LogPublisher(info.log).publish(event);
    expect(info.text()).toContain('journey event staff.alert');
    expect(info.text()).toContain('inst-2');
    expect(info.text()).not.toContain('13900001111');
    expect(info.text()).not.toContain('李四');
    const debug = capture('debug');
    await new LogPublisher(debug.log).publish(event);
    expect(debug.text()).toContain('13900001111');
  });

  it('should show no more of a short recipient than that it has one', () => {
    expect(maskedRecipient('1234')).toBe('***');
    expect(maskedRecipient('alice@example.com')).toBe('***.com');
  });
});
