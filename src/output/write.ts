// Writing output so that nothing is ever half-written: each file goes to a temporary name in the
// same folder and is renamed into place only when every file of the build has been written.
import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { inWords, makeFolder } from './folder.js';
import { join, resolve } from 'node:path';
import { OutputError } from '../errors.js';
import { at } from '../at.js';

export function writeAllAtomic(dir: string, files: { name: string; bytes: Uint8Array }[]): string[] {
  const out = resolve(dir);
  makeFolder(dir);
  removeStaleTemps(
    out,
    files.map((f) => f.name),
  );
  const temps: string[] = [];
  try {
    for (const f of files) {
      const tmp = join(out, `.${f.name}.${process.pid}.tmp`);
      temps.push(tmp);
      writeFileSync(tmp, f.bytes);
    }
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw new OutputError(
      `cannot write into ${dir}: ${inWords(e)} (check permissions and free space, or choose another folder with --out)`,
    );
  }
  return files.map((f, i) => {
    const final = join(out, f.name);
    try {
      renameSync(at(temps, i), final);
    } catch (e) {
      for (const t of temps.slice(i)) rmSync(t, { force: true });
      throw new OutputError(
        `cannot put ${f.name} into ${dir}: ${(e as NodeJS.ErrnoException).code ?? e} (is another build writing there at the same time?)`,
      );
    }
    return join(dir, f.name);
  });
}

/** Temporary files of a build that was killed (SIGKILL, power loss): ours by name, their process gone. */
function removeStaleTemps(dir: string, names: string[]): void {
  for (const f of readdirSync(dir)) {
    const m = /^\.(.+)\.(\d+)\.tmp$/.exec(f);
    if (!m?.[1] || !names.includes(m[1]) || alive(Number(m[2]))) continue;
    rmSync(join(dir, f), { force: true });
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
