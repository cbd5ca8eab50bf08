// The kinds of YAML file bordduk reads, by schema name, without the schemas themselves: the CLI's
// help lists them without loading TypeBox (to keep the cold start short). schemas.ts must give every
// name a schema (the compiler checks it), and json-schema.ts serves the editors' ones in this order.

/** The files an editor writes, each with a JSON Schema `bordduk schema <kind>` prints. */
export const SCHEMA_KINDS = ['tool', 'meta', 'sheet', 'guide', 'hyphenation', 'answers', 'template', 'theme'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/** Every schema a YAML file is checked against: the editors' kinds and the release config. */
export type SchemaName = SchemaKind | 'config';

/** Files of words, where a " #" inside text is a mistake and text of only spaces is empty. */
export const WORD_FILES: ReadonlySet<SchemaName> = new Set<SchemaName>(['tool', 'meta', 'sheet', 'guide', 'hyphenation']);
