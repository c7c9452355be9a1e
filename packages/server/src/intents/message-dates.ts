/** A day a customer names, as written and as a calendar date. */
export interface MentionedDate {
  text: string;
  /** `YYYY-MM-DD`, resolved against the day the message was read. */
  date: string;
}

const RELATIVE: Record<string, number> = {
  大前天: -3,
  前天: -2,
  昨天: -1,
  今天: 0,
  明天: 1,
  后天: 2,
  大后天: 3,
  yesterday: -1,
  today: 0,
  tomorrow: 1,
};

const FULL =
  /(?<!\d)(20\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:\s*(?:日|号))?/gu;
const MONTH_DAY = /(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*(?:日|号)/gu;
const WORDS = /大前天|前天|昨天|今天|明天|大后天|后天|\b(?:yesterday|today|tomorrow)\b/giu;

function iso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * The dates in a message: `2024-11-23`, `2024年11月23日`, `11月3号` (this year) and the
 * relative days 昨天/今天/明天/前天/后天, yesterday/today/tomorrow. Impossible dates
 * (2月30日) are left out. `now` is the reading day (UTC).
 *
 * @example
 * findDates('11月3号下的单 明天能到吗', new Date('2026-12-02'))
 * // [{ text: '11月3号', date: '2026-11-03' }, { text: '明天', date: '2026-12-03' }]
 */
export function findDates(text: string, now: Date = new Date()): MentionedDate[] {
  const found: { at: number; mention: MentionedDate }[] = [];
  const add = (at: number, mentionText: string, date: string | undefined) => {
    if (date) found.push({ at, mention: { text: mentionText, date } });
  };
  let rest = text;
  for (const match of text.matchAll(FULL)) {
    add(match.index, match[0], iso(Number(match[1]), Number(match[2]), Number(match[3])));
    rest =
      rest.slice(0, match.index) +
      ' '.repeat(match[0].length) +
      rest.slice(match.index + match[0].length);
  }
  for (const match of rest.matchAll(MONTH_DAY)) {
    add(match.index, match[0], iso(now.getUTCFullYear(), Number(match[1]), Number(match[2])));
  }
  for (const match of text.matchAll(WORDS)) {
    const day = new Date(now.getTime() + (RELATIVE[match[0].toLowerCase()] ?? 0) * 86_400_000);
    add(match.index, match[0], day.toISOString().slice(0, 10));
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.mention);
}
