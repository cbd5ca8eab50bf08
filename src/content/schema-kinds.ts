// The kinds of content file, by name, without the schemas themselves: the CLI's help lists them
// without loading TypeBox (cold start, issue 17). test/cold-start.test.ts checks that this list is
// the keys of contentSchemas.
export const SCHEMA_KINDS: readonly string[] = ['tool', 'meta', 'sheet', 'guide', 'hyphenation'];
