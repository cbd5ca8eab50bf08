// `bordduk translations export`: every translatable string of a tool for one locale, as PO or XLIFF.
import { writeFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OutputError } from '../errors.js';
import { defaultPaths, type Paths } from '../paths.js';
import { writePo, writeXliff, type Format } from './formats.js';
import { loadTable } from './table.js';

export interface ExportOptions {
  locale: string;
  format?: Format;
  tool?: string;
  paths?: Paths;
  /** Write here (atomically); without it the text is returned. */
  out?: string;
}

export interface ExportResult {
  text: string;
  counts: { strings: number; untranslated: number; outdated: number };
  path?: string;
}

export async function exportTranslations(opts: ExportOptions): Promise<ExportResult> {
  const table = loadTable(opts.paths ?? defaultPaths(), opts.tool, opts.locale);
  const text = opts.format === 'xliff' ? await writeXliff(table) : writePo(table);
  const counts = {
    strings: table.rows.length,
    untranslated: table.rows.filter((r) => r.state === 'untranslated').length,
    outdated: table.rows.filter((r) => r.state === 'outdated').length,
  };
  if (opts.out === undefined) return { text, counts };
  const tmp = join(dirname(opts.out), `.${basename(opts.out)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, opts.out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new OutputError(`cannot write ${opts.out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return { text, counts, path: opts.out };
}
