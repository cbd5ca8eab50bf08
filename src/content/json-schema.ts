// The JSON Schemas of the content files, from the same TypeBox source as the types.
import { contentSchemas } from './model.js';
import { UsageError } from '../errors.js';

export const SCHEMA_KINDS = Object.keys(contentSchemas);

/** One kind's schema, or with 'all' a single schema whose $defs hold every kind. */
export function schemaObject(kind: string): object {
  if (kind === 'all') {
    return {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'bordduk content files',
      $defs: Object.fromEntries(SCHEMA_KINDS.map((k) => [k, stripId(contentSchemas[k])])),
      anyOf: SCHEMA_KINDS.map((k) => ({ $ref: `#/$defs/${k}` })),
    };
  }
  const s = contentSchemas[kind];
  if (!s) throw new UsageError(`unknown schema '${kind}'; choose one of: ${SCHEMA_KINDS.join(', ')}, all`);
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
