/** Failure inside retrieval (embedding the query, searching an index). */
export class RetrievalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`retrieve: ${message}`, options);
    this.name = 'RetrievalError';
  }
}
