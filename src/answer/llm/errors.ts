import { AnswerError } from '../errors.ts';

/**
 * Failure of the optional LLM answerer: a bad prompt template, a failed or malformed generation. It is an
 * `AnswerError` (message prefixed `answer: `) because the LLM is one way of composing an answer, not its own stage.
 */
export class LlmError extends AnswerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LlmError';
  }
}
