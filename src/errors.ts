// Errors are values with a source position, made where the problem is found and printed once,
// at the edge (the CLI). A user's mistake never shows a stack trace.
import { at } from './at.js';

export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

export interface Problem {
  pos?: SourcePos;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /** A warning lets the build go on. */
  severity?: 'error' | 'warning';
}

export function formatPos(pos: SourcePos): string {
  return `${pos.file}:${pos.line}:${pos.col}`;
}

export function formatProblem(p: Problem): string {
  const where = p.pos ? `${formatPos(p.pos)}: ` : '';
  const kind = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}${kind}${p.message}${p.hint ? ` (${p.hint})` : ''}`;
}

/** The content (YAML, templates, text that cannot fit) is at fault: exit code 1. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** The command line or the options are at fault: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The environment stopped us (an output folder that cannot be written): exit code 1, no stack. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/** Collects problems across a whole run so that all of them are reported, not only the first. */
export class Problems {
  readonly list: Problem[] = [];
  add(p: Problem): void {
    // The same template mistake is found once per locale; say it once.
    if (!this.list.some((q) => formatProblem(q) === formatProblem(p))) this.list.push(p);
  }
  error(pos: SourcePos | undefined, message: string, hint?: string): void {
    this.add({ pos, message, hint, severity: 'error' });
  }
  warn(pos: SourcePos | undefined, message: string, hint?: string): void {
    this.add({ pos, message, hint, severity: 'warning' });
  }
  get warnings(): Problem[] {
    return this.list.filter((p) => p.severity === 'warning');
  }
  get errors(): Problem[] {
    return this.list.filter((p) => p.severity !== 'warning');
  }
  throwIfAny(): void {
    if (this.errors.length > 0) throw new ContentError(sortProblems(this.errors));
  }
}

export function sortProblems(list: Problem[]): Problem[] {
  return [...list].sort((a, b) => {
    if (!a.pos || !b.pos) return a.pos ? -1 : b.pos ? 1 : 0;
    // Code-point order, not the machine's locale: the same problems print in the same order everywhere.
    return (
      (a.pos.file < b.pos.file ? -1 : a.pos.file > b.pos.file ? 1 : 0) ||
      a.pos.line - b.pos.line ||
      a.pos.col - b.pos.col
    );
  });
}

/** "Did you mean …?" for a misspelt key or id: the nearest known word within a small edit distance. */
export function suggest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = k;
    }
  }
  return best !== undefined && bestDist <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  // One row of the table at a time: row[j] is the distance between a[0, i) and b[0, j).
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(at(prev, j) + 1, at(row, j - 1) + 1, at(prev, j - 1) + cost));
    }
    prev = row;
  }
  return at(prev, b.length);
}
