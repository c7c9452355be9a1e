import type { Locator } from 'playwright-core';

/**
 * The WCAG 2.1 contrast ratio of an element's text against what is behind it, from the
 * browser's computed styles: the text colour (its alpha and the element's opacity blended over
 * the background) against the first opaque background of it or its ancestors (white if none).
 * With `pseudo` `'::placeholder'`, the text is an input's placeholder (antd's is its own colour).
 */
export function contrastOf(element: Locator, pseudo?: '::placeholder'): Promise<number> {
  return element.evaluate((node, pseudo) => {
    const rgba = (css: string) => {
      const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a: css.startsWith('rgba') ? a : 1 };
    };
    const over = (top: ReturnType<typeof rgba>, under: ReturnType<typeof rgba>) => ({
      r: top.r * top.a + under.r * (1 - top.a),
      g: top.g * top.a + under.g * (1 - top.a),
      b: top.b * top.a + under.b * (1 - top.a),
      a: 1,
    });
    // The backgrounds from the page down to the element, painted in that order.
    const layers: ReturnType<typeof rgba>[] = [];
    for (let at: Element | null = node; at; at = at.parentElement)
      layers.unshift(rgba(getComputedStyle(at).backgroundColor));
    const behind = layers.reduce((under, top) => over(top, under), {
      r: 255,
      g: 255,
      b: 255,
      a: 1,
    });
    const style = getComputedStyle(node, pseudo);
    const text = rgba(style.color);
    const front = over({ ...text, a: text.a * Number(style.opacity) }, behind);
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const [R = 0, G = 0, B = 0] = [r, g, b].map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const [light, dark] = [luminance(front), luminance(behind)].sort((x, y) => y - x);
    return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
  }, pseudo ?? null);
}
