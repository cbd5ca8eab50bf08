// The guide's inline markup, including field references inside emphasis and links.
import { describe, expect, it } from 'vitest';
import { parseInline, plainText } from '../src/layout/markup.js';

const base = { font: 'serif' as const, size: 10, colour: 'ink' as const };
const faces = { regular: 'serif' as const, bold: 'serifBold' as const, italic: 'serifItalic' as const };
const numbers = { header: 1, leaderMap: 4 };

describe('inline markup', () => {
  it('sets bold, italic and links, and prints field numbers', () => {
    const runs = parseInline('Se **felt {felt:leaderMap}** og *merk* [DFØ](https://anskaffelser.no) i {felt:header}.', base, faces, numbers);
    expect(runs.map((r) => [r.text, r.style.font, r.style.link ?? null])).toEqual([
      ['Se ', 'serif', null],
      ['felt ', 'serifBold', null],
      ['4', 'serifBold', null],
      [' og ', 'serif', null],
      ['merk', 'serifItalic', null],
      [' ', 'serif', null],
      ['DFØ', 'serif', 'https://anskaffelser.no'],
      [' i ', 'serif', null],
      ['1', 'serifBold', null],
      ['.', 'serif', null],
    ]);
  });

  it('gives plain text for outlines and searches, references resolved at any depth', () => {
    expect(plainText('**felt {felt:header}** og [kart {felt:leaderMap}](https://x.no)', numbers)).toBe('felt 1 og kart 4');
  });
});
