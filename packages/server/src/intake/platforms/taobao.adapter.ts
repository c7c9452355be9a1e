import { schemaProblem } from '../../json-schema-check.ts';
import {
  asAmount,
  asObject,
  asText,
  compact,
  parsePlatformJson,
  type Json,
  type Translation,
} from './platform-json.ts';
import { platformTime } from './beijing-time.ts';

/** How a `taobao` source reaches TMC: the app (key; its secret is the source's), the shop. */
export interface TaobaoTmcConfig {
  appKey: string;
  /** The shop's session key (its authorisation of the app). */
  session: string;
  /** TOP gateway; default `https://eco.taobao.com/router/rest`. */
  gateway?: string;
  groupName?: string;
  /** Pause between pulls when nothing came; default 5 s. */
  pollMs?: number;
}

/** Taobao/Tmall TMC topics Xiaoer understands, and the event each becomes. */
export const TAOBAO_TOPICS: Record<string, string> = {
  taobao_trade_TradeCreate: 'order.created',
  taobao_trade_TradeBuyerPay: 'order.paid',
  taobao_trade_TradeSellerShip: 'order.shipped',
  taobao_trade_TradePartlySellerShip: 'order.shipped',
  taobao_trade_TradeSuccess: 'order.delivered',
  taobao_trade_TradeClose: 'order.cancelled',
  taobao_refund_RefundSuccess: 'order.refunded',
};

/**
 * Whether the buyer has paid, as far as the topic proves it: a trade is created unpaid, and is
 * paid once paid for, shipped or done; a closed trade may have been either (unpaid ones close
 * on timeout) and its message does not say, so it claims nothing.
 */
const PAID_KNOWN: Record<string, boolean | undefined> = {
  taobao_trade_TradeCreate: false,
  taobao_trade_TradeBuyerPay: true,
  taobao_trade_TradeSellerShip: true,
  taobao_trade_TradePartlySellerShip: true,
  taobao_trade_TradeSuccess: true,
  taobao_refund_RefundSuccess: true,
};

/**
 * Maps one TMC message (as `taobao.tmc.messages.consume` returns it: `id`, `topic`, `content`
 * a JSON string, `pub_time`, `user_nick`) to a Xiaoer event; the TMC message id is the event
 * id, so a message consumed twice is a duplicate. Its time is `pub_time` (Beijing time), when
 * TMC published it, not when it was pulled: messages wait in TMC until pulled, for as long as
 * Xiaoer is stopped or behind. Trade messages carry no phone or email.
 */
export function translateTmc(message: unknown, receivedAt: Date): Translation {
  const envelope = asObject(message);
  const topic = asText(envelope['topic']) ?? '';
  const type = TAOBAO_TOPICS[topic];
  if (!type) return { ignored: `topic ${topic || 'none'} is not used by Xiaoer` };
  const id = asText(envelope['id']);
  let content: Json;
  try {
    content = asObject(parsePlatformJson(asText(envelope['content']) ?? ''));
  } catch {
    return {
      invalid: [schemaProblem('/content', { zh: '应为 JSON 字符串', en: 'must be a JSON string' })],
    };
  }
  const tid = asText(content['tid']);
  if (!id || !tid)
    return {
      invalid: [
        schemaProblem(id ? '/content/tid' : '/id', { zh: '不能缺少', en: 'must be present' }),
      ],
    };
  const data: Json = {
    orderId: tid,
    orderNumber: tid,
    customer: compact({
      name: asText(content['buyer_nick']) ?? '顾客',
      language: 'zh',
      country: 'CN',
    }),
    total: asAmount(content['payment']),
    currency: 'CNY',
    paid: PAID_KNOWN[topic],
    test: false,
    shopName: asText(content['seller_nick']) ?? asText(envelope['user_nick']),
    amount: type === 'order.refunded' ? asAmount(content['refund_fee']) : undefined,
    refundId: asText(content['refund_id']),
    // A paid trade closes only once refunded in full (TRADE_CLOSED: 付款以后用户退款成功，交易
    // 自动关闭); a seller or Taobao closes unpaid ones (TRADE_CLOSED_BY_TAOBAO). The message
    // says neither, so the journey, which knows whether it was paid, tells the two apart.
    refundedIfPaid: topic === 'taobao_trade_TradeClose' ? true : undefined,
  };
  return {
    events: [
      {
        id: `tmc-${id}`,
        type,
        source: `taobao://${asText(envelope['user_nick']) ?? 'shop'}`,
        time: platformTime([envelope['pub_time']], receivedAt),
        data: compact(data),
      },
    ],
  };
}
