// The kinds of the content model, each list written once. The schemas (template-model.ts, model.ts)
// are built from these lists, the resolved model's unions are checked against them at compile time,
// and every switch over a kind ends in `unreachable`, so a kind added here fails to compile wherever
// it is not handled yet. No TypeBox here: the loader and the CLI's help read these lists at run time.

/** What a sheet's template may place: the `kind` of a template block. */
export const BLOCK_KINDS = ['fields', 'prompt', 'table', 'legend'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** The pieces of a guide chapter; in the YAML each is named by its key (`p: …`, `figure: sheet1`). */
export const GUIDE_ITEM_KINDS = ['p', 'list', 'steps', 'tip', 'pitfall', 'figure'] as const;
export type GuideItemKind = (typeof GUIDE_ITEM_KINDS)[number];

/** The end of an exhaustive switch: a kind without its case does not compile. */
export function unreachable(value: never): never {
  throw new Error(`internal: unhandled kind ${JSON.stringify(value)}`);
}
