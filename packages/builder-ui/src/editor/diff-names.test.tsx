// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  cleanup,
  fireEvent,
  render,
  renderHook,
  screen,
  waitFor,
} from '@testing-library/react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { WorkflowDocument } from '@xiaoer/engine';
import { GraphView } from '../console/JourneyView.tsx';
import { diffGraph } from '../graph/version-diff.ts';
import { languageOf, setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { shipped } from '../testing/shipped.ts';
import { nameDiffGraph } from './diff-names.ts';
import { useFieldLabeller } from './field-labels.ts';

beforeAll(async () => {
  fillInBrowserForAntd();
  await setUpI18n().changeLanguage('en');
});
afterEach(cleanup);

/** v1 and a v2 that relabels `confirmOrder`, adds an end after `thankYou` and drops `completed`. */
async function versions() {
  const v1 = await shipped('order-lifecycle');
  const v2 = structuredClone(v1);
  const edited = v2.nodes.find((n) => n.id === 'confirmOrder')!;
  edited.label = 'Confirmation, reworded';
  v2.nodes = v2.nodes.filter((n) => n.id !== 'completed');
  v2.edges = v2.edges.filter((e) => e.target !== 'completed');
  v2.nodes.push({ id: 'newEnd', type: 'end', position: { x: 0, y: 0 }, config: {} });
  v2.edges.push({ id: 'to-new', source: 'thankYou', sourceHandle: 'next', target: 'newEnd' });
  return { v1, v2 };
}

/** The text an element's `aria-describedby` points to. */
const described = (element: Element | null) => {
  const id = element?.getAttribute('aria-describedby');
  return id ? element?.ownerDocument.getElementById(id)?.textContent : undefined;
};

/** Runs `check` with the console in Chinese, then back in English. */
async function inChinese(check: () => void): Promise<void> {
  await i18next.changeLanguage('zh');
  try {
    check();
  } finally {
    await i18next.changeLanguage('en');
  }
}

/** The diff named as the versions panel names it, in the language shown now. */
function named(v1: WorkflowDocument, v2: WorkflowDocument) {
  const { result } = renderHook(() => ({
    t: useTranslation().t,
    language: languageOf(useTranslation().i18n.language),
    labelOf: useFieldLabeller(),
  }));
  return nameDiffGraph(diffGraph(v1, v2), result.current);
}

describe('a version diff, said in words as well as colour', () => {
  it('should label each added, changed and removed node on the canvas and name it for screen readers', async () => {
    const { v1, v2 } = await versions();
    const { container } = render(
      <div style={{ width: 800, height: 600 }}>
        <GraphView graph={named(v1, v2)} />
      </div>,
    );
    const wrapper = (id: string) =>
      container.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
    await waitFor(() => expect(wrapper('newEnd')).not.toBeNull());
    const mark = (id: string) => container.querySelector(`[data-testid="diff-mark-${id}"]`);
    expect(mark('newEnd')?.textContent).toBe('Added');
    expect(mark('newEnd')?.className).toContain('journey-node-diff-added');
    expect(mark('confirmOrder')?.textContent).toBe('Changed');
    expect(mark('removed:completed')?.textContent).toBe('Removed');
    // An unchanged node says nothing.
    expect(mark('thankYou')).toBeNull();
    // What changed, in the inspector's words: the changed node's mark is described by it.
    expect(described(mark('confirmOrder'))).toBe('What changed: Label on the canvas');
    expect(mark('newEnd')?.hasAttribute('aria-describedby')).toBe(false);
    // Each node's accessible name says its status, its type and its label (else id).
    expect(wrapper('newEnd')?.getAttribute('aria-label')).toBe('Added node: End · newEnd');
    expect(wrapper('confirmOrder')?.getAttribute('aria-label')).toBe(
      'Changed node: Send message · Confirmation, reworded; what changed: Label on the canvas',
    );
    expect(wrapper('removed:completed')?.getAttribute('aria-label')).toBe(
      'Removed node: End · 完成 / Completed',
    );
    expect(wrapper('thankYou')?.hasAttribute('aria-label')).toBe(false);
  });

  it('should label added and removed connections in words, and say all of it in Chinese', async () => {
    const { v1, v2 } = await versions();
    await i18next.changeLanguage('zh');
    try {
      const graph = named(v1, v2);
      const node = (id: string) => graph.nodes.find((n) => n.id === id);
      expect(node('newEnd')?.ariaLabel).toBe('新增节点：结束 · newEnd');
      expect(node('confirmOrder')?.ariaLabel).toBe(
        '已修改节点：发送消息 · Confirmation, reworded；改动：画布上的标签',
      );
      expect(node('confirmOrder')?.data.changeNote).toBe('改动：画布上的标签');
      expect(node('removed:completed')?.ariaLabel).toBe('已删除节点：结束 · 完成 / Completed');
      const added = graph.edges.find((e) => e.id === 'to-new');
      expect(added?.label).toBe('新增');
      expect(added?.ariaLabel).toMatch(
        /^新增连线：发送消息 · 致谢 \/ Thanks “.+” → 结束 · newEnd$/,
      );
      const removed = graph.edges.filter((e) => e.data?.diff === 'removed');
      expect(removed.length).toBeGreaterThan(0);
      for (const edge of removed) {
        expect(edge.label).toBe('已删除');
        expect(edge.ariaLabel).toMatch(/^已删除连线：.+ → 结束 · 完成 \/ Completed$/);
      }
      // An unchanged connection keeps React Flow's own name and no label.
      const kept = graph.edges.find((e) => e.id === 'orderCreated-next');
      expect(kept?.label).toBeUndefined();
      expect(kept?.ariaLabel).toBeUndefined();
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  it("should explain a changed node's mark on keyboard focus and on a tap, not in a title", async () => {
    const { v1, v2 } = await versions();
    const graph = named(v1, v2);
    // The tooltip's text while it is shown (antd keeps a closed one, hidden).
    const shownTip = () => {
      const tip = screen.queryByRole('tooltip');
      return tip && !tip.closest('.ant-tooltip-hidden') ? tip.textContent : null;
    };
    const drawMark = async () => {
      const { container } = render(
        <div style={{ width: 800, height: 600 }}>
          <GraphView graph={graph} />
        </div>,
      );
      return waitFor(() => {
        const found = container.querySelector<HTMLElement>(
          '[data-testid="diff-mark-confirmOrder"]',
        );
        expect(found).not.toBeNull();
        return found!;
      });
    };
    const mark = await drawMark();
    // A button: reached with Tab, tapped on a touch screen; described for screen readers.
    expect(mark.tagName).toBe('BUTTON');
    expect(mark.tabIndex).toBe(0);
    expect(mark.hasAttribute('title')).toBe(false);
    expect(described(mark)).toBe('What changed: Label on the canvas');
    expect(shownTip()).toBeNull();
    act(() => mark.focus());
    await waitFor(() => expect(shownTip()).toBe('What changed: Label on the canvas'));
    cleanup();
    fireEvent.click(await drawMark());
    await waitFor(() => expect(shownTip()).toBe('What changed: Label on the canvas'));
  });

  it('should mark a moved node in words, lower key, and say both on a node changed and moved', async () => {
    const { v1, v2 } = await versions();
    v2.nodes.find((n) => n.id === 'thankYou')!.position.x += 120;
    v2.nodes.find((n) => n.id === 'confirmOrder')!.position.y += 80;
    const graph = named(v1, v2);
    const { container } = render(
      <div style={{ width: 800, height: 600 }}>
        <GraphView graph={graph} />
      </div>,
    );
    const wrapper = (id: string) =>
      container.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
    await waitFor(() => expect(wrapper('thankYou')).not.toBeNull());
    const moved = (id: string) => container.querySelector(`[data-testid="diff-moved-${id}"]`);
    const mark = (id: string) => container.querySelector(`[data-testid="diff-mark-${id}"]`);
    expect(moved('thankYou')?.textContent).toBe('Moved');
    expect(mark('thankYou')).toBeNull();
    expect(wrapper('thankYou')?.className).toContain('diff-moved');
    expect(wrapper('thankYou')?.getAttribute('aria-label')).toBe(
      'Moved node: Send message · 致谢 / Thanks',
    );
    expect(mark('confirmOrder')?.textContent).toBe('Changed');
    expect(moved('confirmOrder')?.textContent).toBe('Moved');
    expect(wrapper('confirmOrder')?.getAttribute('aria-label')).toBe(
      'Changed and moved node: Send message · Confirmation, reworded; what changed: Label on the canvas',
    );
    // Nodes that stayed put say nothing of a move.
    expect(moved('newEnd')).toBeNull();
    expect(moved('orderCreated')).toBeNull();
    await inChinese(() => {
      const zh = named(v1, v2);
      const node = (id: string) => zh.nodes.find((n) => n.id === id);
      expect(node('thankYou')?.ariaLabel).toBe('已移动节点：发送消息 · 致谢 / Thanks');
      expect(node('confirmOrder')?.ariaLabel).toBe(
        '已修改并移动节点：发送消息 · Confirmation, reworded；改动：画布上的标签',
      );
    });
  });
});
