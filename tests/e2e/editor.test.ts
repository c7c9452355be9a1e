import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { WorkflowDocument } from '@xiaoer/engine';
import type { Scenario } from '@xiaoer/engine/testing';
import { ADMIN_PASSWORD, cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { quickRefundWorkflow } from '../runtime/test-workflows.ts';
import {
  describedBy,
  launchBrowser,
  releaseBrowser,
  orderInstance,
  screenshot,
  shipped,
} from './browser.ts';
import { contrastOf } from './contrast.ts';

/**
 * The editor in a real browser (Debian's Chromium through playwright-core) against the real
 * server and store: log in, build a journey by dragging and connecting, see a bad value on
 * the node, fix it, save, reload, publish.
 */
let h: Harness;
let browser: Browser;
let page: Page;

async function dragFromPalette(type: string, x: number, y: number) {
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  await page
    .getByTestId(`palette-${type}`)
    .dragTo(page.getByTestId('canvas'), { targetPosition: { x, y } });
}

/** The canvas's zoom, from React Flow's viewport transform (`translate(…) scale(1)`). */
const zoomOf = (page: Page) =>
  page
    .locator('.react-flow__viewport')
    .evaluate((viewport) => Number(/scale\(([\d.]+)\)/.exec(viewport.style.transform)?.[1]));

/**
 * Whether an edge's label is drawn clear of every node (nodes are drawn over edges); asked of
 * its box, as a diff's edges take no pointer and `elementFromPoint` passes through them.
 */
const clearOfNodes = (label: Locator) =>
  label.evaluate((shown) => {
    const box = shown.getBoundingClientRect();
    const nodes = shown.closest('.react-flow')?.querySelectorAll('.react-flow__node') ?? [];
    return [...nodes].every((node) => {
      const other = node.getBoundingClientRect();
      return (
        box.right <= other.left ||
        other.right <= box.left ||
        box.bottom <= other.top ||
        other.bottom <= box.top
      );
    });
  });

/** The scenario saved beside the order lifecycle as `name`; undefined while there is none. */
async function savedScenario(name: string): Promise<Scenario | undefined> {
  const response = await h.request(
    'GET',
    `/api/workflows/order-lifecycle/scenarios/${encodeURIComponent(name)}`,
  );
  return response.ok ? ((await response.json()) as { scenario: Scenario }).scenario : undefined;
}

beforeAll(async () => {
  h = await startHarness();
  await h.publish(await shipped('order-lifecycle'), quickRefundWorkflow);
  browser = await launchBrowser();
  // Reduced motion: antd's dialogs then open without a zoom, so a click never lands mid-way.
  page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    reducedMotion: 'reduce',
  });
});
// A failed step leaves a picture of the page beside the others.
afterEach(async (context) => {
  if (context.task.result?.state === 'fail')
    await screenshot(page, `failed-${context.task.name.replace(/\W+/g, '-')}`).catch(() => {});
});
afterAll(async () => {
  await releaseBrowser(browser);
  await h?.close();
});

describe('the journey editor in Chromium', () => {
  it('should refuse a wrong password and log in with the right one', async () => {
    await page.goto(h.url);
    await page.getByTestId('username').fill('admin');
    await page.getByTestId('password').fill('wrong-password');
    await page.getByTestId('login').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Wrong');
    await screenshot(page, 'login');
    await page.getByTestId('password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login').click();
    await page.getByTestId('workflow-order-lifecycle').waitFor();
    expect(await page.getByTestId('user').textContent()).toContain('admin');
    await screenshot(page, 'journeys');
  });

  it('should show a shipped journey with a node per document node', async () => {
    await page.getByTestId('workflow-order-lifecycle').click();
    await page.locator('.react-flow__node').first().waitFor();
    const document = await shipped('order-lifecycle');
    expect(await page.locator('.react-flow__node').count()).toBe(document.nodes.length);
    expect(await page.locator('.react-flow__edge').count()).toBe(document.edges.length);
    expect(await page.getByTestId('no-problems').isVisible()).toBe(true);
    expect(await page.getByText('Unsaved changes').count()).toBe(0);
    await screenshot(page, 'editor-order-lifecycle');
    await page.getByText('All journeys').click();
  });

  it('should build a journey by dragging two nodes and connecting them', async () => {
    await page.getByTestId('create-workflow').click();
    await page.getByTestId('new-id').fill('E2E journey');
    await page.getByTestId('new-name').fill('端到端 / End to end');
    await page.getByTestId('create-submit').click();
    // What an id may be, in words (antd's own message showed the regex).
    await page.getByText('2–64 lower-case letters, digits or -, starting with a letter').waitFor();
    await page.getByTestId('new-id').fill('e2e-journey');
    await page.getByTestId('new-name').fill('端到端 / End to end');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('palette-trigger').waitFor();
    // Faint text reads at 4.5:1 or more (WCAG AA; antd's 25 % black was 1.9:1 on white): the
    // palette's placeholder and the empty canvas's disabled "Use" (no template chosen yet).
    const placeholder = await contrastOf(page.locator('.palette input'), '::placeholder');
    expect(placeholder).toBeGreaterThanOrEqual(4.5);
    const useTemplate = page.getByTestId('guide-use-template');
    expect(await useTemplate.isDisabled()).toBe(true);
    expect(await contrastOf(useTemplate)).toBeGreaterThanOrEqual(4.5);
    await dragFromPalette('trigger', 150, 200);
    // The first node stays where it was dropped, at the zoom the empty canvas opened at (the
    // view used to fit itself to it: twice the size, moved, and the next node fell on it).
    await page.getByTestId('node-trigger1').waitFor();
    expect(await zoomOf(page)).toBe(1);
    // The node's id under its title (#888 was 3.5:1).
    const nodeId = page.getByTestId('node-trigger1').locator('.journey-node-id');
    expect(await contrastOf(nodeId)).toBeGreaterThanOrEqual(4.5);
    const canvas = await page.getByTestId('canvas').boundingBox();
    const trigger = await page.getByTestId('node-trigger1').boundingBox();
    expect(Math.abs((trigger?.x ?? 0) - (canvas?.x ?? 0) - 150)).toBeLessThan(10);
    await dragFromPalette('end', 600, 200);
    await page.getByTestId('node-trigger1').waitFor();
    await page.getByTestId('node-end1').waitFor();
    // Before they are connected the engine finds a problem (the end is unreachable).
    expect(await page.getByTestId('problems').isVisible()).toBe(true);

    await page.getByTestId('handle-trigger1-next').hover();
    await page.mouse.down();
    await page.locator('[data-testid="node-end1"] .react-flow__handle.target').hover();
    await page.mouse.up();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await expect.poll(() => page.getByTestId('no-problems').isVisible()).toBe(true);
  });

  it('should multi-select, copy, paste, undo, redo and delete nodes from the keyboard', async () => {
    await page.getByTestId('node-trigger1').click();
    await page.getByTestId('node-end1').click({ modifiers: ['Control'] });
    expect(await page.locator('.react-flow__node.selected').count()).toBe(2);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await page.getByTestId('node-trigger2').waitFor();
    await page.getByTestId('node-end2').waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    // The pasted pair is selected again after the redo: Delete removes both at once.
    expect(
      await page
        .locator('.react-flow__node.selected')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')).sort()),
    ).toEqual(['end2', 'trigger2']);
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    expect(await page.getByTestId('node-trigger1').count()).toBe(1);
    expect(await page.getByTestId('node-end1').count()).toBe(1);
  });

  it('should show an invalid value under its field and on the node, and clear both when fixed', async () => {
    await page.getByTestId('node-trigger1').click();
    const event = page.locator('#root_event');
    await event.fill('Order Created!');
    await expect
      .poll(() => page.getByTestId('inspector').locator('.ant-form-item-explain-error').count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('node-trigger1').getAttribute('data-faulty'))
      .toBe('true');
    await screenshot(page, 'editor-invalid-field');
    // Clicking the problem focuses the node's field.
    await page.getByTestId('problems').locator('.problem').first().click();
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('root_event');
    await event.fill('order.created');
    await expect
      .poll(() => page.getByTestId('node-trigger1').getAttribute('data-faulty'))
      .toBe('false');

    // The trigger's condition is edited with a rule builder: a rule and its value.
    const filter = page.getByTestId('condition-root_filter');
    await filter.locator('.queryBuilder').waitFor();
    await filter.getByText('+ Rule').click();
    await filter.locator('.rule-value input, input.rule-value').fill('vip');
    await screenshot(page, 'editor-rule-builder');
  });

  it('should save the draft, find the same graph after a reload, and store it', async () => {
    await page.getByTestId('save').click();
    await page.getByText('Saved (revision 2)').waitFor();
    await page.reload();
    await page.getByTestId('node-trigger1').waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(2);
    expect(await page.locator('.react-flow__edge').count()).toBe(1);

    const stored = (await (await h.request('GET', '/api/workflows/e2e-journey')).json()) as {
      revision: number;
      document: WorkflowDocument;
    };
    expect(stored.revision).toBe(2);
    expect(stored.document.nodes.map((n) => n.type)).toEqual(['trigger', 'end']);
    expect(stored.document.nodes[0]?.config).toMatchObject({
      event: 'order.created',
      filter: { and: [{ '==': [{ var: expect.any(String) }, 'vip'] }] },
    });
    expect(stored.document.edges).toEqual([
      expect.objectContaining({ source: 'trigger1', sourceHandle: 'next', target: 'end1' }),
    ]);
  });

  it('should export the journey as a JSON file and import one', async () => {
    const download = page.waitForEvent('download');
    await page.getByText('Export JSON').click();
    const file = await (await download).path();
    const exported = JSON.parse(await readFile(file, 'utf8')) as WorkflowDocument;
    expect(exported.id).toBe('e2e-journey');
    expect(exported.nodes.map((n) => n.id)).toEqual(['trigger1', 'end1']);

    const imported = await shipped('refund');
    await page.locator('input[type=file]').setInputFiles({
      name: 'refund.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(imported)),
    });
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(imported.nodes.length);
    // Undo brings the journey back; nothing was saved.
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
  });

  it('should refuse a broken file with its problems, and show script in a journey as text', async () => {
    const choose = (name: string, text: string) =>
      page.locator('input[type=file]').setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
    const unsavedBefore = await page.getByText('Unsaved changes').count();
    await choose('broken.json', '{"id": "x", "nodes": [}');
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('Not valid JSON');
    await page.locator('.ant-modal-confirm').locator('button', { hasText: 'OK' }).click();
    await problems.waitFor({ state: 'hidden' });
    await choose('not-a-journey.json', JSON.stringify({ id: 'x', name: 'x', nodes: 'all' }));
    await problems.waitFor();
    expect(await problems.textContent()).toContain('/nodes');
    await screenshot(page, 'editor-import-refused');
    await page.locator('.ant-modal-confirm').locator('button', { hasText: 'OK' }).click();
    expect(await page.locator('.react-flow__node').count()).toBe(2);
    expect(await page.getByText('Unsaved changes').count()).toBe(unsavedBefore);

    // A label and a message with markup in them are drawn as the text they are.
    const hostile = '<img src=x onerror="window.__hacked=1">';
    const journey = await shipped('order-lifecycle');
    journey.nodes[1]!.label = hostile;
    await choose('hostile.json', JSON.stringify(journey));
    await page.getByText(hostile).first().waitFor();
    expect(await page.evaluate('window.__hacked')).toBeUndefined();
    expect(await page.locator('.react-flow__node img').count()).toBe(0);
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
  });

  it('should show a conflict instead of overwriting when someone else saved in between', async () => {
    const stored = (await (await h.request('GET', '/api/workflows/e2e-journey')).json()) as {
      revision: number;
      document: WorkflowDocument;
    };
    const renamed = { ...stored.document, name: 'Renamed elsewhere' };
    const other = await h.request('PUT', '/api/workflows/e2e-journey', {
      document: renamed,
      revision: stored.revision,
    });
    expect(other.status).toBe(200);
    await page.getByTestId('save').click();
    const dialog = page.locator('.ant-modal-confirm');
    await dialog
      .locator('.ant-modal-confirm-title', { hasText: 'Someone saved a newer revision' })
      .waitFor();
    expect(await dialog.textContent()).toContain(`the server has revision ${stored.revision + 1}`);
    await screenshot(page, 'editor-conflict');
    // Esc closes the question and overwrites nothing: the other revision stays the newest.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const after = (await (await h.request('GET', '/api/workflows/e2e-journey')).json()) as {
      revision: number;
      document: WorkflowDocument;
    };
    expect(after.revision).toBe(stored.revision + 1);
    expect(after.document.name).toBe('Renamed elsewhere');
    await page.getByTestId('save').click();
    await dialog.locator('button', { hasText: 'Reload' }).click();
    await page.getByText('Renamed elsewhere').waitFor();
  });

  it('should publish with a note', async () => {
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-note').fill('first version from the browser');
    // The dialog lists what goes live: on a first publication, every node.
    await expect
      .poll(() => page.getByTestId('publish-changes').locator('[data-kind="node-added"]').count())
      .toBe(2);
    await screenshot(page, 'editor-publish-dialog');
    await page.getByTestId('publish-ok').click();
    await page.getByText('Published version 1').waitFor();
    const versions = (await (
      await h.request('GET', '/api/workflows/e2e-journey/versions')
    ).json()) as {
      versions: { version: number; note: string }[];
    };
    expect(versions.versions).toEqual([
      expect.objectContaining({ version: 1, note: 'first version from the browser' }),
    ]);
  });

  it('should list the version and draw the differences between it and the draft', async () => {
    // Below the trigger, clear of the end: the connection from it to the end shows its label.
    await dragFromPalette('wait', 150, 420);
    await page.getByTestId('node-wait1').waitFor();
    // The draft also connects the wait to the end and relabels the end: a connection added and a
    // node changed since v1.
    await page.getByTestId('handle-wait1-next').hover();
    await page.mouse.down();
    await page.locator('[data-testid="node-end1"] .react-flow__handle.target').hover();
    await page.mouse.up();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await page.getByTestId('node-end1').click();
    await page.getByTestId('inspector').locator('.inspector-label input').fill('Goodbye');
    // And moves the trigger up, changing nothing else on it: a node moved only.
    const title = await page
      .getByTestId('node-trigger1')
      .locator('.journey-node-title')
      .boundingBox();
    if (!title) throw new Error('no trigger on the canvas');
    await page.mouse.move(title.x + title.width / 2, title.y + title.height / 2);
    await page.mouse.down();
    await page.mouse.move(title.x + title.width / 2, title.y + title.height / 2 - 30, { steps: 5 });
    await page.mouse.up();
    await page.getByTestId('versions-tab').click();
    await page.getByText('first version from the browser').waitFor();
    // The versions table fits the side panel in English: no column cut off, no header or date
    // broken over two lines.
    const layout = await page.getByTestId('versions').evaluate((panel) => {
      const right = panel.getBoundingClientRect().right;
      const lines = (element: Element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      };
      const cells = [...panel.querySelectorAll('th, td')];
      return {
        cutOff: cells.filter((cell) => cell.getBoundingClientRect().right > right + 1).length,
        headers: [...panel.querySelectorAll('th')].map(lines),
        dates: [...panel.querySelectorAll('.version-published-at')].map(lines),
      };
    });
    expect(layout.cutOff).toBe(0);
    expect(layout.headers.every((count) => count <= 1)).toBe(true);
    expect(layout.dates).toEqual([1]);
    await screenshot(page, 'editor-versions');
    await page.getByTestId('diff-show').click();
    await expect.poll(() => page.getByTestId('diff-summary').textContent()).toContain('Added: 1');
    expect(await page.getByTestId('diff-summary').textContent()).toContain('Changed: 1');
    expect(await page.locator('.react-flow__node.diff-added').count()).toBe(1);
    // Added and changed are said in words on the node (not only green and orange), readable at
    // 4.5:1 or more, and each node is named with its status for a screen reader.
    const canvas = page.getByTestId('diff-canvas');
    const marks = [
      ['diff-added', 'Added', 'Added node: Wait · wait1'],
      ['diff-changed', 'Changed', 'Changed node: End · Goodbye; what changed: Label on the canvas'],
    ] as const;
    for (const [status, word, name] of marks) {
      const node = canvas.locator(`.react-flow__node.${status}`);
      expect(await node.count()).toBe(1);
      const mark = node.locator('.journey-node-diff');
      expect(await mark.count()).toBe(1);
      expect(await mark.textContent()).toBe(word);
      expect(await contrastOf(mark)).toBeGreaterThanOrEqual(4.5);
      expect(await contrastOf(node.locator('.journey-node-title'))).toBeGreaterThanOrEqual(4.5);
      expect(await node.getAttribute('aria-label')).toBe(name);
    }
    // What changed: the changed node's explanation, shown when its mark has the keyboard's focus
    // and read to screen readers as its description.
    const changedMark = canvas.locator('.react-flow__node.diff-changed .journey-node-diff');
    expect(await changedMark.getAttribute('title')).toBeNull();
    await changedMark.focus();
    await expect
      .poll(() => page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').textContent())
      .toBe('What changed: Label on the canvas');
    expect(await describedBy(changedMark)).toBe('What changed: Label on the canvas');
    // Esc dismisses the explanation first (the dialog stays), as a tooltip should.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').count()).toBe(0);
    expect(await page.getByTestId('diff-summary').isVisible()).toBe(true);
    // The trigger, only moved, says so in words (and is not marked changed).
    const moved = canvas.locator('.react-flow__node.diff-moved');
    expect(await moved.count()).toBe(1);
    expect(await moved.locator('.journey-node-moved').textContent()).toBe('Moved');
    expect(await contrastOf(moved.locator('.journey-node-moved'))).toBeGreaterThanOrEqual(4.5);
    expect(await moved.locator('.journey-node-diff').count()).toBe(0);
    expect(await moved.getAttribute('aria-label')).toBe('Moved node: Trigger · trigger1');
    // The added connection is labelled in words too, and named by its ends.
    const addedEdge = canvas.locator('.react-flow__edge.diff-added');
    expect(await addedEdge.count()).toBe(1);
    const edgeLabel = addedEdge.locator('.react-flow__edge-text');
    expect(await edgeLabel.count()).toBe(1);
    expect(await edgeLabel.textContent()).toBe('Added');
    expect(await contrastOf(edgeLabel)).toBeGreaterThanOrEqual(4.5);
    expect(await clearOfNodes(edgeLabel)).toBe(true);
    expect(await addedEdge.getAttribute('aria-label')).toBe(
      'Added connection: Wait · wait1 “Continue” → End · Goodbye',
    );
    // The legend draws each status as its nodes are, in words, and counts them.
    for (const [status, text] of [
      ['added', 'Added: 1'],
      ['changed', 'Changed: 1'],
      ['removed', 'Removed: 0'],
      ['moved', 'Moved: 1'],
    ] as const) {
      const legend = page.getByTestId(`diff-legend-${status}`);
      expect(await legend.textContent()).toBe(text);
      expect(await contrastOf(legend)).toBeGreaterThanOrEqual(4.5);
    }
    await screenshot(page, 'editor-version-diff');
    await page.keyboard.press('Escape');

    // The other way round, the draft's wait node is removed in v1: marked in words and dashed,
    // its text as readable as on any node (70 % opacity had put its title at 3.2:1, its id lower).
    const pick = async (select: string, option: string) => {
      await page.getByTestId(select).click();
      await page
        .locator(
          `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`,
        )
        .click();
    };
    await pick('diff-from', 'Draft');
    await pick('diff-to', 'v1');
    await page.getByTestId('diff-show').click();
    await expect.poll(() => page.getByTestId('diff-summary').textContent()).toContain('Removed: 1');
    const removed = page.getByTestId('diff-canvas').locator('.react-flow__node.diff-removed');
    expect(await removed.count()).toBe(1);
    for (const part of ['.journey-node-title', '.journey-node-id', '.journey-node-outcome span'])
      expect(await contrastOf(removed.locator(part).first())).toBeGreaterThanOrEqual(4.5);
    // Named by its own id, not the diff's canvas id.
    expect(await removed.locator('.journey-node-id').textContent()).toBe('wait1');
    const mark = removed.locator('.journey-node-diff');
    expect(await mark.textContent()).toBe('Removed');
    expect(await contrastOf(mark)).toBeGreaterThanOrEqual(4.5);
    expect(await removed.getAttribute('aria-label')).toBe('Removed node: Wait · wait1');
    const removedEdge = page.getByTestId('diff-canvas').locator('.react-flow__edge.diff-removed');
    expect(await removedEdge.locator('.react-flow__edge-text').textContent()).toBe('Removed');
    expect(await contrastOf(removedEdge.locator('.react-flow__edge-text'))).toBeGreaterThanOrEqual(
      4.5,
    );
    expect(await clearOfNodes(removedEdge.locator('.react-flow__edge-text'))).toBe(true);
    await screenshot(page, 'editor-version-diff-removed');
    await page.keyboard.press('Escape');
  });

  it('should run a simulation of the order lifecycle to its end, drawing the path', async () => {
    await page.goto(`${h.url}/#/workflows/order-lifecycle`);
    // The journey before has an unsaved node: the editor asks before it is left.
    await page.getByTestId('leave-discard').click();
    await page.getByTestId('node-waitShipment').waitFor();
    await page.getByTestId('simulation-tab').click();
    await page.getByTestId('simulation-start').click();
    await expect.poll(() => page.getByTestId('simulation-node').textContent()).toBe('waitShipment');
    expect(await page.locator('.react-flow__node.journey-current').getAttribute('data-id')).toBe(
      'waitShipment',
    );
    await page.getByTestId('simulation-send-order.shipped').click();
    await expect.poll(() => page.getByTestId('simulation-node').textContent()).toBe('waitDelivery');
    await page.getByTestId('simulation-send-order.delivered').click();
    await page.getByTestId('simulation-duration').fill('30d');
    for (let i = 0; i < 5; i++) {
      if ((await page.getByTestId('simulation-status').getAttribute('data-status')) === 'done')
        break;
      await page.getByTestId('simulation-advance').click();
    }
    expect(await page.getByTestId('simulation-status').getAttribute('data-status')).toBe('done');
    expect(await page.locator('.react-flow__edge.journey-path').count()).toBeGreaterThanOrEqual(4);
    expect(
      await page.getByTestId('simulation-timeline').locator('tbody tr').count(),
    ).toBeGreaterThanOrEqual(5);
    await screenshot(page, 'editor-simulation');

    // Saved beside the workflow, it replays to the same end.
    await page.getByTestId('scenario-name').fill('一路到底 to the end');
    await page.getByTestId('scenario-save').click();
    await expect
      .poll(async () => {
        const r = await h.request('GET', '/api/workflows/order-lifecycle/scenarios');
        return ((await r.json()) as { scenarios: { name: string }[] }).scenarios.map((s) => s.name);
      })
      .toEqual(['一路到底 to the end']);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByTestId('scenario-pick').click();
    await page.getByTitle('一路到底 to the end').click();
    await page.getByTestId('scenario-replay').click();
    await expect
      .poll(() => page.getByTestId('simulation-status').getAttribute('data-status'))
      .toBe('done');
  });

  it('should park an event that comes early, mark it in the timeline, and keep the mode in the saved scenario', async () => {
    const parking = page.getByRole('switch', { name: 'Park events that come early' });
    await page.getByRole('button', { name: 'Stop' }).click();
    expect(await parking.getAttribute('aria-checked')).toBe('false');
    await parking.click();
    await page.getByTestId('simulation-start').click();
    await expect.poll(() => page.getByTestId('simulation-node').textContent()).toBe('waitShipment');
    expect(await parking.isDisabled()).toBe(true);

    await page.getByTestId('simulation-send-early-order.delivered').click();
    const marks = page.getByTestId('simulation-mark');
    await expect.poll(() => marks.first().textContent()).toBe('Parked: not awaited yet');
    expect(await contrastOf(marks.first())).toBeGreaterThanOrEqual(4.5);
    expect(await page.getByTestId('simulation-still-parked').textContent()).toBe(
      'Still parked: Order delivered',
    );
    await page.getByTestId('simulation-send-order.shipped').click();
    // The parked delivery is offered again as soon as the journey waits for it, and taken.
    await expect
      .poll(() => page.getByTestId('simulation-node').textContent())
      .toBe('waitBeforeSurvey');
    const offered = page.locator('[data-testid="simulation-mark"][data-mark="offeredTaken"]');
    expect(await offered.textContent()).toBe('Offered again, taken');
    expect(await contrastOf(offered)).toBeGreaterThanOrEqual(4.5);
    expect(await page.getByTestId('simulation-still-parked').count()).toBe(0);
    await screenshot(page, 'editor-simulation-parked');

    await page.getByTestId('scenario-name').fill('early delivery');
    await page.getByTestId('scenario-save').click();
    await expect.poll(async () => (await savedScenario('early delivery'))?.early).toBe('park');
    // Replayed with the switch off, it runs in the mode it was saved with.
    await page.getByRole('button', { name: 'Stop' }).click();
    await parking.click();
    expect(await parking.getAttribute('aria-checked')).toBe('false');
    await page.getByTestId('scenario-pick').click();
    await page.getByTitle('early delivery').click();
    await page.getByTestId('scenario-replay').click();
    await expect
      .poll(() => page.getByTestId('simulation-node').textContent())
      .toBe('waitBeforeSurvey');
    expect(await page.getByTestId('simulation-error').count()).toBe(0);
    expect(await parking.getAttribute('aria-checked')).toBe('true');
    expect(await offered.textContent()).toBe('Offered again, taken');
  });

  it("should replay a scenario refused midway to where it broke, and show a replayed scenario's start node", async () => {
    const save = async (name: string, scenario: object) =>
      expect(
        (
          await h.request(
            'PUT',
            `/api/workflows/order-lifecycle/scenarios/${encodeURIComponent(name)}`,
            scenario,
          )
        ).status,
      ).toBe(200);
    const trigger = { orderId: 'SIM-1001', customer: { name: '张三', phone: '13800000000' } };
    // Shipped, then a reply while the journey waits for the delivery: refused there.
    await save('replied early', {
      trigger,
      steps: [
        { event: 'order.shipped', data: { orderId: 'SIM-1001' } },
        { event: 'customer.replied', data: { text: '5' } },
        { advance: '1d' },
      ],
    });
    await save('from the delivery', {
      startNode: 'waitDelivery',
      trigger,
      steps: [],
    });
    // The saved scenarios are read when the journey opens.
    await page.goto(`${h.url}/#/workflows`);
    await page.getByTestId('workflow-order-lifecycle').waitFor();
    await page.goto(`${h.url}/#/workflows/order-lifecycle`);
    await page.getByTestId('node-waitShipment').waitFor();
    await page.getByTestId('simulation-tab').click();

    await page.getByTestId('scenario-pick').click();
    await page.getByTitle('replied early').click();
    await page.getByTestId('scenario-replay').click();
    const refused = page.getByTestId('simulation-refused');
    await refused.waitFor();
    expect(await refused.locator('.ant-alert-title, .ant-alert-message').textContent()).toBe(
      'The replay stopped at step 2 of 3 of the scenario: send Customer replied',
    );
    expect(await page.getByTestId('simulation-refused-reason').textContent()).toMatch(
      /^The journey refused it: node waitDelivery does not take "Customer replied"; it waits for: Order delivered/,
    );
    expect(await page.getByTestId('simulation-error').count()).toBe(0);
    // The run so far: its timeline, and the node it stopped at drawn as the current one.
    expect(await page.getByTestId('simulation-node').textContent()).toBe('waitDelivery');
    expect(await page.locator('.react-flow__node.journey-current').getAttribute('data-id')).toBe(
      'waitDelivery',
    );
    expect(
      await page.getByTestId('simulation-timeline').locator('tbody tr').count(),
    ).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'editor-simulation-refused');

    /** What the "start at" selector shows: the node picked, or its placeholder. */
    const startAt = () =>
      page
        .getByTestId('simulation-start-node')
        .evaluate((select) => select.closest('.ant-select')?.textContent);
    expect(await startAt()).toBe('Start at the trigger');
    await page.getByTestId('scenario-pick').click();
    await page.getByTitle('from the delivery').click();
    await page.getByTestId('scenario-replay').click();
    await expect.poll(startAt).toBe('Start at waitDelivery');
    expect(await refused.count()).toBe(0);
    expect(await page.getByTestId('simulation-node').textContent()).toBe('waitDelivery');
    // Saved from the panel, the start node stays with the scenario.
    await page.getByTestId('scenario-name').fill('from the delivery again');
    await page.getByTestId('scenario-save').click();
    await expect
      .poll(async () => (await savedScenario('from the delivery again'))?.startNode)
      .toBe('waitDelivery');
  });

  // Waits for the runtime twice (the instance, then a step after an event sent by hand).
  it(
    'should open a running instance and show its path, current node and timeline',
    { timeout: 90_000 },
    async () => {
      const id = await orderInstance(h, 'E2E-1');
      await expect
        .poll(
          async () =>
            ((await (await h.request('GET', `/api/instances/${id}`)).json()) as { node: string })
              .node,
          { timeout: 15_000 },
        )
        .toBe('waitShipment');
      await page.getByTestId('nav-instances').click();
      await page.getByTestId(`instance-${id}`).click();
      await page.getByTestId('instance-canvas').locator('.react-flow__node').first().waitFor();
      expect(await page.getByTestId('instance-node').textContent()).toBe('waitShipment');
      expect(await page.locator('.react-flow__node.journey-current').getAttribute('data-id')).toBe(
        'waitShipment',
      );
      expect(await page.locator('.react-flow__edge.journey-path').count()).toBeGreaterThanOrEqual(
        2,
      );
      expect(
        await page.getByTestId('instance-timeline').locator('tbody tr').count(),
      ).toBeGreaterThanOrEqual(2);
      await screenshot(page, 'instance');

      // Operator actions: an event by hand moves it on; cancelling ends it.
      await page.getByPlaceholder('Event type').fill('order.shipped');
      await page.getByTestId('instance-event-data').fill('{"orderId": "E2E-1"}');
      await page.getByRole('button', { name: 'Send event by hand' }).click();
      await expect
        .poll(() => page.getByTestId('instance-node').textContent(), { timeout: 30_000 })
        .toBe('waitDelivery');
      await page.getByTestId('instance-cancel').click();
      const ok = page.locator('.ant-modal-confirm').locator('button', { hasText: 'OK' });
      await ok.click();
      // Once seen on a loaded machine: the click landed while the dialog was still zooming in
      // and did nothing. A person would click again; so does the test, at most once a second.
      await expect
        .poll(
          async () => {
            if (await ok.isVisible()) await ok.click({ timeout: 1000 }).catch(() => {});
            return page.getByTestId('instance-status').textContent();
          },
          { timeout: 15_000, interval: 1000 },
        )
        .toBe('Cancelled');
      // The page may show the end from the instance's stream before the cancel's answer (and
      // the audit entry written before it) came back.
      await expect
        .poll(async () =>
          (await h.connection.collection('audit').find({ target: id }).toArray())
            .map((a) => a['action'])
            .sort(),
        )
        .toEqual(['instance.cancel', 'instance.sendEvent']);
    },
  );

  it('should overlay live counts on the editor canvas', async () => {
    await h.shop.createOrder({ orderId: 'E2E-2' });
    await expect
      .poll(
        async () =>
          (
            (await (await h.request('GET', '/api/instances/order-lifecycle:E2E-2:1')).json()) as {
              node?: string;
            }
          ).node,
        { timeout: 15_000 },
      )
      .toBe('waitShipment');
    await page.goto(`${h.url}/#/workflows/order-lifecycle`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByTestId('overlay').click();
    await page.getByText('Live counts · 1 d').click();
    await expect.poll(() => page.getByTestId('count-waitShipment').textContent()).toBe('1');
    await screenshot(page, 'editor-live-counts');
  });

  it('should retry a dead-lettered order-system call from the instance page', async () => {
    await h.shop.createOrder({ orderId: 'E2E-DL' });
    h.shop.injectFault({ operation: 'refund', count: 3, status: 503 });
    await h.sendEvents(cloudEvent('quickRefund.requested', { orderId: 'E2E-DL', amount: 30 }));
    const id = 'quick-refund:E2E-DL:1';
    // (Its order also starts an order-lifecycle journey: this runs after the live counts.)
    await expect
      .poll(
        async () => {
          const response = await h.request('GET', `/api/instances/${id}`);
          if (response.status !== 200) return 0;
          return ((await response.json()) as { deadLetters: unknown[] }).deadLetters.length;
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    await page.getByTestId('nav-instances').click();
    await page.getByTestId(`instance-${id}`).click();
    const retry = page.getByTestId('instance-dead-letters').getByRole('button', { name: 'Retry' });
    await retry.waitFor();
    await screenshot(page, 'instance-dead-letter');
    await retry.click();
    // The call runs once more, against the order system now answering, and the dead letter goes.
    await expect.poll(() => h.shop.executions('refund'), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => page.getByTestId('instance-dead-letters').count(), { timeout: 10_000 })
      .toBe(0);
    const audit = await h.connection.collection('audit').findOne({ action: 'effect.retry' });
    expect(audit?.['actor']).toBe('admin');
  });

  it('should show a viewer the journey without save or publish buttons', async () => {
    const created = await h.request('POST', '/api/users', {
      id: 'viewer-1',
      password: 'viewer-密码-123',
      role: 'viewer',
    });
    expect(created.status).toBe(201);
    const viewerContext = await browser.newContext({
      reducedMotion: 'reduce',
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
    });
    const viewer = await viewerContext.newPage();
    await viewer.goto(`${h.url}/#/workflows/order-lifecycle`);
    await viewer.getByTestId('username').fill('viewer-1');
    await viewer.getByTestId('password').fill('viewer-密码-123');
    await viewer.getByTestId('login').click();
    await viewer.locator('.react-flow__node').first().waitFor();
    expect(await viewer.getByTestId('user').textContent()).toContain('viewer');
    expect(await viewer.getByTestId('save').count()).toBe(0);
    expect(await viewer.getByTestId('publish').count()).toBe(0);
    // Its help says only what a viewer can do: select a node to see it, not move or delete it.
    const node = viewer.getByTestId('canvas').locator('.react-flow__node').first();
    expect(await describedBy(node)).toBe(
      'Read-only view: press enter or space to select a node and see its settings under Properties; press escape to deselect it.',
    );
    expect(await viewer.getByTestId('editor-hint').getAttribute('aria-label')).toBe(
      'Read-only: click a node to see its settings · drag the background to pan · scroll to zoom',
    );
    // No lock button, whose unlocking would let the viewer drag nodes.
    expect(await viewer.locator('.react-flow__controls-interactive').count()).toBe(0);
    await node.focus();
    await viewer.keyboard.press('Enter');
    await expect.poll(() => node.getAttribute('class')).toContain('selected');
    await viewerContext.close();
  });

  it('should switch to Chinese', async () => {
    await page.goto(`${h.url}/#/workflows/order-lifecycle`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByTestId('language').click();
    await page.getByText('保存草稿').waitFor();
    await screenshot(page, 'editor-zh');
  });

  it('should load the editor only when a journey is opened, and say so when its script is gone', async () => {
    const context = await browser.newContext({
      reducedMotion: 'reduce',
      viewport: { width: 1200, height: 800 },
      locale: 'zh-CN',
    });
    const fresh = await context.newPage();
    const scripts: string[] = [];
    fresh.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    // A deploy while the page was open: the editor's script of the old build is gone.
    await fresh.route('**/assets/EditorPage-*.js', (route) => route.fulfill({ status: 404 }));
    await fresh.goto(h.url);
    await fresh.getByTestId('username').fill('admin');
    await fresh.getByTestId('password').fill(ADMIN_PASSWORD);
    await fresh.getByTestId('login').click();
    await fresh.getByTestId('workflow-order-lifecycle').waitFor();
    expect(scripts.some((path) => path.includes('EditorPage'))).toBe(false);
    await fresh.getByTestId('workflow-order-lifecycle').click();
    await fresh.getByTestId('page-failure').waitFor();
    const text = (await fresh.getByTestId('page-failure').textContent()) ?? '';
    expect(text).toContain('页面未能加载');
    expect(text).not.toMatch(/at \w+ \(|TypeError|Failed to fetch/);
    await screenshot(fresh, 'page-failure');
    await context.close();
  });
});
