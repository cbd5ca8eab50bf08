// Making the output folder before any layout work, so that a folder that cannot be made fails at
// once and in words. Parents are made one by one: Node's recursive mkdir loops forever on a path
// inside a pseudo file system such as /proc.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OutputError } from '../errors.js';

const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'the path loops through symbolic links',
  ENOENT: 'a folder on the way cannot be made there',
};

/** An errno code in words. */
export function inWords(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return (code && WORDS[code]) ?? (code ? `the system refused (${code})` : String(e));
}

export function makeFolder(dir: string): void {
  const target = resolve(dir);
  const missing: string[] = [];
  let at = target;
  for (;;) {
    let isDir: boolean | undefined;
    try {
      isDir = statSync(at).isDirectory();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new OutputError(`cannot create the output folder ${dir}: ${inWords(e)} at ${at} (choose another with --out)`);
    }
    if (isDir === false) throw new OutputError(`cannot create the output folder ${dir}: ${at} is a file, not a folder (choose another with --out)`);
    if (isDir) break;
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new OutputError(`cannot create the output folder ${dir}: ${inWords(e)}${d === target ? '' : ` at ${d}`} (choose another with --out)`);
    }
  }
}
