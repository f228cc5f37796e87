/**
 * A file that cannot be ingested. The message is shown to editors as is, so it
 * says what is wrong in plain words ("encrypted PDF", "no text layer (scanned?)").
 */
export class IngestError extends Error {
  constructor(
    message: string,
    /** Machine-readable reason, e.g. `scanned`, `encrypted`, `corrupt`, `empty`, `encoding`, `type-mismatch`. */
    readonly reason: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
