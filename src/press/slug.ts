// The slug line outside the trim: which job a press sheet belongs to, so the shop can tell the
// sheets, sizes, languages and versions of a run apart.

/** What a slug says about a document; `part` is the page or sheet side, where there are several. */
export interface SlugFacts {
  tool: string;
  locale: string;
  /** The document in the tool's words: "Sheet 1", "Guide". */
  document: string;
  paper: string;
  /** The tool's word for "version" and the version itself. */
  versionLabel: string;
  version: string;
  date: Date;
}

export function slugLine(f: SlugFacts, part?: string): string {
  return [
    f.tool,
    f.locale,
    f.document,
    ...(part === undefined ? [] : [part]),
    f.paper,
    `${f.versionLabel} ${f.version}`,
    f.date.toISOString().slice(0, 10),
  ].join(' · ');
}
