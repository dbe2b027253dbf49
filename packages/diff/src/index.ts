/**
 * @envspec/diff: breaking-change review for any OpenAPI 3.0/3.1 document.
 *
 *   const { changes } = await diffFiles('main:openapi.yaml', 'openapi.yaml');
 *   process.exitCode = exitCodeFor(changes, 'breaking');
 */
export {
  atLeast,
  type Change,
  changeKey,
  compareLevels,
  type Direction,
  type Level,
  levels,
  type Origin,
} from './change.ts';
export { createDiffCommand, type DiffCommandOptions, type Format, formats, runProgram } from './command.ts';
export { type DiffOptions, diffDocuments, diffFiles, type FileDiff } from './diff.ts';
export {
  documentFrom,
  documentFromText,
  type LoadedDocument,
  loadDocument,
  type OpenApiVersion,
} from './document/load.ts';
export { DiffInputError } from './errors.ts';
export { formatGithub } from './format/github.ts';
export { formatJson } from './format/json.ts';
export { changeLine, countByLevel, formatMarkdown, summaryLine } from './format/markdown.ts';
export { exitCodeFor, type FailOn, failOnLevels } from './policy.ts';
export { findRule, rules } from './rules/index.ts';
export type { AnyRule, OasdiffDifference, Rule, RuleCase, RuleLocation } from './rules/rule.ts';
