// PDF/X-4 as a pdfkit layer, beside its own PDF/A one (pdfkit's _addColorOutputIntent writes the
// sRGB intent the same way): an OutputIntent naming the printing condition with its CMYK profile
// embedded, and the XMP properties a press preflight compares with Info and the trailer (dates,
// document IDs, Trapped, GTS_PDFXVersion). The Info keys and the 1.6 header are set when the
// document is made (render/pdfx.ts).
import type { Internal } from './internals.js';
import type { PdfDoc } from './types.js';
import { PDFX_VERSION, type OutputIntent } from '../pdfx.js';

export type { OutputIntent };

const xmpDate = (d: Date) => d.toISOString().split('.')[0] + 'Z';

/** The trailer's file ID as a UUID, so that XMP's DocumentID and InstanceID name the same file. */
export function uuidOf(id: Uint8Array): string {
  const h = Buffer.from(id).toString('hex').padEnd(32, '0').slice(0, 32);
  return `uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const PdfxMixin: Pick<PdfDoc, 'addPdfx'> & ThisType<Internal> = {
  /** Adds the OutputIntent and the PDF/X parts of XMP. Call once, before the document ends. */
  addPdfx(intent: OutputIntent): void {
    const profile = this.ref({ N: 4 });
    profile.end(intent.profile);
    const oi = this.ref({
      Type: 'OutputIntent',
      S: 'GTS_PDFX',
      OutputConditionIdentifier: new String(intent.condition),
      OutputCondition: new String(intent.info),
      Info: new String(intent.info),
      RegistryName: new String('http://www.color.org'),
      DestOutputProfile: profile,
    });
    oi.end();
    this._root.data.OutputIntents = [oi];
    const id = uuidOf(this._id);
    const dates = this.info as { CreationDate: Date; ModDate?: Date };
    const modified = xmpDate(dates.ModDate ?? dates.CreationDate);
    this.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${modified}</xmp:ModifyDate>
            <xmp:MetadataDate>${modified}</xmp:MetadataDate>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
            <xmpMM:DocumentID>${id}</xmpMM:DocumentID>
            <xmpMM:InstanceID>${id}</xmpMM:InstanceID>
            <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
            <xmpMM:VersionID>1</xmpMM:VersionID>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Trapped>False</pdf:Trapped>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
            <pdfxid:GTS_PDFXVersion>${PDFX_VERSION}</pdfxid:GTS_PDFXVersion>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
        </rdf:Description>`);
  },
};
