// The preview in a real browser: headless Chromium (Debian's `chromium`, driven by playwright-core)
// opens the page, an editor's save shows up in the rendered sheet, the page you read is kept across
// a rebuild, and a YAML mistake shows its file:line in the page in front of the last good preview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PreviewServer } from '../src/preview/preview.js';
import { type Project } from './helpers.js';
import { nextBuild } from './preview-helpers.js';
import { browserPath, browserTitle, openPreview, type BrowserPreview, type Page } from './browser.js';
import { parse } from 'yaml';

const title = browserTitle('bordduk preview');

/** The rendered page's text (pdf.js's text layer) without spaces and hyphens, as in the PDF tests. */
const shownText = (page: Page) =>
  page.$$eval('.textLayer', (els) =>
    els
      .map((e) => e.textContent ?? '')
      .join('')
      .replace(/[\s\u00ad-]/g, ''),
  );

async function waitForText(page: Page, words: string): Promise<void> {
  const want = words.replace(/[\s-]/g, '');
  await page.waitForFunction(
    (w) =>
      [...document.querySelectorAll('.textLayer')]
        .map((e) => e.textContent ?? '')
        .join('')
        .replace(/[\s\u00ad-]/g, '')
        .includes(w),
    want,
    { timeout: 60_000, polling: 50 },
  );
}

describe.skipIf(!browserPath)(title, () => {
  let session: BrowserPreview | undefined;
  let p: Project;
  let server: PreviewServer;
  let page: Page;
  let errors: string[];
  // What the test looks for is read from the content, so an editor's rewording cannot break it:
  // the source locale's sheet 1, its title, and the first block with a prompt (its id and first words).
  let source = '';
  let other = '';
  let sheet1 = '';
  let sheetTitle = '';
  let block = '';
  let firstWord = '';
  let nextWords = '';

  beforeAll(async () => {
    session = await openPreview({ width: 1200, height: 850 });
    ({ p, server, page, errors } = session);
    const tool = parse(p.read('tool.yaml')) as { sourceLocale: string; locales: string[] };
    source = tool.sourceLocale;
    other = tool.locales.find((l) => l !== source) ?? source;
    sheet1 = `${source}/sheet1.yaml`;
    const words = parse(p.read(sheet1)) as { title: string; blocks: Record<string, { prompt?: string }> };
    sheetTitle = words.title;
    const [id, prompted] = Object.entries(words.blocks).find(([, b]) => b.prompt) ?? ['', {}];
    block = id;
    const promptWords = (prompted.prompt ?? '').split(' ');
    firstWord = promptWords[0] ?? '';
    nextWords = promptWords.slice(1, 4).join(' ');
    expect(firstWord).not.toBe('');
    expect(nextWords.split(' ')).toHaveLength(3);
  });
  afterAll(async () => session?.close());

  it("shows the sheet, rendered by pdf.js from the server's PDF", async () => {
    await page.goto(server.url);
    await waitForText(page, sheetTitle);
    await waitForText(page, `${firstWord} ${nextWords}`);
    expect(await page.locator('.page canvas').count()).toBe(1);
    expect(await page.locator('#docs button').allTextContents()).toEqual(['Sheet 1', 'Sheet 2', 'Guide']);
    expect(await page.locator('#state-text').textContent()).toMatch(
      new RegExp(`${source} · A1 · build 1 · [\\d.]+ ms · question text [\\d.]+ pt \\(floor 16 pt\\)`),
    );
    // Painted, not blank: the canvas holds the sheet's dark title band.
    const dark = await page.$eval('.page canvas', (c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, Math.floor(c.height / 12)).data;
      let n = 0;
      // In the page, so no imported helper: RGBA data, four bytes a pixel, so i + 2 is inside.
      for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! < 300) n++;
      return n / (d.length / 4);
    });
    expect(dark).toBeGreaterThan(0.3);
  });

  it('shows an edited prompt after the save, by itself', async () => {
    const before = server.status().build;
    const t0 = Date.now();
    expect(p.read(sheet1)).toContain(`    prompt: "${firstWord} ${nextWords}`);
    p.edit(sheet1, (t) => t.replace(`    prompt: "${firstWord} `, `    prompt: "${firstWord} kobberfargede `));
    await waitForText(page, `${firstWord} kobberfargede ${nextWords}`);
    const shownAt = await page.evaluate(() => (window as unknown as { bordduk: { shownAt: number } }).bordduk.shownAt);
    console.log(
      `preview: saved → on screen in ${Math.round(shownAt - t0)} ms (rebuild ${server.status().ms} ms; see npm run bench)`,
    );
    expect(server.status().build).toBe(before + 1);
    expect(await shownText(page)).not.toContain(`${firstWord}${nextWords}`.replace(/[\s-]/g, ''));
  });

  it('zooms, and keeps the guide page you were reading across a rebuild', async () => {
    const width = () => page.$eval('.page', (e) => e.getBoundingClientRect().width);
    const fit = await width();
    await page.click('#zoom-in');
    await page.waitForFunction((w) => document.querySelector('.page')!.getBoundingClientRect().width > w * 1.05, fit);
    await page.click('#zoom-fit');

    await page.click('#docs button:has-text("Guide")');
    await page.waitForFunction(() => document.querySelectorAll('.page').length > 3);
    await page.$eval('#viewer', (v) => {
      const third = document.querySelector<HTMLElement>('.page[data-page="3"]')!;
      v.scrollTop = third.offsetTop + 40;
    });
    const build = server.status().build;
    const url = await page.evaluate(() => document.body.dataset.shown);
    p.edit(`${source}/guide.yaml`, (t) => t.replace(/^(\s*title: )(.*)$/m, '$1$2 (utkast)'));
    await nextBuild(server, build);
    await page.waitForFunction((u) => document.body.dataset.shown !== u, url, { timeout: 60_000 });
    const onScreen = await page.$eval('#viewer', (v) => {
      const mid = v.scrollTop + 60;
      return [...document.querySelectorAll<HTMLElement>('.page')].find(
        (e) => e.offsetTop <= mid && e.offsetTop + e.offsetHeight > mid,
      )?.dataset.page;
    });
    expect(onScreen).toBe('3');
    await page.click('#docs button:has-text("Sheet 1")');
    await waitForText(page, `${firstWord} kobberfargede`);
  });

  it('shows a YAML mistake with its file:line in the page, in front of the last good preview', async () => {
    const build = server.status().build;
    p.edit(sheet1, (t) =>
      t.replace(`    prompt: "${firstWord} kobberfargede`, `    promt: "${firstWord} kobberfargede`),
    );
    await nextBuild(server, build);
    const box = page.locator('#problems');
    await box.waitFor({ state: 'visible', timeout: 60_000 });
    const text = (await box.textContent()) ?? '';
    const line =
      p
        .read(sheet1)
        .split('\n')
        .findIndex((l) => l.startsWith('    promt:')) + 1;
    expect(text).toContain(`${sheet1}:${line}:5`);
    expect(text).toContain(`unknown key 'promt' in 'blocks.${block}'`);
    expect(text).toContain("did you mean 'prompt'?");
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('error');
    // The last good preview is still there behind the problems.
    expect(await shownText(page)).toContain(`${firstWord}kobberfargede`);

    p.edit(sheet1, (t) => t.replace('    promt: "', '    prompt: "'));
    await box.waitFor({ state: 'hidden', timeout: 60_000 });
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('ok');
  });

  it('switches the language on the page', async () => {
    await page.selectOption('#locale', other);
    await page.waitForFunction(
      (l) =>
        (document.querySelector('#state-text')!.textContent ?? '').startsWith(`${l} · A1`) &&
        document.body.dataset.state === 'ok',
      other,
      { timeout: 60_000 },
    );
    await page.waitForFunction((l) => document.body.dataset.shown?.includes(`-${l}-sheet1-`), other, {
      timeout: 60_000,
    });
    expect(server.status().locale).toBe(other);
    expect(errors).toEqual([]);
  });
});
