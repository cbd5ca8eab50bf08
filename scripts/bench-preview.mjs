/* global window -- the functions handed to page.evaluate run in the browser */
// `npm run bench`, the preview's part: after a save, how long the warm rebuild of one
// locale's two sheets takes (the server's own `ms`), and how long until the new page is on screen
// in headless Chromium (the page's own timestamp of the moment it swapped the new sheet in).
// Runs the real command (dist/) on a scratch copy of the content; medians of a few saves.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const saves = Number(process.env.BENCH_SAVES ?? 9);
const target = { rebuildMs: 50, screenMs: 300 };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const dir = mkdtempSync(join(tmpdir(), 'bordduk-bench-preview-'));
cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
const sheet1 = join(dir, 'content', 'ledelsesforankring', 'nb', 'sheet1.yaml');
const original = readFileSync(sheet1, 'utf8');
const server = spawn(
  process.execPath,
  [join(root, 'bin', 'bordduk.js'), '--root', dir, 'preview', '--locale', 'nb', '--size', 'A1'],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
let out = '';
server.stdout.on('data', (c) => (out += c));
server.stderr.on('data', () => {});

async function until(what, test, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await test();
    if (v) return v;
    if (Date.now() > end) throw new Error(`bench-preview: timed out waiting for ${what}`);
    await sleep(10);
  }
}

let browser;
try {
  const url = await until('the server', () => /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0]);
  const status = async () => (await fetch(`${url}status.json`)).json();
  const chromium = [process.env.BORDDUK_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p) => p && existsSync(p),
  );
  let page;
  if (chromium) {
    const { chromium: pw } = await import('playwright-core');
    browser = await pw.launch({ executablePath: chromium, chromiumSandbox: false, args: ['--disable-dev-shm-usage'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(url);
    await page.waitForFunction(() => window.bordduk?.shownAt, null, { timeout: 60_000 });
  }
  const rebuild = [];
  const cpu = [];
  const screen = [];
  /** Where the time to screen goes: save → event at the page, loading the PDF in pdf.js, painting. */
  const parts = [];
  for (let i = 0; i < saves; i++) {
    const before = await status();
    const shown = page && (await page.evaluate(() => window.bordduk.shownAt));
    const t0 = Date.now();
    // A new word in the first sheet's first prompt, as an editor would type it.
    const edited = original.replace('    prompt: "', `    prompt: "(${i + 1}) `);
    if (edited === original) throw new Error('bench-preview: nb/sheet1.yaml has no prompt to edit');
    writeFileSync(sheet1, edited);
    const after = await until('the rebuild', async () => {
      const s = await status();
      return s.build > before.build && !s.busy && s;
    });
    if (!after.ok) throw new Error(`bench-preview: the build failed: ${JSON.stringify(after.problems)}`);
    // The first saves warm the JIT up, as an editor's first saves do; they are not counted.
    if (i >= 2) {
      rebuild.push(after.ms);
      cpu.push(after.cpuMs);
    }
    if (page) {
      const at = await page.waitForFunction((s) => window.bordduk.shownAt > s && window.bordduk, shown, {
        timeout: 60_000,
        polling: 'raf',
      });
      const b = await at.jsonValue();
      if (i >= 2) {
        screen.push(b.shownAt - t0);
        parts.push([b.eventAt - t0, b.loadMs, b.paintMs]);
      }
    }
    await sleep(300);
  }
  const r = median(rebuild);
  const s = screen.length ? median(screen) : undefined;
  const line = (name, v, t) =>
    `| ${name} | ${v === undefined ? 'not measured (no Chromium)' : `${v.toFixed(0)} ms`} | ≤ ${t} ms | ${v === undefined ? '' : v <= t ? 'met' : 'NOT MET'} |`;
  console.log(
    `\npreview: ${rebuild.length} saves of nb/sheet1.yaml, medians, after ${saves - rebuild.length} warm-up saves\n`,
  );
  console.log('| measure | time | target | |');
  console.log('| --- | --- | --- | --- |');
  console.log(line('warm rebuild of both A1 sheets (status.json ms)', r, target.rebuildMs));
  console.log(line('save → new page on screen (headless Chromium)', s, target.screenMs));
  console.log(
    `\nrebuild: CPU time ${median(cpu).toFixed(0)} ms, what it costs on an idle machine, roughly (load average now ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`,
  );
  if (parts.length) {
    const m = (k) => median(parts.map((p) => p[k])).toFixed(0);
    console.log(
      `to screen (medians): save → the page hears of the build ${m(0)} ms, pdf.js loads the PDF ${m(1)} ms, paints the page ${m(2)} ms`,
    );
  }
  // bench.mjs runs this after its own measures: a miss here marks the whole run, a pass changes nothing.
  if (!(r <= target.rebuildMs && (s === undefined || s <= target.screenMs))) process.exitCode = 1;
} finally {
  await browser?.close();
  server.kill('SIGINT');
  await new Promise((r) => server.on('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
