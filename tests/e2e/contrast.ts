import type { Locator } from 'playwright-core';

/**
 * The WCAG 2.1 contrast ratio of an element's text against what is behind it, from the
 * browser's computed styles: the element and its ancestors painted from the page down, each
 * its background and, for the element, its text colour (with its alpha), each element's
 * `opacity` fading all it paints (its background, its descendants, the text) into what is behind
 * it; the page white. An ancestor's opacity thus fades the text and the background around it.
 * With `pseudo` `'::placeholder'`, the text is an input's placeholder (antd's is its own colour).
 */
export function contrastOf(element: Locator, pseudo?: '::placeholder'): Promise<number> {
  return element.evaluate((node, pseudo) => {
    type Colour = { r: number; g: number; b: number; a: number };
    const rgba = (css: string): Colour => {
      const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a: css.startsWith('rgba') ? a : 1 };
    };
    const over = (top: Colour, under: Colour): Colour => ({
      r: top.r * top.a + under.r * (1 - top.a),
      g: top.g * top.a + under.g * (1 - top.a),
      b: top.b * top.a + under.b * (1 - top.a),
      a: 1,
    });
    // The page down to the element, in the order they are painted.
    const chain: Element[] = [];
    for (let at: Element | null = node; at; at = at.parentElement) chain.unshift(at);
    const text = rgba(getComputedStyle(node, pseudo).color);
    // What one pixel shows: from `level` down, each element's background over what is behind
    // it, the text on top at the element itself (if `withText`), faded by each level's opacity.
    const paint = (level: number, under: Colour, withText: boolean): Colour => {
      const element = chain[level];
      if (!element) return under;
      const style = getComputedStyle(element);
      let inside = over(rgba(style.backgroundColor), under);
      inside =
        level === chain.length - 1
          ? withText
            ? over(text, inside)
            : inside
          : paint(level + 1, inside, withText);
      return over({ ...inside, a: Number(style.opacity) }, under);
    };
    const white = { r: 255, g: 255, b: 255, a: 1 };
    const front = paint(0, white, true);
    const behind = paint(0, white, false);
    const luminance = ({ r, g, b }: Colour) => {
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
