import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError, type OutgoingMessage } from './connector.types.ts';
import { WebhookChannel } from './webhook-channel.ts';
import { SmsChannel } from './sms-channel.ts';
import { LogChannel } from './log-channel.ts';
import { pino } from 'pino';
import { SmtpChannel } from './smtp-channel.ts';
import { HttpOrderSystem, DEFAULT_OPERATIONS } from './http-order-system.ts';

/** A real local HTTP server that records requests and answers what the test says. */
interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}
let http: Server;
let base: string;
const requests: Recorded[] = [];
let answer: { status: number; body: unknown; delayMs?: number } = { status: 200, body: {} };

beforeAll(async () => {
  http = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: text ? JSON.parse(text) : undefined,
      });
      setTimeout(() => {
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer.body));
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  http.closeAllConnections();
  await new Promise<void>((resolve) => http.close(() => resolve()));
});

const message: OutgoingMessage = {
  idempotencyKey: 'order-lifecycle:O-1:1:3:0',
  channel: 'staff',
  to: 'ops-group',
  locale: 'zh',
  format: 'text',
  text: '订单 O-1 发货超时 48 小时',
};
const last = () => requests.at(-1) as Recorded;
const reset = (next: typeof answer = { status: 200, body: {} }) => {
  requests.length = 0;
  answer = next;
};

describe('chat-bot webhook presets', () => {
  it('DingTalk: text message, signed URL (timestamp + base64 HMAC of "timestamp\\nsecret")', async () => {
    reset({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
    const now = 1_764_400_000_000;
    await new WebhookChannel(
      { preset: 'dingtalk', url: `${base}/robot/send?access_token=t`, secret: 'SECabc' },
      () => now,
    ).send(message);
    const url = new URL(last().url, base);
    expect(url.searchParams.get('access_token')).toBe('t');
    expect(url.searchParams.get('timestamp')).toBe(String(now));
    expect(url.searchParams.get('sign')).toBe(
      createHmac('sha256', 'SECabc').update(`${now}\nSECabc`).digest('base64'),
    );
    expect(last().body).toEqual({ msgtype: 'text', text: { content: message.text } });
  });

  it('DingTalk: an errcode in a 200 answer is a failed delivery', async () => {
    reset({ status: 200, body: { errcode: 310000, errmsg: 'sign not match' } });
    const sending = new WebhookChannel({ preset: 'dingtalk', url: `${base}/robot` }).send(message);
    await expect(sending).rejects.toMatchObject({ code: 'dingtalk-310000', retryable: false });
  });

  it('Feishu/Lark: timestamp and sign in the body', async () => {
    reset({ status: 200, body: { code: 0 } });
    const now = 1_764_400_000_000;
    await new WebhookChannel(
      { preset: 'feishu', url: `${base}/hook`, secret: 'fs' },
      () => now,
    ).send(message);
    const seconds = Math.floor(now / 1000);
    expect(last().body).toEqual({
      timestamp: String(seconds),
      sign: createHmac('sha256', `${seconds}\nfs`).update('').digest('base64'),
      msg_type: 'text',
      content: { text: message.text },
    });
  });

  it('WeCom and Slack formats', async () => {
    reset({ status: 200, body: { errcode: 0 } });
    await new WebhookChannel({ preset: 'wecom', url: `${base}/cgi-bin/webhook/send?key=k` }).send(
      message,
    );
    expect(last().body).toEqual({ msgtype: 'text', text: { content: message.text } });
    reset({ status: 200, body: 'ok' });
    await new WebhookChannel({ preset: 'slack', url: `${base}/services/T/B/X` }).send(message);
    expect(last().body).toEqual({ text: message.text });
  });

  it('generic: the whole message with Idempotency-Key and an HMAC signature header', async () => {
    reset();
    const now = 1_764_400_000_000;
    await new WebhookChannel({ preset: 'generic', url: `${base}/in`, secret: 'g' }, () => now).send(
      message,
    );
    const { headers, body } = last();
    expect(headers['idempotency-key']).toBe(message.idempotencyKey);
    expect(body).toMatchObject({
      idempotencyKey: message.idempotencyKey,
      text: message.text,
      to: 'ops-group',
    });
    const signed = `${Math.floor(now / 1000)}.${JSON.stringify(body)}`;
    expect(headers['x-xiaoer-signature']).toBe(
      `sha256=${createHmac('sha256', 'g').update(signed).digest('hex')}`,
    );
  });

  it('a 5xx answer is retryable, a 4xx is not', async () => {
    reset({ status: 503, body: { error: 'busy' } });
    await expect(
      new WebhookChannel({ preset: 'slack', url: `${base}/x` }).send(message),
    ).rejects.toMatchObject({ code: 'http-503', retryable: true });
    reset({ status: 404, body: { error: 'no such hook' } });
    await expect(
      new WebhookChannel({ preset: 'slack', url: `${base}/x` }).send(message),
    ).rejects.toMatchObject({ code: 'http-404', retryable: false });
  });
});

describe('SMS provider template', () => {
  it('renders the body template with the message fields', async () => {
    reset();
    await new SmsChannel({
      url: `${base}/sms/send`,
      headers: { authorization: 'Bearer sms-key' },
      body: { phone: '{{to}}', content: '【小店】{{text}}', outId: '{{idempotencyKey}}' },
    }).send({ ...message, channel: 'sms', to: '13800000000' });
    expect(last().headers['authorization']).toBe('Bearer sms-key');
    expect(last().body).toEqual({
      phone: '13800000000',
      content: `【小店】${message.text}`,
      outId: message.idempotencyKey,
    });
  });

  it('refuses a message with no recipient, permanently, and calls no provider', async () => {
    reset();
    const sms = new SmsChannel({ url: `${base}/sms/send`, body: { phone: '{{to}}' } });
    await expect(sms.send({ ...message, channel: 'sms', to: ' ' })).rejects.toMatchObject({
      code: 'no-recipient',
      retryable: false,
    });
    await expect(
      new LogChannel(pino({ enabled: false })).send({ ...message, channel: 'sms', to: '' }),
    ).rejects.toBeInstanceOf(DeliveryError);
    expect(requests).toEqual([]);
  });
});

describe('HTTP order system', () => {
  const orders = () =>
    new HttpOrderSystem({
      baseUrl: `${base}/shop/api`,
      headers: { authorization: 'Bearer erp' },
      operations: DEFAULT_OPERATIONS,
      timeoutMs: 300,
    });

  it('maps an operation to method, path and body, with the idempotency key', async () => {
    reset({ status: 200, body: { refundId: 'R1', status: 'refunded' } });
    const outcome = await orders().call(
      'refund',
      { orderId: 'O 1?', refundId: 'R1', amount: 50 },
      { idempotencyKey: 'k-1' },
    );
    expect(outcome).toEqual({ ok: true, data: { refundId: 'R1', status: 'refunded' } });
    expect(last()).toMatchObject({
      method: 'POST',
      url: '/shop/api/orders/O%201%3F/refunds',
      body: { orderId: 'O 1?', refundId: 'R1', amount: 50 },
    });
    expect(last().headers['idempotency-key']).toBe('k-1');
    expect(last().headers['authorization']).toBe('Bearer erp');
  });

  it('tells retryable failures (5xx, timeout) from final ones (4xx, unknown operation)', async () => {
    reset({ status: 502, body: 'bad gateway' });
    expect(
      await orders().call('getOrder', { orderId: 'O1' }, { idempotencyKey: 'k' }),
    ).toMatchObject({ ok: false, retryable: true, error: { code: 'http-502' } });
    reset({ status: 422, body: { error: 'already refunded' } });
    expect(await orders().call('refund', { orderId: 'O1' }, { idempotencyKey: 'k' })).toMatchObject(
      { ok: false, retryable: false, error: { code: 'http-422' } },
    );
    reset({ status: 200, body: {}, delayMs: 1000 });
    expect(
      await orders().call('getOrder', { orderId: 'O1' }, { idempotencyKey: 'k' }),
    ).toMatchObject({ ok: false, retryable: true, error: { code: 'timeout' } });
    expect(await orders().call('teleport', {}, { idempotencyKey: 'k' })).toMatchObject({
      ok: false,
      retryable: false,
      error: { code: 'unknown-operation' },
    });
  });
});

describe('email over SMTP', () => {
  let smtp: SMTPServer;
  let port: number;
  const received: { from: string; to: string[]; raw: string }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('blocked'))
          return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        callback();
      },
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => new Promise<void>((resolve) => smtp.close(() => resolve())));

  it('delivers a real SMTP exchange with subject, HTML body and a Message-ID from the idempotency key', async () => {
    const channel = new SmtpChannel({ host: '127.0.0.1', port, from: 'shop@example.com' });
    await channel.send({
      ...message,
      channel: 'email',
      to: 'ann@example.com',
      locale: 'en',
      format: 'html',
      text: '<p>Your order &amp; invoice</p>',
    });
    channel.close();
    const mail = received.at(-1);
    expect(mail?.from).toBe('shop@example.com');
    expect(mail?.to).toEqual(['ann@example.com']);
    expect(mail?.raw).toMatch(/Subject: A message from the shop/);
    expect(mail?.raw).toMatch(/Message-ID: <order-lifecycle_O-1_1_3_0@xiaoer>/);
    expect(mail?.raw).toMatch(/Content-Type: text\/html/);
  });

  it('turns a permanent SMTP rejection (5xx) into a final failure', async () => {
    const channel = new SmtpChannel({ host: '127.0.0.1', port, from: 'shop@example.com' });
    const sending = channel.send({ ...message, channel: 'email', to: 'blocked@example.com' });
    await expect(sending).rejects.toBeInstanceOf(DeliveryError);
    await expect(sending).rejects.toMatchObject({ code: 'smtp-550', retryable: false });
    channel.close();
  });
});
