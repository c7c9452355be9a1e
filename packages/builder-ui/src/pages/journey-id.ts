/** What a journey id may be (the server's rule): 2–64 lower-case letters, digits or -. */
export const JOURNEY_ID = /^[a-z][a-z0-9-]{1,63}$/;

/**
 * An id for a new journey from the name the operator typed, so that nobody has to invent one:
 * the name's Latin letters and digits in lower case joined by - (`Shipped check` →
 * `shipped-check`), else (a Chinese name) `journey-1`, `journey-2` …; never one of `taken`.
 */
export function suggestedJourneyId(name: string, taken: ReadonlySet<string>): string {
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const slug = words
    .join('-')
    .replace(/^[0-9-]+/, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  const stem = JOURNEY_ID.test(slug) ? slug : 'journey';
  if (stem !== 'journey' && !taken.has(stem)) return stem;
  for (let n = stem === 'journey' ? 1 : 2; ; n++)
    if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}
