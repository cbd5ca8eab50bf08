// The little of gettext-parser and xliff that bordduk uses; neither package ships types.
declare module 'gettext-parser' {
  export interface PoEntry {
    msgctxt?: string;
    msgid: string;
    msgid_plural?: string;
    msgstr: string[];
    comments?: { translator?: string; reference?: string; extracted?: string; flag?: string; previous?: string };
  }
  export interface PoData {
    charset: string;
    headers: Record<string, string>;
    translations: Record<string, Record<string, PoEntry>>;
  }
  export const po: {
    parse(input: string | Buffer, options?: { validation?: boolean }): PoData;
    compile(data: PoData, options?: { foldLength?: number | false; sort?: boolean }): Buffer;
  };
}

declare module 'xliff' {
  export interface XliffUnit {
    source?: string;
    target?: string;
    note?: string | string[];
    additionalAttributes?: Record<string, string>;
  }
  export interface XliffJs {
    sourceLanguage: string;
    targetLanguage: string;
    resources: Record<string, Record<string, XliffUnit>>;
  }
  export function js2xliff(js: XliffJs, opts?: { indent?: string }): Promise<string>;
  export function xliff2js(xml: string): Promise<XliffJs>;
}
