// The command line: commander maps flags to the library's options and formats what comes back.
// Nothing else lives here.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ContentError, OutputError, UsageError, formatProblem } from '../errors.js';
import type { BuildOptions } from '../pipeline/build.js';
import { VERSION } from '../version.js';
import { projectPaths, type Paths } from '../paths.js';
import { anyCase } from './values.js';
import { one, sheetNumber, shared } from './shared.js';
import { SCHEMA_KINDS } from '../content/schema-kinds.js';
import { report } from './report.js';
import { addTranslationCommands } from '../translations/command.js';
import { asksHelp } from './asks.js';
// What a command needs is loaded when it runs (to keep the cold start short): `--version` loads commander
// alone, `--help` adds what lists the tools found, `validate` no renderer, `build` no JSON Schema writer.
const buildModule = () => import('../pipeline/build.js');

/** The end of `--help` (the tools and locales found), loaded only when help is asked for. */
type FoundHelp = (root: string | undefined) => string;

function program(out: { stdout: (s: string) => void; stderr: (s: string) => void }, foundHelp: FoundHelp): Command {
  const p: Command = new Command('bordduk')
    .description('Turns YAML content into print-ready PDFs of workshop tablecloths and their process guides.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show the stack trace of an internal error')
    .option(
      '--root <dir>',
      'project folder with your own content/ (and optionally templates/, fonts/); writes to its out/',
    )
    .showSuggestionAfterError(true)
    .showHelpAfterError("(run 'bordduk --help', or 'bordduk build --help', for the options)")
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr })
    .exitOverride()
    .addHelpText('after', (): string => foundHelp(p.opts().root as string | undefined));

  shared(p.command('build'), {
    tool: 'tools to build, comma-separated (folders under content/; default: every tool)',
    locale: 'locales, comma-separated, or "all" (default: each tool\'s source locale)',
    size: 'sheet sizes: A0–A4 or WIDTHxHEIGHTmm/cm, comma-separated (default: A1)',
    allowSmall: 'accept sheet text under the readability floor, with a warning',
  })
    .description('build the sheets and the guide as PDF files')
    .addHelpText('after', (): string => foundHelp(p.opts().root as string | undefined))
    .addOption(
      new Option('--guide-size <size>', 'paper of the guide')
        .choices(['A4', 'A5'])
        .default('A4')
        .argParser(anyCase(['A4', 'A5'])),
    )
    .option('--out <dir>', 'output folder (default: out, or out/ in the --root folder)')
    .addOption(
      new Option('--only <what>', 'build only the sheets or only the guide')
        .choices(['sheets', 'guide'])
        .argParser(anyCase(['sheets', 'guide'])),
    )
    .option('--sheet <n>', 'build only this sheet (1, 2 …); its text size is fitted with the others', sheetNumber)
    .addOption(
      new Option('--color <mode>', 'colour space of the PDF')
        .choices(['rgb', 'cmyk'])
        .default('rgb')
        .argParser(anyCase(['rgb', 'cmyk'])),
    )
    .option('--bleed <length>', 'bleed around each sheet, e.g. 3mm (a bare number means mm)')
    .option('--marks', 'crop marks, registration targets and a slug line outside the trim')
    .option(
      '--print-shop',
      'PDF/X-4 for a press: CMYK, 3 mm bleed up to A3 (5 mm above), marks; the guide with bleed, padded to a multiple of 4 pages',
    )
    .addOption(
      new Option(
        '--impose <kind>',
        'with --print-shop: the guide imposed for saddle stitching (A5 on A4, A4 on A3)',
      ).choices(['saddle']),
    )
    .addOption(
      new Option(
        '--paper <stock>',
        'with --print-shop: coated (FOGRA39, the default) or uncoated (FOGRA29), each with its own CMYK values',
      ).choices(['coated', 'uncoated']),
    )
    .option(
      '--output-intent <file>',
      "with --print-shop: the shop's CMYK output profile (.icc) instead of the built-in one (relabels, does not re-separate)",
    )
    .option('--output-condition <name>', 'with --output-intent: its printing condition, e.g. FOGRA51')
    .addOption(
      new Option('--tile <paper>', 'print each sheet in tiles on office paper')
        .choices(['A4', 'A3'])
        .argParser(anyCase(['A4', 'A3'])),
    )
    .option('--overlap <length>', 'glue overlap between tiles (default 10mm)')
    .option('--unprintable <length>', 'edge your printer cannot print (default 5mm)')
    .option('--fillable', 'sheets with a form field in every write-in area and table cell, to fill on screen')
    .option(
      '--answers <file>',
      'an answers file (from bordduk answers): print the sheets with the answers, or pre-fill the form',
    )
    .option('--report', 'print the layout report (text sizes, write-in room) for people')
    .option('--json', 'print a JSON manifest of the files written to stdout')
    .option('--jobs <n>', 'threads to build with (default: one per core from 4 cores up, at most 4)', (v) => {
      if (!/^[1-9]\d*$/.test(v)) throw new InvalidArgumentError('give a whole number of threads, 1 or more');
      return Number(v);
    })
    .option('--config <file>', 'a release matrix (e.g. bordduk.config.yaml); flags given as well win')
    .action(async (o, cmd: Command) => {
      const [{ build }, { readConfig }, { parseLengthMm }] = await Promise.all([
        buildModule(),
        import('../pipeline/config.js'),
        import('../layout/units.js'),
      ]);
      // Only what was typed: the release config and the defaults are applied once, by the build's plan.
      const given = <T>(name: string, v: T) => (cmd.getOptionValueSource(name) === 'cli' ? v : undefined);
      const length = (v: string | undefined, flag: string) => (v === undefined ? undefined : parseLengthMm(v, flag));
      const opts: BuildOptions = {
        paths: rootPaths(p),
        root: p.opts().root as string | undefined,
        tools: o.tool,
        locales: o.locale,
        sizes: o.size,
        orientation: o.orientation,
        guideSize: given('guideSize', o.guideSize),
        out: o.out,
        only: o.only,
        sheet: o.sheet,
        colour: given('color', o.color),
        allowSmall: !!o.allowSmall,
        jobs: o.jobs,
        bleedMm: length(o.bleed, '--bleed'),
        marks: o.marks,
        printShop: !!o.printShop,
        impose: o.impose,
        outputIntent: o.outputIntent,
        outputCondition: o.outputCondition,
        paper: o.paper,
        tile: o.tile,
        overlapMm: length(o.overlap, '--overlap'),
        unprintableMm: length(o.unprintable, '--unprintable'),
        onProgress: o.json ? undefined : (line) => out.stderr(`${line}\n`),
        fillable: !!o.fillable,
        answers: o.answers,
      };
      const result = await build(opts, o.config ? readConfig(o.config) : {});
      report(result, !!o.json, !!o.report, out);
    });

  shared(p.command('validate'), {
    tool: 'tools to check, comma-separated (default: every tool)',
    locale: 'locales, comma-separated, or "all" (default)',
    size: 'sheet sizes to check that the text fits at (default A0–A4 and the sizes in bordduk.config.yaml)',
    allowSmall: 'accept sheet text under the readability floor',
  })
    .description('check the content and templates without building')
    .addHelpText('after', (): string => foundHelp(p.opts().root as string | undefined))
    .action(async (o) => {
      const { validate } = await import('../pipeline/validate.js');
      const root = p.opts().root as string | undefined;
      const warnings = validate({
        paths: rootPaths(p),
        root,
        tools: o.tool,
        locales: o.locale ?? 'all',
        sizes: o.size,
        orientation: o.orientation,
        allowSmall: !!o.allowSmall,
      });
      for (const w of warnings) out.stderr(`${formatProblem(w)}\n`);
      out.stderr('content is valid\n');
    });

  p.command('answers')
    .description('read filled sheets (from build --fillable) and write the answers as YAML or Markdown')
    .argument('<files...>', 'filled PDF sheets, of any size and locale; or one answers file, with --format md')
    .option('--out <file>', "write to this file ('-': print to stdout; default out/answers.yaml or out/minutes.md)")
    .addOption(
      new Option('--format <f>', 'an answers file for build --answers, or a document')
        .choices(['yaml', 'md'])
        .default('yaml'),
    )
    .option('--merge', "combine several groups' filled copies of a sheet into one set of answers")
    .action(async (files: string[], o) => {
      const { answers, defaultAnswersOut } = await import('../answers/answers.js');
      const root = p.opts().root as string | undefined;
      const dest = o.out === '-' ? undefined : (o.out ?? defaultAnswersOut(root, o.format));
      const r = await answers({ files, out: dest, format: o.format, merge: !!o.merge, paths: rootPaths(p) });
      for (const w of r.warnings) out.stderr(`${formatProblem(w)}\n`);
      if (r.path) out.stderr(`wrote ${r.path}\n`);
      else out.stdout(r.text);
    });

  shared(p.command('preview'), {
    tool: 'tool to show',
    locale: 'locale to show first (switchable on the page)',
    size: 'sheet size: A0–A4 or WIDTHxHEIGHTmm/cm (default: A1)',
    allowSmall: 'accept sheet text under the readability floor, with a warning',
  })
    .description('a live preview in the browser (127.0.0.1 only): rebuilds on every save')
    .option('--port <n>', 'port to listen on (default: a free one, printed)', (v) => {
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 65535)
        throw new InvalidArgumentError('give a port number from 1 to 65535');
      return Number(v);
    })
    .option('--open', 'open the page in the default browser')
    .option('--sheet <n>', 'open the page on this sheet (1, 2 …); the others stay a click away', sheetNumber)
    .action(async (o) => {
      const { runPreview } = await import('../preview/run.js');
      await runPreview(
        {
          paths: rootPaths(p),
          tool: one(o.tool, '--tool'),
          locale: one(o.locale, '--locale'),
          size: one(o.size, '--size'),
          orientation: o.orientation,
          allowSmall: !!o.allowSmall,
          port: o.port,
          open: !!o.open,
          sheet: o.sheet,
        },
        out,
      );
    });

  p.command('schema')
    .description(`print the JSON Schema of a content file (${SCHEMA_KINDS.join(', ')}), or all of them`)
    .argument('[kind]', 'which file kind', 'all')
    .action(async (kind: string) => {
      const { schemaJson } = await import('../content/json-schema.js');
      out.stdout(`${schemaJson(kind)}\n`);
    });
  addTranslationCommands(p, out, () => rootPaths(p));
  return p;
}

function rootPaths(p: Command): Paths | undefined {
  const root = p.opts().root as string | undefined;
  return root === undefined ? undefined : projectPaths(root);
}

/** Runs the CLI; returns the exit code: 0 success, 1 content or output error, 2 usage error, 70 internal error. */
export async function run(
  argv: string[],
  out = { stdout: (s: string) => void process.stdout.write(s), stderr: (s: string) => void process.stderr.write(s) },
): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const helpAsked = asksHelp(argv);
    const foundHelp: FoundHelp = helpAsked ? (await import('./found.js')).foundHelp : () => '';
    await program(out, foundHelp).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      out.stderr(`bordduk: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ContentError) {
      for (const p of e.problems) out.stderr(`${formatProblem(p)}\n`);
      const wrote = argv.includes('build') ? '; no files were written' : '';
      const n = e.problems.filter((q) => q.severity !== 'warning').length;
      out.stderr(`bordduk: ${n} problem${n === 1 ? '' : 's'} found${wrote}\n`);
      return 1;
    }
    if (e instanceof OutputError) {
      out.stderr(`bordduk: ${e.message}\n`);
      return 1;
    }
    const err = e as Error;
    out.stderr(
      `bordduk: internal error: ${err?.message ?? String(e)}\nThis is a bug in bordduk, not in your content. Please report it with the command you ran and your content files${debug ? '' : ' (run again with --debug to see the stack trace)'}.\n`,
    );
    if (debug && err?.stack) out.stderr(`${err.stack}\n`);
    return 70;
  }
}
