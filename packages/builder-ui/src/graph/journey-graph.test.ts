import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { validate, type WorkflowDocument } from '@xiaoer/engine';
import { documentKey, freshEdgeId, freshNodeId, toDocument, toGraph } from './journey-graph.ts';

const folder = new URL('../../../../workflows/', import.meta.url);
const shipped = async (): Promise<WorkflowDocument[]> =>
  Promise.all(
    (await readdir(folder))
      .filter((f) => f.endsWith('.json'))
      .map(async (f) => JSON.parse(await readFile(new URL(f, folder), 'utf8')) as WorkflowDocument),
  );

describe('the graph ↔ document mapping', () => {
  it('should give back every shipped journey unchanged after load → edit nothing → save', async () => {
    const documents = await shipped();
    expect(documents.length).toBeGreaterThanOrEqual(4);
    for (const document of documents) {
      const saved = toDocument(document, toGraph(document));
      expect(saved).toEqual(document);
      // Byte for byte apart from key order.
      expect(JSON.stringify(sortKeys(saved))).toBe(JSON.stringify(sortKeys(document)));
      // What the editor compares to tell unsaved changes.
      expect(documentKey(saved)).toBe(documentKey(document));
    }
  });

  it('should carry each problem to the node or edge it names', async () => {
    const [document] = await shipped();
    const broken = structuredClone(document) as WorkflowDocument;
    const node = broken.nodes[1];
    if (!node) throw new Error('no second node');
    broken.edges.push({ id: 'dangling', source: node.id, sourceHandle: 'nope', target: 'ghost' });
    const { problems } = validate(broken);
    const graph = toGraph(broken, problems);
    const edge = graph.edges.find((e) => e.id === 'dangling');
    expect(edge?.data?.problems.length).toBeGreaterThan(0);
    expect(graph.nodes.flatMap((n) => n.data.problems)).toEqual(
      problems.filter((p) => p.nodeId !== undefined && broken.nodes.some((n) => n.id === p.nodeId)),
    );
  });

  it('should round positions and keep labels when saving a moved node', async () => {
    const [document] = await shipped();
    const graph = toGraph(document as WorkflowDocument);
    const first = graph.nodes[0];
    if (!first) throw new Error('no node');
    first.position = { x: 10.4, y: 20.6 };
    first.data.label = '开始 / Start';
    const saved = toDocument(document as WorkflowDocument, graph);
    expect(saved.nodes[0]).toMatchObject({ position: { x: 10, y: 21 }, label: '开始 / Start' });
  });

  it('should make node and edge ids that are not taken', async () => {
    const [document] = await shipped();
    const graph = toGraph(document as WorkflowDocument);
    const id = freshNodeId(graph, 'sendMessage');
    expect(graph.nodes.some((n) => n.id === id)).toBe(false);
    expect(id).toMatch(/^sendMessage\d+$/);
    expect(graph.edges.some((e) => e.id === freshEdgeId(graph))).toBe(false);
  });
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  return value;
}
