// Making the output folder before any layout work, so that a folder that cannot be made fails at
// once and in words. Parents are made one by one: Node's recursive mkdir loops forever on a path
// inside a pseudo file system such as /proc.
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
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

/** Makes `dir` and any missing parents; returns the folders it made, outermost first. */
export function makeFolder(dir: string): string[] {
  const target = resolve(dir);
  const missing: string[] = [];
  let at = target;
  for (;;) {
    let isDir: boolean | undefined;
    try {
      isDir = statSync(at).isDirectory();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        throw new OutputError(
          `cannot create the output folder ${dir}: ${inWords(e)} at ${at} (choose another with --out)`,
        );
    }
    if (isDir === false)
      throw new OutputError(
        `cannot create the output folder ${dir}: ${at} is a file, not a folder (choose another with --out)`,
      );
    if (isDir) break;
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  const made: string[] = [];
  for (const d of missing) {
    try {
      mkdirSync(d);
      made.push(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      unmake(made);
      throw new OutputError(
        `cannot create the output folder ${dir}: ${inWords(e)}${d === target ? '' : ` at ${d}`} (choose another with --out)`,
      );
    }
  }
  return made;
}

/** Removes folders `makeFolder` made, innermost first, where they are still empty: a failed build leaves nothing. */
export function unmake(made: string[]): void {
  for (const d of [...made].reverse()) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
  }
}
