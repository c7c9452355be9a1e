import type { Request, RequestHandler, Response } from 'express';
import {
  ipKeyGenerator,
  rateLimit,
  type AugmentedRequest,
  type ClientRateLimitInfo,
  type Store,
} from 'express-rate-limit';
import type { LocalizedText } from '@xiaoer/engine';
import type { Clock } from '../clock/clock.ts';
import { ApiError } from './api-error.ts';

/**
 * How often one console user (or API key) may ask for the console's costly work, per minute.
 * Each of these reads far more than one page of the console: a replay up to 500 instance
 * histories, a classification perhaps a paid LLM call, the flow counts every step of a journey
 * in their window, the near-duplicate check every question against the whole knowledge base.
 */
export interface ConsoleBudgets {
  /** Draft replays (`POST /api/workflows/:id/replay`) per user per minute. Default 10. */
  replaysPerMinute?: number;
  /** Test classifications (`POST /api/intents/classify`) per user per minute. Default 30. */
  classificationsPerMinute?: number;
  /**
   * The editor's flow counts (`GET /api/workflows/:id/flow`, and opening its stream, which
   * counts at once) per user per minute. Default 60.
   */
  flowCountsPerMinute?: number;
  /** Near-duplicate checks (`GET /api/knowledge/duplicates`) per user per minute. Default 10. */
  duplicateChecksPerMinute?: number;
}

export const CONSOLE_BUDGET_DEFAULTS: Required<ConsoleBudgets> = {
  replaysPerMinute: 10,
  classificationsPerMinute: 30,
  flowCountsPerMinute: 60,
  duplicateChecksPerMinute: 10,
};

const WINDOW_MS = 60_000;

/** What each budget is spent on, as the 429 names it. */
const WORK: Record<keyof ConsoleBudgets, LocalizedText> = {
  replaysPerMinute: { zh: '草稿重放', en: 'draft replays' },
  classificationsPerMinute: { zh: '意图识别测试', en: 'test classifications' },
  flowCountsPerMinute: { zh: '旅程流量计数', en: 'flow counts' },
  duplicateChecksPerMinute: { zh: '重复条目检查', en: 'near-duplicate checks' },
};

/**
 * Fixed one-minute windows counted on the server's clock (tests move it instead of waiting).
 * The reset time is told to express-rate-limit in real time, which its `Retry-After` reads.
 */
class ClockWindows implements Store {
  readonly #windows = new Map<string, { hits: number; endsAt: number }>();
  constructor(readonly clock: Clock) {}

  #info(window: { hits: number; endsAt: number }): ClientRateLimitInfo {
    return {
      totalHits: window.hits,
      resetTime: new Date(Date.now() + window.endsAt - this.clock.now()),
    };
  }

  get(key: string): ClientRateLimitInfo | undefined {
    const window = this.#windows.get(key);
    return window && window.endsAt > this.clock.now() ? this.#info(window) : undefined;
  }

  increment(key: string): ClientRateLimitInfo {
    const now = this.clock.now();
    let window = this.#windows.get(key);
    if (!window || window.endsAt <= now) {
      // Users are few, but a window nobody uses any more is dropped when the next one opens.
      for (const [other, { endsAt }] of this.#windows)
        if (endsAt <= now) this.#windows.delete(other);
      window = { hits: 0, endsAt: now + WINDOW_MS };
      this.#windows.set(key, window);
    }
    window.hits += 1;
    return this.#info(window);
  }

  decrement(key: string): void {
    const window = this.#windows.get(key);
    if (window && window.hits > 0) window.hits -= 1;
  }

  resetKey(key: string): void {
    this.#windows.delete(key);
  }
}

/** Whose budget a request spends: the console user's or the API key's, else the address's. */
const spenderOf = (request: Request): string => {
  const principal = request.principal;
  if (principal) return `${principal.kind}:${principal.id}`;
  return `address:${ipKeyGenerator(request.ip ?? 'unknown')}`;
};

/**
 * The seconds to wait, as the `Retry-After` express-rate-limit just set says (the text and the
 * header agree to the second), else until `resetTime`; at least 1.
 */
const secondsToWait = (request: Request, response: Response): number => {
  const header = Number(response.getHeader('Retry-After'));
  if (Number.isInteger(header) && header > 0) return header;
  const resetTime = (request as AugmentedRequest)['rateLimit']?.resetTime;
  const resetAt = resetTime?.getTime() ?? Date.now() + WINDOW_MS;
  return Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
};

/** The 429 of a spent budget: what, how many a minute, and in how many seconds to try again. */
const budgetSpent = (budget: keyof ConsoleBudgets, limit: number, seconds: number) =>
  new ApiError(
    429,
    'too-many-requests',
    {
      zh: `已达上限：${WORK[budget].zh}每位用户每分钟最多 ${limit} 次。请在 ${seconds} 秒后再试。`,
      en: `Limit reached: ${WORK[budget].en}, at most ${limit} per user a minute. Try again in ${seconds} s.`,
    },
    undefined,
    { budget, limit, retryAfterSeconds: seconds },
  );

/**
 * One middleware per costly console route, each a per-user budget (after `allow`, which set
 * the user): over it, 429 `too-many-requests` with `Retry-After`, and the route does nothing.
 */
export function consoleBudgets(
  clock: Clock,
  budgets: ConsoleBudgets = {},
): Record<keyof ConsoleBudgets, RequestHandler> {
  const limits = { ...CONSOLE_BUDGET_DEFAULTS, ...budgets };
  const budget = (name: keyof ConsoleBudgets): RequestHandler =>
    rateLimit({
      windowMs: WINDOW_MS,
      limit: limits[name],
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      store: new ClockWindows(clock),
      keyGenerator: spenderOf,
      handler: (request, response, next) =>
        next(budgetSpent(name, limits[name], secondsToWait(request, response))),
    }) as RequestHandler;
  return {
    replaysPerMinute: budget('replaysPerMinute'),
    classificationsPerMinute: budget('classificationsPerMinute'),
    flowCountsPerMinute: budget('flowCountsPerMinute'),
    duplicateChecksPerMinute: budget('duplicateChecksPerMinute'),
  };
}
