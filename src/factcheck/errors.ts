/** The fact-check stage's error: messages are prefixed `factcheck:` so the CLI runner prints them cleanly. */
export class FactCheckError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`factcheck: ${message}`, options);
    this.name = 'FactCheckError';
  }
}
