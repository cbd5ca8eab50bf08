// Filling bordduk's fillable sheets the way people do: with pdf-lib (a form library), with pdf.js's
// save (what Firefox does), and rewritten by qpdf (a second program that restructures the file).
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const SAMI = 'áčđŋšŧž ÁČĐŊŠŦŽ';

/** A long answer of exactly `n` characters, with æøå and Sámi letters and line breaks in it. */
export function longAnswer(tag: string, n = 500): string {
  const words = `${tag} Gruppen ønsker å få på plass en god forankring – ${SAMI} – før behovsavklaringen. `;
  let s = '';
  let i = 0;
  while (s.length < n) s += (i++ % 3 === 2 ? '\n' : '') + words;
  return s.slice(0, n).replace(/\s+$/, '.');
}

/** What the test writes into a field: unique per field, with the letters that matter; long where there is room. */
export function answerFor(name: string, i: number, multiline: boolean, long: boolean): string {
  const tag = `K${i}K`;
  if (long) return longAnswer(tag);
  return multiline ? `${tag} æøå ${SAMI.slice(0, 4)}\nÆØÅ ŋ` : `${tag} æøå ŋ`;
}

export interface Filled {
  bytes: Uint8Array;
  /** Field name → what was written. */
  values: Map<string, string>;
}

/** Fills every text field with pdf-lib; `pick` decides the text (undefined leaves a field empty). */
export async function fillWithPdfLib(
  path: string,
  pick: (name: string, i: number, multiline: boolean) => string | undefined,
): Promise<Filled> {
  const { PDFDocument, PDFTextField } = await import('pdf-lib');
  const doc = await PDFDocument.load(readFileSync(path));
  const values = new Map<string, string>();
  doc
    .getForm()
    .getFields()
    .forEach((f, i) => {
      if (!(f instanceof PDFTextField)) return;
      const v = pick(f.getName(), i, f.isMultiline());
      if (v === undefined) return;
      f.setText(v);
      values.set(f.getName(), v);
    });
  // No appearance streams from pdf-lib: its standard fonts cannot encode Sámi letters (the viewer draws them).
  return { bytes: await doc.save({ updateFieldAppearances: false }), values };
}

/** Fills every text field with pdf.js and saves as Firefox does (an incremental update). */
export async function fillWithPdfJs(path: string, pick: (name: string, i: number) => string): Promise<Filled> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const values = new Map<string, string>();
  let i = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    for (const a of await (await doc.getPage(p)).getAnnotations()) {
      if (a.fieldType !== 'Tx') continue;
      const v = pick(a.fieldName, i++);
      doc.annotationStorage.setValue(a.id, { value: v });
      values.set(a.fieldName, v);
    }
  }
  const bytes = await doc.saveDocument();
  await doc.destroy();
  return { bytes, values };
}

export const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;

/** qpdf's rewrite: object streams, recompressed, renumbered objects. */
export function qpdfRewrite(input: string, output: string): void {
  const r = spawnSync('qpdf', [
    '--object-streams=generate',
    '--compress-streams=y',
    '--recompress-flate',
    input,
    output,
  ]);
  if (r.status !== 0 && r.status !== 3) throw new Error(`qpdf failed: ${r.stderr}`);
}

export function save(path: string, bytes: Uint8Array): string {
  writeFileSync(path, bytes);
  return path;
}
