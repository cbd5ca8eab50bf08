// YAML files kept parsed by a build context (pipeline/context.ts), each with the text it was parsed
// from and the problems parsing found: the same text parses the same, so it is not parsed again.
import type { Problem } from '../errors.js';
import { BoundedMap } from '../bounded.js';

export interface Parsed<F> {
  text: string;
  display: string;
  words: boolean;
  file: F | undefined;
  problems: Problem[];
}

/**
 * Files kept parsed, by path. A tool is a few dozen files (the shipped one: 17, plus its templates),
 * so a build keeps all it reads; in the preview, paths that come and go (renamed files, other
 * tools) past 256 push out the oldest.
 */
export const PARSED_FILES = 256;

/** Parsed files by path, each with the text it was parsed from: the same text parses the same. */
export class ParsedFiles<F = unknown> {
  private map = new BoundedMap<string, Parsed<F>>(PARSED_FILES);

  get size(): number {
    return this.map.size;
  }

  /** The file as parsed before, if its text, name and kind are the same as now. */
  get(path: string, text: string, display: string, words: boolean): Parsed<F> | undefined {
    const hit = this.map.get(path);
    return hit && hit.text === text && hit.display === display && hit.words === words ? hit : undefined;
  }

  set(path: string, parsed: Parsed<F>): void {
    this.map.set(path, parsed);
  }
}

