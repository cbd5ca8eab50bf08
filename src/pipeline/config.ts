// The release matrix as a file (bordduk.config.yaml), so that CI builds every print version with
// one command. Command-line options given as well take precedence over the file.
import { existsSync } from 'node:fs';
import { Problems, UsageError } from '../errors.js';
import { readYamlFile } from '../content/yaml-file.js';
import { checkSchema } from '../content/schema-check.js';
import { display } from '../content/load.js';
import type { BuildOptions } from './build.js';
import type { ConfigFile } from '../content/config-model.js';

export function readConfig(path: string): Partial<BuildOptions> {
  // A config that is not there is a mistake on the command line, not in content.
  if (!existsSync(path)) throw new UsageError(`--config ${path}: no such file`);
  const problems = new Problems();
  const file = readYamlFile(path, display(path), problems);
  if (file && checkSchema<ConfigFile>(file, 'config', problems)) return file.data;
  problems.throwIfAny();
  return {};
}
