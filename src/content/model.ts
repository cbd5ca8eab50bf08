// The content format: the types here ARE the documentation of what an editor may write.
// One TypeBox source gives both the TypeScript types and the JSON Schema that ajv checks
// and that editors load through the `# yaml-language-server: $schema=…` line.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { GUIDE_ITEM_KINDS, type GuideItemKind } from './kinds.js';

/** Text an editor writes. Always a string: `1.10` would silently become the number 1.1. */
const Text = (description: string, extra: Record<string, unknown> = {}) =>
  Type.String({ minLength: 1, description, ...extra });

const Id = Type.String({
  pattern: '^[a-z][a-zA-Z0-9]*$',
  description: 'An identifier: starts with a lowercase letter, then letters and digits (camelCase).',
});

const LocaleCode = Type.String({
  pattern: '^[a-z]{2,3}$',
  description: 'A language code such as nb, nn, en or se.',
});

// ───────────────────────────── tool.yaml (one per tool, no words)

export const ToolFile = Type.Object(
  {
    id: Id,
    version: Type.String({
      pattern: '^\\d+\\.\\d+(\\.\\d+)?$',
      description: 'The tool\'s version, printed in every footer. Quote it: "1.0".',
    }),
    date: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description:
        'Release date (YYYY-MM-DD). Written into the PDFs\' metadata so that builds are reproducible; SOURCE_DATE_EPOCH overrides it.',
    }),
    sourceLocale: LocaleCode,
    locales: Type.Array(LocaleCode, { minItems: 1, uniqueItems: true, description: 'Locales this tool ships in.' }),
    sheets: Type.Array(Id, {
      minItems: 1,
      uniqueItems: true,
      description: 'Sheet ids in print order; each needs templates/<tool>/<id>.yaml and content/<tool>/<locale>/<id>.yaml.',
    }),
    guide: Type.Optional(
      Type.Boolean({ description: 'false: the tool has no process guide (no guide.yaml, no guide PDF). Default true.' }),
    ),
    shortGuide: Type.Optional(
      Type.Boolean({
        description:
          'true: a short guide, without cover or contents page: the title heads the first page and chapters follow on without page breaks. Default false.',
      }),
    ),
  },
  { additionalProperties: false, $id: 'tool', title: 'bordduk tool description (tool.yaml)' },
);
export type ToolFile = Static<typeof ToolFile>;

// ───────────────────────────── <locale>/meta.yaml: the tool's own words

export const MetaFile = Type.Object(
  {
    title: Text('The tool\'s name, e.g. "Ledelsesforankring".'),
    subtitle: Text('One line under the name, e.g. "Verktøy for ledelsesforankring i innovative anskaffelser".'),
    description: Text('One or two sentences for the PDF metadata and the guide\'s cover.'),
    author: Text('Who publishes the tool; goes into the PDF metadata and the printed guide\'s back cover.'),
    colophon: Type.Optional(
      Text(
        'The back cover of a printed guide booklet: where the tool comes from, where to get it or advice, whom to contact; its licence if it has one. A few sentences, no markup.',
      ),
    ),
    keywords: Type.Array(Text('A search keyword.'), { minItems: 1 }),
    months: Type.Array(Text('A month\'s name as it stands in a date, e.g. "november".'), {
      minItems: 12,
      maxItems: 12,
      description: 'The twelve months, January first: dates are written from these, not from the machine\'s locale data.',
    }),
    dateFormat: Text('How a date is written, with {day}, {month} and {year}: "{day}. {month} {year}".', { pattern: '\\{day\\}[\\s\\S]*\\{month\\}|\\{month\\}[\\s\\S]*\\{day\\}' }),
    labels: Type.Object(
      {
        sheet: Text('Word for "sheet", as in "Sheet 1 of 2".'),
        of: Text('Word for "of", as in "Sheet 1 of 2".'),
        page: Text('Word for "page".'),
        contents: Text('Heading of the guide\'s table of contents.'),
        guide: Text('Word for the process guide, e.g. "Prosessguide".'),
        version: Text('Word for "version".'),
        tip: Text('Label of a tip callout.'),
        pitfall: Text('Label of a pitfall callout.'),
        example: Text('Label of an example row in a table, e.g. "Eksempel".'),
        row: Type.Optional(Text('Word for a table row in a fillable sheet\'s field labels, as in "Ledelseskart, rad 3, Hva trenger vi?".')),
        notFit: Type.Optional(
          Text('Heading of a printed record\'s continuation page, e.g. "Svar som ikke fikk plass" (default: "Answers that did not fit").'),
        ),
        guideNote: Text('Footer note on each sheet pointing to the guide, e.g. "Prosessguiden forklarer hvert felt".'),
        assemblyTitle: Text('Heading of the first page of a sheet printed in tiles, e.g. "Slik setter du sammen arket".'),
        actualSize: Text('The instruction to print tiles at 100 % (actual size), never fit to page.'),
        assembly: Text('How to cut and glue the tiles together, in one or two sentences.'),
        overlap: Text('How much tiles overlap as printed, with {across} and {down} in mm, e.g. "Overlapp: {across} mm sideveis, {down} mm nedover".', { pattern: '\\{across\\}[\\s\\S]*\\{down\\}|\\{down\\}[\\s\\S]*\\{across\\}' }),
        notes: Text('Heading of a ruled notes page, which pads a printed guide booklet to a multiple of four pages, e.g. "Notater".'),
        publisher: Type.Optional(Text('Words before the publisher (author) on the back cover of a printed guide, e.g. "Utgitt av".')),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, $id: 'meta', title: 'bordduk tool words (<locale>/meta.yaml)' },
);
export type MetaFile = Static<typeof MetaFile>;

// ───────────────────────────── <locale>/<sheet>.yaml: the words of one sheet

const Column = Type.Object(
  {
    label: Text('Column heading: a few words.'),
    hint: Type.Optional(Text('A short helper line under the heading.')),
  },
  { additionalProperties: false },
);

const LegendItem = Type.Object(
  {
    mark: Type.String({ minLength: 1, maxLength: 2, description: 'One or two letters drawn inside the symbol.' }),
    label: Text('The mark\'s name, e.g. "Forankre".'),
    description: Text('What the mark means, in one sentence.'),
  },
  { additionalProperties: false },
);

export const SheetBlock = Type.Object(
  {
    title: Text('The field\'s heading: a short question or a name.'),
    prompt: Type.Optional(Text('One or two sentences that say what to write here.')),
    hints: Type.Optional(Type.Array(Text('A helper question.'), { minItems: 1, maxItems: 6 })),
    fields: Type.Optional(
      Type.Record(Id, Text('Label of a field to fill in.'), { description: 'For a "fields" block: id → label.' }),
    ),
    columns: Type.Optional(
      Type.Record(Id, Column, { description: 'For a "table" block: column id → heading and hint.' }),
    ),
    example: Type.Optional(
      Type.Record(Id, Text('Example text in this column.'), { description: 'For a "table" block: one example row.' }),
    ),
    rowLabel: Type.Optional(
      Text('For a "table" block whose template numbers its rows: the letters before each number, e.g. "L" for L1, L2 …', { maxLength: 3 }),
    ),
    writeInRow: Type.Optional(
      Text('For a "table" block whose template has a write-in row under the headings: its label, in the first column, e.g. "Planlagt (mnd/år)".'),
    ),
    legend: Type.Optional(
      Type.Record(Id, LegendItem, { description: 'For a "legend" block: item id → mark, label, description.' }),
    ),
  },
  { additionalProperties: false },
);
export type SheetBlock = Static<typeof SheetBlock>;

export const SheetFile = Type.Object(
  {
    title: Text('The sheet\'s title, e.g. "Hvem berører anskaffelsen?".'),
    intro: Text('One or two sentences: what the group does on this sheet.'),
    blocks: Type.Record(Id, SheetBlock, { description: 'The words of each block; ids are set by the sheet\'s template.' }),
  },
  { additionalProperties: false, $id: 'sheet', title: 'bordduk sheet words (<locale>/<sheet>.yaml)' },
);
export type SheetFile = Static<typeof SheetFile>;

// ───────────────────────────── <locale>/guide.yaml: the process guide

const Inline = (what: string) =>
  Text(`${what} Inline markup: **bold**, *italic*, [text](https://…), {felt:blockId} for a field's number.`);

/** Each piece of a chapter under its kind, which is also its key in the YAML (`p: …`, `figure: sheet1`). */
const GUIDE_ITEM_SCHEMAS = {
  p: Type.Object({ p: Inline('A paragraph.') }, { additionalProperties: false }),
  list: Type.Object({ list: Type.Array(Inline('A bullet.'), { minItems: 1 }) }, { additionalProperties: false }),
  steps: Type.Object({ steps: Type.Array(Inline('A numbered step.'), { minItems: 1 }) }, { additionalProperties: false }),
  tip: Type.Object({ tip: Inline('A tip, set off in a box.') }, { additionalProperties: false }),
  pitfall: Type.Object({ pitfall: Inline('A pitfall, set off in a box.') }, { additionalProperties: false }),
  figure: Type.Object(
    {
      figure: Id,
      alt: Text('Alternative text for readers who cannot see the miniature.'),
    },
    { additionalProperties: false, description: 'A miniature of a sheet, by sheet id.' },
  ),
} satisfies { [K in GuideItemKind]: TSchema & { static: Record<K, unknown> } };

const GuideItem = Type.Union(
  GUIDE_ITEM_KINDS.map((k) => GUIDE_ITEM_SCHEMAS[k]),
  { description: `One piece of a chapter: ${GUIDE_ITEM_KINDS.slice(0, -1).join(', ')} or ${GUIDE_ITEM_KINDS.at(-1)}.` },
);
export type GuideItem = Static<typeof GuideItem>;

const Section = Type.Object(
  {
    id: Id,
    title: Text('The section heading.'),
    body: Type.Array(GuideItem, { minItems: 1 }),
  },
  { additionalProperties: false },
);

const Chapter = Type.Object(
  {
    id: Id,
    title: Text('The chapter heading.'),
    body: Type.Array(GuideItem, { minItems: 1 }),
    sections: Type.Optional(Type.Array(Section, { minItems: 1 })),
  },
  { additionalProperties: false },
);
export type Chapter = Static<typeof Chapter>;
export type Section = Static<typeof Section>;

export const GuideFile = Type.Object(
  {
    title: Text('The guide\'s title on its cover.'),
    subtitle: Text('One line under the title.'),
    chapters: Type.Array(Chapter, { minItems: 1 }),
  },
  { additionalProperties: false, $id: 'guide', title: 'bordduk process guide (<locale>/guide.yaml)' },
);
export type GuideFile = Static<typeof GuideFile>;

// ───────────────────────────── <locale>/hyphenation.yaml

export const HyphenationFile = Type.Object(
  {
    exceptions: Type.Array(
      Type.String({
        pattern: '^[\\p{L}]+(-[\\p{L}]+)*$',
        description: 'A word with its allowed break points as hyphens, e.g. ge-vinst-re-a-li-se-ring; a word without hyphens is never broken.',
      }),
      { description: 'Words the hyphenation patterns get wrong, with the right break points.' },
    ),
  },
  { additionalProperties: false, $id: 'hyphenation', title: 'bordduk hyphenation exceptions (<locale>/hyphenation.yaml)' },
);
export type HyphenationFile = Static<typeof HyphenationFile>;
