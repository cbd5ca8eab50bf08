// Reading the fields of a filled PDF. The file comes back from other people's machines, so it is
// untrusted input: a size limit, nothing but the form's field names and text values taken from it
// (no scripts run, no embedded files or links followed), and every failure one clear sentence.
// pdf-lib is loaded only here and only when `bordduk answers` runs, so `build` does not pay for it.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createContext, runInContext, Script } from 'node:vm';

/** A filled sheet is 100–300 KB; a viewer's rewrite may double it. 20 MiB stops a runaway file early. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;

export interface FilledField {
  name: string;
  value: string;
}

/** Why a file cannot be read; the CLI prints it as `file: message (hint)`. */
export class UnreadablePdf extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

export function readPdfBytes(path: string): Uint8Array {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    throw new UnreadablePdf(
      `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      'check that it exists and is readable',
    );
  }
  if (size > MAX_PDF_BYTES) {
    throw new UnreadablePdf(
      `file is ${(size / 1024 / 1024).toFixed(1)} MiB; a filled sheet may be at most ${MAX_PDF_BYTES / 1024 / 1024} MiB`,
      'give the sheet as saved from the PDF viewer, not a scan or a bundle',
    );
  }
  return readFileSync(path);
}

/** The text fields of a PDF and their values (empty ones included, as ''), and how many damaged parts were skipped. */
export async function readFields(bytes: Uint8Array): Promise<{ fields: FilledField[]; damaged: number }> {
  if (bytes.length > MAX_PDF_BYTES)
    throw new UnreadablePdf(
      `file is over ${MAX_PDF_BYTES / 1024 / 1024} MiB`,
      'give the sheet as saved from the PDF viewer',
    );
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-'))
    throw new UnreadablePdf('not a PDF file', 'give the filled sheet as saved from the PDF viewer');
  const said = { lines: 0 };
  const lib = pdfLib(said);
  let fields: FilledField[];
  try {
    // Bytes of pdf-lib's own realm: it checks what it is given with its own Uint8Array.
    const there = new lib.Uint8Array(bytes);
    const doc = await lib.PDFDocument.load(there, { updateMetadata: false, throwOnInvalidObject: false });
    fields = [];
    for (const f of doc.getForm().getFields()) {
      if (!(f instanceof lib.PDFTextField)) continue;
      fields.push({ name: f.getName(), value: (f.getText() ?? '').replace(/\r\n?/g, '\n') });
    }
  } catch (e) {
    const err = e as Error;
    if (err?.constructor?.name === 'EncryptedPDFError' || /is encrypted/.test(err?.message ?? ''))
      throw new UnreadablePdf('the file is encrypted', 'save it again without a password or security settings');
    throw new UnreadablePdf(
      `the file is damaged or not a PDF form (${oneLine(err?.message ?? String(e))})`,
      'save the filled sheet again from the PDF viewer',
    );
  }
  return { fields, damaged: said.lines };
}

type PdfLib = typeof import('pdf-lib') & { Uint8Array: Uint8ArrayConstructor };

/** pdf-lib's self-contained build, compiled once per process (code only: each reading evaluates it anew). */
let compiled: Script | undefined;

/**
 * pdf-lib reports damage it steps over on the console (some of it on stdout, where the answers go)
 * and has no option to send it elsewhere. Each reading therefore gets pdf-lib in a realm of its own
 * (node:vm), whose `console` counts into `said`: the process's console is never touched, and two
 * readings at once each count their own damage. (A realm is not a sandbox, and need not be: pdf-lib
 * is our code; the PDF is data, and no script in it runs.)
 */
function pdfLib(said: { lines: number }): PdfLib {
  if (!compiled) {
    const file = createRequire(import.meta.url).resolve('pdf-lib/dist/pdf-lib.min.js');
    compiled = new Script(readFileSync(file, 'utf8'), { filename: file });
  }
  const count = () => void said.lines++;
  // setTimeout: pdf-lib yields between batches of objects while parsing.
  const realm = createContext({ console: { log: count, warn: count, error: count, info: count }, setTimeout });
  compiled.runInContext(realm);
  return {
    ...(runInContext('PDFLib', realm) as typeof import('pdf-lib')),
    Uint8Array: runInContext('Uint8Array', realm) as Uint8ArrayConstructor,
  };
}

const oneLine = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}…` : s).replace(/\s+/g, ' ');
