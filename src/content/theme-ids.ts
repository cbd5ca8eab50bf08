// The names a theme gives its fonts, colours and papers. Kept apart from the schema source
// (template-model.ts, which builds TypeBox schemas) so that code drawing a PDF can list them
// without loading the schema library: a one-off build starts faster.

export const FONT_IDS = ['sans', 'sansItalic', 'sansSemi', 'sansBold', 'sansBoldItalic', 'serif', 'serifItalic', 'serifBold'] as const;
export type FontId = (typeof FONT_IDS)[number];

export const COLOUR_IDS = ['ink', 'muted', 'accent', 'accentInk', 'panel', 'paper', 'rule', 'frame', 'example', 'callout', 'warn'] as const;
export type PaletteId = (typeof COLOUR_IDS)[number];

/** The press papers a build can be made for (--paper), each with its own output condition. */
export const PAPERS = ['coated', 'uncoated'] as const;
export type Paper = (typeof PAPERS)[number];
