// A write-in area as a form field: where it sits, how big its text is, what a screen reader says.
// Layout emits one for every write-in area and table cell of a sheet; a fillable PDF writes them as
// an AcroForm, a printed record sets the group's answers into them, and every other output skips them.
//
// The form and the record set a field's text alike: in the answers' face, at the field's size, this
// far in from its edges, lines this far apart. So a field takes several lines on screen exactly where
// the record has room for them, and what fills the box on screen is what fills the cell on paper.
import type { FontId } from '../content/template-model.js';

/** The face answers are set in: in the printed record, and as the form's font. */
export const ANSWER_FONT: FontId = 'serif';
/** Line pitch of an answer, as a multiple of its size. */
export const ANSWER_LEADING = 1.2;
/** The room between a field's edges and its text, at a text size. */
export const fieldPad = (size: number) => Math.max(1, size * 0.25);
/** Whole lines of `size` a field `h` high holds (the record's own test of fit, to 0.01 pt). */
export const linesHeld = (h: number, size: number) =>
  Math.max(0, Math.floor((h - 2 * fieldPad(size) + 0.01) / (size * ANSWER_LEADING) + 1e-9));

/** One line of a field's appearance: its text and where its baseline starts, on the page. */
export interface AppearanceLine {
  x: number;
  y: number;
  text: string;
}

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
  /** The field holds two lines or more at its size (`linesHeld`): multi-line in the form. */
  multiline: boolean;
  /** Text size in the field, in points: the form's (/DA) and the record's, the largest up to the sheet's that holds a line. */
  size: number;
  /** A pre-filled value (`--fillable --answers`). */
  value?: string;
  /** The pre-filled value as a viewer shows it (the field's appearance): lines at the field's size, in the answers' face. */
  appearance?: AppearanceLine[];
}

/** The key as written in answers files and reports: `leaderMap.3.need`. */
export const keyText = (key: readonly (string | number)[]) => key.join('.');

/** The PDF field name of a key: `bordduk/ledelsesforankring/nb/leaderMap/3/need` (no dots: those would nest fields). */
export const fieldName = (tool: string, locale: string, key: readonly (string | number)[]) =>
  ['bordduk', tool, locale, ...key].join('/');
