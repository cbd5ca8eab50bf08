// The options build, validate and preview share, declared once so that they parse alike
// (`--orientation Portrait` is read the same by all three); each command says what they mean for it.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { anyCase, lowerList, sizeList } from './values.js';

export const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export interface SharedHelp {
  tool: string;
  locale: string;
  size: string;
  allowSmall: string;
}

/** Adds --tool, --locale, --size, --orientation and --allow-small to a command. */
export function shared(cmd: Command, help: SharedHelp): Command {
  return cmd
    .option('--tool <list>', help.tool, list)
    .option('--locale <list>', help.locale, lowerList)
    .option('--size <list>', help.size, sizeList)
    .addOption(
      new Option('--orientation <o>', 'sheet orientation (default landscape)')
        .choices(['landscape', 'portrait'])
        .argParser(anyCase(['landscape', 'portrait'])),
    )
    .option('--allow-small', help.allowSmall);
}

/** A command about one thing (the preview shows one tool, one locale, one size): the one named, if any. */
export function one(values: string[] | undefined, flag: string): string | undefined {
  if (values && values.length > 1) throw new UsageError(`${flag} takes one value here, not ${values.join(', ')}`);
  return values?.[0];
}

/** `--sheet N` of build and preview: a sheet's number in print order. */
export function sheetNumber(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError('give a sheet number: 1, 2 …');
  return Number(v);
}
