/** Failure in the pure text stage: undecodable bytes, invalid options. Messages start with `text:`. */
export class TextError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`text: ${message}`, options);
    this.name = 'TextError';
  }
}
