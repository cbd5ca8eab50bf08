// `bordduk translations export|import`: the commands' options; the work is loaded when one runs.
import { Option, type Command } from 'commander';
import { formatProblem } from '../errors.js';
import type { Paths } from '../paths.js';

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

export function addTranslationCommands(p: Command, out: Out, paths: () => Paths | undefined): void {
  const t = p.command('translations').description("translation files (PO, XLIFF) for translators' tools");
  t.command('export')
    .description('write every translatable string of a tool for one locale, with its source text and a note')
    .requiredOption('--locale <locale>', 'the locale to translate into, e.g. sv', (v) => v.toLowerCase())
    .addOption(new Option('--format <f>', 'gettext PO or XLIFF 2.0').choices(['po', 'xliff']).default('po'))
    .option('--tool <id>', 'the tool (needed when there are several)')
    .option('--out <file>', 'write to this file (default: print to stdout)')
    .action(async (o) => {
      const { exportTranslations } = await import('./export.js');
      const r = await exportTranslations({
        locale: o.locale,
        format: o.format,
        tool: o.tool,
        out: o.out,
        paths: paths(),
      });
      const c = r.counts;
      if (r.path)
        out.stderr(`wrote ${r.path}: ${c.strings} strings, ${c.untranslated} untranslated, ${c.outdated} outdated\n`);
      else out.stdout(r.text);
    });
  t.command('import')
    .description("write the translations of a PO or XLIFF file back into the locale's YAML files")
    .argument('<file>', 'a file from translations export, translated')
    .option('--tool <id>', 'the tool (default: the one the file names)')
    .action(async (file: string, o) => {
      const { importTranslations } = await import('./import.js');
      const r = await importTranslations({ file, tool: o.tool, paths: paths() });
      if (r.fuzzy)
        out.stderr(
          `${formatProblem({ severity: 'warning', message: `${r.fuzzy} fuzzy entries left out (confirm them in your translation tool)` })}\n`,
        );
      for (const w of r.written) out.stderr(`wrote ${w}\n`);
      out.stderr(`${r.changed} string${r.changed === 1 ? '' : 's'} changed in ${r.locale}\n`);
    });
}
