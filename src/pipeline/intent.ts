// The output intent of a press build: the built-in FOGRA39 profile (templates/icc/, see its LICENSE
// and scripts/build-icc.sh), or a shop's own CMYK profile given with --output-intent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { Paths } from '../paths.js';
import { iccProblem, type OutputIntent } from '../render/pdfx.js';
import type { BuildOptions } from './options.js';

export const BUILT_IN_INTENT = {
  file: 'icc/FOGRA39-coarse.icc',
  condition: 'FOGRA39',
  info: 'Coated FOGRA39 (ISO 12647-2:2004)',
};

const cache = new Map<string, OutputIntent>();

/** Reads and checks the profile once per process; a bad file is a usage error that names it. */
export function outputIntent(opts: Pick<BuildOptions, 'outputIntent' | 'outputCondition'>, paths: Paths): OutputIntent {
  const file = opts.outputIntent ?? join(paths.templates, BUILT_IN_INTENT.file);
  const condition = opts.outputCondition ?? BUILT_IN_INTENT.condition;
  const key = `${file}\0${condition}`;
  const hit = cache.get(key);
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
  const intent = { profile, condition, info: opts.outputIntent ? condition : BUILT_IN_INTENT.info };
  cache.set(key, intent);
  return intent;
}
