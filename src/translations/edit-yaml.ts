// Setting text values in a YAML file and nothing else: the file is parsed into yaml's concrete syntax
// tree, the scalars are replaced in place, and the tree is written back, so every other byte (order,
// comments, quoting, blank lines) stays as it was.
import { CST, Composer, Parser, isScalar, parseDocument, type Scalar } from 'yaml';
import type { JsonPath } from '../content/yaml-file.js';

export interface Edit {
  path: JsonPath;
  value: string;
}

/** Text that reads back as the same string when written without quotes, in a file of words. */
function plainSafe(v: string): boolean {
  return (
    v !== '' &&
    v === v.trim() &&
    !/[\n\t]/.test(v) &&
    !/^[-?:,[\]{}#&*!|>'"%@`“”«»‘’]/.test(v) &&
    !/: |:$| #/.test(v) &&
    !/^(true|false|yes|no|on|off|null|~|[-+.]?\d.*)$/i.test(v)
  );
}

function typeFor(old: Scalar.Type | undefined, value: string, plainOnly: boolean): Scalar.Type {
  if (old === 'QUOTE_SINGLE' && !value.includes('\n')) return 'QUOTE_SINGLE';
  if (old === 'PLAIN' && !plainOnly && plainSafe(value)) return 'PLAIN';
  return 'QUOTE_DOUBLE';
}

function apply(text: string, edits: Edit[], noPlain: boolean): string {
  const tokens = [...new Parser().parse(text)];
  const [doc] = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  if (!doc) throw new Error('no YAML document to edit');
  for (const e of edits) {
    const node = doc.getIn(e.path, true);
    if (!isScalar(node) || !node.srcToken) throw new Error(`no text value at ${e.path.join('.')}`);
    CST.setScalarValue(node.srcToken, e.value, { type: typeFor(node.type, e.value, noPlain) });
  }
  return tokens.map((t) => CST.stringify(t)).join('');
}

/** The file's text with the edits made; checked by reading it back. */
export function editYaml(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  const reads = (out: string) => {
    const doc = parseDocument(out, { uniqueKeys: true, strict: true });
    return doc.errors.length === 0 && edits.every((e) => doc.getIn(e.path) === e.value);
  };
  const out = apply(text, edits, false);
  if (reads(out)) return out;
  const quoted = apply(text, edits, true);
  if (reads(quoted)) return quoted;
  throw new Error('an edited YAML file did not read back as written');
}
