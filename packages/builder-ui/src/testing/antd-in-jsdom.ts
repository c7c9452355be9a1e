import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * What Ant Design and React Flow read from a browser and jsdom lacks: media queries and size
 * observers (that never fire). Call once before rendering. Also leaves out the layout that
 * Ant Design's parts measure and jsdom cannot make ({@link skipLayoutMeasurements}).
 */
export function fillInBrowserForAntd() {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
      addListener: () => {},
      removeListener: () => {},
    }),
  });
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  skipLayoutMeasurements();
}

/**
 * jsdom lays nothing out (every size is 0), yet a table measures its scroll bar when it mounts
 * and an auto-sizing text area its text at every change, each through `getComputedStyle` of the
 * element and its ancestors. In jsdom that call matches every rule of every style sheet, and
 * Ant Design's CSS-in-JS puts thousands in the page: about a sixth of `AnalyticsPage.test.tsx`'s
 * CPU went to the tables' scroll bars and 7 of `Inspector.test.tsx`'s 24 s to its text areas
 * (docs/performance.md, 2026-12-06). Here the scroll bar is 0 wide, which is what jsdom
 * measures, and a text area keeps the height its style sheet gives it: no test reads either,
 * and the style sheets stay in the page for what tests do read (what is visible).
 *
 * Both are CommonJS modules that Node loads once per worker (Vitest does not inline them) and
 * that their callers read at each call (`(0, _util.getTargetScrollBarSize)(…)`), so replacing
 * the exports reaches every table and text area.
 */
function skipLayoutMeasurements() {
  const scrollBar = require('@rc-component/util/lib/getScrollBarSize') as {
    getTargetScrollBarSize: (target: unknown) => { width: number; height: number };
  };
  scrollBar.getTargetScrollBarSize = () => ({ width: 0, height: 0 });
  const textArea = require('@rc-component/input/lib/calculateNodeHeight') as {
    default: (...args: unknown[]) => Record<string, unknown>;
  };
  textArea.default = () => ({ resize: 'none' });
}
