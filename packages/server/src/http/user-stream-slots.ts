import type { Request, Response } from 'express';
import { StreamCounter } from './chat-limits.ts';
import { ApiError } from './api-error.ts';

/** How long a user over the cap is asked to wait before the browser retries, in seconds. */
const STREAM_RETRY_AFTER_S = 30;

/** Takes one of the user's live-page slots for this response, or throws the 429. */
export type StreamSlot = (request: Request, response: Response) => void;

/**
 * Live console pages (server-sent events) one user may keep open at once, `cap` of them: one
 * more is a 429 `too-many-streams` with `Retry-After` (nothing opened); a slot is given back
 * when its page goes. Each open stream holds a connection and a subscription, so a login
 * must not be able to open them without end.
 */
export function userStreamSlots(cap: number): StreamSlot {
  const streams = new StreamCounter(cap);
  return (request, response) => {
    const release = streams.take(request.principal?.id ?? '');
    if (!release) {
      response.set('Retry-After', String(STREAM_RETRY_AFTER_S));
      throw new ApiError(429, 'too-many-streams', {
        zh: `你已打开 ${cap} 个实时页面（每位用户最多 ${cap} 个），请先关闭一个再试。`,
        en: `You already have ${cap} live pages open (at most ${cap} per user); close one and try again.`,
      });
    }
    response.on('close', release);
  };
}
