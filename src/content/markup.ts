// The guide's small inline markup: **bold**, *italic*, [text](https://…), {felt:blockId}. It is
// content: parsed and checked here; the layout only styles the parsed spans (layout/text/inline.ts).

const TOKEN = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)|\{felt:([^}]+)\}|\\([*\\[\]{}])/g;

/**
 * What is left of a text once its well-formed markup is taken out: any '*', '[', ']', '{' or
 * '}' left over is markup gone wrong (an unclosed bold, a broken link). Escaped ones (\*) are fine.
 */
export function strayMarkup(text: string): string | undefined {
  const rest = text.replace(TOKEN, '');
  const m = /[*[\]{}]/.exec(rest);
  return m ? m[0] : undefined;
}

/** Every link target in a text. */
export function linkTargets(text: string): string[] {
  return [...text.matchAll(TOKEN)].flatMap((m) => (m[4] !== undefined ? [m[4]] : []));
}

/**
 * A piece of marked-up text with what the markup says about it. Emphasis is meaning here, not a
 * font: the layout decides how bold and italic look (see layout/text/inline.ts).
 */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** The link's target, for the link's text and anything nested in it. */
  link?: string;
  /** A field reference printed as the field's number. */
  field?: boolean;
}

/** Turns marked-up text into spans, one per piece of text. Field references become the field's number. */
export function parseInline(text: string, numbers: Record<string, number>, outer: Omit<Span, 'text'> = {}): Span[] {
  const spans: Span[] = [];
  let at = 0;
  const push = (t: string, marks: Omit<Span, 'text'>) => {
    if (t) spans.push({ text: t, ...marks });
  };
  for (const m of text.matchAll(TOKEN)) {
    push(text.slice(at, m.index), outer);
    // Bold, italic and link text may hold field references (and each other): parse them in turn.
    const inner = (t: string, marks: Omit<Span, 'text'>) => spans.push(...parseInline(t, numbers, marks));
    if (m[1] !== undefined) inner(m[1], { ...outer, bold: true });
    else if (m[2] !== undefined) inner(m[2], { ...outer, italic: true });
    else if (m[3] !== undefined) inner(m[3], { ...outer, link: m[4] });
    else if (m[5] !== undefined) push(String(numbers[m[5]] ?? m[5]), { ...outer, field: true });
    else if (m[6] !== undefined) push(m[6], outer); // an escaped character, printed as itself
    at = m.index + m[0].length;
  }
  push(text.slice(at), outer);
  return spans;
}

/** The text without markup, e.g. for a PDF outline or a test's search. */
export function plainText(text: string, numbers: Record<string, number>): string {
  return text.replace(TOKEN, (_all, b, i, lt, _url, ref, esc) =>
    (b ?? i ?? lt) !== undefined ? plainText(b ?? i ?? lt, numbers) : esc !== undefined ? esc : String(numbers[ref] ?? ref),
  );
}
