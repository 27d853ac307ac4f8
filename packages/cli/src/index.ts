export type { CliErrorKind } from './cli-error.ts';
export { CliError } from './cli-error.ts';
export type { EvaluationFlags, EvaluationTimes } from './evaluation-options.ts';
export { resolveEvaluationTimes } from './evaluation-options.ts';
export type { FormatOptions } from './format-status.ts';
export { formatStatus } from './format-status.ts';
export type { LoadedExample } from './load-example.ts';
export { loadExample } from './load-example.ts';
export { createProgram, runProgram } from './program.ts';
