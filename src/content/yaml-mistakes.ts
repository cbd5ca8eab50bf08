// The mistakes people make in YAML, found line by line and named as what the person did, at the
// line they did it. The parser either accepts some of them silently (an unquoted " #" drops the
// rest of the line, a "!" at the start of a text vanishes, a non-breaking space in the indent
// becomes part of a key) or reports them in its own terms, sometimes a line early or late
// ("implicit keys need to be on a single line"). Content files are simple block YAML (keys that
// are ids, text values, lists), so a line scanner can tell what was meant.

export interface Mistake {
  /** Offset into the text where the mistake is. */
  offset: number;
  message: string;
  hint: string;
}

/** Why a value cannot start with one of these characters unquoted. */
const INDICATORS: Record<string, string> = {
  '*': "YAML reads text that starts with '*' as a reference to a value named elsewhere (an alias)",
  '&': "YAML reads text that starts with '&' as a name for the value that follows (an anchor)",
  '!': "YAML reads text that starts with '!' as a type tag, and the tag is lost from the text",
  '%': "YAML reads text that starts with '%' as a directive",
  '@': "YAML reserves '@': plain text cannot start with it",
  '`': "YAML reserves '`': plain text cannot start with it",
};

/** Spaces YAML does not count as indentation but that look like a space in every editor. */
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

/** Keys that start a list item in content files (guide chapters, sections and body items). */
const ITEM_KEYS = new Set(['id', 'title', 'body', 'sections', 'p', 'list', 'steps', 'tip', 'pitfall', 'figure', 'alt']);

/** A whole value wrapped in typographic quotes (“…”, «…», „…“, ‘…’): named, or undefined. */
export function typographicQuotes(value: string): string | undefined {
  const m = /^(“[^“”]*”|«[^«»]*»|„[^„“”]*[“”]|‘[^‘’]*’|”[^”]*”)$/s.exec(value.trim());
  return m ? `typographic quotes ${value.trim()[0]}…${value.trim().slice(-1)}` : undefined;
}

const KEY = /^([A-Za-z][A-Za-z0-9_-]*|"[^"]*"|'[^']*')[ \t]*:(?=[ \t]|$)/;

interface Opener {
  /** Column of the key or dash that owns a value continuing on the next lines. */
  indent: number;
  kind: 'plain' | 'block' | 'quote';
  /** A plain text has begun (so a deeper key or item cannot be a nested block). */
  started?: boolean;
  quote?: string;
  what: string;
}

const quoteIt = (key: string | undefined, value: string) =>
  `put the whole text in double quotes: ${key ? `${key}: ` : '- '}"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The first mistake in a content file's text, or undefined. `comments` also reports an unquoted
 * " #" after text (the rest of the line would be lost): right for words, not for templates.
 */
export function findMistake(text: string, opts: { comments: boolean }): Mistake | undefined {
  let offset = 0;
  let open: Opener | undefined;
  const levels: number[] = [];
  for (const line of text.split('\n')) {
    const at = offset;
    offset += line.length + 1;
    const body = line.replace(/\r$/, '');
    if (open?.kind === 'quote') {
      if (closesQuote(body, open.quote!)) open = undefined;
      continue;
    }
    if (!body.trim() || /^[ \t]*#/.test(body)) continue;
    const indent = /^[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]*/.exec(body)![0];
    if (indent.includes('\t')) {
      return { offset: at + indent.indexOf('\t'), message: 'this line is indented with a tab, which YAML does not allow', hint: 'indent with spaces, never tabs' };
    }
    const odd = ODD_SPACE.exec(indent);
    if (odd) {
      return {
        offset: at + odd.index,
        message: `this line is indented with a ${odd[0] === '\u00a0' ? 'non-breaking space' : `special space (U+${odd[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`}, which YAML does not count as indentation`,
        hint: 'delete the indentation and type it again with ordinary spaces',
      };
    }
    const col = indent.length;
    if (open?.kind === 'block' && col > open.indent) continue;
    if (open?.kind === 'block') open = undefined;

    let rest = body.slice(col);
    let restCol = col;
    const isItem = /^-(?:[ \t]|$)/.test(rest);
    if (isItem) {
      const m = /^-[ \t]*/.exec(rest)![0];
      rest = rest.slice(m.length);
      restCol += m.length;
    }
    const key = KEY.exec(rest);
    // Deeper than a key whose text has begun (or a plain line under an empty key): the same text goes on.
    const continuing = open?.kind === 'plain' && col > open.indent && (!!open.started || (!key && !isItem));
    if (continuing && open!.started && (isItem || key)) {
      // A list item or key indented further than the text above it becomes part of that text.
      const what = isItem ? 'list item' : `'${key![1]}'`;
      return {
        offset: at,
        message: `${what} is indented ${col} space${col === 1 ? '' : 's'}, further than ${open!.what} above it (${open!.indent}), so YAML ${isItem ? 'joins it to the text above' : 'cannot tell where it belongs'}`,
        hint: `start it in column ${open!.indent + 1}, like ${open!.what} above`,
      };
    }
    // Keys of one mapping share a column: a key between two columns belongs to neither.
    if (!continuing && (isItem || key)) {
      const slip = place(levels, col) ?? (isItem && key ? place(levels, restCol) : undefined);
      if (slip !== undefined) {
        const what = key ? `'${key[1]}'` : 'this list item';
        return { offset: at, message: `${what} is indented ${col} space${col === 1 ? '' : 's'}, but the lines it belongs with ${slip}`, hint: `indent it ${slip.replace(/^have /, '')} spaces, like its neighbours` };
      }
    }
    if (!isItem && !key && !continuing) {
      const word = /^[^\s:#]+/.exec(rest)?.[0] ?? rest;
      return {
        offset: at + col,
        message: `this line has no ':' after '${word}', so YAML cannot read it as 'key: text'`,
        hint: `write '${word}: …' with a colon and a space, or, if the line continues the text above, indent it further than the key above`,
      };
    }
    // In a list of texts, "- Note: …" becomes a one-key mapping; the guide's own item keys are structure.
    const itemKey = key?.[1];
    if (isItem && itemKey && opts.comments && !continuing && !ITEM_KEYS.has(itemKey) && /^[^"']/.test(itemKey)) {
      return {
        offset: at + restCol + itemKey.length,
        message: `this list item holds ': ' (a colon and a space), which YAML reads as 'key: value', not as text`,
        hint: quoteIt(undefined, rest.replace(/[ \t]+$/, '')),
      };
    }
    let keyName: string | undefined;
    let value = rest;
    let valueCol = restCol;
    if (key) {
      keyName = key[1];
      const after = rest.slice(key[0].length);
      const lead = /^[ \t]*/.exec(after)![0];
      value = after.slice(lead.length);
      valueCol = restCol + key[0].length + lead.length;
    }
    const ownerIndent = continuing ? open!.indent : key ? restCol : col;
    const ownerWhat = continuing ? open!.what : key ? `'${keyName}'` : 'the list item';
    value = value.replace(/[ \t]+$/, '');
    if (!value || value.startsWith('#')) {
      if (key || isItem) open = { indent: ownerIndent, kind: 'plain', what: ownerWhat, started: false };
      continue;
    }
    const first = value.charAt(0);
    const indicator = INDICATORS[first];
    if (!continuing && indicator && !deliberateAnchor(text, value)) {
      return { offset: at + valueCol, message: indicator, hint: quoteIt(keyName, value) };
    }
    if (!continuing && (first === '"' || first === "'")) {
      const end = closingQuote(value, first);
      if (end < 0) {
        open = { indent: ownerIndent, kind: 'quote', quote: first, what: ownerWhat };
        continue;
      }
      const tail = value.slice(end + 1).trim();
      if (tail && !tail.startsWith('#')) {
        return {
          offset: at + valueCol + end + 1,
          message: `the text starts with a quote (${first}) that closes before the text ends, so YAML stops reading there`,
          hint: `${quoteIt(keyName, value)} (a quote inside stays as \\"), or use typographic quotes «…» or “…”`,
        };
      }
      open = undefined;
      continue;
    }
    if (!continuing && (first === '[' || first === '{')) {
      const end = closingBracket(value);
      const tail = end < 0 ? '' : value.slice(end + 1).trim();
      if (tail && !tail.startsWith('#')) {
        return {
          offset: at + valueCol,
          message: `text that starts with '${first}' is read by YAML as a ${first === '[' ? 'list' : 'mapping'}, and the words after '${first === '[' ? ']' : '}'}' do not fit that`,
          hint: quoteIt(keyName, value),
        };
      }
      open = undefined;
      continue;
    }
    if (!continuing && (first === '|' || first === '>')) {
      open = { indent: ownerIndent, kind: 'block', what: ownerWhat };
      continue;
    }
    // Plain text: ": " would start a key inside it, " #" a comment.
    const colon = /:(?=[ \t]|$)/.exec(value);
    const hash = /[ \t]#/.exec(value);
    if (colon && (!hash || colon.index < hash.index)) {
      return {
        offset: at + valueCol + colon.index,
        message: `the text holds ': ' (a colon and a space), which YAML reads as the start of a key`,
        hint: quoteIt(keyName, value),
      };
    }
    if (hash && opts.comments) {
      return {
        offset: at + valueCol + hash.index + 1,
        message: `' #' starts a YAML comment, so the words from '#' to the end of the line would be left out ("${value.slice(hash.index + 1)}")`,
        hint: quoteIt(keyName, value),
      };
    }
    open = { indent: ownerIndent, kind: 'plain', what: ownerWhat, started: true };
  }
  return undefined;
}

/** `&name` with a `*name` elsewhere (or the other way round) is YAML used on purpose, not text. */
function deliberateAnchor(text: string, value: string): boolean {
  const m = /^([&*])([A-Za-z0-9_-]+)(?=\s|$)/.exec(value);
  if (!m) return false;
  // An anchor on a quoted text or a list is structure, whether or not it is used.
  if (m[1] === '&' && /^\s+["'[{]/.test(value.slice(m[0].length))) return true;
  const other = m[1] === '&' ? '*' : '&';
  return new RegExp(`(^|[\\s\\[{,])\\${other}${m[2]}(?=[\\s,\\]}]|$)`, 'm').test(text);
}

/**
 * Records a key or dash at `col` in the stack of open mappings' columns; returns what the
 * neighbours have ("have 4") when the column lies between two levels, else undefined.
 */
function place(levels: number[], col: number): string | undefined {
  let popped: number | undefined;
  while ((levels.at(-1) ?? -1) > col) popped = levels.pop();
  const top = levels.at(-1);
  if (top === col) return undefined;
  if (popped !== undefined) return `have ${popped}${top !== undefined ? ` or ${top}` : ''}`;
  levels.push(col);
  return undefined;
}

/** Index of the quote that closes a quoted value starting at 0, or -1 when it goes on to the next line. */
function closingQuote(value: string, q: string): number {
  for (let i = 1; i < value.length; i++) {
    if (q === '"' && value[i] === '\\') i++;
    else if (value[i] === q) {
      if (q === "'" && value[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

function closesQuote(line: string, q: string): boolean {
  return closingQuote(q + line, q) >= 0;
}

function closingBracket(value: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) return i;
  }
  return -1;
}
