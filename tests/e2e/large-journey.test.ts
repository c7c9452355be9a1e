import { describe, expect, it } from 'vitest';
import { generateWorkflow } from '../../bench/engine/workflow-generator.ts';
import { adminSession, screenshot } from './browser.ts';

/**
 * A journey of 400 nodes in the editor (Chromium, Chinese, 1440x900): the canvas draws the
 * nodes in view only, and its minimap is the editor's light one — every node in one path,
 * the view's frame — which moves the canvas when clicked (issue 21's canvas benchmark: React
 * Flow's minimap ran a selector per node on every pointer move of a pan); what is drawn far
 * from the start is selected as any node, and fitting the view brings the start back. It
 * opens at its trigger, readable.
 */
const large = { ...generateWorkflow(400), id: 'large', name: 'Large' };
const session = adminSession([], {
  prepare: async (h) => {
    const created = await h.request('POST', '/api/workflows', large);
    if (created.status !== 201) throw new Error(`create: ${await created.text()}`);
  },
});

describe('a large journey in the editor', () => {
  it('should draw the nodes in view and a minimap of every node that moves the canvas', async () => {
    const { h, page } = session;
    await page.goto(`${h.url}/#/workflows/large`);
    const map = page.getByTestId('overview-map');
    await map.waitFor();
    // One rectangle per node, in one path; React Flow's own minimap is not drawn.
    const path = (await map.locator('path').getAttribute('d')) ?? '';
    expect(path.match(/z/g)?.length).toBe(400);
    expect(await page.locator('.react-flow__minimap-svg').count()).toBe(0);
    const drawn = () =>
      page.locator('.react-flow__node').evaluateAll((n) => n.map((e) => e.getAttribute('data-id')));
    const before = await drawn();
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(400);
    // It opens at its start, readable: the trigger is drawn, at half size, not the middle.
    expect(before).toContain('start');
    expect(
      await page
        .locator('.react-flow__viewport')
        .evaluate((e) => (e as HTMLElement).style.transform),
    ).toContain('scale(0.5)');
    await screenshot(page, 'editor-large-journey');
    // A click at the map's far corner brings the journey's last rows into view.
    const box = await map.boundingBox();
    if (!box) throw new Error('no minimap');
    const frame = map.locator('.overview-map-view');
    const frameBefore = await frame.getAttribute('y');
    await page.mouse.click(box.x + box.width - 4, box.y + box.height - 4);
    await expect.poll(() => frame.getAttribute('y')).not.toBe(frameBefore);
    await expect.poll(async () => (await drawn()).some((id) => !before.includes(id))).toBe(true);

    // A node drawn far from the start is selected and edited as any other...
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no canvas');
    let far: string | undefined;
    for (const id of await drawn()) {
      if (!id || before.includes(id)) continue;
      const node = await page.getByTestId(`node-${id}`).boundingBox();
      const inside =
        node &&
        node.x > pane.x &&
        node.y > pane.y &&
        node.x + node.width < pane.x + pane.width - 220 &&
        node.y + node.height < pane.y + pane.height - 160;
      if (inside) {
        far = id;
        break;
      }
    }
    if (!far) throw new Error('no node drawn wholly in view');
    await page.getByTestId(`node-${far}`).click();
    await expect
      .poll(() =>
        page.getByTestId('inspector').locator('input').first().getAttribute('placeholder'),
      )
      .toBe(far);
    // ...and fitting the view fits the whole journey: the start is drawn again.
    await page.locator('.react-flow__controls-fitview').click();
    await expect
      .poll(async () => {
        const now = await drawn();
        return before.every((id) => now.includes(id));
      })
      .toBe(true);
  }, 90_000);
});
