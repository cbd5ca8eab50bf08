// pdfAs narrows a pdf-lib object only when it is what the test expects, and
// otherwise says what it found.
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObject, PDFTextField } from 'pdf-lib';
import { pdfAs } from './pdf-objects.js';

describe('pdfAs', () => {
  it('returns the object itself when it is of the class asked for, also a subclass of it', async () => {
    const doc = await PDFDocument.create();
    const dict = doc.context.obj({ Type: 'Annot' });
    expect(pdfAs(dict, PDFDict, 'an annotation')).toBe(dict);
    expect(pdfAs(dict, PDFObject, 'an object')).toBe(dict);
    const field = doc.getForm().createTextField('name');
    const [read] = doc.getForm().getFields();
    expect(pdfAs(read, PDFTextField, 'the field').ref).toBe(field.ref);
  });

  it('throws naming the entry, the class expected and what was there instead', async () => {
    const doc = await PDFDocument.create();
    const array = doc.context.obj([1, 2, 3]);
    expect(() => pdfAs(array, PDFDict, 'the DestOutputProfile')).toThrow(
      'expected the DestOutputProfile to be a PDFDict, found a PDFArray ([ 1 2 3 ])',
    );
    expect(() => pdfAs(PDFNumber.of(7), PDFArray, 'the ID')).toThrow(
      'expected the ID to be a PDFArray, found a PDFNumber (7)',
    );
    expect(() => pdfAs(undefined, PDFArray, 'the ID')).toThrow('expected the ID to be a PDFArray, found nothing');
    expect(() => pdfAs(PDFName.of('X'), PDFTextField, 'field X')).toThrow(
      'expected field X to be a PDFTextField, found a PDFName (/X)',
    );
  });

  it('shortens a long object in its message', async () => {
    const doc = await PDFDocument.create();
    const big = doc.context.obj(Array.from({ length: 100 }, (_, i) => i));
    expect(() => pdfAs(big, PDFDict, 'a big array')).toThrow(/found a PDFArray \(\[ 0 1 2 .{60,80}…\)$/);
  });
});
