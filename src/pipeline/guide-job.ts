// The guide as a unit of work: laid out for reading, or, with --print-shop, as a press job (laid
// out with bleed, padded to a multiple of 4, then made into press pages by press/booklet.ts).
import type { ToolModel } from '../content/load.js';
import type { Typesetter } from '../layout/text/typeset.js';
import type { DocFrame } from '../layout/frame.js';
import { layoutGuide } from '../layout/guide/guide.js';
import { mm } from '../layout/units.js';
import { pressBooklet } from '../press/booklet.js';
import { guideFileName } from '../output/names.js';
import type { ManifestEntry } from '../output/manifest.js';
import type { UnitOptions } from './options.js';
import { conditionOf } from '../render/intent.js';
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
  const cmyk = opts.colour === 'cmyk';
  // --bleed and --marks give the guide bleed and marks too (RGB unless --color cmyk); --print-shop also PDF/X-4.
  const press = opts.guidePress;
  if (!press) {
    return {
      file: guideFileName(model.id, model.locale, paper.name, { press: false, cmyk }),
      entry,
      frame: layoutGuide(model, ts, paper, date),
      tagged: true,
      ua: true,
    };
  }
  const { bleedMm, marks } = press;
  const frame = layoutGuide(model, ts, paper, date, { bleed: mm(bleedMm) });
  const pages = pressBooklet(frame.pages, ts, {
    bleedMm,
    marks,
    colourBar: cmyk,
    impose: opts.impose,
    slug: {
      tool: model.id,
      locale: model.locale,
      document: model.meta.labels.guide,
      paper: paper.name,
      versionLabel: model.meta.labels.version,
      version: model.version,
      date,
    },
  });
  return {
    file: guideFileName(model.id, model.locale, paper.name, { press: true, cmyk, impose: opts.impose }),
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
