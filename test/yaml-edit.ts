// Editing a scratch project's YAML in tests: each edit checks that it found what it replaces, since
// the content's words change over time and a silent no-op would test nothing.
import { expect } from 'vitest';

/** The edited text, after checking that the edit found what it replaces (the content changes over time). */
export const changed = (before: string, after: string) => {
  expect(after).not.toBe(before);
  return after;
};

/** Replaces the first line of block `id` in a sheet file that starts with `key:` (4 spaces in), by `fn`. */
export const inBlock = (text: string, id: string, key: string, fn: (line: string) => string) =>
  changed(
    text,
    text.replace(
      new RegExp(`^(  ${id}:\\n(?: {4}.*\\n| {6,}.*\\n)*?)( {4}${key}: .*)$`, 'm'),
      (_, head, line) => head + fn(line),
    ),
  );
