// A faster reader for the fonts' 'kern' table (for a short cold start). Our fonts carry their
// kerning as one flat list of pairs (scripts/flatten-kerning.py); fontkit decodes each pair through
// its generic struct reader, which defines three properties per pair object and was the largest
// single cost of a one-off build. This reads the same list with a DataView into plain objects of
// the same shape and hands it to fontkit before it would decode the table itself. Any table that is
// not plain format 0 (version 0, horizontal pairs) is left to fontkit, so nothing changes for other
// fonts. test/cold-start.test.ts checks that both readers agree.
import type * as fontkit from 'fontkit';
import { provideTable, undecodedTable } from './fontkit-internals.js';

export interface KernPair {
  left: number;
  right: number;
  value: number;
}

interface KernSubtable {
  version: 0;
  subVersion: number;
  length: number;
  format: 0;
  coverage: { horizontal: boolean; minimum: boolean; crossStream: boolean; override: boolean };
  subtable: {
    version: 0;
    nPairs: number;
    searchRange: number;
    entrySelector: number;
    rangeShift: number;
    pairs: KernPair[];
  };
}

export interface KernTable {
  version: 0;
  nTables: number;
  tables: KernSubtable[];
}

/** The 'kern' table of an OpenType/TrueType file, or undefined where it is not plain format 0. */
export function readKernTable(bytes: Uint8Array, offset: number, length: number): KernTable | undefined {
  if (length < 4 || offset + length > bytes.length) return undefined;
  const v = new DataView(bytes.buffer, bytes.byteOffset + offset, length);
  if (v.getUint16(0) !== 0) return undefined;
  const nTables = v.getUint16(2);
  const tables: KernSubtable[] = [];
  let at = 4;
  for (let t = 0; t < nTables; t++) {
    if (at + 14 > length) return undefined;
    const subLength = v.getUint16(at + 2);
    const format = v.getUint8(at + 4);
    const bits = v.getUint8(at + 5);
    const nPairs = v.getUint16(at + 6);
    // Only what fontkit would read the same way: format 0 whose length is exactly its pairs.
    if (v.getUint16(at) !== 0 || format !== 0 || subLength !== 14 + 6 * nPairs || at + subLength > length)
      return undefined;
    const pairs: KernPair[] = new Array(nPairs);
    for (let i = 0, p = at + 14; i < nPairs; i++, p += 6)
      pairs[i] = { left: v.getUint16(p), right: v.getUint16(p + 2), value: v.getInt16(p + 4) };
    tables.push({
      version: 0,
      subVersion: 0,
      length: subLength,
      format: 0,
      coverage: { horizontal: !!(bits & 1), minimum: !!(bits & 2), crossStream: !!(bits & 4), override: !!(bits & 8) },
      subtable: {
        version: 0,
        nPairs,
        searchRange: v.getUint16(at + 8),
        entrySelector: v.getUint16(at + 10),
        rangeShift: v.getUint16(at + 12),
        pairs,
      },
    });
    at += subLength;
  }
  return { version: 0, nTables, tables };
}

/** Gives a freshly created fontkit font its kerning read the fast way, where the table allows. */
export function preloadKern(font: fontkit.Font): fontkit.Font {
  const raw = undecodedTable(font, 'kern');
  const table = raw && readKernTable(raw.bytes, raw.offset, raw.length);
  if (table) provideTable(font, 'kern', table);
  return font;
}
