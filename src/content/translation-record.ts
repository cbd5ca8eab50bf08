// Which source text each translated string was made from. `bordduk translations import` keeps a
// record per locale (translations.lock next to the locale's files, written by the tool, never by
// hand): for each string a fingerprint of the source text and of the translation, and whether the
// translation is meant to read the same as the source. From it, each string of a translation is
// translated, untranslated (still the source's words) or outdated (the source changed since, and the
// translation did not).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Problems } from '../errors.js';
import type { TextString } from './strings.js';
import { readYamlFile } from './yaml-file.js';

export const RECORD_FILE = 'translations.lock';

export interface StringRecord {
  /** Fingerprint of the source text the translation was made from. */
  source: string;
  /** Fingerprint of the translation when it was recorded. */
  target: string;
  /** The translation is meant to read the same as the source (a name, a letter). */
  same?: boolean;
}

export type TranslationRecord = Map<string, StringRecord>;

export function fingerprint(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 12);
}

const LINE = /^([0-9a-f]{12}) ([0-9a-f]{12})( same)?$/;

/** The locale folder's record; none yet is an empty record. */
export function readRecord(localeDir: string, display: string, problems: Problems): TranslationRecord {
  const record: TranslationRecord = new Map();
  const path = join(localeDir, RECORD_FILE);
  if (!existsSync(path)) return record;
  const file = readYamlFile(path, display, problems);
  const strings = (file?.data as { strings?: Record<string, unknown> } | null)?.strings ?? {};
  for (const [id, v] of Object.entries(strings)) {
    const m = typeof v === 'string' ? LINE.exec(v) : null;
    if (!m) {
      problems.error(
        file!.pos(['strings', id]),
        `this entry of the translation record is not "SOURCE TARGET [same]"`,
        `${RECORD_FILE} is written by bordduk translations import: delete the line and import again`,
      );
      continue;
    }
    const [, source = '', target = '', same] = m;
    record.set(id, { source, target, ...(same ? { same: true } : {}) });
  }
  return record;
}

/** The record's text: one line per string, in the order of the source's strings, so diffs stay small. */
export function recordText(record: TranslationRecord, order: string[], sourceLocale: string): string {
  const ids = [...record.keys()].sort((a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : a > b ? 1 : 0));
  const lines = ids.map((id) => {
    const r = record.get(id)!;
    return `  ${JSON.stringify(id)}: ${r.source} ${r.target}${r.same ? ' same' : ''}\n`;
  });
  return (
    `# Written by \`bordduk translations import\`; keep it with the translation, do not edit it. For each string:\n` +
    `# a fingerprint of the ${sourceLocale} text it was translated from, one of the translation, and "same" when\n` +
    `# the translation is meant to read as the source. \`bordduk validate\` warns when the source changed since.\n` +
    `strings:${ids.length ? '\n' : ' {}\n'}${lines.join('')}`
  );
}

function rank(order: string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
}

export type StringState = 'translated' | 'untranslated' | 'outdated';

/** A translated string's state against its current source. */
export function stateOf(source: string, target: string, r: StringRecord | undefined, maySame = false): StringState {
  if (r && r.source !== fingerprint(source) && r.target === fingerprint(target)) return 'outdated';
  if (target === source && !maySame && !(r?.same && r.source === fingerprint(source))) return 'untranslated';
  return 'translated';
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** validate's warning per string that is untranslated or outdated. */
export function stringWarnings(
  source: TextString[],
  target: TextString[],
  record: TranslationRecord,
  locales: { source: string; target: string },
  problems: Problems,
): void {
  const byId = new Map(source.map((s) => [s.id, s]));
  for (const t of target) {
    const s = byId.get(t.id);
    if (!s) continue;
    const state = stateOf(s.text, t.text, record.get(t.id), s.maySame);
    if (state === 'outdated')
      problems.warn(
        t.yaml.pos(t.path),
        `outdated: the ${locales.source} text changed since this was translated (now "${clip(s.text)}")`,
        `update the translation, or export the ${locales.target} strings, where it is marked fuzzy`,
      );
    else if (state === 'untranslated')
      problems.warn(
        t.yaml.pos(t.path),
        `untranslated: the same as the ${locales.source} text`,
        `translate it, or mark it meant to be the same by importing it unchanged from a PO or XLIFF file`,
      );
  }
}
