// The shipped fonts must draw every letter of bokmål, nynorsk, English and Northern Sámi, so that a
// Sámi version can be added by writing words alone.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FontSet } from '../src/layout/text/fonts.js';
import { FONT_IDS, type ThemeT } from '../src/content/template-model.js';
import { hyphenator } from '../src/layout/text/hyphenate.js';
import { wrap } from '../src/layout/text/linebreak.js';
import { ROOT } from './helpers.js';

const theme = parse(readFileSync(join(ROOT, 'templates', 'theme.yaml'), 'utf8')) as ThemeT;
const fonts = new FontSet(join(ROOT, 'fonts'), theme.fonts);

const NORWEGIAN = 'æøåÆØÅéèêóòôü';
const SAMI = 'áčđŋšŧžÁČĐŊŠŦŽ';
const PUNCTUATION = '–—‘’“”«»…•·€§°½';

describe('font coverage', () => {
  it.each(FONT_IDS)('%s draws Norwegian, Northern Sámi, English and the punctuation we use', (id) => {
    const all = `${NORWEGIAN}${SAMI}${PUNCTUATION}abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789`;
    expect(fonts.missing(id, all)).toEqual([]);
  });

  it('knows when a character is missing (the check is not blind)', () => {
    expect(fonts.missing('sans', 'a漢🙂')).toEqual(['漢', '🙂']);
  });

  it('sets a Northern Sámi sentence without hyphenation patterns (none exist yet), breaking at spaces', () => {
    const se = hyphenator('se', []);
    const text = 'Dát reaidu veahkeha joavkku kártet guđiid jođiheddjiid háhkan guoská ja goas sii galget searvat';
    const lines = wrap([{ text, style: { font: 'sans', size: 10, colour: 'ink' } }], 120, fonts, se);
    expect(lines.length).toBeGreaterThan(2);
    const joined = lines
      .map((l) =>
        l.fragments
          .map((f) => f.text)
          .join('')
          .trim(),
      )
      .join(' ');
    expect(joined).toBe(text);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(120);
  });
});
