import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import { TmcPoller, topSign, translateTmc } from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { readFile } from 'node:fs/promises';
import type { WorkflowDocument } from '@xiaoer/engine';
import { eventsOf, platformFixture, problem } from './platform-fixtures.ts';
import { whileBehind } from '../runtime/hold-records.ts';

const SECRET = 'taobao-app-secret-0123';
const at = new Date('2026-03-02T01:00:00Z');

/**
 * alibaba/top's fixture (an item message, its id beyond 2^53 as TOP sends it) with a trade
 * message added beside it, in the raw text so the big id stays as it is.
 */
function consumeAnswer(tid: string): string {
  const trade = JSON.stringify({
    user_id: 123456789,
    user_nick: 'usernick',
    content: JSON.stringify({
      buyer_nick: '包先生',
      payment: '9.56',
      oid: tid,
      tid,
      type: 'guarantee_trade',
      seller_nick: 'usernick',
    }),
    id: 7104300007405429,
    pub_time: '2013-10-05 10:56:00',
    pub_app_key: '12499723',
    topic: 'taobao_trade_TradeCreate',
  });
  return platformFixture('taobao-tmc-messages-consume.json')
    .trim()
    .replace(/\]\}\}\}$/, `,${trade}]}}}`);
}

/**
 * A local TOP gateway: answers each call (its form parameters) with `answer`'s JSON text, or
 * TOP's "Invalid signature" error when the call is not signed with the app secret as TOP signs.
 */
async function topGateway(
  answer: (params: Record<string, string>) => string,
): Promise<{ gateway: Server; url: string }> {
  const gateway = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      const { sign, ...signed } = params;
      response.setHeader('content-type', 'application/json');
      response.end(
        sign === topSign(signed, SECRET)
          ? answer(params)
          : '{"error_response":{"code":25,"msg":"Invalid signature"}}',
      );
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  return {
    gateway,
    url: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/router/rest`,
  };
}

describe('TMC messages', () => {
  it('should sign as TOP does: MD5 of secret + sorted key/value pairs + secret, upper case', () => {
    // md5("sec" + "app_key12499723" + "methodtaobao.tmc.messages.consume" + "sec"), as
    // alibaba/top's client signs; the order of the parameters given does not matter.
    expect(topSign({ method: 'taobao.tmc.messages.consume', app_key: '12499723' }, 'sec')).toBe(
      '40D52892C84A93450C8800AB24CB12E1',
    );
  });

  it('should map trade topics and ignore the others', () => {
    const item = JSON.parse(platformFixture('taobao-tmc-messages-consume.json')) as {
      tmc_messages_consume_response: { messages: { tmc_message: object[] } };
    };
    expect(translateTmc(item.tmc_messages_consume_response.messages.tmc_message[0], at)).toEqual({
      ignored: 'topic taobao_item_ItemStockChanged is not used by Xiaoer',
    });
    const paid = {
      id: '1',
      topic: 'taobao_trade_TradeBuyerPay',
      content:
        '{"buyer_nick":"包先生","payment":"9.56","oid":1316790655492656,"tid":1316790655492656,"type":"guarantee_trade","seller_nick":"红指甲"}',
    };
    expect(eventsOf(translateTmc(paid, at))[0]).toMatchObject({
      id: 'tmc-1',
      type: 'order.paid',
      data: {
        orderId: '1316790655492656',
        customer: { name: '包先生', language: 'zh' },
        total: 9.56,
        paid: true,
      },
    });
    // A trade closed on payment timeout was never paid; the message does not say which it was.
    const closed = eventsOf(
      translateTmc({ ...paid, id: '3', topic: 'taobao_trade_TradeClose' }, at),
    );
    // A paid trade closes only once refunded in full (TRADE_CLOSED): the journey, which knows
    // whether it was paid, tells the customer of the refund, not of a cancellation.
    expect(closed[0]).toMatchObject({ type: 'order.cancelled', data: { refundedIfPaid: true } });
    expect(closed[0]?.data).not.toHaveProperty('paid');
    expect(translateTmc({ id: '2', topic: 'taobao_trade_TradeClose', content: 'x' }, at)).toEqual({
      invalid: [problem('/content', 'must be a JSON string')],
    });
  });

  it("should date each event by TMC's pub_time, Beijing time (UTC+8), not by when it was pulled", () => {
    const message = (pubTime?: unknown) => ({
      id: '4',
      topic: 'taobao_trade_TradeBuyerPay',
      content: '{"buyer_nick":"包先生","payment":"9.56","tid":1316790655492656}',
      ...(pubTime === undefined ? {} : { pub_time: pubTime }),
    });
    const timeOf = (pubTime?: unknown) => eventsOf(translateTmc(message(pubTime), at))[0]?.time;
    // Pulled at 01:00 UTC; TMC published it at 08:55:58 Beijing time, 00:55:58 UTC.
    expect(timeOf('2026-03-02 08:55:58')).toBe('2026-03-02T00:55:58.000Z');
    // Across midnight: 07:30 in Beijing is the day before in UTC.
    expect(timeOf('2026-03-01 07:30:00')).toBe('2026-02-28T23:30:00.000Z');
    // Absent, malformed, impossible or later than its receipt: the time it was received.
    for (const wrong of [
      undefined,
      '',
      1380941758,
      '2026-03-02T08:55:58',
      '2026-02-30 08:00:00',
      '2026-03-02 24:00:00',
      '2026-03-02 9:55:58',
      '2026-03-02 10:00:00', // 02:00 UTC, an hour after it was pulled
    ])
      expect(timeOf(wrong)).toBe(at.toISOString());
  });
});

describe('pulling TMC messages from a TOP gateway', () => {
  let gateway: Server;
  let h: Harness;
  const calls: Record<string, string>[] = [];
  let pending = true;

  beforeAll(async () => {
    let url: string;
    ({ gateway, url } = await topGateway((params) => {
      calls.push(params);
      if (params['method'] !== 'taobao.tmc.messages.consume')
        return '{"tmc_messages_confirm_response":{"is_success":true}}';
      if (!pending) return '{"tmc_messages_consume_response":{}}';
      pending = false;
      return consumeAnswer('1316790655492656');
    }));
    h = await startHarness({
      config: {
        sources: [
          {
            id: 'my-tmall',
            kind: 'taobao',
            secret: SECRET,
            taobao: { appKey: '12499723', session: 'shop-session', gateway: url, pollMs: 200 },
          },
        ],
      },
    });
    await h.publish(
      JSON.parse(
        await readFile(new URL('../../workflows/order-lifecycle.json', import.meta.url), 'utf8'),
      ) as WorkflowDocument,
    );
  });
  afterAll(async () => {
    await h?.close();
    gateway?.close();
  });

  it('should record each trade message as an event and confirm every message it took', async () => {
    await vi.waitFor(
      () => expect(calls.some((c) => c['method'] === 'taobao.tmc.messages.confirm')).toBe(true),
      { timeout: 15_000, interval: 100 },
    );
    const confirm = calls.find((c) => c['method'] === 'taobao.tmc.messages.confirm');
    expect(confirm?.['s_message_ids']).toBe('7104300007405429232,7104300007405429');
    expect(calls[0]).toMatchObject({
      app_key: '12499723',
      session: 'shop-session',
      v: '2.0',
      sign_method: 'md5',
    });
    await h.xiaoer.intake.idle(); // its record is written behind its inbox entry
    const stored = await h.connection
      .collection('events')
      .findOne({ _id: 'my-tmall/tmc-7104300007405429' as never });
    expect(stored?.['type']).toBe('order.created');
    // pub_time '2013-10-05 10:56:00' in Beijing time, not the time it was pulled.
    expect(stored?.['time']).toBe('2013-10-05T02:56:00.000Z');
  });
});

describe('pulling TMC messages while the runtime is behind', () => {
  let gateway: Server;
  let h: Harness;
  const methods: string[] = [];
  let url = '';

  beforeAll(async () => {
    // A TOP gateway with messages waiting, as after an outage or on a sales day: every pull
    // gets the fixture's messages (TMC keeps unconfirmed messages for days).
    ({ gateway, url } = await topGateway((params) => {
      methods.push(params['method'] ?? '');
      return params['method'] === 'taobao.tmc.messages.consume'
        ? consumeAnswer('1316790655492657')
        : '{"tmc_messages_confirm_response":{"is_success":true}}';
    }));
    h = await startHarness({ config: { sources: [], intake: { maxBacklog: 1 } } });
  });
  afterAll(async () => {
    await h?.close();
    gateway?.close();
  });

  it('should not pull while the runtime is behind, and pull again once it caught up', async () => {
    const source = {
      id: 'behind-tmall',
      kind: 'taobao' as const,
      secret: SECRET,
      taobao: { appKey: '12499723', session: 'shop-session', gateway: url },
    };
    const poller = new TmcPoller(source, h.xiaoer.intake, pino({ level: 'silent' }));
    await whileBehind(h, 'tb-1', async () => {
      // Behind: messages stay in TMC (unconfirmed, kept for Xiaoer) rather than in memory here.
      expect(await poller.pollOnce()).toBe(0);
      expect(methods).toEqual([]);
    });
    await h.xiaoer.intake.idle();
    expect(await poller.pollOnce()).toBe(2);
    expect(methods).toEqual(['taobao.tmc.messages.consume', 'taobao.tmc.messages.confirm']);
  });
});
