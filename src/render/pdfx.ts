// PDF/X-4 written natively (no Ghostscript pass): the keys a press preflight looks for. An
// OutputIntent naming the printing condition with its CMYK profile embedded, GTS_PDFXVersion and
// Trapped in Info and XMP, a 1.6 header, XMP dates and document IDs that agree with Info and the
// trailer (docs/print.md, "PDF/X-4"). What goes into the document is written by the pdfkit
// adapter (pdfkit/pdfx.ts); here are the printing condition, the version and the Info keys.

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

/** The profile description ('desc' tag, ICC v2 textDescription or v4 multiLocalizedUnicode), if any. */
export function iccDescription(bytes: Uint8Array): string | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (b.length < 132) return undefined;
  const count = b.readUInt32BE(128);
  for (let i = 0; i < count && 132 + 12 * i + 12 <= b.length; i++) {
    const at = 132 + 12 * i;
    if (b.toString('latin1', at, at + 4) !== 'desc') continue;
    const off = b.readUInt32BE(at + 4);
    const type = b.toString('latin1', off, off + 4);
    if (type === 'desc') {
      const n = b.readUInt32BE(off + 8);
      return b.toString('latin1', off + 12, off + 12 + n).replace(/\0+$/, '');
    }
    if (type === 'mluc' && b.readUInt32BE(off + 8) > 0) {
      const len = b.readUInt32BE(off + 20);
      const start = off + b.readUInt32BE(off + 24);
      return b
        .subarray(start, start + len)
        .swap16()
        .toString('utf16le');
    }
  }
  return undefined;
}
