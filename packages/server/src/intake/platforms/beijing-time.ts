/**
 * China's time: UTC+8 all year (Asia/Shanghai has kept no daylight saving since 1991), the
 * zone Taobao (TOP, TMC) and Youzan write their times in, as `2026-12-07 11:22:33` without one.
 */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * How much later than its receipt a platform's time may be: the two clocks differ a little.
 * A time further ahead is a wrong clock or a wrong field, and would date an event in the future.
 */
const AHEAD_TOLERANCE_MS = 5 * 60_000;

const BEIJING_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** `YYYY-MM-DD HH:mm:ss` in Beijing time, as TOP expects its timestamp. */
export function beijingText(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The instant a Beijing time text stands for; undefined when it is not one, or no such time. */
export function fromBeijingText(text: unknown): Date | undefined {
  const parts = typeof text === 'string' ? BEIJING_TEXT.exec(text) : null;
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as number[];
  const utc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const at = new Date(utc - BEIJING_OFFSET_MS);
  // Date.UTC rolls 2026-02-30 over to March: only a time that reads back the same is one.
  return beijingText(at) === text ? at : undefined;
}

/**
 * An event's time (ISO) from the platform's own Beijing time text: the first of `texts` that
 * is one, and not later than its receipt by more than a few minutes; else the time it was
 * received (the texts absent, malformed or ahead). Analytics and journeys' waits read an event's time, so a
 * message pulled or retried late keeps the time it happened.
 */
export function platformTime(texts: unknown[], receivedAt: Date): string {
  for (const text of texts) {
    const at = fromBeijingText(text);
    if (at && at.getTime() <= receivedAt.getTime() + AHEAD_TOLERANCE_MS) return at.toISOString();
  }
  return receivedAt.toISOString();
}
