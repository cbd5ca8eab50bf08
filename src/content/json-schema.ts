// The JSON Schemas of the content files, from the same TypeBox source as the types.
import { contentSchemas as words } from './model.js';
import { SheetTemplate, Theme } from './template-model.js';
import { UsageError, suggest } from '../errors.js';

/** Content files, and the designer's files: a sheet's template and the theme. */
const contentSchemas: Record<string, object> = {
  ...words,
  template: { ...SheetTemplate, title: 'bordduk sheet template (templates/<tool>/<sheet>.yaml)' },
  theme: { ...Theme, title: 'bordduk theme (templates/theme.yaml)' },
};

export const SCHEMA_KINDS = Object.keys(contentSchemas);

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
