import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD } from '@xiaoer/server/testing';
import { adminSession } from './browser.ts';

/**
 * The journey canvas in Chromium, for keyboard users and on a narrow window: the Tab key
 * reaches the nodes before the connections (React Flow draws the connections first, so Tab
 * went through every connection before the first node), and at 900x700 the minimap covers no
 * node of the journey fitted into view.
 */
const session = adminSession(['order-lifecycle'], { adminPage: false });

/** What has the keyboard's focus: `node:<id>`, `edge:<id>`, or the element's class. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const element = document.activeElement;
    const id = element?.getAttribute('data-id');
    if (element?.classList.contains('react-flow__node')) return `node:${id}`;
    if (element?.classList.contains('react-flow__edge')) return `edge:${id}`;
    return element?.getAttribute('class') ?? element?.tagName ?? '';
  });

/** Presses Tab (or Shift+Tab) `times` times and lists what had the focus after each. */
async function tabThrough(page: Page, times: number, key = 'Tab'): Promise<string[]> {
  const visited: string[] = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    visited.push(await focused(page));
  }
  return visited;
}

async function openEditor(viewport: { width: number; height: number }): Promise<Page> {
  const page = await session.logIn('admin', ADMIN_PASSWORD);
  await page.setViewportSize(viewport);
  await page.goto(`${session.h.url}/#/workflows/order-lifecycle`);
  await page.getByTestId('canvas').locator('.react-flow__node').first().waitFor();
  return page;
}

describe("the canvas's Tab order", () => {
  it('should go through every node, then every connection, then on to the zoom buttons, and back', async () => {
    const page = await openEditor({ width: 1440, height: 900 });
    const canvas = page.getByTestId('canvas');
    const nodes = await canvas.locator('.react-flow__node').count();
    const edges = await canvas.locator('.react-flow__edge').count();
    expect(nodes).toBeGreaterThan(10);
    expect(edges).toBeGreaterThan(10);
    // From the canvas itself (a click on its empty top left corner), the first Tab is a node.
    await canvas.locator('.react-flow__pane').click({ position: { x: 4, y: 4 } });
    const nodeStops = await tabThrough(page, nodes);
    expect(nodeStops.every((stop) => stop.startsWith('node:'))).toBe(true);
    expect(new Set(nodeStops).size).toBe(nodes);
    // Then the connections, each once, still by Tab.
    const edgeStops = await tabThrough(page, edges);
    expect(edgeStops.every((stop) => stop.startsWith('edge:'))).toBe(true);
    expect(new Set(edgeStops).size).toBe(edges);
    // Then what follows the canvas's drawing: the zoom buttons.
    expect(await focused(page)).toBe(edgeStops.at(-1));
    await page.keyboard.press('Tab');
    expect(await focused(page)).toContain('react-flow__controls-zoomin');
    // Shift+Tab goes back the same way: the last connection, then the ones before it, and
    // from the first connection to the last node.
    expect(await tabThrough(page, edges + 1, 'Shift+Tab')).toEqual([
      ...[...edgeStops].reverse(),
      nodeStops.at(-1),
    ]);
    // A connection reached by the keyboard is selected with Enter, as before.
    await page.keyboard.press('Tab');
    const edge = canvas.locator(`.react-flow__edge[data-id="${edgeStops[0]?.slice(5)}"]`);
    expect(await focused(page)).toBe(edgeStops[0]);
    await page.keyboard.press('Enter');
    await expect.poll(() => edge.getAttribute('class')).toContain('selected');
  });
});

describe('the minimap on a narrow window', () => {
  /** The boxes of the minimap (null when it is not shown) and of the nodes drawn. */
  const boxes = (page: Page) =>
    page.getByTestId('canvas').evaluate((canvas) => {
      const box = (element: Element) => {
        const { left, top, right, bottom } = element.getBoundingClientRect();
        return { left, top, right, bottom };
      };
      const minimap = canvas.querySelector('.react-flow__minimap');
      return {
        minimap: minimap?.checkVisibility() ? box(minimap) : null,
        nodes: [...canvas.querySelectorAll('.react-flow__node')].map(box),
      };
    });
  type Box = { left: number; top: number; right: number; bottom: number };
  const overlap = (a: Box, b: Box) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  it('should cover no node of the journey fitted into a 900x700 window', async () => {
    const page = await openEditor({ width: 900, height: 700 });
    // Once fitted into view: every node inside the canvas.
    const canvasBox = await page.getByTestId('canvas').boundingBox();
    await expect
      .poll(async () => {
        const { nodes } = await boxes(page);
        return nodes.every(
          (node) =>
            canvasBox !== null &&
            node.left >= canvasBox.x &&
            node.right <= canvasBox.x + canvasBox.width &&
            node.bottom <= canvasBox.y + canvasBox.height,
        );
      })
      .toBe(true);
    const { minimap, nodes } = await boxes(page);
    // No node's box meets the minimap's box (a minimap not shown meets none).
    expect(nodes.filter((node) => minimap !== null && overlap(node, minimap))).toEqual([]);
  });

  it('should still show the minimap on a wide window', async () => {
    const page = await openEditor({ width: 1440, height: 900 });
    await expect.poll(async () => (await boxes(page)).minimap).not.toBeNull();
  });
});
