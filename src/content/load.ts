// Loads one tool in one locale: content words, sheet templates and the theme, each checked
// against its schema and against each other. All problems of a run are collected, then thrown.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { Problems } from '../errors.js';
import type { GuideFile, HyphenationFile, MetaFile, SheetFile, ToolFile } from './model.js';
import type { SheetTemplate, ThemeT } from './template-model.js';
import { resolveSheet, type SheetModel } from './sheet-model.js';
import { resolveGuide, type GuideModel } from './guide-model.js';
import { checkSchema } from './schema-check.js';
import { WORD_FILES, type SchemaName } from './schema-kinds.js';
import { readYamlFile, type YamlFile } from './yaml-file.js';
import type { ParsedFiles } from './parsed-files.js';
import { crossCheckSheet, crossCheckGuide } from './crosscheck.js';
import { defaultPaths, type Paths } from '../paths.js';

export interface ToolModel {
  id: string;
  version: string;
  date: string;
  locale: string;
  sourceLocale: string;
  locales: string[];
  meta: MetaFile;
  metaFile: YamlFile;
  sheets: SheetModel[];
  /** tool.yaml's `shortGuide`: no cover, no contents page, chapters run on. */
  shortGuide?: boolean;
  /** The process guide; a tool whose tool.yaml says `guide: false` has none. */
  guide?: GuideModel;
  hyphenation: string[];
  theme: ThemeT;
  /** The number printed on each block, across all sheets, in template order. */
  fieldNumbers: Record<string, number>;
}

export function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** How to load: the build context's parsed files (pipeline/context.ts), and which parts a command reads. */
export interface LoadOptions {
  parsed?: ParsedFiles<YamlFile>;
  /** Load and check guide.yaml (default true): a build of sheets alone neither reads nor needs it. */
  guide?: boolean;
}

function load<T>(path: string, schema: SchemaName, problems: Problems, lo: LoadOptions): (YamlFile & { data: T }) | undefined {
  const file = readYamlFile(path, display(path), problems, { words: WORD_FILES.has(schema), parsed: lo.parsed });
  if (!file) return undefined;
  return checkSchema<T>(file, schema, problems) ? file : undefined;
}

export function listTools(paths: Paths): string[] {
  if (!existsSync(paths.content)) return [];
  return readdirSync(paths.content, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(paths.content, d.name, 'tool.yaml')))
    .map((d) => d.name)
    .sort();
}

/** tool.yaml alone: which locales and sheets a tool has. */
export function loadToolFile(paths: Paths, toolId: string, problems: Problems, lo: LoadOptions = {}): ToolFile | undefined {
  const path = join(paths.content, toolId, 'tool.yaml');
  if (!/^[a-z][a-zA-Z0-9]*$/.test(toolId)) {
    // One piece of advice for folder and id together: they must be the same valid id.
    const id = idLike(toolId);
    problems.error({ file: display(path), line: 1, col: 1 }, `the tool's folder name '${toolId}' is not a valid tool id (a lowercase letter, then letters and digits)`, `rename the folder to ${id} and set id: ${id} in its tool.yaml`);
    return undefined;
  }
  const file = load<ToolFile>(path, 'tool', problems, lo);
  if (!file) return undefined;
  if (file.data.id !== toolId) {
    problems.error(file.pos(['id']), `id '${file.data.id}' does not match its folder '${toolId}'`, `set id: ${toolId}`);
  }
  if (!file.data.locales.includes(file.data.sourceLocale)) {
    problems.error(file.pos(['sourceLocale']), `sourceLocale '${file.data.sourceLocale}' is not in locales`, 'add it to locales');
  }
  file.data.locales.forEach((locale, i) => {
    if (!existsSync(join(paths.content, toolId, locale))) {
      problems.error(file.pos(['locales', i]), `locale '${locale}' has no folder ${display(join(paths.content, toolId, locale))}`, `create it with the same files as ${file.data.sourceLocale}/, or take '${locale}' out of locales`);
    }
  });
  const d = file.data.date;
  const day = new Date(`${d}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== d) {
    problems.error(file.pos(['date']), `'${d}' is not a date in the calendar`, 'write a real date as YYYY-MM-DD, e.g. "2026-11-29"');
  }
  return file.data;
}

/** A valid id made from a folder name: "Ny verktøy-2" → "nyVerktoy2". */
function idLike(name: string): string {
  const words = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ø/gi, 'o').replace(/æ/gi, 'ae').split(/[^A-Za-z0-9]+/).filter(Boolean);
  const id = words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');
  return /^[a-z]/.test(id) ? id : `tool${id.charAt(0).toUpperCase()}${id.slice(1)}`;
}

/** The theme, with every font it names present in the fonts folder. */
export function loadTheme(paths: Paths, problems: Problems, lo: LoadOptions = {}): (YamlFile & { data: ThemeT }) | undefined {
  // A templates folder of one's own need not hold a theme: the built-in one serves.
  const own = join(paths.templates, 'theme.yaml');
  const file = load<ThemeT>(existsSync(own) ? own : join(defaultPaths().templates, 'theme.yaml'), 'theme', problems, lo);
  if (!file) return undefined;
  let ok = true;
  for (const [id, name] of Object.entries(file.data.fonts)) {
    if (!existsSync(join(paths.fonts, name))) {
      problems.error(file.pos(['fonts', id]), `font file '${name}' is not in ${display(paths.fonts)}`, 'put the TTF there, or name one that is');
      ok = false;
    }
  }
  return ok ? file : undefined;
}

/** Templates depend on no locale: loaded and checked once per build. */
export interface Templates {
  theme: ThemeT;
  themeFile: YamlFile;
  sheets: Map<string, YamlFile & { data: SheetTemplate }>;
}

export function loadTemplates(paths: Paths, tool: ToolFile, problems: Problems, lo: LoadOptions = {}): Templates | undefined {
  const theme = loadTheme(paths, problems, lo);
  const sheets = new Map<string, YamlFile & { data: SheetTemplate }>();
  for (const sheetId of tool.sheets) {
    const tpl = load<SheetTemplate>(join(paths.templates, tool.id, `${sheetId}.yaml`), 'template', problems, lo);
    if (tpl) sheets.set(sheetId, tpl);
  }
  checkNumberedRows(sheets, problems);
  return theme && sheets.size === tool.sheets.length ? { theme: theme.data, themeFile: theme, sheets } : undefined;
}

/**
 * Numbered rows name the same things on every sheet (row L3 of the leader map is row L3 of the
 * timeline), so a group never copies names across: each such table has one fixed row count, and
 * all of them the same one.
 */
function checkNumberedRows(sheets: Map<string, YamlFile & { data: SheetTemplate }>, problems: Problems): void {
  let first: { id: string; rows: number } | undefined;
  const numbered = new Map<string, Set<string>>();
  for (const tpl of sheets.values())
    for (const [id, b] of Object.entries(tpl.data.blocks))
      if (b.kind === 'table' && b.rowNumbers) numbered.set(id, new Set(b.columns.map((c) => c.id)));
  for (const tpl of sheets.values())
    for (const [id, b] of Object.entries(tpl.data.blocks)) {
      if (b.kind !== 'table') continue;
      b.columns.forEach((c, i) => {
        if (c.sameAs === undefined) return;
        const [block = '', column = ''] = c.sameAs.split('.');
        const at = tpl.pos(['blocks', id, 'columns', i, 'sameAs']);
        if (!b.rowNumbers)
          problems.error(at, `column '${c.id}' of '${id}' repeats '${c.sameAs}', but '${id}' does not number its rows`, 'set rowNumbers: true, or remove sameAs');
        else if (block === id || !numbered.get(block)?.has(column))
          problems.error(at, `'${c.sameAs}' is not a column of another table with numbered rows in this tool`, `name one as block.column, e.g. ${[...numbered].filter(([b]) => b !== id).map(([b, cols]) => `${b}.${[...cols][0]}`)[0] ?? 'leaderMap.leader'}`);
      });
    }
  for (const tpl of sheets.values()) {
    for (const [id, b] of Object.entries(tpl.data.blocks)) {
      if (b.kind !== 'table' || !b.rowNumbers) continue;
      if (b.maxRows !== b.minRows) {
        problems.error(tpl.pos(['blocks', id], true), `block '${id}' numbers its rows, so its row count must be fixed`, `set maxRows: ${b.minRows} (equal to minRows)`);
        continue;
      }
      if (!first) first = { id, rows: b.minRows };
      else if (first.rows !== b.minRows) {
        problems.error(tpl.pos(['blocks', id, 'minRows']), `block '${id}' has ${b.minRows} numbered rows, but '${first.id}' has ${first.rows}`, 'tables with numbered rows list the same things: give them the same row count');
      }
    }
  }
}

export function loadTool(paths: Paths, tool: ToolFile, templates: Templates, locale: string, problems: Problems, lo: LoadOptions = {}): ToolModel | undefined {
  const theme = templates.theme;
  const dir = join(paths.content, tool.id, locale);
  if (!existsSync(dir)) {
    problems.error(undefined, `no content for locale '${locale}' in ${display(join(paths.content, tool.id))}`, `known locales: ${tool.locales.join(', ')}`);
    return undefined;
  }
  const meta = load<MetaFile>(join(dir, 'meta.yaml'), 'meta', problems, lo);
  const hyph = existsSync(join(dir, 'hyphenation.yaml'))
    ? load<HyphenationFile>(join(dir, 'hyphenation.yaml'), 'hyphenation', problems, lo)
    : undefined;

  const sheets: SheetModel[] = [];
  const fieldNumbers: Record<string, number> = {};
  let n = 0;
  tool.sheets.forEach((sheetId, i) => {
    const tpl = templates.sheets.get(sheetId);
    const words = load<SheetFile>(join(dir, `${sheetId}.yaml`), 'sheet', problems, lo);
    if (!tpl) return;
    let unique = true;
    for (const blockId of Object.keys(tpl.data.blocks)) {
      if (blockId in fieldNumbers) {
        problems.error(tpl.pos(['blocks', blockId], true), `block id '${blockId}' is already used by an earlier sheet`, 'block ids must be unique across a tool, since the guide refers to them');
        unique = false;
      } else fieldNumbers[blockId] = ++n;
    }
    // Template and words are joined once, here, and only where the cross-check found every id.
    if (words && crossCheckSheet(tpl, words, problems) && unique)
      sheets.push(resolveSheet(sheetId, i + 1, tpl.data, words, fieldNumbers));
  });

  // A tool without a guide (tool.yaml: guide: false) has none to read; a build of sheets alone reads none.
  const hasGuide = tool.guide !== false;
  const readGuide = hasGuide && lo.guide !== false;
  const guideFile = readGuide ? load<GuideFile>(join(dir, 'guide.yaml'), 'guide', problems, lo) : undefined;
  const guide = guideFile && resolveGuide(guideFile);
  if (guide) crossCheckGuide(guide, tool.sheets, fieldNumbers, problems);

  if (!meta || (readGuide && !guide) || sheets.length !== tool.sheets.length) return undefined;
  return {
    id: tool.id,
    version: tool.version,
    date: tool.date,
    locale,
    sourceLocale: tool.sourceLocale,
    locales: tool.locales,
    meta: meta.data,
    metaFile: meta,
    sheets,
    ...(guide ? { guide } : {}),
    ...(tool.shortGuide ? { shortGuide: true } : {}),
    hyphenation: hyph?.data.exceptions ?? [],
    theme,
    fieldNumbers,
  };
}
