// The structure of a sheet and the shared theme: what a designer edits. No words here.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { BLOCK_KINDS, type BlockKind } from './kinds.js';
import { COLOUR_IDS, FONT_IDS, PAPERS, type FontId, type PaletteId, type Paper } from './theme-ids.js';
export { COLOUR_IDS, FONT_IDS, PAPERS, type FontId, type PaletteId, type Paper } from './theme-ids.js';

const Id = Type.String({ pattern: '^[a-z][a-zA-Z0-9]*$', description: 'camelCase id' });
const Mm = (description: string) => Type.Number({ exclusiveMinimum: 0, description: `${description} (mm at A1; scales with the sheet)` });

const FieldsBlock = Type.Object(
  {
    kind: Type.Literal('fields'),
    fields: Type.Array(Id, { minItems: 1, uniqueItems: true }),
    widths: Type.Optional(Type.Array(Type.Number({ exclusiveMinimum: 0 }))),
    writeIn: Type.Optional(Mm('least height of the boxes to write in; 16 when left out (one line of marker capitals)')),
  },
  { additionalProperties: false },
);

const PromptBlock = Type.Object(
  {
    kind: Type.Literal('prompt'),
    writeIn: Mm('least height left free for writing'),
    split: Type.Optional(Type.Array(Id, { minItems: 2, uniqueItems: true })),
  },
  { additionalProperties: false },
);

const TableBlock = Type.Object(
  {
    kind: Type.Literal('table'),
    columns: Type.Array(
      Type.Object(
        {
          id: Id,
          width: Type.Number({ exclusiveMinimum: 0 }),
          sameAs: Type.Optional(
            Type.String({
              pattern: '^[A-Za-z][A-Za-z0-9_-]*\\.[A-Za-z][A-Za-z0-9_-]*$',
              description:
                "in a table with numbered rows: the column (block.column) of another numbered table that this one repeats, e.g. the leader's name; " +
                'in a printed record an empty cell here shows that row\'s answer there, so a group writes each name once',
            }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    rowHeight: Mm('least height of a write-in row'),
    minRows: Type.Integer({ minimum: 1, description: 'least number of rows, the example row included' }),
    maxRows: Type.Optional(
      Type.Integer({ minimum: 1, description: 'most rows, the example row included; with room to spare the rows grow taller instead' }),
    ),
    rowNumbers: Type.Optional(
      Type.Boolean({
        description:
          'print a number before each write-in row, after the words\' rowLabel (L1, L2 …). Tables with numbered rows in one tool ' +
          'list the same things (a leader on sheet 1 is the same leader on sheet 2), so they need one fixed row count: minRows = maxRows, the same in each.',
      }),
    ),
    writeInRow: Type.Optional(
      Mm('height of a write-in row under the column headings (e.g. a planned date per phase), labelled in the first column by the words\' writeInRow'),
    ),
  },
  { additionalProperties: false },
);

export const Shape = Type.Union([Type.Literal('circle'), Type.Literal('square'), Type.Literal('triangle'), Type.Literal('diamond')]);
export type Shape = Static<typeof Shape>;

const LegendBlock = Type.Object(
  {
    kind: Type.Literal('legend'),
    symbols: Type.Record(Id, Shape),
  },
  { additionalProperties: false },
);

/** Each kind's schema, under its kind: the compiler holds every kind of BLOCK_KINDS to one schema whose `kind` is that name. */
const BLOCK_SCHEMAS = {
  fields: FieldsBlock,
  prompt: PromptBlock,
  table: TableBlock,
  legend: LegendBlock,
} satisfies { [K in BlockKind]: TSchema & { static: { kind: K } } };

/** The schema's kind enum is BLOCK_KINDS, in its order (the JSON Schema's anyOf, the "kinds are" hint). */
export const TemplateBlock = Type.Union(BLOCK_KINDS.map((k) => BLOCK_SCHEMAS[k]));
export type TemplateBlock = Static<typeof TemplateBlock>;

export const GridLayout = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    ratio: Type.Number({ exclusiveMinimum: 0, description: 'width / height this layout is designed for' }),
    columns: Type.Array(Type.Number({ exclusiveMinimum: 0 }), { minItems: 1 }),
    rows: Type.Array(Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Literal('auto')]), { minItems: 1 }),
    areas: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type GridLayout = Static<typeof GridLayout>;

export const SheetTemplate = Type.Object(
  {
    blocks: Type.Record(Id, TemplateBlock),
    layouts: Type.Array(GridLayout, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type SheetTemplate = Static<typeof SheetTemplate>;

const Colour = Type.Object(
  {
    rgb: Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }),
    cmyk: Type.Array(Type.Number({ minimum: 0, maximum: 100 }), { minItems: 4, maxItems: 4 }),
  },
  { additionalProperties: false },
);
export type Colour = Static<typeof Colour>;

/** A palette colour, or registration (100 % of every ink) for printer's marks. */
/** A process colour given directly as C,M,Y,K percentages, for the press colour bar: "cmyk:0,0,0,50". */
export type ProcessColour = `cmyk:${number},${number},${number},${number}`;
export type ColourId = PaletteId | 'registration' | ProcessColour;

/** How the palette is written: RGB for screens and inkjets, CMYK for offset (the theme holds both). */
export type ColourMode = 'rgb' | 'cmyk';

const Cmyk = Type.Array(Type.Number({ minimum: 0, maximum: 100 }), { minItems: 4, maxItems: 4 });


/** A palette colour separated for a paper at design time: its CMYK, the Lab it prints as, ΔE00 to the RGB. */
const Separation = Type.Object(
  { cmyk: Cmyk, lab: Type.Array(Type.Number(), { minItems: 3, maxItems: 3 }), dE00: Type.Number({ minimum: 0 }) },
  { additionalProperties: false },
);
export type SeparationT = Static<typeof Separation>;

/** Offset rules for CMYK output (docs/print.md): clean text and lines on plates. */
const PressRules = Type.Object(
  {
    singleInkTextBelowPt: Type.Number({ minimum: 0 }),
    minTintPct: Type.Number({ minimum: 0, maximum: 100 }),
    oneInk: Type.Record(Type.String(), Cmyk),
    reversed: Type.Optional(
      Type.Object(
        {
          minPt: Type.Number({ exclusiveMinimum: 0 }),
          minWeight: Type.Integer({ minimum: 100, maximum: 900 }),
        },
        { additionalProperties: false },
      ),
    ),
    separations: Type.Optional(
      Type.Object(Object.fromEntries(PAPERS.map((p) => [p, Type.Optional(Type.Record(Type.String(), Separation))])), {
        additionalProperties: false,
      }),
    ),
  },
  { additionalProperties: false },
);
export interface PressRulesT {
  /** Text smaller than this is drawn from one ink. */
  singleInkTextBelowPt: number;
  /** A tint lighter than this breaks up on a plate: raised to it. */
  minTintPct: number;
  /** One-ink stand-ins for palette colours that are made of several inks (small text, lines). */
  oneInk: Partial<Record<PaletteId, number[]>>;
  /**
   * White text on a colour of two inks or more: never smaller than `minPt`, never lighter than
   * `minWeight` (the font's OS/2 weight class). Layout applies it in every output, so that the screen
   * and the press file are the same layout.
   */
  reversed?: { minPt: number; minWeight: number };
  /** Per paper, the palette separated through that paper's output profile (scripts/separate.mjs). */
  separations?: Partial<Record<Paper, Partial<Record<PaletteId, SeparationT>>>>;
}

const SCALE_KEYS = ['sheetTitle', 'toolName', 'intro', 'blockTitle', 'hint', 'column', 'columnHint', 'number', 'footer'] as const;

export const Theme = Type.Object(
  {
    palette: Type.Object(Object.fromEntries(COLOUR_IDS.map((c) => [c, Colour])), { additionalProperties: false }),
    press: Type.Optional(PressRules),
    fonts: Type.Object(Object.fromEntries(FONT_IDS.map((f) => [f, Type.String({ pattern: '\\.(ttf|otf)$' })])), { additionalProperties: false }),
    sheet: Type.Object(
      {
        floorA1: Type.Number({ exclusiveMinimum: 0 }),
        ceilingA1: Type.Number({ exclusiveMinimum: 0 }),
        absoluteFloor: Type.Number({ exclusiveMinimum: 0 }),
        marginA1: Type.Number({ exclusiveMinimum: 0 }),
        minMargin: Type.Number({ exclusiveMinimum: 0 }),
        gutterA1: Type.Number({ exclusiveMinimum: 0 }),
        paddingA1: Type.Number({ exclusiveMinimum: 0 }),
        linePitchA1: Type.Number({ exclusiveMinimum: 0 }),
        minLinePitch: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
        scale: Type.Object(Object.fromEntries(SCALE_KEYS.map((k) => [k, Type.Number({ exclusiveMinimum: 0 })])), { additionalProperties: false }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export interface ThemeT {
  palette: Record<PaletteId, Colour>;
  press?: PressRulesT;
  fonts: Record<FontId, string>;
  sheet: {
    floorA1: number;
    ceilingA1: number;
    absoluteFloor: number;
    marginA1: number;
    minMargin: number;
    gutterA1: number;
    paddingA1: number;
    linePitchA1: number;
    /** Ruled lines never closer than this (mm): small sheets get fewer lines, not tighter ones. */
    minLinePitch?: number;
    scale: Record<(typeof SCALE_KEYS)[number], number>;
  };
}
