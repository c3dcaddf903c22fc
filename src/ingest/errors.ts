/**
 * Failure inside ingestion that is a programming or configuration error (e.g. comparing fingerprints made with
 * different settings). Bad user inputs are never thrown: they are reported as `SourceProblem`s.
 */
export class IngestError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`ingest: ${message}`, options);
    this.name = 'IngestError';
  }
}
