import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { ChatCustomer } from '../model/conversation.model.ts';
import { ApiError } from './api-error.ts';

/**
 * How much an anonymous chat may ask of the server. Anyone on the internet can open a chat, so
 * each address and each customer gets a budget: 200 fake conversations once slowed the console
 * from 34 ms to 1.3 s, and 1,000 open streams took the health check down.
 */
export interface ChatLimits {
  /** New conversations per client address per minute. Default 20. */
  conversationsPerAddress?: number;
  /** New conversations per customer id per minute. Default 10. */
  conversationsPerCustomer?: number;
  /** Customer messages per client address per minute. Default 120. */
  messagesPerAddress?: number;
  /** Customer messages per conversation per minute. Default 30. */
  messagesPerConversation?: number;
  /** Live message streams per client address. Default 20. */
  streamsPerAddress?: number;
  /** Live message streams per customer id. Default 5. */
  streamsPerCustomer?: number;
}

export const CHAT_LIMIT_DEFAULTS: Required<ChatLimits> = {
  conversationsPerAddress: 20,
  conversationsPerCustomer: 10,
  messagesPerAddress: 120,
  messagesPerConversation: 30,
  streamsPerAddress: 20,
  streamsPerCustomer: 5,
};

/** How long a client that hit a stream cap is asked to wait, in seconds. */
const STREAM_RETRY_AFTER_S = 30;

const tooMany = () =>
  new ApiError(429, 'chat-rate-limited', {
    zh: '请求过于频繁，请稍后再试。',
    en: 'Too many requests; please try again in a little while.',
  });

const addressOf = (request: Request) => ipKeyGenerator(request.ip ?? 'unknown');

/**
 * Whose budget a chat customer spends: a customer the shop signed has one of their own,
 * wherever they write from. An anonymous id is anyone's claim, so it is counted with the
 * address that claims it: a stranger who names a customer's id cannot spend that customer's
 * budget (and lock them out of their own chat).
 */
export const customerBudgetKey = (
  request: Request,
  customer: Pick<ChatCustomer, 'id' | 'verified'>,
): string =>
  customer.verified ? `customer:${customer.id}` : `anonymous:${addressOf(request)}:${customer.id}`;

/** A per-minute budget keyed by `key`; over it, 429 with `Retry-After`. */
function perMinute(limit: number, key: (request: Request, response: Response) => string) {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: key,
    handler: (_request, _response, next) => next(tooMany()),
  });
}

/**
 * Counts live streams per key: `open` refuses one over the cap (429, `Retry-After`), and the
 * returned release runs once when the stream ends.
 */
export class StreamCounter {
  readonly #live = new Map<string, number>();
  constructor(readonly cap: number) {}

  take(key: string): (() => void) | null {
    const count = this.#live.get(key) ?? 0;
    if (count >= this.cap) return null;
    this.#live.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#live.get(key) ?? 1) - 1;
      if (left > 0) this.#live.set(key, left);
      else this.#live.delete(key);
    };
  }
}

/** The middlewares of the customer's chat routes that keep each client within its budget. */
export function chatLimits(limits: ChatLimits = {}) {
  const l = { ...CHAT_LIMIT_DEFAULTS, ...limits };
  const streamsByAddress = new StreamCounter(l.streamsPerAddress);
  const streamsByCustomer = new StreamCounter(l.streamsPerCustomer);
  return {
    /** Before opening a conversation (the JSON body is parsed, not yet checked). */
    openByAddress: perMinute(l.conversationsPerAddress, addressOf) as RequestHandler,
    /** Once the customer is known (`response.locals.customer`, signed or not). */
    openByCustomer: perMinute(l.conversationsPerCustomer, (request, response) =>
      customerBudgetKey(request, response.locals['customer'] as ChatCustomer),
    ) as RequestHandler,
    /** Before a customer message; the conversation's budget is taken once its token matched. */
    messageByAddress: perMinute(l.messagesPerAddress, addressOf),
    messageByConversation: perMinute(
      l.messagesPerConversation,
      (request) => `conversation:${String(request.params['id'])}`,
    ),
    /**
     * Takes a stream slot for the address and the customer, or answers 429; the slots are
     * given back when the response closes.
     */
    stream(
      request: Request,
      response: Response,
      customer: Pick<ChatCustomer, 'id' | 'verified'>,
    ): void {
      const byAddress = streamsByAddress.take(addressOf(request));
      const byCustomer = byAddress
        ? streamsByCustomer.take(customerBudgetKey(request, customer))
        : null;
      if (!byAddress || !byCustomer) {
        byAddress?.();
        response.set('Retry-After', String(STREAM_RETRY_AFTER_S));
        throw tooMany();
      }
      response.on('close', () => {
        byAddress();
        byCustomer();
      });
    },
  };
}
export type ChatLimiters = ReturnType<typeof chatLimits>;
