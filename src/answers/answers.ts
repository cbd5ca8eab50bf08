// `bordduk answers FILE.pdf… [--out FILE] [--format yaml|md]`: the answers of filled sheets as an
// answers file or a document. Nothing from a PDF is executed, and nothing is written but `out`.
import { dirname, join, relative, resolve, basename } from 'node:path';
import { ContentError, UsageError, type Problem } from '../errors.js';
import { packageRoot, type Paths } from '../paths.js';
import { loadModels } from '../pipeline/models.js';
import { writeAllAtomic } from '../output/write.js';
import { readFields, readPdfBytes, UnreadablePdf } from './read.js';
import { collect, identify, type FileFields } from './collect.js';
import { answersMarkdown, answersYaml } from './document.js';

export interface AnswersOptions {
  files: string[];
  /** Where to write; without it the text is returned (the CLI prints it). */
  out?: string;
  format?: 'yaml' | 'md';
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
  const c = collect(files, models);
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
  if (!o.out) return { text, warnings };
  const [path] = writeAllAtomic(dirname(o.out), [{ name: basename(o.out), bytes: Buffer.from(text, 'utf8') }]);
  return { text, path, warnings };
}
