// The release matrix as a file (bordduk.config.yaml), so that CI builds every print version with
// one command. Command-line options given as well take precedence over the file.
import { Type, type Static } from '@sinclair/typebox';
import { Problems } from './errors.js';
import { readYamlFile } from './content/yaml-file.js';
import { checkSchema } from './content/schema-check.js';
import { display } from './content/load.js';
import type { BuildOptions } from './build.js';

export const ConfigFile = Type.Object(
  {
    tool: Type.Optional(Type.String({ pattern: '^[a-z][a-zA-Z0-9-]*$' })),
    locales: Type.Optional(Type.Union([Type.Literal('all'), Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { minItems: 1 })])),
    sizes: Type.Optional(Type.Array(Type.String({ minLength: 2 }), { minItems: 1 })),
    orientation: Type.Optional(Type.Union([Type.Literal('landscape'), Type.Literal('portrait')])),
    guideSize: Type.Optional(Type.Union([Type.Literal('A4'), Type.Literal('A5')])),
    out: Type.Optional(Type.String({ minLength: 1 })),
    colour: Type.Optional(Type.Union([Type.Literal('rgb'), Type.Literal('cmyk')])),
  },
  { additionalProperties: false, title: 'bordduk release matrix (bordduk.config.yaml)' },
);
export type ConfigFile = Static<typeof ConfigFile>;

export function readConfig(path: string): Partial<BuildOptions> {
  const problems = new Problems();
  const file = readYamlFile(path, display(path), problems);
  if (file && checkSchema<ConfigFile>(file, ConfigFile, problems)) return file.data as ConfigFile;
  problems.throwIfAny();
  return {};
}
