// The guide's inline markup, including field references inside emphasis and links.
import { describe, expect, it } from 'vitest';
import { parseInline, plainText } from '../src/content/markup.js';
import { styleSpans } from '../src/layout/text/inline.js';

const base = { font: 'serif' as const, size: 10, colour: 'ink' as const };
const faces = { regular: 'serif' as const, bold: 'serifBold' as const, italic: 'serifItalic' as const };
const numbers = { header: 1, leaderMap: 4 };

describe('inline markup', () => {
  it('sets bold, italic and links, and prints field numbers', () => {
    const runs = styleSpans(
      parseInline('Se **felt {felt:leaderMap}** og *merk* [DFØ](https://anskaffelser.no) i {felt:header}.', numbers),
      base,
      faces,
    );
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
    expect(plainText('**felt {felt:header}** og [kart {felt:leaderMap}](https://x.no)', numbers)).toBe(
      'felt 1 og kart 4',
    );
  });
});

describe('markup mistakes', () => {
  it('finds what is left over from unclosed or unknown markup, and accepts escapes', async () => {
    const { strayMarkup, linkTargets } = await import('../src/content/markup.js');
    expect(strayMarkup('**fet tekst og resten')).toBe('*');
    expect(strayMarkup('*kursiv uten slutt')).toBe('*');
    expect(strayMarkup('[DFØ](https://anskaffelser.no')).toBe('[');
    expect(strayMarkup('se {fel:leaderMap}')).toBe('{');
    expect(strayMarkup('**fet** og *kursiv* og [lenke](https://x.no) og {felt:header}')).toBeUndefined();
    expect(strayMarkup('2\\*3 = 6')).toBeUndefined();
    expect(linkTargets('[a](anskaffelser.no) og [b](https://ks.no)')).toEqual(['anskaffelser.no', 'https://ks.no']);
  });

  it('prints an escaped asterisk as itself', () => {
    const runs = styleSpans(parseInline('2\\*3 = 6 og 5\\*4 = 20', numbers), base, faces);
    expect(runs.map((r) => r.text).join('')).toBe('2*3 = 6 og 5*4 = 20');
    expect(runs.every((r) => r.style.font === 'serif')).toBe(true);
  });

  it('reports an unclosed bold and a link without https:// in guide.yaml at their lines', async () => {
    const { cli, scratchProject } = await import('./helpers.js');
    const p = scratchProject();
    const text = p.read('nb/guide.yaml');
    const lines = text.split('\n');
    const a = lines.findIndex((l) => l.startsWith('      - p: '));
    const b = lines.findIndex((l, i) => i > a && l.startsWith('      - p: '));
    lines[a] = '      - p: "Dette er **fet uten slutt."';
    lines[b] = '      - p: "Les mer hos [DFØ](anskaffelser.no)."';
    p.write('nb/guide.yaml', lines.join('\n'));
    const r = await cli(['--root', p.dir, 'validate', '--locale', 'nb', '--size', 'A3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`nb/guide.yaml:${a + 1}:12: markup that is not closed or not known: a '*' is left over`);
    expect(r.stderr).toContain(
      `nb/guide.yaml:${b + 1}:12: link target 'anskaffelser.no' is not a web address (write it in full, starting with https://)`,
    );
  });
});
