// Overprint for 100 K text and lines on CMYK output (/OP /op true, /OPM 1): black prints over the
// colour beneath instead of knocking it out, so a plate slightly out of register leaves no white
// halo. One ExtGState for on, one for off, set only when the state changes; q/Q are followed.
import type { PdfDoc, PdfRef } from './pdfkit/document.js';

type Doc = Pick<PdfDoc, 'ref' | 'addContent' | 'setExtGState'>;

export class Overprint {
  private states: Partial<Record<'on' | 'off', PdfRef<object>>> = {};
  private current = false;
  private stack: boolean[] = [];

  constructor(private doc: Doc) {}

  /** A new page starts with overprint off (graphics state is per page). */
  newPage(): void {
    this.current = false;
    this.stack = [];
  }

  set(on: boolean): void {
    if (on === this.current) return;
    const doc = this.doc;
    const key = on ? 'on' : 'off';
    const ref = (this.states[key] ??= (() => {
      const r = doc.ref(
        on ? { Type: 'ExtGState', OP: true, op: true, OPM: 1 } : { Type: 'ExtGState', OP: false, op: false, OPM: 0 },
      );
      r.end();
      return r;
    })());
    const name = on ? 'GsOPon' : 'GsOPoff';
    doc.setExtGState(name, ref);
    doc.addContent(`/${name} gs`);
    this.current = on;
  }

  save(): void {
    this.stack.push(this.current);
  }

  restore(): void {
    this.current = this.stack.pop() ?? false;
  }
}
