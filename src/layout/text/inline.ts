// Marked-up spans (content/markup.ts) as styled runs: how emphasis, links and field numbers look.
import type { Span } from '../../content/markup.js';
import type { FontId } from '../../content/template-model.js';
import type { Run, Style } from './linebreak.js';

export interface Faces {
  regular: FontId;
  bold: FontId;
  italic: FontId;
}

/**
 * Bold and field numbers take the bold face; italic takes the italic face, except inside text that
 * is bold already (there is no bold italic face, and bold carries the stronger meaning). Links
 * take the accent colour.
 */
export function styleSpans(spans: Span[], base: Style, faces: Faces): Run[] {
  return spans.map((s) => {
    const font =
      s.bold || s.field ? faces.bold : s.italic ? (base.font === faces.bold ? faces.bold : faces.italic) : base.font;
    const style: Style = { ...base, font, ...(s.link !== undefined ? { colour: 'accent', link: s.link } : {}) };
    return { text: s.text, style };
  });
}
