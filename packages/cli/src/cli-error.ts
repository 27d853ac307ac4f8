/** What went wrong, for the exit code: the command was used wrongly (2), or a file is invalid (1). */
export type CliErrorKind = 'usage' | 'invalid';

/**
 * An expected failure of a command: printed as its message (and detail lines) on stderr, never as a stack.
 * @example throw new CliError('usage', 'no folder at examples/nowhere');
 */
export class CliError extends Error {
  readonly kind: CliErrorKind;
  /** Lines printed after the message, e.g. one `file:line:col message` per issue. */
  readonly details: readonly string[];

  constructor(kind: CliErrorKind, message: string, details: readonly string[] = [], options?: ErrorOptions) {
    super(message, options);
    this.name = 'CliError';
    this.kind = kind;
    this.details = details;
  }

  /** The process exit code for this failure. */
  get exitCode(): 1 | 2 {
    return this.kind === 'usage' ? 2 : 1;
  }
}
