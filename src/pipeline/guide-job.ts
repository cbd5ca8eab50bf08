// The guide as a unit of work: laid out for reading, or, with --print-shop, as a press job: bleed
// and marks on every page, padded to a multiple of 4, optionally imposed for saddle stitching.
import type { ToolModel } from '../content/load.js';
import type { Typesetter } from '../layout/text/typeset.js';
import type { DocFrame, Page } from '../layout/frame.js';
import { layoutGuide } from '../layout/guide/guide.js';
import { mm } from '../layout/units.js';
import { placeOnPress } from '../press/marks.js';
import { imposeSaddle } from '../press/impose.js';
import { fileName } from '../output/names.js';
import type { ManifestEntry } from '../output/manifest.js';
import type { UnitOptions } from './options.js';
import { conditionOf } from './intent.js';
import { PDFX_VERSION } from '../render/pdfx.js';

/** A file a unit will render: its name, its manifest entry so far, and the frames to draw. */
export interface PlannedPdf {
  file: string;
  entry: Omit<ManifestEntry, 'path' | 'pages' | 'bytes' | 'sha256'>;
  frame: DocFrame;
  tagged: boolean;
  /** Claim PDF/UA-1: the reading guide passes the checker (test/pdfua-check.ts); sheets and press files do not claim it. */
  ua?: boolean;
  /** An imposed booklet: its sheets turn over the short edge when printed both sides. */
  duplexShortEdge?: boolean;
}

export function guideJob(model: ToolModel, ts: Typesetter, opts: UnitOptions, date: Date): PlannedPdf {
  const paper = opts.guidePaper;
  const entry = { kind: 'guide' as const, tool: model.id, locale: model.locale, size: paper.name };
  // --bleed and --marks give the guide bleed and marks too (RGB unless --color cmyk); --print-shop also PDF/X-4.
  const press = opts.guidePress;
  if (!press) {
    return {
      file: fileName(model.id, model.locale, 'guide', opts.colour === 'cmyk' ? `${paper.name}-cmyk` : paper.name),
      entry,
      frame: layoutGuide(model, ts, paper, date),
      tagged: true,
      ua: true,
    };
  }
  const { bleedMm, marks } = press;
  const cmyk = opts.colour === 'cmyk';
  const bleed = mm(bleedMm);
  const frame = layoutGuide(model, ts, paper, date, { bleed });
  const n = frame.pages.length;
  const slug = (what: string) =>
    `${model.id} · ${model.locale} · ${model.meta.labels.guide} · ${what} · ${paper.name} · ${model.meta.labels.version} ${model.version} · ${date.toISOString().slice(0, 10)}`;
  const onPress = (page: Page, what: string, fold = false) =>
    placeOnPress(page, ts, { bleedMm, marks, slug: slug(what), colourBar: cmyk, fold });
  let pages: Page[];
  if (opts.impose === 'saddle') {
    pages = imposeSaddle(frame.pages, bleed).map((spread, i) =>
      onPress(spread, `${Math.floor(i / 2) + 1}/${n / 4} ${i % 2 ? 'B' : 'A'}`, true),
    );
  } else {
    pages = frame.pages.map((p, i) => onPress(p, `${i + 1}/${n}`));
  }
  const variant = [paper.name, 'press', ...(cmyk ? ['cmyk'] : []), ...(opts.impose ? [opts.impose] : [])].join('-');
  return {
    file: fileName(model.id, model.locale, 'guide', variant),
    entry: {
      ...entry,
      print: {
        colour: cmyk ? 'cmyk' : 'rgb',
        bleedMm,
        marks,
        ...(opts.printShop ? { pdfx: { version: PDFX_VERSION, condition: conditionOf(opts) } } : {}),
        ...(opts.impose ? { impose: opts.impose } : {}),
      },
    },
    // Outline kept (the booklet's pages in order); on imposed sheets it would point at the wrong sides.
    frame: { ...frame, pages, outline: opts.impose ? [] : frame.outline },
    tagged: false,
    duplexShortEdge: opts.impose === 'saddle',
  };
}
