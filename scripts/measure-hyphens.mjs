#!/usr/bin/env node
// Measures the typesetting of built PDFs, read back with pdf.js: per guide, lines, hyphenated line
// ends (a letter followed by '-'), fragments of one or two letters at a hyphenated break, pairs of
// consecutive hyphenated lines and the words given with --watch that were broken; per sheet, the
// dominant text size (by characters), which the shrink-to-fit search sets for the questions.
// Usage: node scripts/measure-hyphens.mjs [--watch word,word] file.pdf...
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const args = process.argv.slice(2);
let watch = [];
const wi = args.indexOf('--watch');
if (wi >= 0) {
  watch = args[wi + 1].split(',').map((w) => w.toLowerCase());
  args.splice(wi, 2);
}

async function pagesOf(file) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.filter((i) => 'str' in i && i.str !== ''));
  }
  await doc.destroy();
  return pages;
}

/** Text lines of a page: items sharing a baseline and adjoining horizontally, in reading order. */
function linesOf(items) {
  const rows = new Map();
  for (const it of items) {
    const y = Math.round(it.transform[5] * 10) / 10;
    if (!rows.has(y)) rows.set(y, []);
    rows.get(y).push(it);
  }
  const lines = [];
  for (const y of [...rows.keys()].sort((a, b) => b - a)) {
    const row = rows.get(y).sort((a, b) => a.transform[4] - b.transform[4]);
    let cur = null;
    for (const it of row) {
      const x = it.transform[4];
      // A gap wider than two ems starts another column.
      if (cur && x - cur.end < 2 * Math.hypot(it.transform[0], it.transform[1])) {
        cur.text += it.str;
        cur.end = x + it.width;
      } else {
        cur = { y, x, text: it.str, end: x + it.width };
        lines.push(cur);
      }
    }
  }
  return lines;
}

const HYPHENATED = /\p{L}-$/u;
async function guide(file) {
  const pages = await pagesOf(file);
  let lines = 0;
  let hyphenated = 0;
  const short = [];
  const pairs = [];
  const broken = [];
  for (const items of pages) {
    const ls = linesOf(items).map((l) => l.text.trim());
    ls.forEach((t, i) => {
      lines++;
      if (!HYPHENATED.test(t)) return;
      hyphenated++;
      const before = /(\p{L}+)-$/u.exec(t)[1];
      const after = /^(\p{L}*)/u.exec(ls[i + 1] ?? '')[1];
      if (before.length <= 2 || (after.length > 0 && after.length <= 2)) short.push(`${before}-${after}`);
      if (i > 0 && HYPHENATED.test(ls[i - 1])) pairs.push(`«${ls[i - 1]}» «${t}»`);
      const word = (before + after).toLowerCase();
      if (watch.some((w) => word.startsWith(w))) broken.push(`${before}-${after}`);
    });
  }
  const per100 = ((100 * hyphenated) / lines).toFixed(1);
  return `${basename(file)}: ${pages.length} pages, ${lines} lines, ${hyphenated} hyphenated (${per100}/100), ${short.length} short fragments${short.length ? ` (${short.join(' ')})` : ''}, ${pairs.length} consecutive pairs${pairs.length ? ` (${pairs.join(' ')})` : ''}${watch.length ? `, watched words broken: ${broken.join(' ') || 'none'}` : ''}`;
}

async function sheet(file) {
  const pages = await pagesOf(file);
  const bySize = new Map();
  for (const items of pages)
    for (const it of items) {
      const size = Math.round(Math.hypot(it.transform[0], it.transform[1]) * 100) / 100;
      bySize.set(size, (bySize.get(size) ?? 0) + it.str.length);
    }
  const [size] = [...bySize.entries()].sort((a, b) => b[1] - a[1])[0];
  return `${basename(file)}: ${pages.length} page(s), dominant text size ${size} pt`;
}

for (const file of args) console.log(await (/guide/.test(basename(file)) ? guide(file) : sheet(file)));
