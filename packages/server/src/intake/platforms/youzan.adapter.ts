import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import { compileSchema, schemaProblem, type SchemaProblem } from '../../json-schema-check.ts';
import {
  asAmount,
  asObject,
  asText,
  compact,
  payloadProblems,
  type Json,
  type Translation,
} from './platform-json.ts';
import { normalisePhone } from './customer-contact.ts';
import { platformTime } from './beijing-time.ts';

/** Youzan (有赞) trade push message types and the Xiaoer event each becomes. */
export const YOUZAN_TYPES: Record<string, string> = {
  trade_TradeCreate: 'order.created',
  trade_TradePaid: 'order.paid',
  trade_TradeBuyerPay: 'order.paid',
  trade_TradePartlySellerShip: 'order.shipped',
  trade_TradeSellerShip: 'order.shipped',
  trade_TradeSuccess: 'order.delivered',
  trade_TradeClose: 'order.cancelled',
};

/**
 * Trade messages whose `msg` is the whole order (`full_order_info`). The others (shipping,
 * success, closing) carry only `tid`, `update_time` and a few fields of their own
 * (`oids`; `close_type`, `close_reason`), as Youzan's trade message documentation lists them.
 */
const FULL_ORDER_TYPES = new Set(['trade_TradeCreate', 'trade_TradePaid', 'trade_TradeBuyerPay']);

/**
 * Youzan refund messages that mean the money went back: the older `trade_refund_*` family and
 * the newer `youzan_trade_*` one (whose `msg` is an object). Requests and seller approvals are
 * not refunds yet (a return may still be on its way).
 */
export const YOUZAN_REFUND_TYPES = new Set([
  'trade_refund_RefundSuccess',
  'youzan_trade_RefundSuccess',
]);

/**
 * A trade close that follows a refund, as Youzan's close message tells it: the close type 2
 * (标记退款, the seller marked it refunded) or 22 (拒单退款, refused and refunded), or the
 * reason Youzan gives a close after a refund, 「订单退款关单，refund, order closed!」 (a buyer's
 * cancellation is 「订单主动取消，close by buyer, order canceled!」, an unpaid order's expiry
 * 「超时未付款系统关单，order expired closed by task, order canceled!」), as open-source Youzan
 * SDKs record the trade_TradeClose fields. A whole order says it by its `refund_state` 12
 * (全额退款成功). 6 (部分退款) is left out: part of the money is not the order refunded.
 */
const REFUND_CLOSE_TYPES = new Set(['2', '22']);
const REFUND_CLOSE_REASON = /退款关单|refund, order closed/i;
const REFUNDED_IN_FULL = '12';

/**
 * True (the journey's `refundedIfPaid`) when a trade_TradeClose shows it follows a refund: a
 * paid trade closed so is a refund to tell, not a cancellation, like a Taobao close.
 */
function closedAfterRefund(
  closeType: unknown,
  reason: string | undefined,
  refundState?: unknown,
): true | undefined {
  const refunded =
    REFUND_CLOSE_TYPES.has(asText(closeType) ?? '') ||
    REFUND_CLOSE_REASON.test(reason ?? '') ||
    asText(refundState) === REFUNDED_IN_FULL;
  return refunded || undefined;
}

/** Order statuses that mean the buyer has not paid yet. */
const UNPAID = new Set(['WAIT_BUYER_PAY', 'TRADE_NO_CREATE_PAY']);

const envelopeSchema = compileSchema({
  type: 'object',
  required: ['type', 'msg'],
  properties: {
    type: { type: 'string', minLength: 1 },
    msg: { type: ['string', 'object'], minLength: 1 },
    id: { type: ['string', 'integer'] },
    test: { type: 'boolean' },
    version: { type: ['integer', 'string'] },
  },
});
const messageSchema = compileSchema({
  type: 'object',
  required: ['full_order_info'],
  properties: {
    full_order_info: {
      type: 'object',
      required: ['order_info'],
      properties: {
        order_info: {
          type: 'object',
          required: ['tid'],
          properties: { tid: { type: 'string', minLength: 1 }, status: { type: 'string' } },
        },
      },
    },
  },
});

const stateSchema = compileSchema({
  type: 'object',
  required: ['tid'],
  properties: {
    tid: { type: 'string', minLength: 1 },
    oids: { type: ['string', 'integer'] },
    update_time: { type: 'string' },
    close_type: { type: ['integer', 'string'] },
    close_reason: { type: 'string' },
    // The documented spelling of the close reason (SDKs record it so); either is read.
    close_reson: { type: 'string' },
  },
});

const refundSchema = compileSchema({
  type: 'object',
  required: ['tid', 'refund_id', 'refunded_fee'],
  properties: {
    tid: { type: 'string', minLength: 1 },
    refund_id: { type: ['string', 'integer'], minLength: 1 },
    refunded_fee: { type: ['string', 'number'], pattern: '^\\d+(\\.\\d{1,2})?$', minimum: 0 },
    refund_type: { type: 'string' },
    refund_reason: { type: 'string' },
    update_time: { type: 'string' },
  },
});

/**
 * Youzan's push signature (`Event-Sign` header): MD5 hex of client id + raw body + client
 * secret, the client id being the `Client-Id` header.
 */
export function youzanSign(clientId: string, body: Buffer | string, secret: string): string {
  return createHash('md5').update(clientId).update(body).update(secret).digest('hex');
}

/** Youzan encrypts personal data in pushes (`$…$1$`); such a value cannot be used as is. */
const plain = (value: unknown): string | undefined => {
  const text = asText(value);
  return text && !/^\$.*\$\d+\$$/.test(text) ? text : undefined;
};

type Problems = { problems: SchemaProblem[] };

/**
 * The push's `msg` as JSON: URL-encoded text, or an object in newer messages. Youzan encodes
 * it as a form value (Java's URLEncoder): a space is `+`, a plus `%2B`.
 */
function decodedMessage(msg: unknown): { parsed: unknown } | Problems {
  if (typeof msg !== 'string') return { parsed: msg };
  try {
    return { parsed: JSON.parse(decodeURIComponent(msg.replace(/\+/g, ' '))) };
  } catch {
    return {
      problems: [
        schemaProblem('/msg', { zh: '应为 URL 编码的 JSON', en: 'must be URL-encoded JSON' }),
      ],
    };
  }
}

/** The push's `msg` decoded and checked by `schema`. */
function messageOf(msg: unknown, schema: ValidateFunction): { message: Json } | Problems {
  const decoded = decodedMessage(msg);
  if ('problems' in decoded) return decoded;
  const { parsed } = decoded;
  const problems = payloadProblems(schema, parsed);
  if (problems.length > 0)
    return { problems: problems.map((p) => ({ ...p, pointer: `/msg${p.pointer}` })) };
  return { message: asObject(parsed) };
}

/** A refund message: `order.refunded` with the amount Youzan gives in yuan. */
function refundOf(envelope: Json, receivedAt: Date): Translation {
  const found = messageOf(envelope['msg'], refundSchema);
  if ('problems' in found) return { invalid: found.problems };
  const refund = found.message;
  const tid = asText(refund['tid']) as string;
  const refundId = asText(refund['refund_id']) as string;
  const data: Json = {
    orderId: tid,
    orderNumber: tid,
    refundId,
    amount: asAmount(refund['refunded_fee']),
    currency: 'CNY',
    refundType: asText(refund['refund_type']),
    reason: asText(refund['refund_reason']),
  };
  return {
    events: [
      {
        // One refund told by either message family is one event.
        id: `youzan-${tid}-refund-${refundId}`,
        type: 'order.refunded',
        source: `youzan://${asText(envelope['kdt_id']) ?? 'shop'}`,
        time: platformTime([refund['update_time']], receivedAt),
        data: compact(data),
      },
    ],
  };
}

/**
 * The Xiaoer event's id, source and time for a trade message of `tid` updated at `updated`;
 * `times` are Youzan's Beijing times of what happened, the first one there is taken.
 */
function tradeEvent(
  envelope: Json,
  messageType: string,
  tid: string,
  updated: string,
  times: unknown[],
  data: Json,
  receivedAt: Date,
): Translation {
  const type = YOUZAN_TYPES[messageType] as string;
  return {
    events: [
      {
        // A payment told by both trade_TradePaid and trade_TradeBuyerPay is one event.
        id:
          type === 'order.paid'
            ? `youzan-${tid}-order.paid`
            : `youzan-${tid}-${messageType}-${updated || receivedAt.toISOString()}`,
        type,
        source: `youzan://${asText(envelope['kdt_id']) ?? 'shop'}`,
        time: platformTime(times, receivedAt),
        data: compact(data),
      },
    ],
  };
}

/**
 * A shipping, success or closing message: the order's number, and why it closed (and whether
 * after a refund).
 */
function stateOf(envelope: Json, messageType: string, receivedAt: Date): Translation {
  const found = messageOf(envelope['msg'], stateSchema);
  if ('problems' in found) return { invalid: found.problems };
  const message = found.message;
  const tid = asText(message['tid']) as string;
  const closing = messageType === 'trade_TradeClose';
  const reason = asText(message['close_reason']) ?? asText(message['close_reson']);
  const data: Json = {
    orderId: tid,
    orderNumber: tid,
    test: false,
    cancelReason: closing ? (reason ?? asText(message['close_type'])) : undefined,
    refundedIfPaid: closing ? closedAfterRefund(message['close_type'], reason) : undefined,
  };
  const updated = asText(message['update_time']) ?? asText(envelope['version']) ?? '';
  return tradeEvent(
    envelope,
    messageType,
    tid,
    updated,
    [message['update_time']],
    data,
    receivedAt,
  );
}

/**
 * When what a whole-order message tells happened: the order's creation, its payment, else its
 * last change.
 */
const ORDER_TIME_FIELDS: Record<string, string> = {
  trade_TradeCreate: 'created',
  trade_TradePaid: 'pay_time',
  trade_TradeBuyerPay: 'pay_time',
};

/**
 * Maps one Youzan trade push (verified already) to a Xiaoer event. Youzan repeats a push
 * until it is answered; the event id (order, type, update time) makes a repeat a duplicate.
 * Youzan's own test pushes (`test: true`, sent now and then to check the endpoint is up)
 * are answered and start nothing. The event's time is Youzan's (Beijing time: the order's
 * `created`, `pay_time` or `update_time`, a message's `update_time`), else `receivedAt`.
 */
export function translateYouzan(payload: unknown, receivedAt: Date): Translation {
  if (asObject(payload)['test'] === true)
    return { ignored: 'a Youzan test push (test: true): answered, nothing started' };
  const invalid = payloadProblems(envelopeSchema, payload);
  if (invalid.length > 0) return { invalid };
  const envelope = asObject(payload);
  const messageType = asText(envelope['type']) as string;
  if (YOUZAN_REFUND_TYPES.has(messageType)) return refundOf(envelope, receivedAt);
  if (!YOUZAN_TYPES[messageType])
    return { ignored: `message type ${messageType} is not used by Xiaoer` };
  // A state message carrying the whole order anyway is read as one (more is known).
  const decoded = decodedMessage(envelope['msg']);
  const wholeOrder = 'parsed' in decoded && 'full_order_info' in asObject(decoded.parsed);
  if (!FULL_ORDER_TYPES.has(messageType) && !wholeOrder)
    return stateOf(envelope, messageType, receivedAt);
  const found = messageOf(envelope['msg'], messageSchema);
  if ('problems' in found) return { invalid: found.problems };
  const order = asObject(found.message['full_order_info']);
  const info = asObject(order['order_info']);
  const address = asObject(order['address_info']);
  const buyer = asObject(order['buyer_info']);
  const pay = asObject(order['pay_info']);
  const tid = asText(info['tid']) as string;
  const status = asText(info['status']) ?? '';
  const updated = asText(info['update_time']) ?? asText(envelope['version']) ?? '';
  const data: Json = {
    orderId: tid,
    orderNumber: tid,
    customer: compact({
      name: plain(address['receiver_name']) ?? plain(buyer['fans_nickname']) ?? '顾客',
      phone:
        normalisePhone(plain(address['receiver_tel']), 'CN') ??
        normalisePhone(plain(buyer['buyer_phone']), 'CN'),
      language: 'zh',
      country: 'CN',
    }),
    total: asAmount(pay['payment']),
    currency: 'CNY',
    paymentStatus: status,
    paid: !UNPAID.has(status),
    test: false,
    shopName: asText(info['shop_name']),
    refundedIfPaid:
      messageType === 'trade_TradeClose'
        ? closedAfterRefund(info['close_type'], undefined, info['refund_state'])
        : undefined,
  };
  const times = [info[ORDER_TIME_FIELDS[messageType] ?? 'update_time'], info['update_time']];
  return tradeEvent(envelope, messageType, tid, updated, times, data, receivedAt);
}
