import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { format, resolveConfig } from 'prettier';

/** How long each measurement runs; `--quick` shortens it. */
export interface BenchOptions {
  timeMs: number;
}

/** One line of the report. */
export interface ResultRow {
  measure: string;
  value: string;
  detail: string;
}

export interface MachineFacts {
  date: string;
  cores: number;
  cpu: string;
  memory: string;
  node: string;
  platform: string;
}

export function machineFacts(): MachineFacts {
  return {
    date: new Date().toISOString().slice(0, 10),
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GB`,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** A Markdown table of the results under a line naming the machine. */
export function markdownReport(machine: MachineFacts, rows: ResultRow[]): string {
  const escape = (text: string) => text.replaceAll('|', '\\|');
  return [
    `Measured ${machine.date} on ${machine.cores} cores (${machine.cpu}), ${machine.memory} RAM, ` +
      `Node ${machine.node}, ${machine.platform}.`,
    '',
    '| Measure | Result | Detail |',
    '| --- | ---: | --- |',
    ...rows.map((r) => `| ${escape(r.measure)} | ${escape(r.value)} | ${escape(r.detail)} |`),
  ].join('\n');
}

/** The markers around a section's table in a Markdown file. */
export const reportMarkers = (section: string) =>
  [`<!-- ${section}:start -->`, `<!-- ${section}:end -->`] as const;
export const [REPORT_START, REPORT_END] = reportMarkers('bench');

/**
 * Replaces the text between `<!-- <section>:start -->` and `<!-- <section>:end -->` in `file`
 * (`bench` holds the engine and runtime table, `bench:editor` the editor's), then formats the
 * file as `npm run lint` wants it (Prettier aligns the tables' columns).
 */
export async function writeReport(file: string, report: string, section = 'bench'): Promise<void> {
  const [startMarker, endMarker] = reportMarkers(section);
  const text = await readFile(file, 'utf8');
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  if (start < 0 || end < start) {
    throw new Error(`${file} has no ${startMarker} … ${endMarker} markers`);
  }
  const updated = `${text.slice(0, start + startMarker.length)}\n${report}\n${text.slice(end)}`;
  const options = (await resolveConfig(file)) ?? {};
  await writeFile(file, await format(updated, { ...options, filepath: file }));
}
