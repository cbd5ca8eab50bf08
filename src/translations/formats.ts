// The two file formats translators' tools read: gettext PO (gettext-parser) and XLIFF 2.0 (xliff).
// Both carry, per string, the stable id, the source text, the translation and a note for the
// translator; an outdated string is a fuzzy PO entry, or an XLIFF unit with a note saying so.
import { po } from 'gettext-parser';
import { js2xliff, xliff2js, type XliffUnit } from 'xliff';
import { ContentError } from '../errors.js';
import { markupOf } from '../content/strings.js';
import type { Row, Table } from './table.js';

export type Format = 'po' | 'xliff';

/** One string read back from a translation file, with the line it starts on. */
export interface Entry {
  id: string;
  source: string;
  target: string;
  /** A PO entry still marked fuzzy: the translator has not confirmed it. */
  fuzzy: boolean;
  line: number;
}

export interface TranslationFile {
  format: Format;
  locale: string;
  entries: Entry[];
  /** What is wrong with the file itself, at its line (an entry without an id). */
  problems: { line: number; message: string; hint: string }[];
}

const OUTDATED = 'OUTDATED: the source text changed since this was translated; check the translation.';

function note(row: Row): string {
  const marks = markupOf(row.source.text);
  const keep = marks.length ? ` Keep the markup: ${marks.join(', ')}.` : '';
  return `${row.source.context}.${keep}`;
}

/** The translation to offer: none for a string that is still the source's words. */
const current = (row: Row) => (row.state === 'untranslated' ? '' : (row.target?.text ?? ''));

export function writePo(table: Table): string {
  const entries = Object.fromEntries(
    table.rows.map((row) => [
      row.id,
      {
        [row.source.text]: {
          msgctxt: row.id,
          msgid: row.source.text,
          msgstr: [current(row)],
          comments: {
            extracted: note(row),
            reference: `${table.sourceLocale}/${row.source.file}:${row.source.yaml.pos(row.source.path).line}`,
            ...(row.state === 'outdated' ? { flag: 'fuzzy' } : {}),
          },
        },
      },
    ]),
  );
  const data = {
    charset: 'utf-8',
    headers: {
      'Project-Id-Version': `${table.tool} ${table.target.version}`,
      Language: table.locale,
      'MIME-Version': '1.0',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
      'X-Source-Language': table.sourceLocale,
    },
    translations: { '': { '': { msgid: '', msgstr: [''] } }, ...entries },
  };
  return po.compile(data, { foldLength: false }).toString('utf8') + '\n';
}

export async function writeXliff(table: Table): Promise<string> {
  const units: Record<string, XliffUnit> = {};
  for (const row of table.rows) {
    const target = current(row);
    units[row.id.slice(table.tool.length + 1)] = {
      source: row.source.text,
      ...(target ? { target } : {}),
      note: row.state === 'outdated' ? [OUTDATED, note(row)] : note(row),
    };
  }
  const xml = await js2xliff({
    sourceLanguage: table.sourceLocale,
    targetLanguage: table.locale,
    resources: { [table.tool]: units },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
}

export function formatOf(path: string, text: string): Format {
  if (/\.(po|pot)$/i.test(path)) return 'po';
  if (/\.(xlf|xliff)$/i.test(path)) return 'xliff';
  return text.trimStart().startsWith('<') ? 'xliff' : 'po';
}

function lineOf(lines: string[], needle: string): number {
  const i = lines.findIndex((l) => l.includes(needle));
  return i < 0 ? 1 : i + 1;
}

/** The line a PO keyword with this value starts on; tools may fold a long value over several lines. */
export function poLine(lines: string[], keyword: string, value: string): number {
  const i = lines.findIndex((l, at) => {
    if (!l.startsWith(`${keyword} "`)) return false;
    const parts = [l.slice(keyword.length + 1)];
    for (const next of lines.slice(at + 1)) {
      if (!next.startsWith('"')) break;
      parts.push(next);
    }
    try {
      return parts.map((q) => JSON.parse(q.trim()) as string).join('') === value;
    } catch {
      return false;
    }
  });
  return i < 0 ? 1 : i + 1;
}

export async function readTranslationFile(display: string, text: string): Promise<TranslationFile> {
  const format = formatOf(display, text);
  const lines = text.split(/\r?\n/);
  const fail = (e: unknown) =>
    new ContentError([
      {
        pos: { file: display, line: 1, col: 1 },
        message: `cannot read this ${format === 'po' ? 'PO' : 'XLIFF'} file: ${(e as Error).message ?? String(e)}`,
        hint: 'export it again with bordduk translations export, or save it from your translation tool',
      },
    ]);
  const out: TranslationFile = { format, locale: '', entries: [], problems: [] };
  if (format === 'po') {
    let data;
    try {
      data = po.parse(text, { validation: true });
    } catch (e) {
      throw fail(e);
    }
    out.locale = (data.headers.Language ?? '').toLowerCase();
    for (const [ctx, byId] of Object.entries(data.translations)) {
      for (const e of Object.values(byId)) {
        if (ctx === '' && e.msgid === '') continue; // the header
        if (ctx === '') {
          out.problems.push({
            line: poLine(lines, 'msgid', e.msgid),
            message: 'this entry has no msgctxt, so bordduk cannot tell where it belongs',
            hint: 'keep the msgctxt lines of an exported file',
          });
          continue;
        }
        out.entries.push({
          id: ctx,
          source: e.msgid,
          target: e.msgstr[0] ?? '',
          fuzzy: (e.comments?.flag ?? '').split(',').some((f) => f.trim() === 'fuzzy'),
          line: poLine(lines, 'msgctxt', ctx),
        });
      }
    }
  } else {
    let js;
    try {
      js = await xliff2js(text);
    } catch (e) {
      throw fail(e);
    }
    out.locale = (js.targetLanguage ?? '').toLowerCase();
    for (const [tool, units] of Object.entries(js.resources ?? {})) {
      for (const [id, u] of Object.entries(units)) {
        out.entries.push({
          id: `${tool}/${id}`,
          source: u.source ?? '',
          target: u.target ?? '',
          fuzzy: false,
          line: lineOf(lines, `id="${id}"`),
        });
      }
    }
  }
  return out;
}
