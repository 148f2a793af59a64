/**
 * WCAG contrast of an element's text against what is really behind it, computed in the page from
 * getComputedStyle: the background is the first opaque one found walking up the ancestors, with
 * semi-transparent layers blended over it (enough for flat UI colours; no images or gradients).
 */
import type { Locator } from '@playwright/test';

export async function contrastRatio(locator: Locator): Promise<{ ratio: number; color: string; background: string }> {
  return locator.evaluate((element) => {
    type Rgba = [number, number, number, number];
    const parse = (text: string): Rgba => {
      const m = text.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1]
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3] + bottom[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: number) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const layers: Rgba[] = [];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let background: Rgba = [255, 255, 255, 1];
    for (const layer of layers.reverse()) background = over(layer, background);
    const color = over(parse(getComputedStyle(element).color), background);
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const [l1, l2] = [luminance(color), luminance(background)].sort((a, b) => b - a);
    const css = (c: Rgba) => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;
    return { ratio: (l1 + 0.05) / (l2 + 0.05), color: css(color), background: css(background) };
  });
}
