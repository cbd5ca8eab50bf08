// Output file names: they say what a file holds, so that no version overwrites another.

export function fileName(tool: string, locale: string, what: string, size: string): string {
  return `${tool}-${locale}-${what}-${size}.pdf`;
}

/** What sets one version of a sheet apart from another of the same size. */
export interface SheetVersion {
  orientation?: 'landscape' | 'portrait';
  /** Bleed or marks: a press file. */
  press: boolean;
  cmyk: boolean;
  /** Form and answer words (fillable, answers), in that order. */
  answers: string[];
  /** The office paper the sheet is tiled on. */
  tiledOn?: string;
}

/** A sheet's file: size, then each difference from the plain file, so a variant never overwrites it. */
export function sheetFileName(tool: string, locale: string, sheet: string, size: string, v: SheetVersion): string {
  const variant = [
    // A custom size (WIDTHxHEIGHTmm) says its orientation already; an A size does not.
    v.orientation === 'portrait' && /^A\d$/.test(size) ? 'portrait' : '',
    v.press ? 'press' : '',
    v.cmyk ? 'cmyk' : '',
    ...v.answers,
    ...(v.tiledOn ? ['tiled', v.tiledOn] : []),
  ].filter(Boolean);
  return fileName(tool, locale, sheet, [size, ...variant].join('-'));
}

/** The guide's file: its paper, then press, CMYK and the imposition where they apply. */
export function guideFileName(
  tool: string,
  locale: string,
  size: string,
  v: { press: boolean; cmyk: boolean; impose?: string },
): string {
  const variant = [
    size,
    ...(v.press ? ['press'] : []),
    ...(v.cmyk ? ['cmyk'] : []),
    ...(v.press && v.impose ? [v.impose] : []),
  ];
  return fileName(tool, locale, 'guide', variant.join('-'));
}
