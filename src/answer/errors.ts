/** Failure while composing an answer. */
export class AnswerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`answer: ${message}`, options);
    this.name = 'AnswerError';
  }
}
