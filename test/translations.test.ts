// Translation files: a locale exported as PO or XLIFF, translated in another tool (here: a script that
// uses only the PO library), imported back into the YAML; per-string untranslated and outdated states.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { po } from 'gettext-parser';
import { LOCALES, must, scratchProjects, TOOL, type Project } from './helpers.js';
import { copyLocale, register } from './fixtures.js';
import { exportTranslations } from '../src/translations/export.js';
import { importTranslations } from '../src/translations/import.js';
import { editYaml } from '../src/translations/edit-yaml.js';
import { loadModels } from '../src/pipeline/models.js';
import { validate } from '../src/pipeline/validate.js';
import { stringsOf } from '../src/content/strings.js';
import { ContentError } from '../src/errors.js';
import { at } from '../src/at.js';

const NEW = ['sv', 'da', 'fi', 'is', 'de'].find((l) => !LOCALES.includes(l))!;
const project = scratchProjects();

/** Every file under content/, path → bytes. */
function snapshot(p: Project): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const f = join(dir, name);
      if (statSync(f).isDirectory()) walk(f);
      else out.set(f, readFileSync(f, 'latin1'));
    }
  };
  walk(join(p.dir, 'content'));
  return out;
}

/** A "translation" that keeps the markup and the length: every a outside markup and placeholders becomes å. */
const translate = (s: string) =>
  s.length <= 2 ? s : s.replace(/(\{[^}]+\}|\]\([^)]+\))|a/g, (m, keep?: string) => keep ?? 'å');

/** What a translator's tool does with the file, done with the PO library alone. */
function translatePo(text: string): string {
  const data = po.parse(text);
  for (const [ctx, byId] of Object.entries(data.translations))
    for (const e of Object.values(byId)) if (ctx) e.msgstr = [translate(e.msgid)];
  return po.compile(data).toString('utf8');
}

/** The project's locales other than its source, as its models list them. */
const translatedLocales = (p: Project): string[] =>
  loadModels({ paths: p.paths, tool: TOOL, locales: 'all' })
    .filter((m) => m.locale !== m.sourceLocale)
    .map((m) => m.locale);

async function exportTo(p: Project, locale: string, format: 'po' | 'xliff'): Promise<string> {
  const out = join(p.dir, `${locale}.${format === 'po' ? 'po' : 'xlf'}`);
  await exportTranslations({ locale, format, paths: p.paths, tool: TOOL, out });
  return out;
}

const sourceStrings = (p: Project) => stringsOf(at(loadModels({ paths: p.paths, tool: TOOL }), 0));
/** The entries of one context (a string's id) in a parsed PO file. */
const poContext = (data: ReturnType<typeof po.parse>, ctx: string) =>
  must(data.translations[ctx], `the PO context ${ctx}`);

describe('translations export and import', () => {
  it('a new locale goes out as PO, comes back translated, and validates', async () => {
    const p = project();
    copyLocale(p, NEW);
    register(p, NEW);
    const file = await exportTo(p, NEW, 'po');
    const exported = po.parse(readFileSync(file));
    const source = sourceStrings(p);
    // Every string, with its source text, an id and a note; the copy's words are not offered as translations.
    const entries = Object.entries(exported.translations).filter(([c]) => c);
    expect(entries.length).toBe(source.length);
    for (const s of source) {
      const e = must(poContext(exported, `${TOOL}/${s.id}`)[s.text], `the PO entry for ${s.text}`);
      // Names and patterns (the author, a date format) may read the same: offered as they are.
      expect(e.msgstr).toEqual([s.maySame ? s.text : '']);
      expect(e.comments?.extracted).toContain(s.context);
    }
    writeFileSync(file, translatePo(readFileSync(file, 'utf8')));
    await importTranslations({ file, paths: p.paths });
    const target = at(loadModels({ paths: p.paths, tool: TOOL, locales: [NEW] }), 0);
    const got = new Map(stringsOf(target).map((s) => [s.id, s.text]));
    for (const s of source) expect(got.get(s.id)).toBe(translate(s.text));
    expect(() => validate({ paths: p.paths, tool: TOOL, locales: [NEW], sizes: ['A1'] })).not.toThrow();
  });

  it('an untouched round trip, PO or XLIFF, changes no byte of the YAML, and a second one no byte at all', async () => {
    const p = project();
    copyLocale(p, NEW);
    register(p, NEW);
    // The record (translations.lock) may be brought up to date by the first import, if an editor
    // changed words since it was written; the content's YAML never changes.
    const yamlOnly = (m: Map<string, string>) => new Map([...m].filter(([f]) => f.endsWith('.yaml')));
    const before = snapshot(p);
    const { sourceLocale } = at(loadModels({ paths: p.paths, tool: TOOL }), 0);
    const roundTrip = async () => {
      for (const locale of [...LOCALES.filter((l) => l !== sourceLocale), NEW])
        for (const format of ['po', 'xliff'] as const) {
          const file = await exportTo(p, locale, format);
          const r = await importTranslations({ file, paths: p.paths });
          expect(r.changed).toBe(0);
        }
    };
    await roundTrip();
    const once = snapshot(p);
    expect(yamlOnly(once)).toEqual(yamlOnly(before));
    await roundTrip();
    expect(snapshot(p)).toEqual(once);
  });

  it('a changed source prompt marks that string outdated in every translation, and fuzzy in the export', async () => {
    const p = project();
    copyLocale(p, NEW);
    register(p, NEW);
    const file = await exportTo(p, NEW, 'po');
    writeFileSync(file, translatePo(readFileSync(file, 'utf8')));
    await importTranslations({ file, paths: p.paths });
    // The shipped translations' records are brought up to date first (a translator's round trip):
    // an editor may have changed a source and its translations by hand since they were written.
    for (const l of translatedLocales(p))
      await importTranslations({ file: await exportTo(p, l, 'po'), paths: p.paths });
    const prompt = sourceStrings(p).find((s) => s.path.at(-1) === 'prompt')!;
    const sourceFile = prompt.yaml.display;
    writeFileSync(
      sourceFile,
      editYaml(readFileSync(sourceFile, 'utf8'), [{ path: prompt.path, value: `${prompt.text} Ny setning.` }]),
    );
    const warnings = validate({ paths: p.paths, tool: TOOL, locales: 'all', sizes: ['A1'] });
    const outdated = warnings.filter((w) => w.message.startsWith('outdated'));
    const locales = translatedLocales(p);
    expect(locales).toContain(NEW);
    expect(outdated.map((w) => w.pos!.file.split('/').at(-2)).sort()).toEqual(locales.sort());
    for (const w of outdated) expect(w.pos!.file.endsWith(prompt.file)).toBe(true);
    const again = po.parse(readFileSync(await exportTo(p, NEW, 'po')));
    const entry = at(Object.values(poContext(again, `${TOOL}/${prompt.id}`)), 0);
    expect(entry.comments?.flag).toBe('fuzzy');
  });

  it('refuses a translation whose markup differs, at its line, and writes nothing', async () => {
    const p = project();
    copyLocale(p, NEW);
    register(p, NEW);
    const file = await exportTo(p, NEW, 'po');
    const marked = sourceStrings(p).find((s) => /\{felt:[^}]+\}/.test(s.text))!;
    const data = po.parse(readFileSync(file));
    must(poContext(data, `${TOOL}/${marked.id}`)[marked.text], `the PO entry for ${marked.text}`).msgstr = [
      marked.text.replace(/\{felt:[^}]+\}/, ''),
    ];
    writeFileSync(file, po.compile(data));
    // The compiled file folds long lines: the entry's msgctxt may start with "" and go on below.
    const lines = readFileSync(file, 'utf8').split('\n');
    const line =
      lines.findIndex(
        (l, i) =>
          l.startsWith('msgctxt') &&
          lines
            .slice(i, i + 4)
            .join('')
            .replace(/^msgctxt |"/g, '')
            .startsWith(`${TOOL}/${marked.id}msgid`),
      ) + 1;
    expect(line).toBeGreaterThan(0);
    const before = snapshot(p);
    const err = await importTranslations({ file, paths: p.paths }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect((err as ContentError).problems.map((q) => [q.pos?.line, q.message.includes('markup')])).toEqual([
      [line, true],
    ]);
    expect(snapshot(p)).toEqual(before);
  });
});

describe('editing YAML in place', () => {
  const text = '# a comment\ntitle: Old words # kept\nlist:\n  - "quoted"\n  - plain\n';
  it('changes only the value, keeps comments and quoting, and quotes text that needs it', () => {
    expect(editYaml(text, [{ path: ['list', 0], value: 'new' }])).toBe(text.replace('"quoted"', '"new"'));
    expect(editYaml(text, [{ path: ['list', 1], value: 'a: b' }])).toBe(text.replace('plain', '"a: b"'));
    expect(editYaml(text, [{ path: ['title'], value: 'New words' }])).toBe(text.replace('Old', 'New'));
  });
});
