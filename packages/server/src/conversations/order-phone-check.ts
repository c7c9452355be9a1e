import type { JsonObject } from '@xiaoer/engine';
import type { Model } from 'mongoose';
import type { CallOutcome, OrderSystemConnector } from '../connectors/connector.types.ts';
import { isDuplicateKey } from '../model/models.ts';
import { customerOf } from './order-owner.ts';
import type { PhoneCheckRecord } from '../model/phone-check.model.ts';

/**
 * The order operation Xiaoer answers itself, in front of the shop's order system: whether a
 * chat visitor's reply holds the last four digits of the order's phone. Args `orderId` and
 * `reply`; answers `{ verified, locked }`. The shop's order system needs only `getOrder`.
 */
export const VERIFY_OWNER_PHONE = 'verifyOwnerPhone';

/** Wrong answers an order takes within {@link PHONE_CHECK_WINDOW_MS}; then every answer fails. */
export const PHONE_CHECK_LIMIT = 5;
export const PHONE_CHECK_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * `verifyOwnerPhone` with a limit per order. Asked by a journey's call, each answer is a fresh
 * run's single try, so without a count that outlives the run anyone could guess the 10,000
 * possible digits chat after chat; the count is kept per order, across chats, visitors and
 * processes. An answer is counted wrong before the order is even read, so guesses sent at
 * once cannot all slip under the limit; a right one is then marked right. Once an order has
 * had more than {@link PHONE_CHECK_LIMIT} wrong answers in a day, the right digits fail too
 * (`locked`) until the oldest of them is a day old: the journey's "could not confirm" path
 * tells the customer to sign in to the shop or ask for a person. Every other operation goes
 * to the shop's order system unchanged.
 */
export class OrderPhoneCheck implements OrderSystemConnector {
  readonly #orders: OrderSystemConnector;
  readonly #checks: Model<PhoneCheckRecord>;
  readonly #now: () => Date;

  constructor(orders: OrderSystemConnector, checks: Model<PhoneCheckRecord>, now: () => Date) {
    this.#orders = orders;
    this.#checks = checks;
    this.#now = now;
  }

  async call(
    operation: string,
    args: JsonObject,
    options: { idempotencyKey: string; timeoutMs?: number },
  ): Promise<CallOutcome> {
    if (operation !== VERIFY_OWNER_PHONE) return this.#orders.call(operation, args, options);
    const orderId = typeof args['orderId'] === 'string' ? args['orderId'].trim() : '';
    const reply = typeof args['reply'] === 'string' ? args['reply'] : '';
    if (orderId === '')
      return {
        ok: false,
        retryable: false,
        error: { code: 'invalid-args', message: `${VERIFY_OWNER_PHONE} needs an "orderId"` },
      };
    const now = this.#now();
    const since = new Date(now.getTime() - PHONE_CHECK_WINDOW_MS);
    const _id = `${orderId}|${options.idempotencyKey}`;
    try {
      await this.#checks.create({ _id, orderId, at: now, matched: false });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // a retried call: the same answer, counted once
    }
    await this.#checks.deleteMany({ orderId, at: { $lt: since } });
    const wrong = await this.#checks.countDocuments({ orderId, matched: false });
    if (wrong > PHONE_CHECK_LIMIT) return { ok: true, data: { verified: false, locked: true } };
    const order = await this.#orders.call('getOrder', { orderId }, options);
    if (!order.ok) {
      // The order system's fault, not the visitor's: not counted, the call fails as it did.
      await this.#checks.deleteOne({ _id });
      return order;
    }
    const verified = lastFourMatch(phoneOf(order.data), reply);
    if (verified) await this.#checks.updateOne({ _id }, { $set: { matched: true } });
    return { ok: true, data: { verified, locked: false } };
  }
}

/** The order's phone as the order system gives it (`customer.phone`, or `phone`). */
function phoneOf(order: JsonObject): string {
  const customer = customerOf(order);
  const phone = customer ? customer['phone'] : order['phone'];
  return typeof phone === 'string' ? phone : '';
}

/**
 * True when the reply's only digits are the phone's last four ("1000", "尾号 1000。"); a phone
 * with fewer than four digits matches nothing.
 */
export function lastFourMatch(phone: string, reply: string): boolean {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 4) return false;
  return reply.replace(/\D/g, '') === digits.slice(-4);
}
