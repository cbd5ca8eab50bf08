// The kinds of file `bordduk schema` prints, by name, without the schemas themselves: the CLI's help
// lists them without loading TypeBox (to keep the cold start short). test/cold-start.test.ts checks that this
// list is the one json-schema.ts serves.
export const SCHEMA_KINDS: readonly string[] = ['tool', 'meta', 'sheet', 'guide', 'hyphenation', 'answers', 'template', 'theme'];
