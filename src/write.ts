// Writing output so that nothing is ever half-written: each file goes to a temporary name in the
// same folder and is renamed into place only when every file of the build has been written.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OutputError } from './errors.js';

export function writeAllAtomic(dir: string, files: { name: string; bytes: Uint8Array }[]): string[] {
  const out = resolve(dir);
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new OutputError(`cannot create the output folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? e} (choose another with --out)`);
  }
  const temps: string[] = [];
  try {
    for (const f of files) {
      const tmp = join(out, `.${f.name}.${process.pid}.tmp`);
      temps.push(tmp);
      writeFileSync(tmp, f.bytes);
    }
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw new OutputError(`cannot write into ${dir}: ${(e as NodeJS.ErrnoException).code ?? e} (check permissions and free space, or choose another folder with --out)`);
  }
  return files.map((f, i) => {
    const final = join(out, f.name);
    renameSync(temps[i], final);
    return join(dir, f.name);
  });
}
