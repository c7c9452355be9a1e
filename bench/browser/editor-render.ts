/**
 * The editor in headless Chromium (Debian's, through playwright-core): for generated journeys
 * of N nodes, the time from opening the editor to the canvas drawn, frames per second while
 * panning and zooming, and the page's JavaScript heap.
 */
import { chromium } from 'playwright-core';
import { startHarness } from '@xiaoer/server/testing';
import { generateWorkflow } from '../engine/workflow-generator.ts';
import type { ResultRow } from '../report.ts';
import { chromiumCpuMs } from './chromium-cpu.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface EditorBenchOptions {
  sizes: number[];
  /** How long to pan and zoom, per size. */
  interactMs: number;
  /**
   * Exactly this many gestures instead, however long they take: on a loaded machine the time
   * allows fewer gestures, and the CPU a build spends is then compared over the same work.
   */
  gestures?: number;
  log: (line: string) => void;
}

export async function benchEditor(options: EditorBenchOptions): Promise<ResultRow[]> {
  const h = await startHarness();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  const rows: ResultRow[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: 'xiaoer_session', value: h.token, url: h.url }]);
    for (const size of options.sizes) {
      const workflow = { ...generateWorkflow(size), id: `bench-${size}`, name: `Bench ${size}` };
      const created = await h.request('POST', '/api/workflows', workflow);
      if (created.status !== 201) throw new Error(`create bench-${size}: ${await created.text()}`);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${h.url}/#/workflows/bench-${size}`);
      // Drawn: the canvas shows nodes (large journeys draw only those in view) and a frame
      // has been painted after that.
      await page.waitForFunction(
        `document.querySelectorAll('.react-flow__node').length > 0`,
        undefined,
        {
          timeout: 120_000,
          polling: 20,
        },
      );
      await page.evaluate(
        'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))',
      );
      const renderMs = performance.now() - started;
      const drawn = await page.locator('.react-flow__node').count();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const busyBefore = await mainThreadSeconds(cdp);
      const chromiumBefore = chromiumCpuMs();
      const { fps, frames, gestures, probeMs } = await panAndZoom(
        page,
        options.interactMs,
        options.gestures,
      );
      // The page's own main-thread work per frame: CPU time, so it depends far less on what
      // else the machine runs than the frame rate does.
      const busyAfter = await mainThreadSeconds(cdp);
      // Every Chromium process and thread: raster and compositing run beside the main thread
      // and take as much CPU again on this machine's two cores.
      const chromiumPerGesture = (chromiumCpuMs() - chromiumBefore) / Math.max(1, gestures);
      const perFrame = (key: keyof typeof busyAfter) =>
        ((busyAfter[key] - busyBefore[key]) * 1000) / Math.max(1, frames);
      const scriptPerFrame = perFrame('script');
      const taskPerFrame = perFrame('task');
      // Main-thread CPU per gesture (one drag of 10 moves and one wheel zoom): the same work
      // whatever else the machine runs, so builds compare even on a busy machine.
      const cpuPerGesture = ((busyAfter.cpu - busyBefore.cpu) * 1000) / Math.max(1, gestures);
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heapMb = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
      const domNodes = metrics.find((m) => m.name === 'Nodes')?.value ?? 0;
      options.log(
        `  ${size} nodes: drawn after ${Math.round(renderMs)} ms (${drawn} in view), ${fps.toFixed(1)} fps, script ${scriptPerFrame.toFixed(1)} ms/frame (main thread ${taskPerFrame.toFixed(1)}, layout ${perFrame('layout').toFixed(1)}, style ${perFrame('style').toFixed(1)}), main-thread CPU ${cpuPerGesture.toFixed(1)} ms per gesture (${gestures}; ${Math.round((busyAfter.cpu - busyBefore.cpu) * 1000)} ms in all; the bench's own search for an empty spot ${(probeMs / Math.max(1, gestures)).toFixed(1)} ms of it), all Chromium processes ${chromiumPerGesture.toFixed(1)} ms CPU per gesture, heap ${heapMb.toFixed(1)} MB`,
      );
      const label = `editor, ${size.toLocaleString('en-US')}-node journey (headless Chromium)`;
      rows.push(
        {
          measure: `${label}: open → canvas drawn`,
          value: `${Math.round(renderMs)} ms`,
          detail: `loading the page and the draft, validating, drawing (${drawn.toLocaleString('en-US')} nodes in view drawn)`,
        },
        {
          measure: `${label}: panning and zooming`,
          value: `${fps.toFixed(1)} fps`,
          detail: `${options.interactMs / 1000} s of drags on the empty canvas and wheel zooms; frames counted with requestAnimationFrame`,
        },
        {
          measure: `${label}: script per frame while panning`,
          value: `${scriptPerFrame.toFixed(1)} ms`,
          detail: `the page's JavaScript time (CDP ScriptDuration) over the frames drawn: CPU time, less sensitive to machine load than fps`,
        },
        {
          measure: `${label}: main-thread CPU per pan-and-zoom gesture`,
          value: `${cpuPerGesture.toFixed(1)} ms`,
          detail: `CDP ThreadTime over ${gestures} gestures (a 10-step drag and a wheel zoom each): work done, not time waited for a core`,
        },
        {
          measure: `${label}: page heap`,
          value: `${heapMb.toFixed(1)} MB`,
          detail: `after GC; ${domNodes.toLocaleString('en-US')} DOM nodes`,
        },
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await h.close();
  }
  return rows;
}

/** The page's JavaScript time so far, in seconds (Chrome's Performance domain). */
async function mainThreadSeconds(
  cdp: import('playwright-core').CDPSession,
): Promise<{ script: number; task: number; layout: number; style: number; cpu: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    script: value('ScriptDuration'),
    task: value('TaskDuration'),
    layout: value('LayoutDuration'),
    style: value('RecalcStyleDuration'),
    // CPU time of the page's main thread: work done, not time waited for a core.
    cpu: value('ThreadTime'),
  };
}

/**
 * Where to press for a pan: the last spot while the empty canvas is still under it (one hit
 * test), else the point nearest the centre, on a 20-pixel grid, off every node's box (one
 * layout read) with the canvas under it. Its cost is in the measured CPU: the log says how much.
 */
async function emptySpot(
  page: import('playwright-core').Page,
  last: { x: number; y: number },
  centre: { x: number; y: number },
): Promise<{ x: number; y: number }> {
  return page.evaluate<{ x: number; y: number }>(`(() => {
    const started = performance.now();
    const found = (spot) => {
      window.__probeMs = (window.__probeMs ?? 0) + performance.now() - started;
      return spot;
    };
    const pane = (px, py) => document.elementFromPoint(px, py)?.classList.contains('react-flow__pane');
    if (pane(${last.x}, ${last.y})) return found({ x: ${last.x}, y: ${last.y} });
    const boxes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
    const onNode = (px, py) =>
      boxes.some((b) => px > b.left - 10 && px < b.right + 10 && py > b.top - 10 && py < b.bottom + 10);
    const points = [];
    for (let dx = -400; dx <= 400; dx += 20)
      for (let dy = -400; dy <= 400; dy += 20) points.push([${centre.x} + dx, ${centre.y} + dy]);
    const far = ([px, py]) => Math.hypot(px - ${centre.x}, py - ${centre.y});
    points.sort((a, b) => far(a) - far(b));
    for (const [px, py] of points) if (!onNode(px, py) && pane(px, py)) return found({ x: px, y: py });
    return found({ x: ${centre.x}, y: ${centre.y} });
  })()`);
}

/**
 * Drags and wheel-zooms the canvas for `ms` (or exactly `count` times), returning the frames
 * drawn and their rate.
 */
async function panAndZoom(
  page: import('playwright-core').Page,
  ms: number,
  count?: number,
): Promise<{ fps: number; frames: number; gestures: number; probeMs: number }> {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('no canvas pane');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // Code for the page goes as text: tsx would wrap functions in a `__name` helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__counting = true;
    const tick = () => {
      if (!window.__counting) return;
      window.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const started = performance.now();
  let gestures = 0;
  const more = (i: number) => (count === undefined ? performance.now() - started < ms : i < count);
  let from = { x: cx, y: cy };
  for (let i = 0; more(i); i++, gestures++) {
    // A drag pans only from the empty canvas: pressed on a node it would select and move the
    // node (an edit, with the settings form drawn), which until 2026-12-04 this bench did.
    from = await emptySpot(page, from, { x: cx, y: cy });
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + (i % 2 ? 200 : -200), from.y + (i % 3 ? 80 : -80), {
      steps: 10,
    });
    await page.mouse.up();
    await page.mouse.wheel(0, i % 2 ? 240 : -240);
  }
  const elapsed = performance.now() - started;
  const [frames, probeMs] = await page.evaluate<[number, number]>(
    '(() => { window.__counting = false; return [window.__frames, window.__probeMs ?? 0]; })()',
  );
  return { fps: (frames / elapsed) * 1000, frames, gestures, probeMs };
}
