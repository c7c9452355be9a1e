import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { autoLayout } from './auto-layout.ts';
import { toDocument, toGraph } from './journey-graph.ts';

describe('auto-layout', () => {
  it('should lay a journey out left to right, moving nodes only, without overlaps', async () => {
    const document = JSON.parse(
      await readFile(new URL('../../../../workflows/refund.json', import.meta.url), 'utf8'),
    ) as WorkflowDocument;
    const graph = toGraph(document);
    const laid = autoLayout(graph);
    const x = new Map(laid.nodes.map((n) => [n.id, n.position.x]));
    // Every edge that is not a loop back goes rightwards.
    const forward = laid.edges.filter((e) => (x.get(e.target) ?? 0) > (x.get(e.source) ?? 0));
    expect(forward.length).toBeGreaterThanOrEqual(laid.edges.length * 0.8);
    // Nodes keep their ids, types and configs; only positions change.
    const after = toDocument(document, laid);
    expect(after.nodes.map(({ position: _p, ...rest }) => rest)).toEqual(
      document.nodes.map(({ position: _p, ...rest }) => rest),
    );
    expect(after.edges).toEqual(document.edges);
    const boxes = laid.nodes.map((n) => n.position);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(Math.abs(a.x - b.x) >= 200 || Math.abs(a.y - b.y) >= 110).toBe(true);
  });
});
