// PDF objects read back with pdf-lib for the print tests: a written file's page boxes and catalog
// entries, each object checked to be of the kind the test reads it as.
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDocument, PDFName, PDFNumber, type PDFObject } from 'pdf-lib';
import { rect } from './helpers.js';

/** A pdf-lib object class (PDFArray, PDFDict, PDFNumber…): their constructors are private, so no `new` type fits. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the class itself, for `instanceof`
type Kind<T> = Function & { prototype: T };

/**
 * `obj` as the kind of PDF object the test expects, or an error naming what was read and what it was:
 * a checked `as PDFArray`.
 */
export function narrow<T>(obj: PDFObject | undefined, kind: Kind<T>, what: string): T {
  // A class typed as a Function does not narrow by `instanceof`; the check is the one just made.
  if (obj instanceof kind) return obj as T;
  const found = obj === undefined ? 'nothing' : `a ${obj.constructor.name} (${String(obj).slice(0, 80)})`;
  throw new Error(`expected ${what} to be a ${kind.name}, found ${found}`);
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
      const arr = narrow(p.node.get(PDFName.of(name)), PDFArray, what);
      return rect(
        arr.asArray().map((n) => narrow(n, PDFNumber, `a number in ${what}`).asNumber()),
        what,
      );
    };
    return { media: box('MediaBox'), trim: box('TrimBox'), bleed: box('BleedBox') };
  });
}

/** The document catalog's entry `name` of a written PDF, checked to be of `kind`. */
export async function catalogEntry<T>(path: string, name: string, kind: Kind<T>): Promise<T> {
  const doc = await loadPdf(path);
  return narrow(doc.catalog.lookup(PDFName.of(name)), kind, `the catalog's /${name}`);
}
