// Hyphenation patterns as one flat table, for a short cold start. The `hyphen` package keeps each
// locale's TeX patterns as a trie of nested objects (nb: 27,448 patterns, about 40,000 nodes); built
// from JSON or from the package's JavaScript literal, those objects took some 30 ms to make at every
// start, more than the rest of hyphenation in a whole build. scripts/hyphen-tables.mjs writes the same
// trie at bundle time as a hash table over typed arrays (dist/hyphen/<module>.bin). Reading it makes
// no objects: a lookup hashes (node, character) to the child node.
//
// `patternTable` walks that table the way the package walks its trie, step for step (which pattern
// applies where, and how levels turn into break points), so breaks come out the same; the test in
// test/cold-start.test.ts checks that on every word of the content and on many made-up ones.
// One difference on purpose: words are lowercased with toLowerCase, not toLocaleLowerCase, so that
// the output never depends on the machine's locale (they differ only for Turkish dotted i and the like).

/** The package's pattern data: a table of level lists, the trie, and its exception words' break points. */
export type PackagePatterns = [number[][], Record<string, unknown>, Record<string, number[]>?];

/** Break points inside a word, as the package gives them (before the three-letter rule). */
export type PatternBreaks = (word: string) => number[];

const MAGIC = 0x59484442; // 'BDHY' read as a little-endian number: a big-endian machine sees another
const VERSION = 1;
const HEADER = 8; // 32-bit words: magic, version, slots, nodes, level lists, level bytes, exception units, spare
const NO_LEVELS = 0xffff;

/** Bytes rounded up to whole 32-bit words: the level bytes are padded so that the section after them is aligned. */
const pad4 = (n: number) => (n + 3) & ~3;

function slotOf(node: number, char: number, mask: number): number {
  return ((Math.imul(node, 0x85ebca6b) ^ Math.imul(char + 1, 0xc2b2ae35)) >>> 0) & mask;
}

/** Encodes the package's trie; nodes are numbered from 1 in the order the trie lists them. */
export function encodePatternTable([levelLists, trie, exceptions = {}]: PackagePatterns): Uint8Array {
  const nodes: { parent: number; char: number; levels: number }[] = [];
  const visit = (node: Record<string, unknown>, parent: number) => {
    for (const ch of Object.keys(node)) {
      if (ch.length !== 1) throw new Error(`hyphenation trie: key ${JSON.stringify(ch)} is not one character`);
      const v = node[ch];
      let child: Record<string, unknown> | undefined;
      let levels = NO_LEVELS;
      if (Array.isArray(v)) [child, levels] = v as [Record<string, unknown>, number];
      else if (typeof v === 'number') levels = v;
      else child = v as Record<string, unknown>;
      nodes.push({ parent, char: ch.charCodeAt(0), levels });
      const id = nodes.length;
      if (child) visit(child, id);
    }
  };
  visit(trie, 0);
  if (levelLists.length >= NO_LEVELS) throw new Error('hyphenation trie: too many level lists');

  // A load factor under 0.6 keeps probes short.
  let slots = 1;
  while (slots < nodes.length / 0.6) slots *= 2;
  const table = new Uint32Array(slots);
  const nodeWords = new Uint32Array(nodes.length * 2);
  nodes.forEach((n, i) => {
    nodeWords[i * 2] = n.parent;
    nodeWords[i * 2 + 1] = (n.char << 16) | n.levels;
    let s = slotOf(n.parent, n.char, slots - 1);
    while (table[s] !== 0) s = (s + 1) & (slots - 1);
    table[s] = i + 1;
  });

  const levelStart = new Uint32Array(levelLists.length + 1);
  const levelBytes: number[] = [];
  levelLists.forEach((l, i) => {
    levelStart[i] = levelBytes.length;
    for (const v of l) {
      if (!Number.isInteger(v) || v < 0 || v > 255) throw new Error(`hyphenation trie: level ${v} out of range`);
      levelBytes.push(v);
    }
  });
  levelStart[levelLists.length] = levelBytes.length;
  const exc = Object.entries(exceptions)
    .map(([w, m]) => `${w} ${m.join(',')}`)
    .join('\n');

  const size = 4 * (HEADER + slots + nodeWords.length + levelStart.length) + pad4(levelBytes.length) + 2 * exc.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const u32 = (v: number) => (view.setUint32(at, v, true), (at += 4));
  for (const v of [MAGIC, VERSION, slots, nodes.length, levelLists.length, levelBytes.length, exc.length, 0]) u32(v);
  for (const arr of [table, nodeWords, levelStart]) for (const v of arr) u32(v);
  out.set(levelBytes, at);
  at += pad4(levelBytes.length);
  for (let i = 0; i < exc.length; i++, at += 2) view.setUint16(at, exc.charCodeAt(i), true);
  return out;
}

/** A hyphenator over an encoded table, or null when the bytes are not a table this code reads. */
export function patternTable(bytes: Uint8Array): PatternBreaks | null {
  if (bytes.byteLength < HEADER * 4) return null;
  // Typed arrays need aligned starts: copy when the file's bytes sit at an odd offset.
  const buf = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const head = new Uint32Array(buf.buffer, buf.byteOffset, HEADER);
  const [magic, version, slots = 0, nodeCount = 0, lists = 0, levelLen = 0, excLen = 0] = head;
  if (magic !== MAGIC || version !== VERSION) return null;
  const expected = 4 * (HEADER + slots + nodeCount * 2 + lists + 1) + pad4(levelLen) + 2 * excLen;
  if (slots === 0 || (slots & (slots - 1)) !== 0 || buf.byteLength !== expected) return null;
  let at = buf.byteOffset + HEADER * 4;
  const table = new Uint32Array(buf.buffer, at, slots);
  const nodes = new Uint32Array(buf.buffer, (at += slots * 4), nodeCount * 2);
  const levelStart = new Uint32Array(buf.buffer, (at += nodeCount * 8), lists + 1);
  const levelData = new Uint8Array(buf.buffer, (at += (lists + 1) * 4), levelLen);
  const excBytes = new Uint8Array(buf.buffer, at + pad4(levelLen), excLen * 2);
  const exceptions = new Map<string, number[]>();
  for (const line of new TextDecoder('utf-16le').decode(excBytes).split('\n')) {
    if (!line) continue;
    const [w = '', m = ''] = line.split(' ');
    exceptions.set(w, m ? m.split(',').map(Number) : []);
  }
  const mask = slots - 1;

  /** The child of a node by a character (its number), or 0 when the trie has none. */
  const child = (node: number, char: number): number => {
    for (let s = slotOf(node, char, mask); ; s = (s + 1) & mask) {
      const id = table[s] ?? 0;
      if (id === 0) return 0;
      if (nodes[(id - 1) * 2] === node && (nodes[(id - 1) * 2 + 1] ?? 0) >>> 16 === char) return id;
    }
  };

  /** The package's hyphenateWord: levels from every pattern found in ".word.", odd levels break. */
  const markers = (word: string, lowered: string): number[] => {
    const levels: number[] = new Array<number>(word.length + 1).fill(0);
    const text = `.${lowered}.`;
    for (let start = 0; text.length - start >= 3; start++) {
      // Where a match's levels start: the package counts the first two slices alike.
      const entity = start === 0 ? 0 : start - 1;
      let node = 0;
      for (let i = start; i < text.length; i++) {
        node = child(node, text.charCodeAt(i));
        if (node === 0) break;
        const list = (nodes[(node - 1) * 2 + 1] ?? 0) & 0xffff;
        if (list === NO_LEVELS) continue;
        for (let k = levelStart[list] ?? 0, j = entity; k < (levelStart[list + 1] ?? 0); k++, j++)
          levels[j] = Math.max(levelData[k] ?? 0, levels[j] as number);
      }
    }
    const last = levels.length - 1;
    levels[0] = levels[1] = levels[last] = levels[last - 1] = 0;
    const out: number[] = [];
    for (let i = 0; i < levels.length; i++) if (((levels[i] as number) & 1) === 1) out.push(i);
    return out;
  };

  return (word) => {
    const lowered = word.toLowerCase();
    const m = exceptions.get(lowered) ?? markers(word, lowered);
    return breaksOf(word, m);
  };
}

/**
 * Break points as the package's text shows them: it cuts the word at each marker and joins the
 * pieces with the hyphen character; the offsets between pieces are the breaks.
 */
function breaksOf(word: string, markers: number[]): number[] {
  if (markers.length === 0) return [];
  const pieces = [word.slice(0, markers[0])];
  for (let i = 0; i + 1 < markers.length; i++) pieces.push(word.slice(markers[i], markers[i + 1]));
  let at = 0;
  return pieces.map((p) => (at += p.length));
}
