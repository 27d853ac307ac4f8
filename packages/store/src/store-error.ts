/**
 * A failure in stored data: a broken database or data that no longer parses (`stored-data-invalid`), or
 * a ledger that cannot be read under the agreement version asked for (`version-mismatch`).
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: 'stored-data-invalid' | 'version-mismatch',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
