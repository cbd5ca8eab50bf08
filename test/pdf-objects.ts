// PDF objects read back with pdf-lib: a written file's page boxes and catalog entries, and any
// object narrowed with a check instead of a cast, so that a file holding something other than what a
// test expects fails naming the entry and what it found there, not with a later "cannot read
// properties of undefined" or "x.asArray is not a function".
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDocument, PDFName, PDFNumber, PDFObject } from 'pdf-lib';
import { rect } from './helpers.js';

/** A class to check against: pdf-lib's object and form-field classes (their constructors are not public, so no `new` type fits). */
type Class<T> = { prototype: T; name: string };

/** `x instanceof type`, spelled so that TypeScript narrows to the class (the test `instanceof` makes: the prototype chain). */
const isA = <T>(x: unknown, type: Class<T>): x is T =>
  typeof x === 'object' && x !== null && Object.prototype.isPrototypeOf.call(type.prototype, x);

/** What a value is, for an error message: its class and, for a PDF object, the start of its PDF syntax. */
function describe(x: unknown): string {
  if (x === undefined || x === null) return 'nothing';
  if (typeof x !== 'object') return `${typeof x} ${String(x)}`;
  const name = `a ${x.constructor.name || 'object'}`;
  if (!(x instanceof PDFObject)) return name;
  const text = x.toString();
  return `${name} (${text.length > 80 ? `${text.slice(0, 80)}…` : text})`;
}

/**
 * `x` as an instance of `type` (PDFDict, PDFArray, PDFRawStream, PDFTextField …), or an error saying
 * that `what` (e.g. "the DestOutputProfile of the output intent") is something else or missing: a
 * checked `as PDFDict`. Resolve references first (`doc.context.lookup(ref)`): a PDFRef is not the
 * object it points to.
 */
export function pdfAs<T>(x: unknown, type: Class<T>, what: string): T {
  if (isA(x, type)) return x;
  throw new Error(`expected ${what} to be a ${type.name}, found ${describe(x)}`);
}

/** A written PDF, loaded as it is (pdf-lib would otherwise stamp its own producer and dates). */
export function loadPdf(path: string): Promise<PDFDocument> {
  return PDFDocument.load(readFileSync(path), { updateMetadata: false });
}

export type Box = [number, number, number, number];

/** Each page's MediaBox, TrimBox and BleedBox as written (none inherited or defaulted), in points. */
export async function pageBoxes(path: string): Promise<{ media: Box; trim: Box; bleed: Box }[]> {
  const doc = await loadPdf(path);
  return doc.getPages().map((p, i) => {
    const box = (name: string) => {
      const what = `page ${i + 1}'s ${name}`;
      const arr = pdfAs(p.node.get(PDFName.of(name)), PDFArray, what);
      return rect(
        arr.asArray().map((n) => pdfAs(n, PDFNumber, `a number in ${what}`).asNumber()),
        what,
      );
    };
    return { media: box('MediaBox'), trim: box('TrimBox'), bleed: box('BleedBox') };
  });
}

/** The document catalog's entry `name` of a written PDF, checked to be of `kind`. */
export async function catalogEntry<T>(path: string, name: string, kind: Class<T>): Promise<T> {
  const doc = await loadPdf(path);
  return pdfAs(doc.catalog.lookup(PDFName.of(name)), kind, `the catalog's /${name}`);
}
