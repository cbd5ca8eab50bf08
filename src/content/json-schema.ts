// The JSON Schemas of the content files, from the same TypeBox source as the types.
import { schemas } from './schemas.js';
import { SCHEMA_KINDS, type SchemaKind } from './schema-kinds.js';
import { UsageError, suggest } from '../errors.js';

export { SCHEMA_KINDS };

/** The designer's files get their title here: their schemas carry none (they are not content files). */
const TITLES: Partial<Record<SchemaKind, string>> = {
  template: 'bordduk sheet template (templates/<tool>/<sheet>.yaml)',
  theme: 'bordduk theme (templates/theme.yaml)',
};

/** Content files, and the designer's files: a sheet's template and the theme, in SCHEMA_KINDS' order. */
const contentSchemas: Record<string, object> = Object.fromEntries(
  SCHEMA_KINDS.map((k) => [k, TITLES[k] ? { ...schemas[k], title: TITLES[k] } : schemas[k]]),
);

/** One kind's schema, or with 'all' a single schema whose $defs hold every kind. */
export function schemaObject(kind: string): object {
  if (kind === 'all') {
    return {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'bordduk content files',
      $defs: Object.fromEntries(Object.entries(contentSchemas).map(([k, s]) => [k, stripId(s)])),
      anyOf: SCHEMA_KINDS.map((k) => ({ $ref: `#/$defs/${k}` })),
    };
  }
  const s = contentSchemas[kind.toLowerCase()];
  if (!s) {
    const near = suggest(kind, SCHEMA_KINDS);
    throw new UsageError(`unknown schema '${kind}'${near ? ` (did you mean '${near}'?)` : ''}; choose one of: ${SCHEMA_KINDS.join(', ')}, all`);
  }
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...stripId(s) };
}

function stripId(s: object): object {
  const { $id, ...rest } = JSON.parse(JSON.stringify(s)) as Record<string, unknown>;
  void $id;
  return rest;
}

export function schemaJson(kind: string): string {
  return JSON.stringify(schemaObject(kind), null, 2);
}
