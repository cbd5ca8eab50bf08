// The guide's small inline markup: **bold**, *italic*, [text](https://…), {felt:blockId}.
import type { FontId } from '../content/template-model.js';
import type { Run, Style } from './linebreak.js';

export interface Faces {
  regular: FontId;
  bold: FontId;
  italic: FontId;
}

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

/** Turns marked-up text into styled runs. Field references become the field's number. */
export function parseInline(text: string, base: Style, faces: Faces, numbers: Record<string, number>): Run[] {
  const runs: Run[] = [];
  let at = 0;
  const push = (t: string, style: Style) => {
    if (t) runs.push({ text: t, style });
  };
  for (const m of text.matchAll(TOKEN)) {
    push(text.slice(at, m.index), base);
    // Bold, italic and link text may hold field references (and each other): parse them in turn.
    const inner = (t: string, style: Style) => runs.push(...parseInline(t, style, faces, numbers));
    if (m[1] !== undefined) inner(m[1], { ...base, font: faces.bold });
    else if (m[2] !== undefined) inner(m[2], { ...base, font: base.font === faces.bold ? faces.bold : faces.italic });
    else if (m[3] !== undefined) inner(m[3], { ...base, colour: 'accent', link: m[4] });
    else if (m[5] !== undefined) push(String(numbers[m[5]] ?? m[5]), { ...base, font: faces.bold });
    else push(m[6], base); // an escaped character, printed as itself
    at = m.index! + m[0].length;
  }
  push(text.slice(at), base);
  return runs;
}

/** The text without markup, e.g. for a PDF outline or a test's search. */
export function plainText(text: string, numbers: Record<string, number>): string {
  return text.replace(TOKEN, (_all, b, i, lt, _url, ref, esc) =>
    (b ?? i ?? lt) !== undefined ? plainText(b ?? i ?? lt, numbers) : esc !== undefined ? esc : String(numbers[ref] ?? ref),
  );
}
