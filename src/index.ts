// The library API: the same options as the CLI.
export {
  build,
  loadModels,
  buildDate,
  type BuildOptions,
  type BuildResult,
  type ManifestEntry,
} from './pipeline/build.js';
export { validate } from './pipeline/validate.js';
export { schemaObject, schemaJson, SCHEMA_KINDS } from './content/json-schema.js';
export { ContentError, UsageError, OutputError, formatProblem, type Problem, type SourcePos } from './errors.js';
export { run } from './cli/main.js';
export { answers, type AnswersOptions, type AnswersResult } from './answers/answers.js';
