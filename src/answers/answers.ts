// `bordduk answers FILE.pdf… [--out FILE] [--format yaml|md] [--merge]`: the answers of filled sheets
// as an answers file or a document; `bordduk answers answers.yaml --format md`: the minutes from the
// (edited) answers file that the record is printed from. Nothing from a PDF is executed, and nothing is written but `out`.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, basename } from 'node:path';
import { ContentError, Problems, UsageError, type Problem } from '../errors.js';
import { checkAnswers, loadAnswers } from '../content/answers.js';
import { packageRoot, type Paths } from '../paths.js';
import { loadModels } from '../pipeline/models.js';
import { writeAllAtomic } from '../output/write.js';
import { readFields, readPdfBytes, UnreadablePdf } from './read.js';
import { collect, identify, type Collected, type FileFields } from './collect.js';
import { answersMarkdown, answersYaml } from './document.js';
import { at } from '../at.js';

export interface AnswersOptions {
  files: string[];
  /** Where to write; without it the text is returned (the CLI prints it). */
  out?: string;
  format?: 'yaml' | 'md';
  /** Combine several groups' copies of one sheet into one set of answers (said as a warning). */
  merge?: boolean;
  paths?: Paths;
}

export interface AnswersResult {
  text: string;
  /** The file written, if `out` was given. */
  path?: string;
  warnings: Problem[];
}

export async function answers(o: AnswersOptions): Promise<AnswersResult> {
  if (!o.files.length) throw new UsageError('give one or more filled sheets: bordduk answers FILE.pdf…');
  const format = o.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'md') throw new UsageError(`--format is yaml or md, not '${String(format)}'`);
  // An answers file (edited after the meeting) gives the minutes the same words as the printed record.
  if (o.files.some((f) => /\.ya?ml$/i.test(f))) {
    if (o.files.length > 1) throw new UsageError('give one answers file (.yaml), or filled PDF sheets, not both');
    if (format !== 'md') throw new UsageError('an answers file is already YAML: add --format md to write the minutes');
    return write(o, fromAnswersFile(at(o.files, 0), o.paths));
  }
  const files: FileFields[] = [];
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  for (const file of o.files) {
    try {
      const r = await readFields(readPdfBytes(file));
      files.push({ file, fields: r.fields });
      if (r.damaged)
        warnings.push({
          message: `${file}: the file is damaged in ${r.damaged} place${r.damaged === 1 ? '' : 's'}; what could be read was read`,
          hint: 'check the answers against the sheet',
          severity: 'warning',
        });
    } catch (e) {
      if (!(e instanceof UnreadablePdf)) throw e;
      problems.push({ message: `${file}: ${e.message}`, hint: e.hint });
    }
  }
  if (problems.length) throw new ContentError(problems);
  const { tool, locales } = identify(files);
  const models = loadModels({ tool, locales, paths: o.paths });
  const c = collect(files, models, !!o.merge);
  let text: string;
  if (format === 'md') text = answersMarkdown(c, models);
  else {
    // The modeline points at the schema shipped with bordduk, relative to where the file is written.
    const schema = join(packageRoot, 'content', 'schema', 'answers.schema.json');
    const from = o.out ? dirname(resolve(o.out)) : process.cwd();
    text = answersYaml(
      c,
      models,
      relative(from, schema).split('\\').join('/'),
      o.files.map((f) => basename(f)),
    );
  }
  warnings.push(...c.warnings);
  return write(o, { text, warnings });
}

/**
 * Where the CLI writes without --out: under out/ (git-ignored), since answers hold names and
 * assessments that may be case documents. An existing answers file there (perhaps edited) is never
 * replaced; the minutes are made again from it.
 */
export function defaultAnswersOut(root: string | undefined, format: string | undefined): string {
  const path = join(root ?? '.', 'out', format === 'md' ? 'minutes.md' : 'answers.yaml');
  if (format !== 'md' && existsSync(path))
    throw new UsageError(`${path} exists and may hold edits: give --out FILE (or --out - for stdout), or move it away`);
  return path;
}

function write(o: AnswersOptions, r: AnswersResult): AnswersResult {
  if (!o.out) return r;
  const [path] = writeAllAtomic(dirname(o.out), [{ name: basename(o.out), bytes: Buffer.from(r.text, 'utf8') }]);
  return { ...r, path };
}

/** The minutes from an answers file: checked as `build --answers` checks it, then written like a PDF's answers. */
function fromAnswersFile(file: string, paths?: Paths): AnswersResult {
  const problems = new Problems();
  const set = loadAnswers(file, problems);
  problems.throwIfAny();
  const locales = Object.keys(set!.locales).sort();
  const models = loadModels({ tool: set!.tool, locales, paths });
  for (const m of models) checkAnswers(set!, m, problems);
  problems.throwIfAny();
  const c: Collected = {
    tool: set!.tool,
    locales: new Map(
      locales.map((l) => [l, new Map(Object.entries(set!.locales[l] ?? {}).map(([k, a]) => [k, a.text]))]),
    ),
    unmatched: new Map(),
    warnings: [],
  };
  return { text: answersMarkdown(c, models), warnings: problems.warnings };
}
