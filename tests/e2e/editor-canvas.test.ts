import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD } from '@xiaoer/server/testing';
import { adminSession } from './browser.ts';

/**
 * The journey canvas in Chromium, for keyboard users: the Tab key reaches the nodes before the
 * connections (React Flow draws the connections first, so Tab went through every connection
 * before the first node).
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
