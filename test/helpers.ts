// Shared test helpers: a scratch copy of the content, the CLI run in-process or as a process,
// and PDFs read back with pdfjs-dist.
import { afterEach } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { run } from '../src/cli/main.js';
import type { Paths } from '../src/paths.js';
import { at } from '../src/at.js';
import type { Block, SheetModel } from '../src/content/sheet-model.js';
import type { BlockKind } from '../src/content/kinds.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const TOOL = 'ledelsesforankring';
/** The shipped tool's locales, read from its tool.yaml: a language added there changes no count in a test. */
export const LOCALES: string[] = (
  parse(readFileSync(join(ROOT, 'content', TOOL, 'tool.yaml'), 'utf8')) as { locales: string[] }
).locales;

/**
 * Tests about the shipped tool name it: a build, validate or preview of the repository's own content
 * without --root or --tool gets `--tool ledelsesforankring`, so that another tool added to
 * content/ changes nothing they see. Tests of several tools use a --root project of their own.
 */
export function shippedTool(args: string[]): string[] {
  const at = args.findIndex((a) => a === 'build' || a === 'validate' || a === 'preview');
  if (at < 0 || args.includes('--root') || args.includes('--tool')) return args;
  return [...args.slice(0, at + 1), '--tool', TOOL, ...args.slice(at + 1)];
}

/**
 * A value the test cannot go on without (a Map entry, a `find` result, a regex match, a record key):
 * returns it, or throws saying what was missing, so a failure names its cause instead of a later
 * "cannot read properties of undefined".
 */
export function must<T>(x: T | undefined | null, what: string): T {
  if (x === undefined || x === null) throw new Error(`expected ${what}, found ${x}`);
  return x;
}

/** Capture group `n` of the first match of `re` in `s`; throws showing the pattern and the text where there is none. */
export function capture(s: string, re: RegExp, n = 1): string {
  const m = re.exec(s);
  const g = m?.[n];
  if (g === undefined) throw new Error(`expected ${re} to capture group ${n} in ${JSON.stringify(s.slice(0, 200))}`);
  return g;
}

/** A PDF rectangle `[x0, y0, x1, y1]` (a page's view box, an annotation's Rect), checked to have its four numbers. */
export function rect(v: ArrayLike<number>, what = 'a rectangle'): [number, number, number, number] {
  if (v.length !== 4) throw new Error(`expected ${what} of 4 numbers, found ${v.length}`);
  return [at(v, 0), at(v, 1), at(v, 2), at(v, 3)];
}

export interface Project {
  dir: string;
  paths: Paths;
  /** Path of a content file, relative to the tool's folder, e.g. 'nb/sheet1.yaml'. */
  file(rel: string): string;
  read(rel: string): string;
  write(rel: string, text: string): void;
  edit(rel: string, fn: (text: string) => string): void;
}

/**
 * A scratch project folder with a copy of the shipped tool's content and templates (fonts stay
 * shared). Only that tool: another tool added to the repository does not change what tests see.
 */
export function scratchProject(): Project {
  const dir = mkdtempSync(join(tmpdir(), 'bordduk-test-'));
  for (const sub of [
    join('content', TOOL),
    join('content', 'schema'),
    join('templates', TOOL),
    join('templates', 'theme.yaml'),
  ]) {
    cpSync(join(ROOT, sub), join(dir, sub), { recursive: true });
  }
  const paths = { content: join(dir, 'content'), templates: join(dir, 'templates'), fonts: join(ROOT, 'fonts') };
  const file = (rel: string) => join(dir, 'content', TOOL, rel);
  return {
    dir,
    paths,
    file,
    read: (rel) => readFileSync(file(rel), 'utf8'),
    write: (rel, text) => writeFileSync(file(rel), text),
    edit: (rel, fn) => writeFileSync(file(rel), fn(readFileSync(file(rel), 'utf8'))),
  };
}

/** A maker of scratch projects for one test file: each is removed after the test that made it. */
export function scratchProjects(): () => Project {
  const made: Project[] = [];
  afterEach(() => made.splice(0).forEach((p) => rmSync(p.dir, { recursive: true, force: true })));
  return () => {
    const p = scratchProject();
    made.push(p);
    return p;
  };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process (fast: no process to start, modules stay loaded; each build has its own context). */
export async function cli(args: string[], cwd?: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await run(shippedTool(args), { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
    return { code, stdout, stderr };
  } finally {
    if (cwd) process.chdir(before);
  }
}

/** Runs the real `bordduk` command (the bundle in dist/) as a child process. */
export function cliProcess(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'bordduk.js'), ...shippedTool(args)], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface PdfText {
  str: string;
  x: number;
  /** Top-left origin, y downwards, like the frames. */
  y: number;
  w: number;
  h: number;
  font: string;
}

export interface PdfPage {
  width: number;
  height: number;
  texts: PdfText[];
}

export interface PdfInfo {
  pages: PdfPage[];
  info: Record<string, unknown>;
  outline: { title: string; items: unknown[] }[] | null;
  /** Font names as embedded (subset tags included). */
  fonts: string[];
}

export async function readPdf(path: string): Promise<PdfInfo> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(readFileSync(path));
  const doc = await pdfjs.getDocument({
    data: data.slice(),
    verbosity: 0,
    useSystemFonts: false,
    disableFontFace: true,
  }).promise;
  const pages: PdfPage[] = [];
  const fonts = new Set<string>();
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = rect(page.view, 'a page view box');
    const height = y1 - y0;
    const content = await page.getTextContent();
    const texts: PdfText[] = [];
    for (const it of content.items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const [, , c, d, e, f] = matrix(it.transform as number[]);
      const size = Math.hypot(c, d);
      texts.push({
        str: it.str,
        x: e - x0,
        y: height - (f - y0) - size * 0.8,
        w: it.width,
        h: size,
        font: it.fontName,
      });
    }
    pages.push({ width: x1 - x0, height, texts });
  }
  const meta = await doc.getMetadata();
  const outline = await doc.getOutline();
  await doc.destroy();
  for (const f of await embeddedFonts(data)) fonts.add(f);
  return {
    pages,
    info: meta.info as Record<string, unknown>,
    outline: outline,
    fonts: [...fonts],
  };
}

/** A PDF transformation matrix `[a, b, c, d, e, f]` (a text item's transform), checked to have its six numbers. */
export function matrix(t: ArrayLike<number>): [number, number, number, number, number, number] {
  if (t.length !== 6) throw new Error(`expected a transform of 6 numbers, found ${t.length}`);
  return [at(t, 0), at(t, 1), at(t, 2), at(t, 3), at(t, 4), at(t, 5)];
}

/** BaseFont names of fonts whose descriptor carries an embedded font file; unembedded ones get a '!' prefix. */
export async function embeddedFonts(data: Uint8Array): Promise<string[]> {
  const { PDFDocument, PDFDict, PDFName } = await import('pdf-lib');
  const doc = await PDFDocument.load(data, { updateMetadata: false });
  const out: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    if (obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const name = String(obj.get(PDFName.of('FontName'))).replace(/^\//, '');
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => obj.has(PDFName.of(k)));
    out.push(embedded ? name : `!${name}`);
  }
  return out.sort();
}

/** All text of a PDF without spaces and hyphens, for "does the YAML text appear" checks across line breaks. */
export function joinedText(pdf: PdfInfo): string {
  return compact(pdf.pages.map((p) => p.texts.map((t) => t.str).join('')).join(''));
}

/** The text of page `n` (0-based) of a PDF, compacted as joinedText() does; throws if there is no such page. */
export function pageText(pdf: PdfInfo, n: number): string {
  return compact(
    at(pdf.pages, n)
      .texts.map((t) => t.str)
      .join(''),
  );
}

/** Text with whitespace and hyphens removed: a hyphenated line end and the unbroken word compare equal. */
export function compact(s: string): string {
  return s.normalize('NFC').replace(/[\s\-\u00ad\u2010]/g, '');
}

/** Every string in a YAML value (a content file's words), depth first. */
export function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

/** A sheet's block by id, of the kind the test expects: a test about a table fails by name if it is none. */
export function blockOf<K extends BlockKind>(sheet: SheetModel, id: string, kind: K): Extract<Block, { kind: K }> {
  const b = sheet.blocks.find((x) => x.id === id);
  if (!b || b.kind !== kind) throw new Error(`sheet ${sheet.id} has no ${kind} block '${id}'`);
  return b as Extract<Block, { kind: K }>;
}
