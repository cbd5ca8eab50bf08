// The preview in headless Chromium (Debian's `chromium`, driven by playwright-core), for the browser
// tests: which browser there is (the tests are skipped, saying so, on a machine without one), and a
// preview server on a project copy of its own with a page open in the browser, collecting the page's
// errors.
import { existsSync } from 'node:fs';
import { startPreview, type PreviewServer } from '../src/preview/preview.js';
import { scratchProject, type Project } from './helpers.js';

export type Page = import('playwright-core').Page;
export type Browser = import('playwright-core').Browser;

/** The Chromium or Chrome binary to drive (BORDDUK_CHROMIUM first), or undefined when there is none. */
export const browserPath = [
  process.env.BORDDUK_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].find((p) => p && existsSync(p));

/** Chromium without a sandbox (a container), GPU, /dev/shm, background traffic or first-run pages. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The title of a browser test's describe: what it tests, and in which browser, or that it is skipped and why. */
export function browserTitle(what: string): string {
  if (browserPath) return `${what}, in headless Chromium (${browserPath})`;
  const title = `${what}: SKIPPED, no Chromium found (apt-get install chromium, or set BORDDUK_CHROMIUM to a Chrome or Chromium binary)`;
  console.warn(title);
  return title;
}

export interface BrowserPreview {
  /** The project copy the server watches: the test's edits go here. */
  p: Project;
  server: PreviewServer;
  browser: Browser;
  /** A page of the given size, not yet at the preview's address. */
  page: Page;
  /** The page's uncaught errors and console errors, as they come. */
  errors: string[];
  /** Closes the browser, then the server. */
  close(): Promise<void>;
}

/** A preview server (nb) on a project copy of its own, and a page in headless Chromium to open it in. */
export async function openPreview(viewport: { width: number; height: number }): Promise<BrowserPreview> {
  if (!browserPath) throw new Error('no Chromium to open the preview in');
  const { chromium } = await import('playwright-core');
  const p = scratchProject();
  const server = await startPreview({ paths: p.paths, locale: 'nb' });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: browserPath, chromiumSandbox: false, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    const b = browser;
    return {
      p,
      server,
      browser: b,
      page,
      errors,
      close: async () => {
        await b.close();
        await server.close();
      },
    };
  } catch (e) {
    await browser?.close();
    await server.close();
    throw e;
  }
}
