// Reading one YAML file with its source positions, refusing what would hurt us
// (huge files, non-UTF-8 bytes, alias bombs) with a message that says where and what to do.
import { readFileSync, statSync } from 'node:fs';
import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { Problems, type SourcePos } from '../errors.js';
import { findMistake } from './yaml-mistakes.js';
import type { ParsedFiles } from './parsed-files.js';

/** Content files are a few kilobytes; 1 MiB leaves room for any real guide and stops a runaway file early. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Aliases are rare in content; a few dozen is plenty and stops "billion laughs" expansion. */
const MAX_ALIAS_COUNT = 50;

export type JsonPath = readonly (string | number)[];

export interface YamlFile {
  /** The path as shown to the user. */
  display: string;
  data: unknown;
  /** Position of the value at `path`, or of its key when `key` is true; falls back to the nearest parent. */
  pos(path: JsonPath, key?: boolean): SourcePos;
  /** The value at `path` as written in the file (`1.10`, not the number 1.1), if it is there. */
  source?(path: JsonPath): string | undefined;
}

export interface ReadOptions {
  /** A file of words (content/): an unquoted " #" that would cut text off is a mistake here, not a comment. */
  words?: boolean;
  /** Files parsed before, kept by the caller's build context: a file whose text is the same is not parsed again. */
  parsed?: ParsedFiles<YamlFile>;
}

export function readYamlFile(path: string, display: string, problems: Problems, opts: ReadOptions = {}): YamlFile | undefined {
  const start: SourcePos = { file: display, line: 1, col: 1 };
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      problems.error(
        start,
        `file is ${(size / 1024 / 1024).toFixed(1)} MiB; content files may be at most ${MAX_FILE_BYTES / 1024 / 1024} MiB`,
        'split the text or remove what does not belong in a content file',
      );
      return undefined;
    }
    bytes = readFileSync(path);
  } catch (e) {
    problems.error(start, `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 'check that it exists and is readable');
    return undefined;
  }
  const text = decodeUtf8(bytes, display, problems);
  if (text === undefined) return undefined;
  const words = !!opts.words;
  const hit = opts.parsed?.get(path, text, display, words);
  if (hit) {
    hit.problems.forEach((p) => problems.add(p));
    return hit.file;
  }
  const before = problems.list.length;
  const file = parseYamlText(text, display, problems, opts);
  opts.parsed?.set(path, { text, display, words, file, problems: problems.list.slice(before) });
  return file;
}

export function parseYamlText(text: string, display: string, problems: Problems, opts: ReadOptions = {}): YamlFile | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number): SourcePos => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: display, line, col };
  };
  // Mistakes named as what the person did, at their line: the parser accepts some silently (in words)
  // and reports others in its own terms, sometimes a line early; the scanner's line wins when near.
  const mistake = findMistake(text, { comments: !!opts.words });
  const parserAt = [...doc.errors, ...doc.warnings][0]?.pos[0];
  if (mistake && (parserAt === undefined ? opts.words : at(mistake.offset).line <= at(parserAt).line + 1)) {
    problems.error(at(mistake.offset), mistake.message, mistake.hint);
    return undefined;
  }
  // A warning from the parser (an unknown %directive, say) means the file is not what the editor meant.
  if (doc.errors.length > 0 || doc.warnings.length > 0) {
    // After the first syntax error the parser's later complaints mostly follow from it (one tab
    // gives five): report the first, and say how many more there were.
    const all = [...doc.errors, ...doc.warnings];
    for (const err of all.slice(0, 1)) {
      let offset = err.pos[0];
      let message = JARGON[err.code] ?? yamlMessage(err.message);
      if (/flow (sequence|map|collection)/i.test(err.message)) {
        // The parser notices an unclosed [ or { only further on; point at the bracket that was opened.
        const open = unclosedBracket(text, offset);
        if (open >= 0) {
          offset = open;
          message = `YAML: this '${text[open]}' is never closed`;
        }
      } else if (err.code === 'BAD_INDENT') {
        message = indentSlip(text, offset) ?? message;
      } else if (err.code === 'DUPLICATE_KEY') {
        const key = /^\s*(?:- )?("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(firstLine(text.slice(offset)))?.[1];
        if (key) message = `YAML: the key '${key}' appears twice in this mapping`;
      }
      const more = all.length - 1;
      problems.error(at(offset), more ? `${message} (and ${more} more YAML error${more === 1 ? '' : 's'} after it, most likely from this one)` : message, yamlHint(err.code, err.message));
    }
    return undefined;
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    problems.error(at(0), 'the file is empty', 'it must hold a YAML mapping; see the schema named on its first line');
    return undefined;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const alias = firstAliasOffset(text);
    problems.error(
      at(alias),
      `too many alias expansions (${(e as Error).message.replace(/\.$/, '')})`,
      'write the text out instead of using YAML aliases (*name)',
    );
    return undefined;
  }
  if (opts.words) {
    for (const [path, value] of textValues(data)) {
      if (value.length > 0 && !value.trim()) problems.error(at(offsetOf(doc, path, false)), `'${path.join('.')}' holds only spaces`, 'write the text, or remove the key if it is optional');
    }
  }
  const source = (path: JsonPath) => {
    const node = doc.getIn(path as (string | number)[], true) as Node | undefined;
    return node?.range ? text.slice(node.range[0], node.range[1]) : undefined;
  };
  return { display, data, pos: (path, key = false) => at(offsetOf(doc, path, key)), source };
}

const firstLine = (s: string) => s.replace(/\n[\s\S]*$/, '');
const indentOf = (line: string) => line.length - line.replace(/^ +/, '').length;

/** "All mapping items must start at the same column", said as what happened on the line. */
function indentSlip(text: string, offset: number): string | undefined {
  const lines = text.slice(0, offset).split('\n');
  const lineStart = offset - (lines.pop() ?? '').length;
  const line = firstLine(text.slice(lineStart));
  const mine = indentOf(line);
  for (const l of lines.reverse()) {
    if (!l.trim() || /^\s*#/.test(l)) continue;
    const theirs = indentOf(l);
    if (theirs === mine) return undefined;
    const key = /^\s*(?:- )?([^\s:#]+)/.exec(line)?.[1] ?? 'this line';
    return `'${key}' is indented ${mine} space${mine === 1 ? '' : 's'}, but the line above it ${theirs}: YAML cannot tell which mapping it belongs to`;
  }
  return undefined;
}

function decodeUtf8(bytes: Buffer, display: string, problems: Problems): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const good = firstInvalidUtf8(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, good));
    const lines = before.split('\n');
    const byte = bytes[good]?.toString(16).padStart(2, '0') ?? 'end';
    problems.error(
      { file: display, line: lines.length, col: (lines.at(-1)?.length ?? 0) + 1 },
      `the file is not valid UTF-8 (byte 0x${byte} at offset ${good})`,
      'save it as UTF-8 in your editor',
    );
    return undefined;
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (one pass). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  let c: number | undefined;
  while ((c = b[i]) !== undefined) {
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    // The second byte's range rules out overlong forms, surrogates and code points above U+10FFFF.
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return b.length - 1;
}

function offsetOf(doc: Document, path: JsonPath, key: boolean): number {
  let node: Node | null | undefined = doc.contents;
  let best = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      const keyNode = pair.key as Node;
      if (last && key) return keyNode.range?.[0] ?? best;
      node = pair.value as Node | null;
      best = node?.range?.[0] ?? keyNode.range?.[0] ?? best;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg] as Node | null;
      best = node?.range?.[0] ?? best;
    } else {
      return best;
    }
  }
  return best;
}

function firstAliasOffset(text: string): number {
  const m = /(^|[\s[{,:-])\*[^\s,\]}]+/m.exec(text);
  // The match is one delimiter (or none, at a line start) and then the '*'.
  return m ? m.index + m[0].indexOf('*') : 0;
}

/** The parser's words for the commonest slips, in the words of the person who made them. */
const JARGON: Record<string, string> = {
  MULTILINE_IMPLICIT_KEY: "YAML: this line cannot be read as 'key: text' (a ':' is missing, or the text above goes on without being indented)",
  BLOCK_AS_IMPLICIT_KEY: "YAML: this line holds a second ': ' after its key, or a key indented further than the one above",
};

function yamlMessage(message: string): string {
  // The yaml library appends "at line X, column Y" and a code excerpt; we give the position ourselves.
  const first = firstLine(message).replace(/ at line \d+, column \d+:?$/, '');
  return `YAML: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

/** The last [ or { before `end` that no bracket closes, outside quotes; -1 if none. */
function unclosedBracket(text: string, end: number): number {
  const stack: number[] = [];
  let quote = '';
  for (let i = 0; i < Math.min(end, text.length); i++) {
    const c = text.charAt(i);
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\n') quote = '';
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text.charAt(i - 1)))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"' || (c === "'" && (i === 0 || /[\s:[{,]/.test(text.charAt(i - 1))))) quote = c;
    else if (c === '[' || c === '{') stack.push(i);
    else if ((c === ']' || c === '}') && stack.length) stack.pop();
  }
  return stack.at(-1) ?? -1;
}

function yamlHint(code: string, message: string): string | undefined {
  if (/flow (sequence|map|collection)/i.test(message)) return "close it on the same line, or put the text in quotes if it should start with '[' or '{'";
  switch (code) {
    case 'BAD_DIRECTIVE':
      return "a line that starts with % is a YAML directive: put text that starts with % in quotes";
    case 'TAB_AS_INDENT':
      return 'indent with spaces, never tabs';
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping; remove or rename one of them';
    case 'MISSING_CHAR':
      return /quote/i.test(message) ? 'close the quote on the same value' : 'a character is missing here: check the line against the ones around it';
    case 'BAD_DQ_ESCAPE':
      return 'write a backslash as \\\\ inside double quotes, or use single quotes';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value that continues on the next line must be indented, or put the text in quotes';
    case 'BAD_INDENT':
      return 'keys that belong together start in the same column: indent it like its neighbours';
    default:
      return 'check indentation, colons and quotes on this line';
  }
}

/** Every text value in parsed YAML, with its path: for checks that look at all the words. */
export function* textValues(value: unknown, path: (string | number)[] = []): Generator<[JsonPath, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* textValues(value[i], [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* textValues(v, [...path, k]);
}

/** The value at a path in parsed YAML, or undefined. */
export function valueAt(data: unknown, path: JsonPath): unknown {
  let d = data;
  for (const seg of path) d = d == null ? undefined : (d as Record<string | number, unknown>)[seg];
  return d;
}
