// Every schema a YAML file of bordduk is checked against, by name. The validators for these are
// generated at build time into src/generated/validators.ts (scripts/build.mjs), so that no schema
// is compiled at run time.
import type { TSchema } from '@sinclair/typebox';
import { GuideFile, HyphenationFile, MetaFile, SheetFile, ToolFile } from './model.js';
import { SheetTemplate, Theme } from './template-model.js';
import { ConfigFile } from './config-model.js';
import { AnswersFile } from './answers-model.js';
import type { SchemaName } from './schema-kinds.js';

export const schemas = {
  tool: ToolFile,
  meta: MetaFile,
  sheet: SheetFile,
  guide: GuideFile,
  hyphenation: HyphenationFile,
  template: SheetTemplate,
  theme: Theme,
  config: ConfigFile,
  answers: AnswersFile,
} satisfies Record<SchemaName, TSchema>;
