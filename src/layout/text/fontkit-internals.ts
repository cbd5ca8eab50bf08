// The members of fontkit 2.0.4 that are not its public API, named here alone: the raw file, its
// table directory, and the cache of decoded tables (kern-table.ts fills in 'kern' before fontkit
// would decode it). test/pdfkit-contract.test.ts checks each by name.
import type * as fontkit from 'fontkit';

/** fontkit's TTFFont, privately. */
export interface FontkitInternals {
  /** The font file as fontkit read it. */
  stream: { buffer: Uint8Array };
  /** Where each table lies in the file. */
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  /** Decoded tables by tag, filled on first use; a table already there is not decoded again. */
  _tables: Record<string, unknown>;
}

/** The private members, each possibly missing (another font format, another fontkit). */
export function fontkitInternals(font: fontkit.Font): Partial<FontkitInternals> {
  return font as unknown as Partial<FontkitInternals>;
}

/** A table's place in the font file, while fontkit has not decoded it yet; otherwise undefined. */
export function undecodedTable(
  font: fontkit.Font,
  tag: string,
): { bytes: Uint8Array; offset: number; length: number } | undefined {
  const f = fontkitInternals(font);
  const entry = f.directory?.tables[tag];
  const bytes = f.stream?.buffer;
  if (!entry || !bytes || !f._tables || tag in f._tables) return undefined;
  return { bytes, offset: entry.offset, length: entry.length };
}

/** Hands fontkit a table decoded elsewhere, in the shape its own decoder gives. */
export function provideTable(font: fontkit.Font, tag: string, table: unknown): void {
  const tables = fontkitInternals(font)._tables;
  if (tables) tables[tag] = table;
}
