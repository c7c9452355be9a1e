// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import i18next from 'i18next';
import { toGraph } from '../graph/journey-graph.ts';
import { setUpI18n } from '../i18n/i18n.ts';
import { shipped } from '../testing/shipped.ts';
import { useNodeRoles } from './node-roles.ts';

beforeAll(() => setUpI18n());
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

const roleOf = (node: { domAttributes?: Record<string, unknown> }) =>
  node.domAttributes?.['aria-roledescription'];

describe("what a screen reader calls the canvas's nodes", () => {
  // jsdom draws no React Flow nodes: read from what the canvas is handed
  // (tests/e2e/canvas-aria-labels.test.ts reads them drawn in Chromium).
  it("should call every node a node in the console's language, not React Flow's English", async () => {
    await i18next.changeLanguage('zh');
    const graph = toGraph(await shipped('order-lifecycle'));
    const { result } = renderHook(() => useNodeRoles(graph.nodes));
    expect(result.current).toHaveLength(graph.nodes.length);
    expect(new Set(result.current.map(roleOf))).toEqual(new Set(['节点']));
    await act(() => i18next.changeLanguage('en'));
    expect(new Set(result.current.map(roleOf))).toEqual(new Set(['node']));
    // The nodes are otherwise as handed: ids, positions, data.
    expect(result.current.map((node) => [node.id, node.position, node.data])).toEqual(
      graph.nodes.map((node) => [node.id, node.position, node.data]),
    );
  });

  it('should hand back the same nodes when nothing changed, and a new one only for a moved node', async () => {
    const graph = toGraph(await shipped('order-lifecycle'));
    const { result, rerender } = renderHook(({ nodes }) => useNodeRoles(nodes), {
      initialProps: { nodes: graph.nodes },
    });
    const first = result.current;
    rerender({ nodes: [...graph.nodes] });
    expect(result.current).toBe(first);
    const moved = graph.nodes.map((node, i) =>
      i === 0 ? { ...node, position: { x: node.position.x + 10, y: node.position.y } } : node,
    );
    rerender({ nodes: moved });
    expect(result.current).not.toBe(first);
    const changed = result.current.filter((node, i) => node !== first[i]);
    expect(changed.map((node) => node.id)).toEqual([graph.nodes[0]?.id]);
    expect(roleOf(changed[0] ?? {})).toBe('node');
  });
});
