// The preview page against WCAG 2.1 AA in headless Chromium: axe-core's A/AA rules find nothing (in
// the sheet view, the text view, with an error showing, and at 320 CSS px); it works by keyboard
// alone (tab order, a visible focus ring on every stop, zoom keys only in the preview, the language
// applied on Enter, not at each arrow key); an error is said with its details through a live region
// that was on the page before it; at 320 px the page reflows; the document's words carry its language
// and its structure (headings, tables, lists) in the text view, which a save updates in place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type PreviewServer } from '../src/preview/preview.js';
import { type Project } from './helpers.js';
import { nextBuild } from './preview-helpers.js';
import { axe, contrast, focused } from './browser-a11y.js';
import { browserPath, browserTitle, openPreview, type BrowserPreview, type Page } from './browser.js';

const title = browserTitle('the preview page to WCAG 2.1 AA');

describe.skipIf(!browserPath)(title, () => {
  let session: BrowserPreview | undefined;
  let p: Project;
  let server: PreviewServer;
  let page: Page;
  let errors: string[];
  const shown = () => page.waitForFunction(() => document.body.dataset.shown, null, { timeout: 60_000 });

  beforeAll(async () => {
    session = await openPreview({ width: 1280, height: 1024 });
    ({ p, server, page, errors } = session);
    await page.goto(server.url);
    await shown();
  });
  afterAll(async () => session?.close());

  it('has no axe violation in the sheet view, and one h1', async () => {
    expect(await axe(page)).toEqual([]);
    expect(await page.locator('h1').count()).toBe(1);
  });

  it('gives the text view the document structure, in the document language', async () => {
    const sheet = parse(p.read('nb/sheet1.yaml')) as { title: string; blocks: Record<string, unknown> };
    const view = page.locator('#textview');
    expect(await view.getAttribute('lang')).toBe('nb');
    expect(await page.locator('#pages').getAttribute('lang')).toBe('nb');
    expect((await view.locator('h2').allTextContents()).map((t) => t.trim())).toEqual([sheet.title]);
    expect(await view.locator('h3').count()).toBe(Object.keys(sheet.blocks).length);
    expect(await view.locator('table th[scope="col"]').count()).toBeGreaterThan(3);
    expect(await view.locator('table th[scope="row"]').count()).toBeGreaterThan(3);
    expect(await view.locator('ul > li').count()).toBeGreaterThan(3);
    // The drawing is hidden from assistive technology, which gets the words from the text view.
    expect(await page.locator('.page[aria-hidden="true"]').count()).toBe(await page.locator('.page').count());
    // Each language option is named and marked in its own language.
    for (const o of await page.locator('#locale option').all()) expect(await o.getAttribute('lang')).toBeTruthy();

    await page.click('#view-text');
    expect(await page.locator('#pages').isHidden()).toBe(true);
    expect(await view.isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.click('#view-text');
    expect(await page.locator('#pages').isVisible()).toBe(true);
  });

  it('keeps a reader in the text view where they were when a save changes a few words', async () => {
    const sheet = parse(p.read('nb/sheet1.yaml')) as { intro: string };
    const added = ' Ett ord til.';
    // Nodes the save does not touch are marked; a rebuild that replaced the whole view would lose them.
    await page.$$eval('#textview h2, #textview h3', (els) => {
      for (const e of els) (e as unknown as { kept?: boolean }).kept = true;
    });
    const before = await page.$$eval('#textview h2, #textview h3', (els) => els.length);
    const build = server.status().build;
    p.edit('nb/sheet1.yaml', (t) => t.replace(sheet.intro, sheet.intro + added));
    await nextBuild(server, build);
    await page.waitForFunction((w) => document.querySelector('#textview')?.textContent?.includes(w), added.trim(), {
      timeout: 60_000,
    });
    const kept = await page.$$eval(
      '#textview h2, #textview h3',
      (els) => els.filter((e) => (e as unknown as { kept?: boolean }).kept).length,
    );
    expect(before).toBeGreaterThan(1);
    expect(kept).toBe(before);
    const again = server.status().build;
    p.edit('nb/sheet1.yaml', (t) => t.replace(sheet.intro + added, sheet.intro));
    await nextBuild(server, again);
    await page.waitForFunction((w) => !document.querySelector('#textview')?.textContent?.includes(w), added.trim(), {
      timeout: 60_000,
    });
  });

  it("gives the guide's text view its words whole: every word is a word of the content", async () => {
    const source = readdirSync(p.file('.'), { recursive: true })
      .filter((f) => String(f).endsWith('.yaml'))
      .map((f) => readFileSync(p.file(String(f)), 'utf8'))
      .join(' ')
      .toLowerCase();
    const known = new Set(source.match(/[\p{L}\p{N}]+/gu));
    await page.click('#docs button[data-doc="guide"]');
    await page.waitForFunction(
      () => document.querySelector('#textview')?.getAttribute('aria-label') === 'Guide as text',
    );
    const words = await page.$eval('#textview', (e) => {
      const c = e.cloneNode(true) as HTMLElement;
      c.querySelectorAll('[lang="en"]').forEach((x) => x.remove());
      // Blocks end a word; inside a line (a link, a span) only the text's own spaces count.
      c.querySelectorAll('p, h2, h3, h4, h5, h6, li, th, td, figure').forEach((x) => x.append(' '));
      return c.textContent ?? '';
    });
    const all = words.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    expect(all.length).toBeGreaterThan(500);
    // A line end or a link is not a space glyph in the PDF: words run together here if it is lost.
    expect(all.filter((w) => !known.has(w) && !/^\d+$/.test(w))).toEqual([]);
    expect(await page.$$eval('#textview h2', (h) => h.length)).toBe(1);
    expect(await page.$$eval('#textview h3', (h) => h.length)).toBeGreaterThan(2);
    await page.click('#docs button[data-doc="sheet1"]');
    await page.waitForFunction(
      () => document.querySelector('#textview')?.getAttribute('aria-label') === 'Sheet 1 as text',
    );
  });

  it('is usable by keyboard alone: every control in order, each with a visible focus ring of ≥ 3:1', async () => {
    // A click on the heading puts the start of the tab sequence at the top of the page.
    await page.click('h1');
    const stops: string[] = [];
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.ring, `focus ring on ${f.name.slice(0, 40)} after ${stops.join(' ')}`).toBe(true);
      // Against every surface a ring is drawn on: the bar, the desk behind the sheet, white.
      const surfaces = await page.evaluate(() => [
        getComputedStyle(document.querySelector('.bar')!).backgroundColor,
        getComputedStyle(document.body).backgroundColor,
        'rgb(255, 255, 255)',
      ]);
      for (const bg of surfaces) expect(contrast(f.colour, bg), f.name).toBeGreaterThanOrEqual(3);
      stops.push(f.name);
    }
    expect(stops).toEqual([
      'button:Sheet 1',
      'button:Sheet 2',
      'button:Guide',
      'locale',
      'zoom-out',
      'zoom-fit',
      'zoom-in',
      'view-text',
      'viewer',
    ]);
    // And back the same way.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).name).toBe('view-text');
    // The selected document is marked by more than a lighter background: an ink bar of ≥ 3:1.
    const pressed = await page.$eval('#docs [aria-pressed="true"]', (b) => {
      const s = getComputedStyle(b);
      return { shadow: s.boxShadow, bg: s.backgroundColor };
    });
    const bar = /(rgba?\([^)]*\))[^,]*inset/.exec(pressed.shadow)?.[1] ?? '';
    expect(contrast(bar, pressed.bg)).toBeGreaterThanOrEqual(3);
  });

  it('zooms with + and 0 only while the preview has the focus', async () => {
    const zoom = () => page.evaluate(() => document.body.dataset.zoom);
    expect(await zoom()).toBe('fit');
    for (const id of ['zoom-fit', 'locale', 'view-text']) {
      await page.focus(`#${id}`);
      await page.keyboard.press('+');
      expect(await zoom(), `+ on #${id}`).toBe('fit');
    }
    const width = () => page.$eval('.page', (e) => e.getBoundingClientRect().width);
    const fit = await width();
    await page.focus('#viewer');
    await page.keyboard.press('+');
    expect(await zoom()).not.toBe('fit');
    await page.waitForFunction((w) => document.querySelector('.page')!.getBoundingClientRect().width > w * 1.05, fit);
    await page.keyboard.press('0');
    expect(await zoom()).toBe('fit');
    await page.waitForFunction(
      (w) => Math.abs(document.querySelector('.page')!.getBoundingClientRect().width - w) < 2,
      fit,
    );
  });

  it('applies a language on Enter, not at each arrow key', async () => {
    const build = server.status().build;
    await page.focus('#locale');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // Anything the arrows had sent would reach the server before this request's answer.
    await page.evaluate(() => fetch('/status.json').then((r) => r.text()));
    expect(server.status().build).toBe(build);
    expect(server.status().locale).toBe('nb');
    const chosen = await page.$eval('#locale', (s: HTMLSelectElement) => s.value);
    expect(chosen).not.toBe('nb');
    await page.keyboard.press('Enter');
    await nextBuild(server, build, 60_000);
    expect(server.status().locale).toBe(chosen);
    await page.waitForFunction((l) => document.querySelector('#textview')?.getAttribute('lang') === l, chosen, {
      timeout: 60_000,
    });
    await page.selectOption('#locale', 'nb');
    await page.waitForFunction(() => document.querySelector('#pages')?.getAttribute('lang') === 'nb', null, {
      timeout: 60_000,
    });
  });

  it('says an error with its file, line and message through a live region, and moves the focus to it', async () => {
    const region = page.locator('#announce');
    expect(await region.getAttribute('role')).toBe('alert');
    await page.focus('#viewer');
    const build = server.status().build;
    p.edit('nb/sheet1.yaml', (t) => t.replace('    prompt: "', '    promt: "'));
    await nextBuild(server, build);
    await page.waitForFunction(() => /promt/.test(document.querySelector('#announce')?.textContent ?? ''), null, {
      timeout: 60_000,
    });
    const line = p
      .read('nb/sheet1.yaml')
      .split('\n')
      .findIndex((l) => l.startsWith('    promt:'));
    const said = (await region.textContent()) ?? '';
    expect(said).toContain(`nb/sheet1.yaml line ${line + 1}`);
    expect(said).toContain("unknown key 'promt'");
    expect(said).toContain("did you mean 'prompt'?");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('problems-title');
    expect((await focused(page)).ring).toBe(true);
    expect(await axe(page)).toEqual([]);

    p.edit('nb/sheet1.yaml', (t) => t.replace('    promt: "', '    prompt: "'));
    await page.waitForFunction(() => /fixed/.test(document.querySelector('#announce')?.textContent ?? ''), null, {
      timeout: 60_000,
    });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('viewer');
  });

  it('reflows at 320 CSS px (1280 px at 400 %): the page scrolls as a whole, the sheet fits the width', async () => {
    await page.setViewportSize({ width: 320, height: 256 });
    await page.waitForFunction(() => document.querySelector('.page')!.getBoundingClientRect().width < 320, null, {
      timeout: 60_000,
    });
    const m = await page.evaluate(() => {
      const sheet = document.querySelector('.page')!.getBoundingClientRect();
      const bar = document.querySelector('.bar')!.getBoundingClientRect();
      const root = document.scrollingElement!;
      return { scrollW: root.scrollWidth, scrollH: root.scrollHeight, sheet, barH: bar.height, winH: innerHeight };
    });
    // No sideways scrolling; the document (not a strip under the header) scrolls down to the sheet.
    expect(m.scrollW).toBeLessThanOrEqual(320);
    expect(m.scrollH).toBeGreaterThanOrEqual(m.barH + m.sheet.height);
    // Scrolled down, the sheet gets the window (it had a 21 px strip under a fixed header).
    await page.evaluate(() => document.querySelector('.page')!.scrollIntoView());
    const seen = await page.$eval('.page', (e) => {
      const r = e.getBoundingClientRect();
      return { seen: Math.min(r.bottom, innerHeight) - Math.max(r.top, 0), h: r.height };
    });
    expect(seen.seen).toBeGreaterThanOrEqual(Math.min(seen.h, m.winH * 0.9) - 1);
    expect(await axe(page)).toEqual([]);
    // By keyboard at this size: each stop is scrolled into the window, with its ring showing.
    await page.click('h1');
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      const box = await page.evaluate(() => document.activeElement!.getBoundingClientRect().toJSON());
      expect(f.ring, f.name).toBe(true);
      expect(box.top < 256 && box.bottom > 0 && box.right <= 320 + 1, f.name).toBe(true);
    }

    await page.click('#view-text');
    const text = await page.$eval('#textview', (e) => ({ w: e.scrollWidth, c: e.clientWidth }));
    expect(text.w).toBeLessThanOrEqual(text.c);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axe(page)).toEqual([]);
    await page.click('#view-text');
    await page.setViewportSize({ width: 1280, height: 1024 });
    expect(errors).toEqual([]);
  });
});
