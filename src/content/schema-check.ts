// Checks a parsed YAML file against its JSON Schema (ajv) and turns every ajv error into
// a Problem at the exact key or value, with a hint an editor can act on.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Problems, suggest } from '../errors.js';
import { valueAt, type YamlFile } from './yaml-file.js';
import type { SchemaName } from './schema-kinds.js';
import { GUIDE_ITEM_KINDS } from './kinds.js';
// Precompiled by `npm run schema` from the TypeBox source; a test keeps it current.
import * as validators from '../generated/validators.js';

/** Returns true when the file matches its schema; otherwise adds one problem per mistake. */
export function checkSchema<T>(file: YamlFile, schema: SchemaName, problems: Problems): file is YamlFile & { data: T } {
  const validate = (validators as Record<SchemaName, ValidateFunction>)[schema];
  if (validate(file.data)) return true;
  for (const err of pickErrors(validate.errors ?? [], file.data)) report(err, file, problems);
  return false;
}

function pathOf(err: ErrorObject): (string | number)[] {
  return err.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}


/**
 * A union (the guide's items) fails in every branch; only the branch that the editor meant is
 * worth reporting. The branch is the one whose property names include the item's first key.
 */
function pickErrors(errors: ErrorObject[], data: unknown): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf');
  if (unions.length === 0) return dedupe(errors);
  const keep: ErrorObject[] = [];
  const unionPaths = new Set(unions.map((u) => u.instancePath));
  const chosen = new Map<string, number>();
  for (const u of unions) {
    const item = valueAt(data, pathOf(u));
    const branches = (u.schema as { properties?: Record<string, unknown> }[]) ?? [];
    const keys = item && typeof item === 'object' && !Array.isArray(item) ? Object.keys(item) : [];
    // Branches told apart by a `kind` (template blocks): the one whose kind the item names, if any.
    const kinds = kindsOf(u);
    const idx = kinds
      ? kinds.indexOf(String((item as Record<string, unknown> | undefined)?.kind))
      : branches.findIndex((b) => keys.some((k) => b.properties && k in b.properties && k !== 'alt'));
    if (idx >= 0) chosen.set(u.instancePath + '|' + u.schemaPath, idx);
    else keep.push(u);
  }
  for (const e of errors) {
    if (e.keyword === 'anyOf') continue;
    const owner = [...chosen.keys()].find((k) => {
      const [ip = '', sp = ''] = k.split('|');
      return e.instancePath.startsWith(ip) && e.schemaPath.startsWith(sp + '/');
    });
    if (owner) {
      const idx = chosen.get(owner)!;
      const sp = owner.split('|')[1];
      if (e.schemaPath.startsWith(`${sp}/${idx}/`)) keep.push(e);
      continue;
    }
    if (![...unionPaths].some((p) => e.instancePath.startsWith(p) && /anyOf\/\d+\//.test(e.schemaPath))) keep.push(e);
  }
  return dedupe(keep);
}

/** The `kind` constants of a union's branches (template blocks), or undefined when it has none. */
function kindsOf(err: ErrorObject): string[] | undefined {
  const branches = (err.schema as { properties?: { kind?: { const?: unknown } } }[]) ?? [];
  const kinds = branches.map((b) => b.properties?.kind?.const);
  return kinds.length > 0 && kinds.every((k) => typeof k === 'string') ? (kinds) : undefined;
}

function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    // A Record with a key pattern reports a bad key twice (pattern and additionalProperties).
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (typeof value === 'object') return 'a mapping';
  return `"${String(value)}"`;
}

function report(err: ErrorObject, file: YamlFile, problems: Problems): void {
  const path = pathOf(err);
  const value = valueAt(file.data, path);
  const where = path.length ? `'${path.join('.')}'` : 'the file';
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = (err.params as { additionalProperty: string }).additionalProperty;
      const schema = err.parentSchema as { properties?: Record<string, unknown>; patternProperties?: Record<string, unknown> };
      const known = Object.keys(schema.properties ?? {});
      if (schema.patternProperties && known.length === 0) {
        problems.error(file.pos([...path, key], true), `'${key}' is not a valid id`, 'ids start with a lowercase letter, then letters and digits, e.g. leaderMap');
        return;
      }
      const near = suggest(key, known);
      problems.error(
        file.pos([...path, key], true),
        `unknown key '${key}' in ${where}`,
        near ? `did you mean '${near}'?` : `allowed here: ${known.join(', ')}`,
      );
      return;
    }
    case 'required': {
      const missing = (err.params as { missingProperty: string }).missingProperty;
      problems.error(file.pos(path), `${where} is missing '${missing}'`, `add '${missing}:' with its text`);
      return;
    }
    case 'type': {
      const expected = (err.params as { type: string }).type;
      if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        // The person's own characters: `1.10` stays "1.10", not the number's "1.1".
        const raw = file.source?.(path) ?? String(value);
        problems.error(file.pos(path), `${where} must be text, but YAML read ${describe(value)}`, `put the value in double quotes: "${raw}"`);
      } else {
        const want = expected === 'object' ? 'a mapping (key: value lines)' : expected === 'array' ? 'a list (lines starting with "- ")' : expected === 'string' ? 'text' : expected;
        problems.error(file.pos(path), `${where} must be ${want}, but is ${describe(value)}`, 'see the schema named on the first line of the file');
      }
      return;
    }
    case 'minLength':
      problems.error(file.pos(path), `${where} is empty`, 'write the text, or remove the key if it is optional');
      return;
    case 'maxLength':
      problems.error(file.pos(path), `${where} is too long (at most ${(err.params as { limit: number }).limit} characters)`, 'shorten it');
      return;
    case 'pattern': {
      const desc = (err.parentSchema as { description?: string }).description;
      problems.error(file.pos(path), `${where} has the wrong form: ${describe(value)}`, desc ?? 'see the schema');
      return;
    }
    case 'minItems':
      problems.error(file.pos(path), `${where} needs at least ${(err.params as { limit: number }).limit} item(s)`, 'add the missing items');
      return;
    case 'maxItems':
      problems.error(file.pos(path), `${where} has too many items (at most ${(err.params as { limit: number }).limit})`, 'keep the sheet short: remove some');
      return;
    case 'uniqueItems':
      problems.error(file.pos(path), `${where} lists the same item twice`, 'remove the duplicate');
      return;
    case 'anyOf': {
      const blockKinds = kindsOf(err);
      if (blockKinds) {
        const kind = (value as Record<string, unknown> | undefined)?.kind;
        const near = typeof kind === 'string' ? suggest(kind, blockKinds) : undefined;
        problems.error(
          kind === undefined ? file.pos(path) : file.pos([...path, 'kind']),
          kind === undefined ? `${where} has no 'kind'` : `${where} has an unknown kind ${describe(kind)}`,
          `${near ? `did you mean '${near}'? ` : ''}the kinds are: ${blockKinds.join(', ')}`,
        );
        return;
      }
      const keys = value && typeof value === 'object' ? Object.keys(value) : [];
      const kinds = GUIDE_ITEM_KINDS;
      const near = keys[0] !== undefined ? suggest(keys[0], kinds) : undefined;
      problems.error(
        keys[0] !== undefined ? file.pos([...path, keys[0]], true) : file.pos(path),
        keys[0] !== undefined ? `unknown kind of item '${keys[0]}' in ${where}` : `${where} must be an item such as "p: text"`,
        near ? `did you mean '${near}'?` : `use one of: ${kinds.join(', ')}`,
      );
      return;
    }
    default:
      problems.error(file.pos(path), `${where}: ${err.message ?? 'is not valid'}`, 'see the schema named on the first line of the file');
  }
}
