// The guide's content as the author wrote it (guide.yaml, meta.yaml): what the guide tests expect to
// find in the PDF.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compact, ROOT, TOOL } from './helpers.js';
import { at } from '../src/at.js';

export const mm = (v: number) => (v * 72) / 25.4;
const tool = parse(readFileSync(join(ROOT, 'content', TOOL, 'tool.yaml'), 'utf8')) as {
  sourceLocale: string;
  locales: string[];
};
/** The tool's locales and its source locale, as tool.yaml lists them. */
export const LOCALES: readonly string[] = tool.locales;
export const SOURCE: string = tool.sourceLocale;
export type Locale = string;

// ── The content, as the author wrote it.

export type YamlItem = Record<string, unknown>;
export interface YamlSection {
  id: string;
  title: string;
  body: YamlItem[];
}
export interface YamlChapter extends YamlSection {
  sections?: YamlSection[];
}
export interface Content {
  locale: Locale;
  meta: { title: string; labels: Record<string, string>; keywords: string[] };
  guide: { title: string; chapters: YamlChapter[] };
  /** Chapters and sections in reading order. */
  headings: { title: string; level: 1 | 2; chapter: number }[];
  /** Every paragraph, list entry, step, tip and pitfall, as plain text. */
  paragraphs: string[];
  /** Alt texts of the figures in the chapters, in order. */
  figureAlts: string[];
  /** Every `[text](url)` in the guide. */
  links: { text: string; url: string }[];
}

export function content(locale: Locale): Content {
  const read = (f: string) => parse(readFileSync(join(ROOT, 'content', TOOL, locale, f), 'utf8'));
  const meta = read('meta.yaml');
  const guide = read('guide.yaml');
  const headings: Content['headings'] = [];
  const paragraphs: string[] = [];
  const figureAlts: string[] = [];
  const links: Content['links'] = [];
  const items = (body: YamlItem[]) => {
    for (const it of body) {
      if ('figure' in it) {
        figureAlts.push(String(it.alt));
        continue;
      }
      for (const v of Object.values(it)) {
        for (const s of Array.isArray(v) ? v : [v]) {
          paragraphs.push(String(s));
          for (const m of String(s).matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g))
            links.push({ text: at(m, 1), url: at(m, 2) });
        }
      }
    }
  };
  (guide.chapters as YamlChapter[]).forEach((ch, i) => {
    headings.push({ title: ch.title, level: 1, chapter: i });
    items(ch.body);
    for (const s of ch.sections ?? []) {
      headings.push({ title: s.title, level: 2, chapter: i });
      items(s.body);
    }
  });
  return { locale, meta, guide, headings, paragraphs, figureAlts, links };
}

/** Markup taken out; field references (printed as numbers) dropped. */
export const plain = (s: string) =>
  s
    .replace(/\*\*(.+?)\*\*|\*(.+?)\*/g, '$1$2')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\{felt:[^}]+\}/g, '');
/** For comparing paragraphs with printed text: no spaces, no hyphens, no digits (field numbers). */
export const norm = (s: string) => compact(plain(s)).replace(/\d/g, '');
