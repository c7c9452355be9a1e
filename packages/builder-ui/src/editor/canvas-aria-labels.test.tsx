// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { defaultAriaLabelConfig, type AriaLabelConfig } from '@xyflow/system';
import i18next from 'i18next';
import { GraphView } from '../console/JourneyView.tsx';
import { toGraph } from '../graph/journey-graph.ts';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { shipped } from '../testing/shipped.ts';
import { translations } from '../testing/translations.ts';
import { canvasAriaLabels, type CanvasUse } from './canvas-aria-labels.ts';

const DIRECTIONS = ['up', 'down', 'left', 'right'] as const;
const CHINESE = /[\u4e00-\u9fff]/;
/** Keys a Chinese text names as they are printed on the keyboard. */
const KEY_NAMES = new Set(['Esc', 'Tab']);
const USES: CanvasUse[] = ['edit', 'inspect', 'view'];
/** The keyboard help a read-only canvas shows for a node and for a connection. */
const keyboardHelp = (config: AriaLabelConfig) => [
  config['node.a11yDescription.default'],
  config['node.a11yDescription.keyboardDisabled'],
  config['edge.a11yDescription.default'],
];

/** Every text of a config, its live message once per arrow key (at x 12, y -34). */
function textsOf(config: AriaLabelConfig): [string, string][] {
  return Object.entries(config).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string'
      ? [[key, value]]
      : DIRECTIONS.map((direction) => [
          `${key}(${direction})`,
          (value as AriaLabelConfig['node.a11yDescription.ariaLiveMessage'])({
            direction,
            x: 12,
            y: -34,
          }),
        ]),
  );
}

beforeAll(() => {
  fillInBrowserForAntd();
});
afterEach(cleanup);

describe("the canvas's screen-reader texts", () => {
  it("should give every one of React Flow's texts in both languages", async () => {
    const { zh, en } = await translations();
    const defaultKeys = Object.keys(defaultAriaLabelConfig).sort();
    for (const config of USES.flatMap((use) => [
      canvasAriaLabels(zh, use),
      canvasAriaLabels(en, use),
    ])) {
      expect(Object.keys(config).sort()).toEqual(defaultKeys);
      for (const [key, text] of textsOf(config)) {
        expect(text, key).not.toBe('');
        // A missing text comes back from i18next as its own key.
        expect(text, key).not.toMatch(/canvas\./);
      }
    }
  });

  it('should say all of them in Chinese in zh, the arrow key moved along too', async () => {
    const { zh, en } = await translations();
    for (const use of USES) {
      const english = new Map(textsOf(canvasAriaLabels(en, use)));
      for (const [key, text] of textsOf(canvasAriaLabels(zh, use))) {
        expect(text, key).toMatch(CHINESE);
        expect(text, key).not.toBe(english.get(key));
        const words = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !KEY_NAMES.has(word));
        expect(words, key).toEqual([]);
      }
    }
    const moved = canvasAriaLabels(zh, 'edit')['node.a11yDescription.ariaLiveMessage'];
    expect(DIRECTIONS.map((direction) => moved({ direction, x: 12, y: -34 }))).toEqual([
      '选中的节点已向上移动。新位置：x 12，y -34',
      '选中的节点已向下移动。新位置：x 12，y -34',
      '选中的节点已向左移动。新位置：x 12，y -34',
      '选中的节点已向右移动。新位置：x 12，y -34',
    ]);
  });

  it('should say all of them in English in en', async () => {
    const { en } = await translations();
    for (const use of USES)
      for (const [key, text] of textsOf(canvasAriaLabels(en, use)))
        expect(text, key).not.toMatch(CHINESE);
    expect(
      canvasAriaLabels(en, 'edit')['node.a11yDescription.ariaLiveMessage']({
        direction: 'left',
        x: 12,
        y: -34,
      }),
    ).toBe('Moved selected node left. New position, x: 12, y: -34');
  });

  it('should tell a read-only canvas only what can be done there: nothing moved, deleted or connected', async () => {
    const { zh, en } = await translations();
    expect(keyboardHelp(canvasAriaLabels(zh, 'edit')).join()).toMatch(/移动.*删除/);
    for (const use of ['inspect', 'view'] as const) {
      for (const text of keyboardHelp(canvasAriaLabels(zh, use))) {
        expect(text).toMatch(/^只读视图：/);
        expect(text).not.toMatch(/移动|方向键|删除|连接/);
      }
      for (const text of keyboardHelp(canvasAriaLabels(en, use))) {
        expect(text).toMatch(/^Read-only view: /);
        expect(text).not.toMatch(/\bmove|arrow|delete|remove|connect\b/i);
      }
    }
    expect(canvasAriaLabels(zh, 'inspect')['node.a11yDescription.keyboardDisabled']).toBe(
      '只读视图：按回车键或空格键选中节点，在“属性”中查看它的设置；按 Esc 键取消选中。',
    );
    expect(canvasAriaLabels(en, 'view')['edge.a11yDescription.default']).toBe(
      'Read-only view: press tab to go from connection to connection.',
    );
  });

  it("should show on the canvas in the console's language, and switch with it", async () => {
    await setUpI18n().changeLanguage('zh');
    try {
      const { container } = render(
        <div style={{ width: 800, height: 600 }}>
          <GraphView graph={toGraph(await shipped('order-lifecycle'))} />
        </div>,
      );
      const zoomIn = () => container.querySelector('.react-flow__controls-zoomin');
      const nodeHelp = () => {
        const node = container.querySelector('.react-flow__node');
        const id = node?.getAttribute('aria-describedby');
        return id ? container.ownerDocument.getElementById(id)?.textContent : undefined;
      };
      await waitFor(() => expect(container.querySelector('.react-flow__node')).not.toBeNull());
      expect(zoomIn()?.getAttribute('aria-label')).toBe('放大');
      expect(container.querySelector('.react-flow__controls')?.getAttribute('aria-label')).toBe(
        '画布控制',
      );
      // Read-only (nothing selectable there), it says only what can be done.
      expect(nodeHelp()).toBe('只读视图：按 Tab 键逐个经过节点。');
      await act(() => i18next.changeLanguage('en'));
      await waitFor(() => expect(zoomIn()?.getAttribute('aria-label')).toBe('Zoom in'));
      expect(nodeHelp()).toBe('Read-only view: press tab to go from node to node.');
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
