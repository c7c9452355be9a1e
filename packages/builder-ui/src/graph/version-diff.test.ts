import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { diffDocuments, diffGraph } from './version-diff.ts';

const lifecycle = async () =>
  JSON.parse(
    await readFile(new URL('../../../../workflows/order-lifecycle.json', import.meta.url), 'utf8'),
  ) as WorkflowDocument;

describe('the diff between two versions', () => {
  it('should find nothing between a version and itself, and ignore moves as changes', async () => {
    const v1 = await lifecycle();
    expect(diffDocuments(v1, v1)).toEqual({
      added: [],
      removed: [],
      changed: [],
      moved: [],
      addedEdges: [],
      removedEdges: [],
    });
    const moved = structuredClone(v1);
    moved.nodes[0]!.position = { x: 999, y: 999 };
    expect(diffDocuments(v1, moved)).toMatchObject({ changed: [], moved: [moved.nodes[0]!.id] });
  });

  it('should name added, removed and changed nodes and edges, and mark them on the graph', async () => {
    const v1 = await lifecycle();
    const v2 = structuredClone(v1);
    const [kept, edited, dropped] = [v2.nodes[0]!, v2.nodes[1]!, v2.nodes.at(-1)!];
    edited.config = { ...edited.config, extra: 'x' };
    v2.nodes = v2.nodes.filter((n) => n !== dropped);
    v2.edges = v2.edges.filter((e) => e.source !== dropped.id && e.target !== dropped.id);
    v2.nodes.push({
      id: 'newNode',
      type: 'end',
      position: { x: 0, y: 0 },
      config: { status: 'completed' },
    });
    const diff = diffDocuments(v1, v2);
    expect(diff.added).toEqual(['newNode']);
    expect(diff.removed).toEqual([dropped.id]);
    expect(diff.changed).toEqual([edited.id]);
    expect(diff.changed).not.toContain(kept.id);
    expect(diff.removedEdges.length).toBeGreaterThan(0);

    const graph = diffGraph(v1, v2);
    const cls = (id: string) => graph.nodes.find((n) => n.id === id)?.className;
    expect(cls('newNode')).toBe('diff-added');
    expect(cls(edited.id)).toBe('diff-changed');
    expect(cls(`removed:${dropped.id}`)).toBe('diff-removed');
    const data = (id: string) => graph.nodes.find((n) => n.id === id)?.data;
    expect(data(`removed:${dropped.id}`)).toMatchObject({
      diff: 'removed',
      label: dropped.label ?? dropped.id,
    });
    expect(data(edited.id)?.diff).toBe('changed');
    expect(data('newNode')?.diff).toBe('added');
    expect(data(kept.id)?.diff).toBeUndefined();
    expect(graph.edges.filter((e) => e.className === 'diff-removed')).toHaveLength(
      diff.removedEdges.length,
    );
    expect(graph.edges.filter((e) => e.data?.diff === 'removed')).toHaveLength(
      diff.removedEdges.length,
    );
  });

  it('should mark each status in the data the node says it from, and what changed', async () => {
    const v1 = await lifecycle();
    const v2 = structuredClone(v1);
    const edited = v2.nodes.find((n) => n.id === 'confirmOrder')!;
    edited.label = 'Confirmation, reworded';
    edited.config = { ...edited.config, locale: 'en' };
    v2.nodes.push({ id: 'newEnd', type: 'end', position: { x: 0, y: 0 }, config: {} });
    v2.edges.push({ id: 'to-new', source: 'thankYou', sourceHandle: 'next', target: 'newEnd' });
    const graph = diffGraph(v1, v2);
    const node = (id: string) => graph.nodes.find((n) => n.id === id);
    expect(node('confirmOrder')?.data).toMatchObject({
      diff: 'changed',
      changedFields: ['label', 'config.locale'],
    });
    expect(node('newEnd')?.data.diff).toBe('added');
    expect(node('newEnd')?.data.changedFields).toBeUndefined();
    // A move alone is no change.
    const moved = structuredClone(v1);
    moved.nodes[0]!.position = { x: 999, y: 999 };
    expect(diffGraph(v1, moved).nodes.every((n) => n.data.diff === undefined)).toBe(true);
    const added = graph.edges.filter((e) => e.data?.diff === 'added');
    expect(added.map((e) => [e.id, e.className])).toEqual([['to-new', 'diff-added']]);
  });

  it('should mark a node kept at another place as moved, changed or not, ignoring a fraction of a pixel', async () => {
    const v1 = await lifecycle();
    const v2 = structuredClone(v1);
    const [still, nudged, moved, both] = v2.nodes;
    const shift = (node: typeof still, dx: number, dy: number) => {
      node!.position = { x: node!.position.x + dx, y: node!.position.y + dy };
    };
    shift(still, 0, 0);
    shift(nudged, 0.4, -0.3);
    shift(moved, 0, 1);
    shift(both, -40, 0);
    both!.label = 'Moved and relabelled';
    const diff = diffDocuments(v1, v2);
    expect(diff.moved).toEqual([moved!.id, both!.id]);
    expect(diff.changed).toEqual([both!.id]);

    const graph = diffGraph(v1, v2);
    const node = (id: string) => graph.nodes.find((n) => n.id === id);
    expect(node(moved!.id)?.className).toBe('diff-moved');
    expect(node(moved!.id)?.data).toMatchObject({ moved: true });
    expect(node(moved!.id)?.data.diff).toBeUndefined();
    expect(node(both!.id)?.className).toBe('diff-changed diff-moved');
    expect(node(both!.id)?.data).toMatchObject({ diff: 'changed', moved: true });
    for (const id of [still!.id, nudged!.id]) {
      expect(node(id)?.className).toBe('');
      expect(node(id)?.data.moved).toBeUndefined();
    }
  });
});
