// `bordduk translations import FILE`: a PO or XLIFF file's translations written back into the
// locale's YAML files (only the values that changed; order and comments kept), and the translation
// record updated. Every entry is checked first; with any problem nothing is written.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Problems, UsageError } from '../errors.js';
import { display } from '../content/load.js';
import { markupOf } from '../content/strings.js';
import { fingerprint, recordText, RECORD_FILE, type TranslationRecord } from '../content/translation-record.js';
import { writeAllAtomic } from '../output/write.js';
import { defaultPaths, type Paths } from '../paths.js';
import { editYaml, type Edit } from './edit-yaml.js';
import { readTranslationFile } from './formats.js';
import { loadTable } from './table.js';

/** Translation files of a tool are tens of kilobytes; this stops a wrong file early. */
const MAX_BYTES = 10 * 1024 * 1024;

export interface ImportOptions {
  file: string;
  tool?: string;
  paths?: Paths;
}

export interface ImportResult {
  locale: string;
  /** Files written (YAML and the record); none when nothing changed. */
  written: string[];
  changed: number;
  /** Entries left alone because the translator has not confirmed them (fuzzy in PO). */
  fuzzy: number;
}

export async function importTranslations(opts: ImportOptions): Promise<ImportResult> {
  const paths = opts.paths ?? defaultPaths();
  const shown = display(opts.file);
  let text: string;
  try {
    if (statSync(opts.file).size > MAX_BYTES) throw new UsageError(`${shown} is larger than 10 MiB`);
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(opts.file));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${shown}: ${code ?? 'it is not UTF-8 text'}`);
  }
  const file = await readTranslationFile(shown, text);
  const at = (line: number) => ({ file: shown, line, col: 1 });
  const problems = new Problems();
  for (const p of file.problems) problems.error(at(p.line), p.message, p.hint);
  if (!file.locale)
    problems.error(at(1), 'the file does not say which language it is in', 'export it again with --locale');
  const tools = [...new Set(file.entries.map((e) => e.id.split('/')[0]))];
  if (tools.length > 1) problems.error(at(1), `the file mixes strings of several tools (${tools.join(', ')})`);
  problems.throwIfAny();
  const table = loadTable(paths, opts.tool ?? tools[0], file.locale);
  const rows = new Map(table.rows.map((r) => [r.id, r]));
  const record: TranslationRecord = new Map(table.record);
  const edits = new Map<string, Edit[]>();
  let changed = 0;
  let fuzzy = 0;
  for (const e of file.entries) {
    const row = rows.get(e.id);
    if (!row) {
      problems.error(at(e.line), `there is no string '${e.id}' in the ${table.sourceLocale} source`, 'export again');
      continue;
    }
    if (!e.target) continue;
    if (e.fuzzy) {
      fuzzy++;
      continue;
    }
    const want = markupOf(row.source.text).join(', ');
    const have = markupOf(e.target).join(', ');
    if (want !== have) {
      problems.error(
        at(e.line),
        `the translation's markup does not match the source's: source has ${want || 'none'}, translation has ${have || 'none'}`,
        'keep every {felt:…}, **bold** and [link](…) of the source, in any order',
      );
      continue;
    }
    if (!row.target) {
      problems.error(
        at(e.line),
        `${table.locale}/${row.source.file} has no '${row.source.path.join('.')}' to put this translation in`,
        `add it to the file as in ${table.sourceLocale}/${row.source.file}, then import again`,
      );
      continue;
    }
    // An outdated string given back unchanged (XLIFF has no fuzzy flag) stays outdated.
    if (row.state === 'outdated' && e.target === row.target.text) continue;
    if (e.target !== row.target.text) {
      changed++;
      const list = edits.get(row.target.file) ?? [];
      list.push({ path: row.target.path, value: e.target });
      edits.set(row.target.file, list);
    }
    const same = e.target === e.source;
    // A name or a pattern left as the source's needs no record (it is never reported as untranslated).
    if (same && row.source.maySame && !record.has(row.source.id)) continue;
    record.set(row.source.id, {
      source: fingerprint(e.source),
      target: fingerprint(e.target),
      ...(same ? { same } : {}),
    });
  }
  problems.throwIfAny();
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const [name, list] of edits) {
    const before = readFileSync(join(table.localeDir, name), 'utf8');
    out.push({ name, bytes: Buffer.from(editYaml(before, list), 'utf8') });
  }
  const order = table.rows.map((r) => r.source.id);
  const newRecord = recordText(record, order, table.sourceLocale);
  let oldRecord = '';
  try {
    oldRecord = readFileSync(join(table.localeDir, RECORD_FILE), 'utf8');
  } catch {
    // no record yet
  }
  if (newRecord !== oldRecord && (record.size > 0 || oldRecord))
    out.push({ name: RECORD_FILE, bytes: Buffer.from(newRecord, 'utf8') });
  const written = out.length ? writeAllAtomic(table.localeDir, out).map(display) : [];
  return { locale: table.locale, written, changed, fuzzy };
}
