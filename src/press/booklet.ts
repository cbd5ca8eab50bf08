// The guide as a press job: every page placed on press stock with bleed, marks and a slug naming
// the page, or, imposed for saddle stitching, two pages per sheet side with fold marks and a slug
// naming the sheet and side (1/2 A, 1/2 B …).
import type { Page } from '../layout/frame.js';
import type { Typesetter } from '../layout/text/typeset.js';
import { mm } from '../layout/units.js';
import { placeOnPress } from './marks.js';
import { imposeSaddle } from './impose.js';
import { slugLine, type SlugFacts } from './slug.js';

export interface BookletPress {
  bleedMm: number;
  marks: boolean;
  /** A colour bar on the press sheet (CMYK output). */
  colourBar: boolean;
  impose?: 'saddle';
  slug: SlugFacts;
}

/** The booklet's pages (laid out with the bleed, padded to a multiple of 4) → press pages. */
export function pressBooklet(pages: Page[], ts: Typesetter, o: BookletPress): Page[] {
  const n = pages.length;
  const onPress = (page: Page, part: string, fold = false) =>
    placeOnPress(page, ts, {
      bleedMm: o.bleedMm,
      marks: o.marks,
      slug: slugLine(o.slug, part),
      colourBar: o.colourBar,
      fold,
    });
  if (o.impose === 'saddle')
    return imposeSaddle(pages, mm(o.bleedMm)).map((spread, i) =>
      onPress(spread, `${Math.floor(i / 2) + 1}/${n / 4} ${i % 2 ? 'B' : 'A'}`, true),
    );
  return pages.map((p, i) => onPress(p, `${i + 1}/${n}`));
}
