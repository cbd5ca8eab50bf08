// Shared by the bad-input tests: where bordduk shows a file, where a problem is reported, and what
// every failed run must guarantee (exit code, no stack trace, nothing written).
import { expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { cli, must, type CliResult, type Project } from './helpers.js';

// ───────────────────────────── helpers

/** The path as bordduk shows it: relative to the working folder when inside it, else absolute. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** 1-based number of the first line containing `needle` (after line `from`). */
export function lineOf(text: string, needle: string, from = 0): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l, n) => n >= from && l.includes(needle));
  if (i >= 0) return i + 1;
  throw new Error(`'${needle}' not found`);
}

/** 1-based column of `needle` on line `line`. */
export function colOf(text: string, line: number, needle: string): number {
  const c = must(text.split('\n')[line - 1], `line ${line}`).indexOf(needle);
  if (c < 0) throw new Error(`'${needle}' not on line ${line}`);
  return c + 1;
}

export function replaceLine(text: string, line: number, fn: (l: string) => string): string {
  const lines = text.split('\n');
  lines[line - 1] = fn(must(lines[line - 1], `line ${line}`));
  return lines.join('\n');
}

/** Number of the last line of a text that ends with a newline, plus one: where appended text starts. */
export function nextLine(text: string): number {
  return text.endsWith('\n') ? text.split('\n').length : text.split('\n').length + 1;
}

/** No stack trace, no JS error prefix, no "internal error". */
export function expectNoStack(r: CliResult): void {
  expect(r.stderr, r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr, r.stderr).not.toMatch(/(^|\s)([A-Z][A-Za-z]*)?Error:/m);
  expect(r.stderr, r.stderr).not.toMatch(/internal error/i);
  expect(r.stdout, r.stdout).not.toMatch(/^\s+at /m);
}

/** The output folder is absent or empty. */
export function expectNothingWritten(out: string): void {
  if (existsSync(out)) expect(readdirSync(out)).toEqual([]);
}

/** The stderr line that starts with exactly `file:line:col: `; its message must end in a hint in parentheses. */
export function problemAt(r: CliResult, file: string, line: number, col: number): string {
  const prefix = `${shown(file)}:${line}:${col}: `;
  const found = r.stderr.split('\n').find((l) => l.startsWith(prefix));
  expect(found, `expected a line starting with '${prefix}' in stderr:\n${r.stderr}`).toBeDefined();
  expectHint(found!);
  return found!;
}

/** Like problemAt, but any of several positions (e.g. a mapping's key or its first line) is acceptable. */
export function problemAtAny(r: CliResult, file: string, positions: [number, number][]): string {
  const prefixes = positions.map(([l, c]) => `${shown(file)}:${l}:${c}: `);
  const found = r.stderr.split('\n').find((l) => prefixes.some((p) => l.startsWith(p)));
  expect(found, `expected a line starting with one of ${prefixes.join(' | ')} in stderr:\n${r.stderr}`).toBeDefined();
  expectHint(found!);
  return found!;
}

export function expectHint(line: string): void {
  expect(line, `no hint in parentheses: ${line}`).toMatch(/\S \(.*\S.*\)$/);
}

/** A content error: exit 1, no stack, each problem said once, nothing written. */
export function expectContentError(r: CliResult, out?: string): void {
  expect(r.code, r.stderr).toBe(1);
  expectNoStack(r);
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(
    lines.filter((l, i) => lines.indexOf(l) !== i),
    `a problem is reported more than once:\n${r.stderr}`,
  ).toEqual([]);
  if (out) expectNothingWritten(out);
}

/** A usage error: exit 2, no stack, the message names what is wrong and says what to do. */
export function expectUsageError(r: CliResult, out: string | undefined, ...mentions: RegExp[]): void {
  expect(r.code, r.stderr).toBe(2);
  expectNoStack(r);
  expect(r.stderr.trim(), 'a usage error must say what is wrong').not.toBe('');
  for (const m of mentions) expect(r.stderr).toMatch(m);
  if (out) expectNothingWritten(out);
}

export function outOf(p: Project): string {
  return join(p.dir, 'out');
}

export async function build(p: Project, ...extra: string[]): Promise<CliResult> {
  return cli(['--root', p.dir, 'build', '--out', outOf(p), ...extra]);
}

export const SHEET1 = 'nb/sheet1.yaml';
export const GUIDE = 'nb/guide.yaml';

export function words(n: number, seed = 'anskaffelse'): string {
  const pool = [
    seed,
    'leder',
    'budsjett',
    'forankring',
    'beslutning',
    'mandat',
    'brukere',
    'ansatte',
    'prosess',
    'tid',
  ];
  return Array.from({ length: n }, (_, i) => pool[(i * 7) % pool.length]).join(' ');
}

export function isCompletePdf(bytes: Buffer): boolean {
  return (
    bytes.subarray(0, 5).toString('latin1') === '%PDF-' && /%%EOF\s*$/.test(bytes.subarray(-32).toString('latin1'))
  );
}

export function snapshot(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
}

// ───────────────────────────── the catalogue
