// From the fields of filled sheets to answers keyed like the content: tool, locale, block, then the
// field id or the row number and column id. The field names say where each value belongs
// (`bordduk/<tool>/<locale>/<block>/<row>/<column>`), so files of any size and locale can be mixed.
import { ContentError, type Problem } from '../errors.js';
import { fieldKeys, keyPattern } from '../content/answers.js';
import type { ToolModel } from '../content/load.js';
import { partsOf } from '../content/sheet-model.js';
import type { FilledField } from './read.js';
import { withoutRepeated } from '../pipeline/answers.js';

export interface FileFields {
  file: string;
  fields: FilledField[];
}

export interface Collected {
  tool: string;
  /** locale → key (`leaderMap.3.need`) → answer. */
  locales: Map<string, Map<string, string>>;
  /** Filled fields the current templates no longer have, by PDF name: kept and reported. */
  unmatched: Map<string, string>;
  warnings: Problem[];
}

const PART = /^[a-z][a-zA-Z0-9]*$|^[1-9][0-9]{0,5}$/;

/** Parses a field name; undefined for a field that is not one of ours. */
export function parseName(name: string): { tool: string; locale: string; key: string } | undefined {
  const parts = name.split('/');
  if (parts[0] !== 'bordduk' || parts.length < 4 || parts.length > 6) return undefined;
  const [, tool, locale, ...key] = parts;
  if (
    tool === undefined ||
    locale === undefined ||
    !/^[a-z][a-zA-Z0-9]*$/.test(tool) ||
    !/^[a-z]{2,3}$/.test(locale) ||
    !key.every((p) => PART.test(p)) ||
    /^\d/.test(key[0] ?? '')
  )
    return undefined;
  return { tool, locale, key: key.join('.') };
}

/** Which tool and locales the files hold: a file with none of our fields is not a filled sheet of ours. */
export function identify(files: FileFields[]): { tool: string; locales: string[] } {
  const problems: Problem[] = [];
  const tools = new Set<string>();
  const locales = new Set<string>();
  for (const f of files) {
    const ours = f.fields.map((x) => parseName(x.name)).filter((x) => x !== undefined);
    if (!ours.length) {
      problems.push({
        message: `${f.file}: not a fillable bordduk sheet (it has no bordduk form fields)`,
        hint: "give a sheet made with 'bordduk build --fillable' and filled in",
      });
    }
    for (const o of ours) {
      tools.add(o.tool);
      locales.add(o.locale);
    }
  }
  if (tools.size > 1)
    problems.push({
      message: `the files are sheets of different tools (${[...tools].sort().join(', ')})`,
      hint: 'read the answers of one tool at a time',
    });
  if (problems.length) throw new ContentError(problems);
  const [tool] = tools;
  if (tool === undefined)
    throw new ContentError([{ message: 'no sheets given', hint: 'give the filled PDF sheets to read' }]);
  return { tool, locales: [...locales].sort() };
}

/**
 * Two files holding the same sheet in the same locale are two groups' copies: kept apart unless
 * `merge` is asked for (and then said). Which sheet a file holds is read from its field names.
 */
function copies(files: FileFields[], models: ToolModel[], merge: boolean): Problem[] {
  const sheetOf = new Map<string, number>();
  for (const m of models)
    for (const sh of m.sheets) for (const b of sh.blocks) sheetOf.set(`${m.locale}.${b.id}`, sh.number);
  const holders = new Map<string, string[]>();
  for (const f of files) {
    const held = new Set<string>();
    for (const field of f.fields) {
      const p = parseName(field.name);
      const n = p && sheetOf.get(`${p.locale}.${p.key.split('.')[0]}`);
      if (p && n !== undefined) held.add(`${n} (${p.locale})`);
    }
    for (const h of held) holders.set(h, [...(holders.get(h) ?? []), f.file]);
  }
  const out: Problem[] = [];
  for (const [sheet, names] of holders) {
    if (names.length < 2) continue;
    const label = models[0]?.meta.labels.sheet ?? 'sheet';
    if (merge)
      out.push({
        message: `merged ${names.length} filled copies of ${label} ${sheet} into one set of answers: ${names.join(', ')}`,
        severity: 'warning',
      });
    else
      out.push({
        message: `${names.join(' and ')} are ${names.length} filled copies of ${label} ${sheet}: answers of different groups`,
        hint: `read each group's sheets on their own (one answers file and record per group), or add --merge to combine them`,
      });
  }
  return out;
}

export function collect(files: FileFields[], models: ToolModel[], merge = false): Collected {
  const groups = copies(files, models, merge);
  if (!merge && groups.length) throw new ContentError(groups);
  const byLocale = new Map(models.map((m) => [m.locale, { model: m, keys: fieldKeys(m) }]));
  const locales = new Map<string, Map<string, string>>();
  const from = new Map<string, string>();
  const unmatched = new Map<string, string>();
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  for (const f of files) {
    for (const field of f.fields) {
      const p = parseName(field.name);
      if (!p || !field.value.trim()) continue;
      const known = byLocale.get(p.locale);
      if (!known || !known.keys.has(keyPattern(p.key))) {
        unmatched.set(field.name, field.value);
        warnings.push({
          message: `${f.file}: the field '${field.name}' is not on the current sheets; its answer is kept under 'unmatched'`,
          severity: 'warning',
        });
        continue;
      }
      const answers = locales.get(p.locale) ?? new Map<string, string>();
      locales.set(p.locale, answers);
      const id = `${p.locale}.${p.key}`;
      const before = answers.get(p.key);
      if (before !== undefined && before !== field.value) {
        errors.push({
          message: `'${p.key}' (${p.locale}) has different answers in ${from.get(id)} and ${f.file}`,
          hint: 'the copies were merged on request; make their answers agree, or read each group on its own',
        });
        continue;
      }
      answers.set(p.key, field.value);
      from.set(id, f.file);
    }
  }
  if (errors.length) throw new ContentError(errors);
  // A cell that repeats another table's (the timeline's leader from the leader map), as pre-filled: not an answer of its own.
  for (const [locale, answers] of locales) {
    const model = byLocale.get(locale)?.model;
    if (!model) continue;
    const kept = withoutRepeated(model, Object.fromEntries(answers));
    for (const key of [...answers.keys()]) if (!(key in kept)) answers.delete(key);
  }
  return { tool: models[0]?.id ?? '', locales, unmatched, warnings: [...groups, ...warnings] };
}

/** The answers of one locale in the sheets' order: block by block, rows by number, columns as in the template. */
export function ordered(
  model: ToolModel,
  answers: Map<string, string>,
): Record<string, string | Record<string, string | Record<string, string>>> {
  const out: Record<string, string | Record<string, string | Record<string, string>>> = {};
  for (const sheet of model.sheets) {
    for (const t of sheet.blocks) {
      const id = t.id;
      if (t.kind === 'legend') continue;
      if (t.kind === 'table') {
        const parts = [
          ...new Set([...answers.keys()].filter((k) => k.startsWith(`${id}.`)).flatMap((k) => k.split('.')[1] ?? [])),
        ];
        // The write-in row under the headings first, then the rows by number.
        const rows = [
          ...parts.filter((r) => !/^\d+$/.test(r)),
          ...parts.filter((r) => /^\d+$/.test(r)).sort((a, b) => Number(a) - Number(b)),
        ];
        const block: Record<string, Record<string, string>> = {};
        for (const r of rows) {
          const row: Record<string, string> = {};
          for (const c of t.columns) {
            const v = answers.get(`${id}.${r}.${c.id}`);
            if (v !== undefined) row[c.id] = v;
          }
          block[String(r)] = row;
        }
        if (rows.length) out[id] = block;
        continue;
      }
      const whole = answers.get(id);
      if (whole !== undefined) {
        out[id] = whole;
        continue;
      }
      const block: Record<string, string> = {};
      for (const { id: f } of partsOf(t)) {
        const v = answers.get(`${id}.${f}`);
        if (v !== undefined) block[f] = v;
      }
      if (Object.keys(block).length) out[id] = block;
    }
  }
  return out;
}
