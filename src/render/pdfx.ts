// PDF/X-4 written natively (no Ghostscript pass): the keys a press preflight looks for. An
// OutputIntent naming the printing condition with its CMYK profile embedded, GTS_PDFXVersion and
// Trapped in Info and XMP, a 1.6 header, XMP dates and document IDs that agree with Info and the
// trailer. See shared/reviews/prepress-2026-11-30.md, "What a shop needs".
// What goes into the document is written by the pdfkit adapter (pdfkit/pdfx.ts); here are the
// printing condition, the version and the Info keys.

/** The printing condition a press file is made for, and its ICC output profile. */
export interface OutputIntent {
  /** The ICC profile's bytes (CMYK output class). */
  profile: Uint8Array;
  /** OutputConditionIdentifier, e.g. "FOGRA39". */
  condition: string;
  /** Human-readable condition, e.g. "Coated FOGRA39 (ISO 12647-2:2004)". */
  info: string;
}

export const PDFX_VERSION = 'PDF/X-4';
/** pdfkit writes the header from this. */
export const PDFX_PDF_VERSION = '1.6';

/** A value pdfkit writes as a PDF name (plain strings in Info become text strings). */
class PdfName {
  constructor(private readonly name: string) {}
  get [Symbol.toStringTag]() {
    return 'PdfName';
  }
  toString(): string {
    return `/${this.name}`;
  }
  valueOf(): string {
    return this.toString();
  }
}

/** Keys PDF/X-4 adds to the Info dictionary. */
export function pdfxInfo(): Record<string, unknown> {
  return { GTS_PDFXVersion: PDFX_VERSION, Trapped: new PdfName('False') };
}

/** Checks that bytes are an ICC profile for CMYK output; returns what is wrong, or undefined. */
export function iccProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length < 132) return 'is not an ICC profile (too short)';
  const tag = (at: number) => Buffer.from(bytes.subarray(at, at + 4)).toString('latin1');
  if (tag(36) !== 'acsp') return "is not an ICC profile (no 'acsp' signature)";
  if (tag(16) !== 'CMYK') return `is a ${tag(16).trim()} profile, not CMYK`;
  if (tag(12) !== 'prtr') return `is a '${tag(12)}' profile, not an output (printer) profile`;
  return undefined;
}
