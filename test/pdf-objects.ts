// pdf-lib objects read back from a written PDF, narrowed with a check instead of a cast: a file that
// holds something other than what a test expects fails naming the entry and what it found there,
// not with a later "cannot read properties of undefined" or "x.asArray is not a function".
import { PDFObject } from 'pdf-lib';

/** A class to check against: pdf-lib's object and form-field classes (their constructors are not public). */
type Class<T> = { prototype: T; name: string };

/** `x instanceof type`, spelled so that TypeScript narrows to the class (the test `instanceof` makes: the prototype chain). */
const isA = <T>(x: unknown, type: Class<T>): x is T =>
  typeof x === 'object' && x !== null && Object.prototype.isPrototypeOf.call(type.prototype, x);

/** What a value is, for an error message: its class and, for a PDF object, the start of its PDF syntax. */
function describe(x: unknown): string {
  if (x === undefined || x === null) return String(x);
  if (typeof x !== 'object') return `${typeof x} ${String(x)}`;
  const name = x.constructor.name || 'an object';
  if (!(x instanceof PDFObject)) return name;
  const text = x.toString();
  return `${name} ${text.length > 80 ? `${text.slice(0, 80)}…` : text}`;
}

/**
 * `x` as an instance of `type` (PDFDict, PDFArray, PDFRawStream, PDFTextField …), or an error saying
 * that `what` (e.g. "the DestOutputProfile of the output intent") is something else or missing.
 * Resolve references first (`doc.context.lookup(ref)`): a PDFRef is not the object it points to.
 */
export function pdfAs<T>(x: unknown, type: Class<T>, what: string): T {
  if (isA(x, type)) return x;
  throw new Error(`expected ${what} to be a ${type.name}, found ${describe(x)}`);
}
