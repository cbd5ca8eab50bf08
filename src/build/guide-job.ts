// The guide as a unit of work: laid out for reading, or, with --print-shop, as a press job: bleed
// and marks on every page, padded to a multiple of 4, optionally imposed for saddle stitching.
import type { ToolModel } from '../content/load.js';
import type { Typesetter } from '../layout/text/typeset.js';
import type { DocFrame, Page } from '../layout/frame.js';
import { layoutGuide } from '../layout/guide/guide.js';
import { mm, parseSize } from '../layout/units.js';
import { placeOnPress } from '../press/marks.js';
import { foldMarks, imposeSaddle } from '../press/impose.js';
import { fileName } from '../output/names.js';
import type { ManifestEntry } from '../output/manifest.js';
import type { BuildOptions } from './options.js';
import { BUILT_IN_INTENT } from './intent.js';
import { PDFX_VERSION } from '../render/pdfx.js';

/** A booklet's bleed (print.md: 3 mm is the European norm up to A3). */
const GUIDE_BLEED_MM = 3;

export interface GuideJob {
  file: string;
  entry: Omit<ManifestEntry, 'path' | 'pages' | 'bytes' | 'sha256'>;
  frame: DocFrame;
  tagged: boolean;
}

export function guideJob(model: ToolModel, ts: Typesetter, opts: BuildOptions, date: Date): GuideJob {
  const paper = parseSize(opts.guideSize ?? 'A4', 'portrait', 'portrait');
  const entry = { kind: 'guide' as const, tool: model.id, locale: model.locale, size: paper.name };
  if (!opts.printShop) {
    return {
      file: fileName(model.id, model.locale, 'guide', opts.colour === 'cmyk' ? `${paper.name}-cmyk` : paper.name),
      entry,
      frame: layoutGuide(model, ts, paper, date),
      tagged: true,
    };
  }
  const bleed = mm(GUIDE_BLEED_MM);
  const frame = layoutGuide(model, ts, paper, date, { bleed });
  const n = frame.pages.length;
  const slug = (what: string) => `${model.id} · ${model.locale} · ${model.meta.labels.guide} · ${what} · ${paper.name} · ${model.meta.labels.version} ${model.version} · ${date.toISOString().slice(0, 10)}`;
  const press = (page: Page, what: string) => placeOnPress(page, ts, { bleedMm: GUIDE_BLEED_MM, marks: true, slug: slug(what), colourBar: true });
  let pages: Page[];
  if (opts.impose === 'saddle') {
    pages = imposeSaddle(frame.pages, bleed).map((spread, i) => {
      const placed = press(spread, `${Math.floor(i / 2) + 1}/${n / 4} ${i % 2 ? 'B' : 'A'}`);
      placed.items.push({ type: 'tag', role: 'Artifact', items: foldMarks(placed, GUIDE_BLEED_MM) });
      return placed;
    });
  } else {
    pages = frame.pages.map((p, i) => press(p, `${i + 1}/${n}`));
  }
  const variant = [paper.name, 'press', 'cmyk', ...(opts.impose ? [opts.impose] : [])].join('-');
  return {
    file: fileName(model.id, model.locale, 'guide', variant),
    entry: {
      ...entry,
      print: {
        colour: 'cmyk',
        bleedMm: GUIDE_BLEED_MM,
        marks: true,
        pdfx: { version: PDFX_VERSION, condition: opts.outputCondition ?? BUILT_IN_INTENT.condition },
        ...(opts.impose ? { impose: opts.impose } : {}),
      },
    },
    // Outline kept (the booklet's pages in order); on imposed sheets it would point at the wrong sides.
    frame: { ...frame, pages, outline: opts.impose ? [] : frame.outline },
    tagged: false,
  };
}
