import type { Harness } from '@xiaoer/server/testing';

/** One scrape: every sample by its name and labels (prom-client has no parser). */
export class Exposition {
  readonly text: string;
  readonly #samples = new Map<string, number>();

  constructor(text: string) {
    this.text = text;
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`Not an exposition line: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, name, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
        labels[name as string] = (value as string).replace(/\\(.)/g, (_, c: string) =>
          c === 'n' ? '\n' : c,
        );
      this.#samples.set(keyOf(match[1] as string, labels), Number(match[3]));
    }
  }

  /** The sample's value; 0 when absent (a counter not incremented yet). */
  value(name: string, labels: Record<string, string> = {}): number {
    return this.#samples.get(keyOf(name, labels)) ?? 0;
  }

  /** Whether any sample of this name was exposed. */
  has(name: string): boolean {
    return [...this.#samples.keys()].some((key) => key === name || key.startsWith(`${name}{`));
  }

  /** The label sets of every sample named `name`. */
  labelsOf(name: string): Record<string, string>[] {
    return [...this.#samples.keys()]
      .filter((key) => key.startsWith(`${name}{`))
      .map((key) => JSON.parse(key.slice(name.length)) as Record<string, string>);
  }
}

function keyOf(name: string, labels: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
  return Object.keys(sorted).length === 0 ? name : `${name}${JSON.stringify(sorted)}`;
}

/** Scrapes `GET /metrics` with a bearer token; fails on anything but 200. */
export async function scrape(h: Harness, token: string): Promise<Exposition> {
  const response = await fetch(`${h.url}/metrics`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`GET /metrics: ${response.status}`);
  return new Exposition(await response.text());
}
