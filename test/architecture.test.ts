// The shape of the code, checked: the pipeline's stages import only what comes before them, there
// is no import cycle, only the pdfkit adapter knows pdfkit, and every hand-written file can be read in
// one sitting. ARCHITECTURE.md describes the same rules in words.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers.js';
import { at } from '../src/at.js';

const SRC = join(ROOT, 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Hand-written TypeScript under src/ (src/generated/ is written by the build). */
const sources = walk(SRC).filter((f) => f.endsWith('.ts') && !relative(SRC, f).startsWith('generated'));
const rel = (f: string) => relative(SRC, f).split('\\').join('/');

/** Every import of a source file: relative ones resolved to files under src/, packages by name. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g),
    ...text.matchAll(/import\(\s*'([^']+)'\s*\)/g),
  ].map((m) => at(m, 1));
  const local: string[] = [];
  const packages: string[] = [];
  for (const s of specs) {
    if (s.startsWith('.')) local.push(rel(resolve(dirname(file), s.replace(/\.js$/, '.ts'))));
    else packages.push(s);
  }
  return { local, packages };
}

const graph = new Map(sources.map((f) => [rel(f), importsOf(f)]));

/** Which stage a file belongs to: its first folder under src/ (layout/text and friends are layout). */
const stage = (f: string) => (f.includes('/') ? at(f.split('/'), 0) : 'root');

describe('the house', () => {
  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const g of graph.get(f)?.local ?? []) visit(g, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('keeps the stages in order: content, layout, press, render know nothing of the stages after them', () => {
    // What each stage may import besides itself and the shared root files (errors, paths, version).
    const allowed: Record<string, string[]> = {
      content: [],
      generated: [],
      layout: ['content'],
      press: ['content', 'layout', 'output'],
      render: ['content', 'layout'],
      output: ['content'],
      types: [],
      // The driver ties the stages; the shells sit on the driver.
      pipeline: ['content', 'layout', 'press', 'render', 'output'],
      answers: ['content', 'layout', 'output', 'pipeline'],
      translations: ['content', 'output', 'pipeline'],
      preview: ['content', 'layout', 'pipeline'],
      cli: ['content', 'layout', 'pipeline', 'answers', 'preview', 'translations'],
    };
    // Every folder under src/ has its row: a new folder says where it sits.
    const folders = new Set([...graph.keys()].map(stage).filter((s) => s !== 'root'));
    expect([...folders].filter((f) => !(f in allowed))).toEqual([]);
    const wrong: string[] = [];
    for (const [f, { local }] of graph) {
      const from = stage(f);
      if (from === 'root') continue;
      for (const g of local) {
        const to = stage(g);
        if (to !== from && to !== 'root' && to !== 'generated' && !(allowed[from] ?? []).includes(to))
          wrong.push(`${f} imports ${g}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets only the pdfkit adapter (render/pdfkit/) import pdfkit', () => {
    const pdfkitUsers = [...graph].filter(([, i]) => i.packages.includes('pdfkit')).map(([f]) => f);
    expect(pdfkitUsers.length).toBeGreaterThan(0);
    expect(pdfkitUsers.filter((f) => !f.startsWith('render/pdfkit/'))).toEqual([]);
  });

  it('names pdfkit and fontkit private members only in their adapters', () => {
    // A private member is `._name`; casts that hide a type (`as never`, `as unknown as`) stay there too.
    const adapters = ['render/pdfkit/', 'layout/text/fontkit-internals.ts'];
    const outside = [...graph.keys()].filter((f) => !adapters.some((a) => f.startsWith(a)));
    const found = outside.flatMap((f) =>
      readFileSync(join(SRC, f), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /\._[a-zA-Z]|\bas never\b|\bas unknown as\b/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });

  // Files still over the cap, each to be split by whoever works on it next (empty now: every file is
  // under it). The list only shrinks: a file that is back under the cap must leave it.
  const overCap = new Set<string>([]);

  it('has no hand-written source or test file over 300 lines', () => {
    const files = [
      ...sources,
      ...walk(join(ROOT, 'test')).filter((f) => f.endsWith('.ts')),
      ...walk(join(ROOT, 'scripts')),
    ];
    const lines = files.map(
      (f) => [relative(ROOT, f).split('\\').join('/'), readFileSync(f, 'utf8').split('\n').length] as const,
    );
    expect(lines.filter(([f, n]) => n > 300 && !overCap.has(f))).toEqual([]);
    expect(
      lines
        .filter(([f, n]) => n <= 300 && overCap.has(f))
        .map(([f]) => `${f} is under the cap now: take it off the list`),
    ).toEqual([]);
  });

  it("asserts no wall-clock time in a test: speed is the benchmark's (npm run bench), not a test's", () => {
    const timed =
      /expect\([^)]*(Date\.now\(\)|performance\.now\(\)|hrtime)|(Date\.now\(\)|performance\.now\(\)) - \w+\)\.toBeLessThan/;
    const found = walk(join(ROOT, 'test'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('architecture.test.ts'))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => [`${relative(ROOT, f)}:${i + 1}`, line] as const)
          .filter(([, line]) => timed.test(line))
          .map(([where]) => where),
      );
    expect(found).toEqual([]);
  });

  it('keeps its knowledge inside the repo: no comment points at a document a clone lacks or at an issue number', () => {
    const files = [
      ...sources,
      ...walk(join(ROOT, 'scripts')),
      ...walk(join(ROOT, 'templates')).filter((f) => f.endsWith('.yaml')),
      ...walk(join(ROOT, 'test')).filter((f) => f.endsWith('.ts') && !f.endsWith('architecture.test.ts')),
    ];
    // A print or stack note other than docs/…, a review file or date, or "issue N" of our own tracker.
    const outside =
      /(?<!docs\/)\b(print|stack|design|domain)\.md\b|\bshared\/|\breviews?\/|review 20\d\d|\b(audit|issues?) (low )?#?\d+\b/i;
    const found = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [`${relative(ROOT, f)}:${i + 1}`, line] as const)
        .filter(([, line]) => outside.test(line) && !/pdfkit issue \d+/.test(line))
        .map(([at]) => at),
    );
    expect(found).toEqual([]);
  });
});
