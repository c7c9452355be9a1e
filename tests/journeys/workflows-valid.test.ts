import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getNodeType, validate } from '@xiaoer/engine';
import { runScenario } from '@xiaoer/engine/testing';
import { loadJourney, scenariosDir, workflowsDir } from './journey-files.ts';

const journeys = readdirSync(workflowsDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const scenarios = readdirSync(scenariosDir).filter((f) => f.endsWith('.json'));

describe('shipped workflows', () => {
  it('should ship the four order journeys and the three chat journeys', () => {
    expect(journeys.sort()).toEqual([
      'address-change',
      'address-change-by-chat',
      'invoice-reissue',
      'order-lifecycle',
      'refund',
      'refund-by-chat',
      'where-is-my-parcel',
    ]);
  });

  it.each(journeys)('%s should validate with no problem and match its file name', (name) => {
    const document: unknown = JSON.parse(
      readFileSync(path.join(workflowsDir, `${name}.json`), 'utf8'),
    );
    expect(validate(document).problems).toEqual([]);
    expect((document as { id: string }).id).toBe(name);
  });

  it.each(journeys)('%s should lay its nodes out apart, each one to click on its own', (name) => {
    const nodes = loadJourney(name).nodes;
    // A node on the canvas is at most 246 px wide (its summary line is cut at 220), and about
    // 56 px high with 19 more per outcome (its handles are listed): boxes a little larger
    // must not overlap.
    const box = (node: (typeof nodes)[number]) => ({
      ...node.position,
      width: 250,
      height: 80 + 20 * (getNodeType(node.type)?.outcomes(node.config as never).length ?? 0),
    });
    const overlaps = nodes.flatMap((a, i) =>
      nodes.slice(i + 1).flatMap((b) => {
        const [p, q] = [box(a), box(b)];
        const apart =
          p.x + p.width <= q.x ||
          q.x + q.width <= p.x ||
          p.y + p.height <= q.y ||
          q.y + q.height <= p.y;
        return apart ? [] : [`${a.id} (${p.x}, ${p.y}) / ${b.id} (${q.x}, ${q.y})`];
      }),
    );
    expect(overlaps).toEqual([]);
  });

  it.each(journeys)('%s should speak Chinese to customers, with English variants', (name) => {
    const journey = loadJourney(name);
    const texts = journey.nodes.flatMap((n) => {
      const config = n.config as {
        message?: { zh: string; en?: string };
        question?: { zh: string; en?: string };
      };
      return [config.message, config.question].filter((t) => t !== undefined);
    });
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(text.en).toMatch(/[A-Za-z]/);
    }
  });

  it.each(scenarios)('scenario %s should name a shipped journey and run to its end', (file) => {
    const journey = file.split('.')[0] as string;
    expect(journeys).toContain(journey);
    const scenario = JSON.parse(readFileSync(path.join(scenariosDir, file), 'utf8'));
    const result = runScenario(loadJourney(journey), scenario);
    expect(result.error).toBeUndefined();
    expect(result.test.status).toBe('done');
  });
});
