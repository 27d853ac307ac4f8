/** A failure the caller did not cause and cannot fix by changing its input: a broken database, stored data that no longer parses. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: 'stored-data-invalid',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
