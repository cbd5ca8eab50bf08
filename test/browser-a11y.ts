// Accessibility checks in a browser page (playwright-core): axe-core's WCAG A/AA rules, WCAG
// contrast of CSS colours, and what has the keyboard focus.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from './browser.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is: the violations, one line each. */
export async function axe(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's own CSP (no inline script) stays in force.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Violation = { id: string; nodes: { target: string[] }[] };
    type Run = (ctx: Document, o: object) => Promise<{ violations: Violation[] }>;
    const a = (window as unknown as { axe: { run: Run } }).axe;
    const r = await a.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** WCAG contrast of two CSS rgb() colours. */
export function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    if (r === undefined || g === undefined || bl === undefined) throw new Error(`not an rgb() colour: ${c}`);
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const hi = Math.max(lum(a), lum(b));
  const lo = Math.min(lum(a), lum(b));
  return (hi + 0.05) / (lo + 0.05);
}

/** The focused element: its id (or role and text), and whether a focus ring of ≥ 2 px shows. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement;
    const s = getComputedStyle(e);
    return {
      name: e.id || `${e.tagName.toLowerCase()}:${e.textContent?.trim()}`,
      ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
      colour: s.outlineColor,
    };
  });
