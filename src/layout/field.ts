// A write-in area as a form field: where it sits, how big its text is, what a screen reader says.
// Layout emits one for every write-in area and table cell of a sheet; a fillable PDF writes them as
// an AcroForm, a printed record sets the group's answers into them, and every other output skips them.

export interface FieldItem {
  type: 'field';
  /** The answer's key, the same ids as the content: block, then field id, or row number and column id. */
  key: (string | number)[];
  /** The field's full name in the PDF (`bordduk/<tool>/<locale>/<key…>`), set by the sheet. */
  name?: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** What a screen reader says (the field's /TU): "Ledelseskart, rad 3, Hva trenger vi?". */
  label: string;
  multiline: boolean;
  /** Text size in the field, in points: fits the field's height (one line) or its line pitch. */
  size: number;
  /** A pre-filled value (`--fillable --answers`). */
  value?: string;
}

/** The key as written in answers files and reports: `leaderMap.3.need`. */
export const keyText = (key: readonly (string | number)[]) => key.join('.');

/** The PDF field name of a key: `bordduk/ledelsesforankring/nb/leaderMap/3/need` (no dots: those would nest fields). */
export const fieldName = (tool: string, locale: string, key: readonly (string | number)[]) =>
  ['bordduk', tool, locale, ...key].join('/');
