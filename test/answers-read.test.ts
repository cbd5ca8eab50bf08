// Reading a filled PDF's fields: pdf-lib's complaints about damage it steps over are counted, not
// printed, and the process's console is never swapped for it, not even while a reading is under way
// (a preview or another reading at the same time would otherwise lose its output or be miscounted).
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { readFields } from '../src/answers/read.js';

/** A one-field form, and the same form with one object damaged (a dictionary that never closes). */
async function forms(): Promise<{ good: Uint8Array; damaged: Uint8Array }> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([200, 200]);
  const field = doc.getForm().createTextField('sheet/answer');
  field.setText('Mål æøå');
  field.addToPage(page, { x: 10, y: 10, width: 150, height: 20 });
  const good = await doc.save({ useObjectStreams: false });
  const text = Buffer.from(good).toString('latin1');
  const broken = text.replace(/\n(\d+) 0 obj\n<<\n\/Type \/Page\n/, '\n$1 0 obj\n<< /Broken [ 1 2\n/Type /Page\n');
  expect(broken).not.toBe(text);
  return { good, damaged: new Uint8Array(Buffer.from(broken, 'latin1')) };
}

describe('reading a filled PDF', () => {
  it('counts the damage pdf-lib steps over, and leaves the console as it was, during and after', async () => {
    const { good, damaged } = await forms();
    const before = { log: console.log, warn: console.warn, error: console.error, info: console.info };
    const now = () => ({ log: console.log, warn: console.warn, error: console.error, info: console.info });
    const seen: (typeof before)[] = [];
    // Look at the console while readings are under way (pdf-lib yields between objects).
    const watch = setInterval(() => seen.push(now()), 0);
    try {
      const [a, b, c] = await Promise.all([readFields(damaged), readFields(good), readFields(damaged)]);
      expect(a.damaged).toBeGreaterThan(0);
      expect(c.damaged).toBe(a.damaged);
      expect(b.damaged).toBe(0);
      for (const r of [a, b, c]) expect(r.fields).toEqual([{ name: 'sheet/answer', value: 'Mål æøå' }]);
    } finally {
      clearInterval(watch);
    }
    expect(now()).toEqual(before);
    for (const s of seen) expect(s).toEqual(before);
  });
});
