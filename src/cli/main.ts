// The command line: commander maps flags to the library's options and formats what comes back.
// Nothing else lives here.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ContentError, OutputError, UsageError, formatProblem } from '../errors.js';
import type { BuildOptions, BuildResult } from '../pipeline/build.js';
import { VERSION } from '../version.js';
import { projectPaths, type Paths } from '../paths.js';
import { anyCase, lowerList, sizeList } from './values.js';
import { join } from 'node:path';
import { SCHEMA_KINDS } from '../content/schema-kinds.js';
import { addTranslationCommands } from '../translations/command.js';
// What a command needs is loaded when it runs (to keep the cold start short): `--version` loads commander
// alone, `--help` adds what lists the tools found, `validate` no renderer, `build` no JSON Schema writer.
const buildModule = () => import('../pipeline/build.js');

/** The end of `--help` (the tools and locales found), loaded only when help is asked for. */
type FoundHelp = (root: string | undefined) => string;

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

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

  p.command('build')
    .description('build the sheets and the guide as PDF files')
    .addHelpText('after', (): string => foundHelp(p.opts().root as string | undefined))
    .option('--tool <list>', 'tools to build, comma-separated (folders under content/; default: every tool)', list)
    .option('--locale <list>', 'locales, comma-separated, or "all" (default: each tool\'s source locale)', lowerList)
    .option('--size <list>', 'sheet sizes: A0–A4 or WIDTHxHEIGHTmm/cm, comma-separated (default: A1)', sizeList)
    .addOption(
      new Option('--orientation <o>', 'sheet orientation (default landscape)')
        .choices(['landscape', 'portrait'])
        .argParser(anyCase(['landscape', 'portrait'])),
    )
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
    .option('--sheet <n>', 'build only this sheet (1, 2 …); its text size is fitted with the others', (v) => {
      if (!/^\d+$/.test(v)) throw new InvalidArgumentError('give a sheet number: 1, 2 …');
      return Number(v);
    })
    .addOption(
      new Option('--color <mode>', 'colour space of the PDF')
        .choices(['rgb', 'cmyk'])
        .default('rgb')
        .argParser(anyCase(['rgb', 'cmyk'])),
    )
    .option('--allow-small', 'accept sheet text under the readability floor, with a warning')
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
      const given = (name: string) => cmd.getOptionValueSource(name) === 'cli';
      const file = o.config ? readConfig(o.config) : {};
      const pick = <T>(name: string, flag: T, fromFile: T | undefined) =>
        given(name) || fromFile === undefined ? flag : fromFile;
      const root = p.opts().root as string | undefined;
      const opts: BuildOptions = {
        paths: rootPaths(p),
        tools: o.tool ?? file.tools ?? (file.tool !== undefined ? [file.tool] : undefined),
        locales: o.locale ?? file.locales,
        sizes: o.size ?? file.sizes,
        orientation: o.orientation ?? file.orientation,
        guideSize: pick('guideSize', o.guideSize, file.guideSize),
        out: o.out ?? file.out ?? (root !== undefined ? join(root, 'out') : 'out'),
        only: o.only,
        sheet: o.sheet,
        // --print-shop means CMYK unless --color is given (an explicit rgb is then refused with a reason).
        colour: pick('color', o.printShop && !given('color') ? undefined : o.color, file.colour),
        allowSmall: !!o.allowSmall,
        jobs: o.jobs,
        bleedMm: o.bleed === undefined ? undefined : parseLengthMm(o.bleed, '--bleed'),
        marks: o.marks,
        printShop: !!o.printShop,
        impose: o.impose,
        outputIntent: o.outputIntent,
        outputCondition: o.outputCondition,
        paper: o.paper,
        tile: o.tile,
        overlapMm: o.overlap === undefined ? undefined : parseLengthMm(o.overlap, '--overlap'),
        unprintableMm: o.unprintable === undefined ? undefined : parseLengthMm(o.unprintable, '--unprintable'),
        onProgress: o.json ? undefined : (line) => out.stderr(`${line}\n`),
        fillable: !!o.fillable,
        answers: o.answers,
      };
      const result = await build(opts);
      report(result, !!o.json, !!o.report, out);
    });

  p.command('validate')
    .description('check the content and templates without building')
    .addHelpText('after', (): string => foundHelp(p.opts().root as string | undefined))
    .option('--tool <list>', 'tools to check, comma-separated (default: every tool)', list)
    .option('--locale <list>', 'locales, comma-separated, or "all" (default)', lowerList)
    .option(
      '--size <list>',
      'sheet sizes to check that the text fits at (default A0–A4 and the sizes in bordduk.config.yaml)',
      sizeList,
    )
    .addOption(
      new Option('--orientation <o>', 'sheet orientation (default landscape)')
        .choices(['landscape', 'portrait'])
        .argParser(anyCase(['landscape', 'portrait'])),
    )
    .option('--allow-small', 'accept sheet text under the readability floor')
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

  p.command('preview')
    .description('a live preview in the browser (127.0.0.1 only): rebuilds on every save')
    .option('--tool <id>', 'tool to show')
    .option('--locale <locale>', 'locale to show first (switchable on the page)')
    .option('--size <size>', 'sheet size: A0–A4 or WIDTHxHEIGHTmm/cm', 'A1')
    .addOption(
      new Option('--orientation <o>', 'sheet orientation (default landscape)').choices(['landscape', 'portrait']),
    )
    .option('--allow-small', 'accept sheet text under the readability floor, with a warning')
    .option('--port <n>', 'port to listen on (default: a free one, printed)', (v) => {
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 65535)
        throw new InvalidArgumentError('give a port number from 1 to 65535');
      return Number(v);
    })
    .option('--open', 'open the page in the default browser')
    .action(async (o) => {
      const { runPreview } = await import('../preview/run.js');
      await runPreview(
        {
          paths: rootPaths(p),
          tool: o.tool,
          locale: o.locale,
          size: o.size,
          orientation: o.orientation,
          allowSmall: !!o.allowSmall,
          port: o.port,
          open: !!o.open,
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

function report(
  result: BuildResult,
  json: boolean,
  layout: boolean,
  out: { stdout: (s: string) => void; stderr: (s: string) => void },
): void {
  for (const w of result.warnings) out.stderr(`${formatProblem(w)}\n`);
  if (json) {
    out.stdout(`${JSON.stringify({ files: result.files, warnings: result.warnings.map(formatProblem) }, null, 2)}\n`);
    if (!layout) return;
  }
  for (const f of result.files) {
    if (json && layout && f.layout) out.stderr(`${f.path}\n`);
    if (!json)
      out.stderr(`wrote ${f.path} (${f.pages} page${f.pages === 1 ? '' : 's'}, ${(f.bytes / 1024).toFixed(0)} KB)\n`);
    if (layout && f.layout) {
      const l = f.layout;
      const cell = l.smallestWriteIn
        ? `, smallest write-in ${l.smallestWriteIn.widthMm} × ${l.smallestWriteIn.heightMm} mm (${l.smallestWriteIn.block})`
        : '';
      out.stderr(
        `  layout ${l.layout}: question text ${l.textSize} pt (floor ${l.floor} pt), smallest text ${l.smallestText} pt${cell}\n`,
      );
      if (l.tables?.length)
        out.stderr(`  tables: ${l.tables.map((t) => `${t.block} ${t.rows} rows at ${t.pitchMm} mm`).join(', ')}\n`);
      for (const w of l.warnings) out.stderr(`  warning: ${w}\n`);
    }
  }
}

/** Runs the CLI; returns the exit code: 0 success, 1 content or output error, 2 usage error, 70 internal error. */
export async function run(
  argv: string[],
  out = { stdout: (s: string) => void process.stdout.write(s), stderr: (s: string) => void process.stderr.write(s) },
): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const helpAsked = argv.length === 0 || argv.some((a) => a === '--help' || a === '-h' || a === 'help');
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
      out.stderr(`bordduk: ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'} found${wrote}\n`);
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
