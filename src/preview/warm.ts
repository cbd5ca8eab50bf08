// The warm half of the preview: one process that keeps between saves what a rebuild need not redo.
// Parsed files, fonts (parsed once, with their shaping memo), hyphenation patterns and the fits of an
// unchanged model live in the builder's one build context, whose memos are bounded (so hours of edits
// do not grow it without limit: pipeline/context.ts); here we keep the checked templates and the
// last rendered PDFs, each under a fingerprint of the files it was made from, so that a save lays
// out again only what those files feed: a sheet's words → both sheets (they share one text size)
// and the guide (its miniatures); guide.yaml → the guide alone; templates or fonts → everything.
import { at } from '../at.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError, Problems, UsageError, sortProblems, type Problem } from '../errors.js';
import type { Paths } from '../paths.js';
import type { ToolModel } from '../content/load.js';
import { parseSize, type Orientation } from '../layout/units.js';
import { runUnit, type Rendered, type Unit, type UnitResult } from '../pipeline/jobs.js';
import { resolveLocales, resolveTool } from '../pipeline/tools.js';
import { loadLocale, loadShared, type SharedFiles } from '../pipeline/models.js';
import { resolvePlan, unitOptions } from '../pipeline/plan.js';
import { checkLocales } from '../pipeline/checks.js';
import { BuildContext } from '../pipeline/context.js';

export interface WarmOptions {
  paths: Paths;
  tool?: string;
  locale?: string;
  size?: string;
  orientation?: Orientation;
  allowSmall?: boolean;
}

/** One PDF the preview shows; its bytes stay in memory and are served by name. */
export interface PreviewFile {
  kind: 'sheet' | 'guide';
  sheet?: number;
  locale: string;
  size: string;
  name: string;
  /** Names these bytes (the start of their SHA-256): part of the URL, so a browser never shows a stale copy. */
  version: string;
  bytes: Uint8Array;
  /** For sheets: the question-text size fitting chose and the readability floor, in points. */
  textSize?: number;
  floor?: number;
}

export interface Outcome {
  /** Something changed and was rebuilt (or failed); false when the files were as before. */
  changed: boolean;
  /** Milliseconds from the start of the rebuild until the sheets (or, when they were current, the guide) were ready. */
  ms: number;
  /** CPU time of this process in the same span (all its threads): what `ms` would be on an idle machine, roughly. */
  cpuMs: number;
  problems: Problem[];
}

interface Made {
  key: string;
  files: PreviewFile[];
  warnings: Problem[];
}

interface LocaleCache {
  sheets?: Made;
  guide?: Made;
}

const hash = (...parts: (string | Buffer)[]) => {
  const h = createHash('sha1');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

/**
 * A file's text for a fingerprint, or a marker when it cannot be read (removed mid-save, say): the
 * loader then reports it properly, with its path, as it would in a build.
 */
function text(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch (e) {
    return `\0unreadable:${(e as NodeJS.ErrnoException).code}`;
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Text of every file under `dir` (sorted, one level of folders), for fingerprints; fonts by size and time. */
function fingerprint(dir: string, cheap = false): string {
  if (!existsSync(dir)) return '';
  const parts: string[] = [];
  const walk = (d: string, depth: number) => {
    for (const name of list(d)) {
      const p = join(d, name);
      const s = statSync(p, { throwIfNoEntry: false });
      if (!s) continue;
      if (s.isDirectory()) {
        if (depth < 2) walk(p, depth + 1);
      } else parts.push(p, cheap ? `${s.size}:${s.mtimeMs}` : text(p));
    }
  };
  walk(dir, 0);
  return hash(...parts);
}

export class WarmBuilder {
  readonly size: string;
  locale: string;
  build = 0;
  private toolId?: string;
  /** Tool file and templates, checked: kept until one of them or a font changes. */
  private shared?: SharedFiles;
  private templatesKey = '';
  private fontsKey = '';
  private byLocale = new Map<string, LocaleCache>();
  /** The last rebuild failed: the next one reports, even if the files are back as they were. */
  private failed = false;
  /** What every rebuild of this preview shares: parsed files, fonts, hyphenators, fits (all bounded). */
  readonly ctx = new BuildContext();

  constructor(readonly opts: WarmOptions) {
    this.size = opts.size ?? 'A1';
    // A size or orientation we cannot read is the command line's mistake: say so before serving.
    parseSize(this.size, opts.orientation, 'landscape');
    this.locale = opts.locale ?? '';
  }

  /** The tool's locales (after the first rebuild). */
  get locales(): string[] {
    return this.shared?.tool.locales ?? [];
  }

  /**
   * The files to show: the current locale's as last built well, sheets first, then the guide. Just
   * after a switch of locale, until the new one's sheets are ready, the previous locale's stay.
   */
  files(): PreviewFile[] {
    const c = this.shown();
    return [...(c?.sheets?.files ?? []), ...(c?.guide?.files ?? [])];
  }

  /** Warnings of the files now shown (text under the floor and the like). */
  warnings(): Problem[] {
    const c = this.shown();
    return [...(c?.sheets?.warnings ?? []), ...(c?.guide?.warnings ?? [])];
  }

  /** Any PDF built in this process, by name (names carry the locale, so they never clash). */
  file(name: string): PreviewFile | undefined {
    for (const c of this.byLocale.values())
      for (const f of [...(c.sheets?.files ?? []), ...(c.guide?.files ?? [])]) if (f.name === name) return f;
    return undefined;
  }

  private shownLocale = '';
  private shown(): LocaleCache | undefined {
    const now = this.byLocale.get(this.locale);
    if (now?.sheets || !this.shownLocale) return now;
    return this.byLocale.get(this.shownLocale);
  }

  setLocale(locale: string): void {
    const tool = this.shared?.tool;
    if (tool && !tool.locales.includes(locale))
      throw new UsageError(`unknown locale '${locale}'; this tool has: ${tool.locales.join(', ')}`);
    this.locale = locale;
  }

  /**
   * Brings the current locale's files up to date. `onSheets` is called as soon as the sheets are
   * ready, before the guide (the slower half) is laid out, and the guide waits for the promise it
   * returns: laying out blocks this thread, so the page fetches the new sheet first.
   * Content mistakes come back as problems; anything else (a bug) is thrown.
   */
  async rebuild(onSheets: (o: Outcome) => void | Promise<void> = () => {}): Promise<Outcome> {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const cpu = () => {
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1000;
    };
    const problems = new Problems();
    let firstMs: number | undefined;
    let firstCpu: number | undefined;
    let changed = false;
    try {
      const model = this.model(problems);
      const cache = this.byLocale.get(this.locale) ?? {};
      this.byLocale.set(this.locale, cache);
      const dir = join(this.opts.paths.content, this.toolId!, this.locale);
      const texts = list(dir)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => [f, text(join(dir, f))]);
      const sheetsKey = hash(this.templatesKey, this.size, ...texts.filter(([f]) => f !== 'guide.yaml').flat());
      const guideKey = hash(sheetsKey, ...texts.flat());
      if (cache.sheets?.key !== sheetsKey || cache.guide?.key !== guideKey || this.failed) {
        changed = true;
        const m = model();
        if (cache.sheets?.key !== sheetsKey) {
          cache.sheets = await this.unit(m, 'sheets', sheetsKey);
          firstMs = performance.now() - t0;
          firstCpu = cpu();
          this.build++;
          this.shownLocale = this.locale;
          await onSheets({ changed, ms: firstMs, cpuMs: firstCpu, problems: sortProblems(problems.list) });
        }
        if (cache.guide?.key !== guideKey) cache.guide = await this.unit(m, 'guide', guideKey);
      }
      this.failed = false;
    } catch (e) {
      if (!(e instanceof ContentError)) throw e;
      // The last good files stay; the page shows the problems in front of them.
      e.problems.forEach((p) => problems.add(p));
      changed = true;
      this.failed = true;
    }
    const ms = firstMs ?? performance.now() - t0;
    if (changed && firstMs === undefined) this.build++;
    return { changed, ms, cpuMs: firstCpu ?? cpu(), problems: sortProblems(problems.list) };
  }

  /** The checked model of the current locale, loaded only when something needs laying out. */
  private model(problems: Problems): () => ToolModel {
    const paths = this.opts.paths;
    this.toolId ??= resolveTool(paths, this.opts.tool);
    const fontsKey = fingerprint(paths.fonts, true);
    const templatesKey = hash(
      text(join(paths.content, this.toolId, 'tool.yaml')),
      fingerprint(paths.templates),
      fontsKey,
    );
    if (templatesKey !== this.templatesKey || !this.shared) {
      if (fontsKey !== this.fontsKey) this.ctx.forgetFonts(paths.fonts);
      const shared = loadShared(paths, this.toolId, problems, this.ctx);
      this.shared = shared;
      this.locale =
        resolveLocales(this.locale ? [this.locale] : undefined, shared.tool.locales, shared.tool.sourceLocale)[0] ?? '';
      // Fingerprints are taken last: a failed load is tried again at the next save.
      this.templatesKey = templatesKey;
      this.fontsKey = fontsKey;
      this.byLocale.clear();
    }
    const shared = this.shared;
    if (!shared) throw new Error('the shared files were loaded without being kept');
    return () => {
      const m = loadLocale(paths, shared, this.locale, problems, this.ctx);
      problems.throwIfAny();
      if (!m) throw new Error(`${this.locale}: the locale gave no model and no problem`);
      // The checks a build makes, with the same words (the preview shows both halves).
      const source =
        m.locale === shared.tool.sourceLocale
          ? m
          : loadLocale(paths, shared, shared.tool.sourceLocale, problems, this.ctx);
      if (source) checkLocales([m], source, paths, { sheets: true, guide: true }, problems);
      problems.throwIfAny();
      return m;
    };
  }

  private async unit(model: ToolModel, kind: 'sheets' | 'guide', key: string): Promise<Made> {
    // The same plan a build makes of these options (the preview's PDFs never leave the machine: no deflate).
    const plan = resolvePlan({
      paths: this.opts.paths,
      sizes: [this.size],
      orientation: this.opts.orientation,
      allowSmall: this.opts.allowSmall,
      compress: false,
    });
    const unit: Unit =
      kind === 'sheets' ? { locale: this.locale, kind, paper: at(plan.papers, 0) } : { locale: this.locale, kind };
    const r: UnitResult = await runUnit(model, unit, unitOptions(plan), this.opts.paths, this.ctx);
    if (r.problems.length) throw new ContentError(r.problems);
    return { key, files: r.files.map((f) => this.fromUnit(f)), warnings: r.warnings };
  }

  private fromUnit(r: Rendered): PreviewFile {
    const e = r.entry;
    return {
      kind: e.kind,
      ...(e.sheet !== undefined ? { sheet: e.sheet } : {}),
      locale: e.locale,
      size: e.size,
      name: r.file,
      version: e.sha256.slice(0, 12),
      bytes: r.bytes,
      ...(e.layout ? { textSize: e.layout.textSize, floor: e.layout.floor } : {}),
    };
  }
}
