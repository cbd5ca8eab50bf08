// The PDF/UA checks for fillable sheets and printed answer records, on top of pdfua-check.ts: a
// form field belongs in the structure where the page shows it (TD > Form > OBJR in a table, in its
// block's Sect otherwise), and a record's answer is text in its cell or area, never a loose paragraph
// after the sheet. Reads the written files only.
import { PDFName, PDFString, PDFHexString, type PDFDict } from 'pdf-lib';
import { checkPdfUa, type Checked, type El } from './pdfua-check.js';

const up = (el: El, role: string): El | undefined => {
  for (let p = el.parent; p; p = p.parent) if (p.role === role) return p;
  return undefined;
};
const compact = (s: string) => s.normalize('NFC').replace(/[\s\-\u00ad\u2010]/g, '');
const els = (el: El) => el.kids.flatMap((k) => (k.kind === 'el' ? [k.el] : []));

/** The row's header cell text (TH with a row's number or label), if the row has one. */
function rowHead(c: Checked, td: El): string | undefined {
  const tr = td.parent;
  const th = tr && els(tr).find((e) => e.role === 'TH');
  return th ? c.text(th).trim() : undefined;
}

/** Which cell of its row an element is (0-based, counting TH and TD). */
const cellIndex = (td: El) => (td.parent ? els(td.parent).indexOf(td) : -1);

/**
 * A fillable sheet: every Form element holds exactly one OBJR; a field of a table row
 * (`…/<block>/<row>/<column>`) sits in a TD of a row whose header ends with its number, and every
 * other field inside its block's Sect. `columns(block)` gives a table's column ids in order and
 * whether a number column comes first.
 */
export async function checkFillable(
  path: string,
  columns: (block: string) => { ids: string[]; numbered: boolean } | undefined,
): Promise<{ failures: string[]; forms: number; inCells: number }> {
  const c = await checkPdfUa(path, { claim: false });
  const failures = [...c.failures];
  let inCells = 0;
  const forms = c.all.filter((e) => e.role === 'Form');
  for (const form of forms) {
    const objr = form.kids.filter((k) => k.kind === 'objr');
    if (objr.length !== 1 || form.kids.length !== 1) {
      failures.push(`Form with ${objr.length} OBJR and ${form.kids.length} kids`);
      continue;
    }
    const annot = (objr[0] as { annot: PDFDict }).annot;
    const t = annot.get(PDFName.of('T'));
    const name = t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : '?';
    const parts = name.split('/');
    // A name with a column has its block and row too: the defaults are never read.
    const [block = '', row = '', col] = parts.slice(3);
    const table = col !== undefined ? columns(block) : undefined;
    if (!up(form, 'Sect')) failures.push(`${name}: Form outside any Sect`);
    if (col === undefined) {
      // A block of labelled boxes reads as a one-row table; a write-in area sits after its label.
      if (form.parent?.role === 'TD') inCells++;
      else if (form.parent?.role !== 'Sect') failures.push(`${name}: Form in ${form.parent?.role}, not in its Sect`);
      continue;
    }
    if (form.parent?.role !== 'TD') {
      failures.push(`${name}: Form in ${form.parent?.role}, not in its table cell (TD)`);
      continue;
    }
    inCells++;
    if (table) {
      const want = table.ids.indexOf(col) + (table.numbered ? 1 : 0);
      if (cellIndex(form.parent) !== want)
        failures.push(`${name}: in cell ${cellIndex(form.parent)} of its row, not ${want}`);
    }
    const head = rowHead(c, form.parent);
    if (/^\d+$/.test(row) && table?.numbered && !(head ?? '').endsWith(row))
      failures.push(`${name}: in the row headed «${head}», not row ${row}`);
  }
  return { failures, forms: forms.length, inCells };
}

export interface Expected {
  /** The answer's key: `leaderMap.3.need`, `strategic`. */
  key: string;
  /** Words the record must show in the answer's cell or area (its first words, as printed). */
  text: string;
  /** A table answer: its column's index in the row (TH and TD counted), and the row's printed header. */
  cell?: { index: number; head?: string };
  /** The sheet at this size has no field for it (a row it lacks): only on the continuation page. */
  rowMissing?: boolean;
}

/**
 * A printed record: each expected answer is text of one element inside the structure where the
 * page shows it: a TD at its column whose row is headed as printed, or its block's Sect (never a
 * top-level paragraph); and no TD is empty where a cell was filled.
 */
export async function checkRecord(path: string, expected: Expected[]): Promise<string[]> {
  const c = await checkPdfUa(path, { claim: false });
  const failures = [...c.failures];
  const ps = c.all.filter((e) => e.role === 'P');
  for (const e of expected) {
    // A cell may show only the answer's first words and the mark of its continuation ("… [3]").
    const words = compact(e.text).slice(0, 24);
    const shown = (p: El) => compact(c.text(p)).replace(/…\[\d+\]$/, '');
    const found = ps.filter((p) => {
      const t = shown(p);
      return t.length > 0 && (t.startsWith(words) || words.startsWith(t));
    });
    const owner = found.find((p) => up(p, 'TD')) ?? found[0];
    if (!owner) {
      failures.push(`${e.key}: «${e.text.slice(0, 24)}» is no paragraph's text`);
      continue;
    }
    const sect = up(owner, 'Sect');
    if (!sect) failures.push(`${e.key}: answer outside any Sect`);
    if (e.rowMissing) {
      if (up(owner, 'TD')) failures.push(`${e.key}: a row this size lacks, yet the answer is in a TD`);
      continue;
    }
    if (!e.cell) {
      if (up(owner, 'TD') && !e.key.includes('.')) failures.push(`${e.key}: a write-in answer inside a table cell`);
      continue;
    }
    const td = owner.parent?.role === 'TD' ? owner.parent : undefined;
    if (!td) {
      failures.push(`${e.key}: answer in ${owner.parent?.role}, not in its TD`);
      continue;
    }
    if (cellIndex(td) !== e.cell.index) failures.push(`${e.key}: in cell ${cellIndex(td)}, not ${e.cell.index}`);
    if (e.cell.head !== undefined && rowHead(c, td) !== e.cell.head)
      failures.push(`${e.key}: in the row headed «${rowHead(c, td)}», not «${e.cell.head}»`);
  }
  return failures;
}
