import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from 'prettier';
import {
  orderLifecycleMachine,
  runOrderLifecycle,
} from '../../bench/engine/order-lifecycle-run.ts';
import {
  REPORT_END,
  REPORT_START,
  reportMarkers,
  machineFacts,
  markdownReport,
  writeReport,
} from '../../bench/report.ts';

describe('benchmark parts', () => {
  it('should run the order lifecycle to its end in 8 events, either snapshot handling', () => {
    const machine = orderLifecycleMachine();
    expect(runOrderLifecycle(machine, 'A', 'in-memory').steps).toBe(8);
    const persisted = runOrderLifecycle(machine, 'B', 'json-round-trip');
    expect(persisted.snapshots).toHaveLength(8);
    expect(persisted.snapshots[3]).toContain('waitDelivery');
  });

  it('should put the table between the markers and keep the rest of the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoer-bench-'));
    const file = path.join(dir, 'performance.md');
    await writeFile(file, `# Title\n${REPORT_START}\nold\n${REPORT_END}\n\nNotes stay.\n`);
    const report = markdownReport(machineFacts(), [
      { measure: 'a | b', value: '1 ms', detail: 'x' },
    ]);
    await writeReport(file, report);
    await writeReport(file, report);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('old');
    expect(text.split(REPORT_START)).toHaveLength(2);
    expect(text).toMatch(/\| a \\\| b +\| +1 ms \| x +\|/);
    // Formatted as `npm run lint` checks it: the columns aligned.
    expect(await check(text, { filepath: file })).toBe(true);
    expect(text).toContain(`cores`);
    expect(text.endsWith('Notes stay.\n')).toBe(true);
  });

  it('should write a named section and leave the other table alone', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoer-bench-'));
    const file = path.join(dir, 'performance.md');
    const editor = reportMarkers('bench:editor');
    await writeFile(
      file,
      `${REPORT_START}\nruntime\n${REPORT_END}\n${editor[0]}\nold\n${editor[1]}\n`,
    );
    await writeReport(file, 'editor table', 'bench:editor');
    const text = await readFile(file, 'utf8');
    // Prettier may set blank lines around the markers; the sections' text is what counts.
    const between = (start: string, end: string) =>
      text.slice(text.indexOf(start) + start.length, text.indexOf(end)).trim();
    expect(between(REPORT_START, REPORT_END)).toBe('runtime');
    expect(between(editor[0], editor[1])).toBe('editor table');
  });

  it('should refuse a file without markers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoer-bench-'));
    const file = path.join(dir, 'plain.md');
    await writeFile(file, '# nothing here\n');
    await expect(writeReport(file, 'x')).rejects.toThrow(/markers/);
  });
});
