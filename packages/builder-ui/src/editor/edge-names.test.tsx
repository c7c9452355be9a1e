// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import i18next from 'i18next';
import { toGraph } from '../graph/journey-graph.ts';
import { diffGraph } from '../graph/version-diff.ts';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { shipped } from '../testing/shipped.ts';
import { useNamedEdges } from './edge-names.ts';

beforeAll(() => {
  fillInBrowserForAntd();
  setUpI18n();
});
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

describe("the canvas's connections, named for screen readers", () => {
  // React Flow draws edges once their nodes are measured, which jsdom does not do: the names
  // are read here from what the canvas is handed (tests/e2e/canvas-aria-labels.test.ts reads
  // them drawn in Chromium).
  it("should name each connection by its ends as the canvas shows them, in the console's language", async () => {
    await i18next.changeLanguage('zh');
    const graph = toGraph(await shipped('order-lifecycle'));
    const { result } = renderHook(() => useNamedEdges(graph.nodes, graph.edges));
    const label = (id: string) => result.current.find((edge) => edge.id === id)?.ariaLabel;
    expect(label('orderCreated-next')).toBe(
      '从「触发器 · 订单创建 / Order created」（开始）到「设置数据 · 订单号 / Order number」的连线',
    );
    // Not React Flow's English, on any connection.
    expect(result.current).toHaveLength(graph.edges.length);
    for (const edge of result.current)
      expect(edge.ariaLabel).toMatch(/^从「.+」（.+）到「.+」的连线$/);
    // What a screen reader calls them: not React Flow's "edge".
    for (const edge of result.current)
      expect(edge.domAttributes?.['aria-roledescription']).toBe('连线');
    await act(() => i18next.changeLanguage('en'));
    for (const edge of result.current)
      expect(edge.domAttributes?.['aria-roledescription']).toBe('connection');
    expect(label('orderCreated-next')).toBe(
      'Connection from "Trigger · 订单创建 / Order created" (Start) to "Set data · 订单号 / Order number"',
    );
  });

  it("should keep a version diff's own names, naming the rest", async () => {
    const v1 = await shipped('order-lifecycle');
    const v2 = structuredClone(v1);
    v2.edges.push({ id: 'to-new', source: 'thankYou', sourceHandle: 'next', target: 'newEnd' });
    v2.nodes.push({ id: 'newEnd', type: 'end', position: { x: 0, y: 0 }, config: {} });
    const graph = diffGraph(v1, v2);
    const added = graph.edges.find((edge) => edge.id === 'to-new')!;
    graph.edges = graph.edges.map((edge) =>
      edge === added ? { ...edge, ariaLabel: 'Added connection' } : edge,
    );
    const { result } = renderHook(() => useNamedEdges(graph.nodes, graph.edges));
    const named = new Map(result.current.map((edge) => [edge.id, edge.ariaLabel]));
    expect(named.get('to-new')).toBe('Added connection');
    const addedEdge = result.current.find((edge) => edge.id === 'to-new');
    expect(addedEdge?.domAttributes?.['aria-roledescription']).toBe('connection');
    expect(named.get('orderCreated-next')).toMatch(/^Connection from "/);
  });

  it('should hand back the same edges while only nodes move', async () => {
    const graph = toGraph(await shipped('order-lifecycle'));
    const { result, rerender } = renderHook(({ nodes }) => useNamedEdges(nodes, graph.edges), {
      initialProps: { nodes: graph.nodes },
    });
    const first = result.current;
    const moved = graph.nodes.map((node) => ({
      ...node,
      position: { x: node.position.x + 10, y: node.position.y },
    }));
    rerender({ nodes: moved });
    expect(result.current).toBe(first);
    // A relabelled end renames the connections into it, and only those.
    const relabelled = moved.map((node) =>
      node.id === 'orderNumberOrId'
        ? { ...node, data: { ...node.data, label: 'Order no.' } }
        : node,
    );
    rerender({ nodes: relabelled });
    expect(result.current).not.toBe(first);
    const changed = result.current.filter((edge, i) => edge !== first[i]).map((edge) => edge.id);
    expect(changed.sort()).toEqual(['orderCreated-next', 'orderNumberOrId-next']);
  });
});
