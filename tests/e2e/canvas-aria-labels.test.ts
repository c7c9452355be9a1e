import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD } from '@xiaoer/server/testing';
import { adminSession, describedBy, orderInstance } from './browser.ts';

/**
 * React Flow's own screen-reader texts on the journey canvas (the zoom buttons, the minimap, how
 * to select and move a node with the keyboard, where it moved to) in the console's language:
 * React Flow knows them in English only. The editor and the instance's read-only journey (whose
 * help says only what can be done there), in Chinese and in English, switching with the language.
 */
const session = adminSession(['order-lifecycle']);

/** The text a node's `aria-describedby` points to: how to use it with the keyboard. */
const keyboardHelpOf = describedBy;

const labelOf = (page: Page, selector: string) =>
  page.locator(selector).first().getAttribute('aria-label');

/**
 * Selects the first node, moves it by `key` and waits until React Flow's live region says
 * `said` (it still holds the message of the move before until React draws the new one).
 */
async function expectMoveSaid(page: Page, key: string, said: RegExp): Promise<void> {
  const node = page.locator('.react-flow__node').first();
  await node.focus();
  if (!(await node.evaluate((element) => element.classList.contains('selected'))))
    await page.keyboard.press('Enter');
  await expect.poll(() => node.getAttribute('class')).toContain('selected');
  await page.keyboard.press(key);
  await expect
    .poll(() => page.locator('[id^="react-flow__aria-live"]').textContent())
    .toMatch(said);
}

describe("the canvas's screen-reader texts in Chromium", () => {
  it('should be Chinese in the editor in zh and English once switched to en', async () => {
    const page = session.page;
    await page.getByTestId('workflow-order-lifecycle').click();
    const node = page.getByTestId('canvas').locator('.react-flow__node').first();
    await node.waitFor();

    expect(await labelOf(page, '.react-flow__controls-zoomin')).toBe('放大');
    expect(await labelOf(page, '.react-flow__controls-zoomout')).toBe('缩小');
    expect(await labelOf(page, '.react-flow__controls-fitview')).toBe('显示整个旅程');
    expect(await labelOf(page, '.react-flow__controls-interactive')).toBe('锁定或解锁画布');
    expect(await labelOf(page, '.react-flow__controls')).toBe('画布控制');
    expect(await page.locator('.react-flow__minimap title').textContent()).toBe('缩略图');
    expect(await keyboardHelpOf(node)).toBe(
      '按回车键或空格键选中节点，然后可以用方向键移动它。按删除键删除它，按 Esc 键取消。',
    );
    await expectMoveSaid(page, 'ArrowRight', /^选中的节点已向右移动。新位置：x -?\d+，y -?\d+$/);
    // Each connection named by its ends as the canvas shows them, not "Edge from … to …".
    const edge = page
      .getByTestId('canvas')
      .locator('.react-flow__edge[data-id="orderCreated-next"]');
    expect(await edge.getAttribute('aria-label')).toBe(
      '从「触发器 · 订单创建 / Order created」（开始）到「设置数据 · 订单号 / Order number」的连线',
    );
    // What a screen reader calls them: not React Flow's "node" and "edge".
    expect(await node.getAttribute('aria-roledescription')).toBe('节点');
    expect(await edge.getAttribute('aria-roledescription')).toBe('连线');

    await page.getByTestId('language').click();
    await expect.poll(() => labelOf(page, '.react-flow__controls-zoomin')).toBe('Zoom in');
    expect(await labelOf(page, '.react-flow__controls-zoomout')).toBe('Zoom out');
    expect(await page.locator('.react-flow__minimap title').textContent()).toBe('Mini map');
    expect(await edge.getAttribute('aria-label')).toBe(
      'Connection from "Trigger · 订单创建 / Order created" (Start) to "Set data · 订单号 / Order number"',
    );
    expect(await keyboardHelpOf(node)).toMatch(
      /^Press enter or space to select a node\. You can then use the arrow keys/,
    );
    expect(await node.getAttribute('aria-roledescription')).toBe('node');
    expect(await edge.getAttribute('aria-roledescription')).toBe('connection');
    await expectMoveSaid(
      page,
      'ArrowLeft',
      /^Moved selected node left\. New position, x: -?\d+, y: -?\d+$/,
    );
  });

  it("should follow the language on an instance's read-only journey too", async () => {
    const id = await orderInstance(session.h, 'ARIA-1');
    // A page of its own, in Chinese as a Chinese browser starts (the editor's has unsaved moves).
    const page = await session.logIn('admin', ADMIN_PASSWORD);
    await page.goto(`${session.h.url}/#/instances/${encodeURIComponent(id)}`);
    const canvas = page.getByTestId('instance-canvas');
    const node = canvas.locator('.react-flow__node').first();
    const zoomIn = canvas.locator('.react-flow__controls-zoomin');
    await node.waitFor();
    expect(await zoomIn.getAttribute('aria-label')).toBe('放大');
    expect(await canvas.locator('.react-flow__controls-fitview').getAttribute('aria-label')).toBe(
      '显示整个旅程',
    );
    // Read-only: its help says only what can be done there, not how to move or delete a node.
    expect(await keyboardHelpOf(node)).toBe('只读视图：按 Tab 键逐个经过节点。');
    expect(await node.getAttribute('aria-roledescription')).toBe('节点');
    expect(
      await canvas.locator('.react-flow__edge').first().getAttribute('aria-roledescription'),
    ).toBe('连线');

    await page.getByTestId('language').click();
    await expect.poll(() => zoomIn.getAttribute('aria-label')).toBe('Zoom in');
    expect(await canvas.locator('.react-flow__controls-fitview').getAttribute('aria-label')).toBe(
      'Show the whole journey',
    );
    expect(await keyboardHelpOf(node)).toBe('Read-only view: press tab to go from node to node.');
    const edge = canvas.locator('.react-flow__edge').first();
    expect(await keyboardHelpOf(edge)).toBe(
      'Read-only view: press tab to go from connection to connection.',
    );
  });
});
