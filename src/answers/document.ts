// The answers written out: as an answers file (YAML with its schema, for `build --answers`), or
// as a Markdown document of the questions with the group's answers, in the sheets' order and language.
import { Document } from 'yaml';
import type { ToolModel } from '../content/load.js';
import { partsOf } from '../content/sheet-model.js';
import { ordered, type Collected } from './collect.js';

export function answersYaml(c: Collected, models: ToolModel[], schemaRef: string, sources: string[]): string {
  const answers: Record<string, unknown> = {};
  for (const m of models) {
    const a = c.locales.get(m.locale);
    if (a) answers[m.locale] = ordered(m, a);
  }
  const data: Record<string, unknown> = { tool: c.tool, version: models[0]?.version, answers };
  if (c.unmatched.size)
    data.unmatched = Object.fromEntries([...c.unmatched].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const doc = new Document(data);
  doc.commentBefore = ` Answers read by bordduk from: ${sources.map(clean).join(', ')}\n Print them with: bordduk build --answers <this file> (add --fillable for a pre-filled form)`;
  return `# yaml-language-server: $schema=${schemaRef}\n${doc.toString({ lineWidth: 0, blockQuote: 'literal' })}`;
}

/** A file name as written into a comment: one line, nothing that ends the comment. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');

/**
 * Text that Markdown must not read as markup, escaped only where it would be: emphasis and code
 * marks, link brackets, HTML, and `_` or an entity only where they could act ("4. desember" and
 * "(behovshaver)" stay as typed).
 */
const md = (s: string) =>
  s
    .replace(/[\\`*[\]<~]/g, (ch) => `\\${ch}`)
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&');
/** A table cell: one line, and a `|` would end the cell. */
const cell = (s: string) => md(s).replace(/\|/g, '\\|').replace(/\n/g, '<br>');
/**
 * A group's own paragraphs: a line that starts like a heading, quote, list or rule stays text.
 * `inline`: the first line follows a label on its own line, so it starts no block.
 */
const para = (s: string, inline = false) =>
  md(s)
    .split('\n')
    .map((line, i) =>
      inline && i === 0
        ? line
        : line.replace(/^(\s*)(#|>|[-+](?=\s|$)|[-=]+\s*$)/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n')
    .split(/\n{2,}/)
    .map((p) => p.replace(/\n/g, '  \n'))
    .join('\n\n');

const orderedKeys = (o: object) => [
  ...Object.keys(o).filter((k) => !/^\d+$/.test(k)),
  ...Object.keys(o).filter((k) => /^\d+$/.test(k)),
];

export function answersMarkdown(c: Collected, models: ToolModel[]): string {
  const out: string[] = [];
  for (const m of models) {
    const answers = c.locales.get(m.locale);
    if (!answers) continue;
    const a = ordered(m, answers);
    out.push(
      `# ${md(m.meta.title)}`,
      '',
      `*${md(m.meta.subtitle)}* · ${md(m.meta.labels.version)} ${md(m.version)}`,
      '',
    );
    for (const sheet of m.sheets) {
      const blocks = sheet.blocks.filter((b) => a[b.id] !== undefined);
      if (!blocks.length) continue;
      out.push(`## ${md(m.meta.labels.sheet)} ${sheet.number}: ${md(sheet.title)}`, '');
      for (const t of blocks) {
        const v = a[t.id];
        if (v === undefined) continue;
        out.push(`### ${t.number}. ${md(t.title)}`, '');
        if (t.prompt) out.push(`*${md(t.prompt)}*`, '');
        if (typeof v === 'string') out.push(para(v), '');
        else if (t.kind === 'table') {
          out.push(`| ${cell(m.meta.labels.row ?? '#')} | ${t.columns.map((col) => cell(col.label)).join(' | ')} |`);
          out.push(`|---|${t.columns.map(() => '---').join('|')}|`);
          // Object.entries would put number keys first: keep the answers file's order (write-in row first).
          for (const r of orderedKeys(v)) {
            // Rows are named as the sheet prints them: "L3" where the table numbers its rows.
            const printed = t.rowLabel !== undefined ? `${t.rowLabel}${r}` : r;
            const label = /^\d+$/.test(r) ? cell(printed) : cell(t.writeInRow?.label ?? r);
            out.push(
              `| ${label} | ${t.columns.map((col) => cell((v[r] as Record<string, string> | undefined)?.[col.id] ?? '')).join(' | ')} |`,
            );
          }
          out.push('');
        } else {
          const labels = new Map(partsOf(t).map((f) => [f.id, f.label]));
          for (const [f, text] of Object.entries(v))
            out.push(`**${md(labels.get(f) ?? f)}:** ${para(text as string, true)}`, '');
        }
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
