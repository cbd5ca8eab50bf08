// Pagination rules, on plain flows: no line of a paragraph alone on either side of a break, and
// no heading left at the foot of a page.
import { describe, expect, it } from 'vitest';
import { paginate, type Flow } from '../src/layout/guide/flow.js';
import type { Item } from '../src/layout/frame.js';
import { at } from '../src/at.js';

const line = (label: string) => ({
  height: 10,
  items: [{ type: 'text', x: 0, y: 8, text: label, font: 'serif', size: 8, colour: 'ink', width: 10 } as Item],
});
const para = (name: string, n: number): Flow => ({
  role: 'P',
  lines: Array.from({ length: n }, (_, i) => line(`${name}${i + 1}`)),
  spaceBefore: 0,
  spaceAfter: 0,
});

function pages(flows: Flow[], height: number): string[][] {
  const out: string[][] = [];
  const texts = (items: Item[]): string[] =>
    items.flatMap((i) => (i.type === 'text' ? [i.text] : i.type === 'tag' ? texts(i.items) : []));
  paginate(
    flows,
    0,
    height,
    () => out.push([]),
    (p, items) => at(out, p).push(...texts(items)),
  );
  return out;
}

describe('paginate', () => {
  it('moves a three-line paragraph whole when only two lines would fit (no single line left over)', () => {
    expect(pages([para('a', 8), para('b', 3)], 100)).toEqual([
      ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'],
      ['b1', 'b2', 'b3'],
    ]);
  });

  it('breaks a long paragraph leaving at least two lines on each page', () => {
    const p = pages([para('a', 9), para('b', 5)], 100);
    expect(at(p, 0).slice(-1)[0]).toBe('a9');
    expect(at(p, 0).filter((t) => t.startsWith('b'))).toEqual([]); // one line of b would be an orphan
    const split = pages([para('a', 7), para('b', 5)], 100);
    expect(at(split, 0).filter((t) => t.startsWith('b')).length).toBeGreaterThanOrEqual(2);
    expect(at(split, 1).filter((t) => t.startsWith('b')).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a heading with the first two lines of what follows', () => {
    const heading: Flow = { role: 'H2', lines: [line('H')], spaceBefore: 0, spaceAfter: 0, keepWithNext: true };
    const p = pages([para('a', 8), heading, para('b', 4)], 100);
    expect(p[0]).not.toContain('H');
    expect(at(p, 1).slice(0, 3)).toEqual(['H', 'b1', 'b2']);
  });
});
