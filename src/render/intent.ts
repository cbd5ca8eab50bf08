// The output intent of a press build: the built-in profile of the paper (--paper coated: FOGRA39,
// uncoated: FOGRA29; templates/icc/, see its LICENSE and scripts/build-icc.sh), or a shop's own CMYK
// profile given with --output-intent. A shop's profile relabels the file; it does not re-separate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { Paths } from '../paths.js';
import type { Paper } from '../content/template-model.js';
import type { Problem } from '../errors.js';
import { iccDescription, iccProblem, type OutputIntent } from './pdfx.js';
import type { BoundedMap } from '../bounded.js';

/** The build options an output intent depends on (a build's options have them all). */
export interface IntentOptions {
  printShop?: boolean;
  paper?: Paper;
  outputIntent?: string;
  outputCondition?: string;
}

export const BUILT_IN_INTENTS: Record<Paper, { file: string; condition: string; info: string }> = {
  coated: { file: 'icc/FOGRA39.icc', condition: 'FOGRA39', info: 'Coated FOGRA39 (ISO 12647-2:2004)' },
  uncoated: { file: 'icc/FOGRA29.icc', condition: 'FOGRA29', info: 'Uncoated FOGRA29 (ISO 12647-2:2004)' },
};
export const BUILT_IN_INTENT = BUILT_IN_INTENTS.coated;

/** The printing condition a press build declares. */
export const conditionOf = (opts: Pick<IntentOptions, 'outputCondition' | 'paper'>): string =>
  opts.outputCondition ?? BUILT_IN_INTENTS[opts.paper ?? 'coated'].condition;

/** Letters and digits only, lower case: "FOGRA 51" and "fogra51" name the same condition. */
const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * A warning when the shop's profile does not describe the condition it is labelled with: the file
 * would then claim one printing condition and carry the profile of another.
 */
export function intentWarnings(opts: Pick<IntentOptions, 'outputIntent' | 'outputCondition' | 'printShop'>): Problem[] {
  if (!opts.printShop || !opts.outputIntent || !opts.outputCondition) return [];
  let desc: string | undefined;
  try {
    desc = iccDescription(readFileSync(opts.outputIntent));
  } catch {
    return []; // outputIntent() reports a file it cannot read
  }
  if (desc && plain(desc).includes(plain(opts.outputCondition))) return [];
  return [
    {
      severity: 'warning',
      message: `--output-intent ${opts.outputIntent}: its description ${desc === undefined ? 'is missing' : `"${desc}"`} does not name the condition ${opts.outputCondition}`,
      hint: 'check that the profile is the one for that printing condition; --output-intent relabels the file, the CMYK values stay those of --paper',
    },
  ];
}

/** Reads and checks the profile once per build (`kept`: the build context's); a bad file is a usage error that names it. */
export function outputIntent(
  opts: Pick<IntentOptions, 'outputIntent' | 'outputCondition' | 'paper'>,
  paths: Paths,
  kept: BoundedMap<string, OutputIntent>,
): OutputIntent {
  const builtIn = BUILT_IN_INTENTS[opts.paper ?? 'coated'];
  const file = opts.outputIntent ?? join(paths.templates, builtIn.file);
  const condition = conditionOf(opts);
  const key = `${file}\0${condition}`;
  const hit = kept.get(key);
  if (hit) return hit;
  let profile: Uint8Array;
  try {
    profile = readFileSync(file);
  } catch (e) {
    throw new UsageError(
      `--output-intent ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'}); give the path of a CMYK .icc profile`,
    );
  }
  const wrong = iccProblem(profile);
  if (wrong)
    throw new UsageError(
      `--output-intent ${file}: ${wrong} (give the CMYK output profile of the shop's printing condition)`,
    );
  if (!/^[\x20-\x7e]{1,64}$/.test(condition))
    throw new UsageError(`--output-condition '${condition}': use a short plain name such as FOGRA39 or FOGRA51`);
  const intent = { profile, condition, info: opts.outputIntent ? condition : builtIn.info };
  kept.set(key, intent);
  return intent;
}
