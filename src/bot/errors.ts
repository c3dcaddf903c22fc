/** The bot stage's one error class; messages start with `bot: ` and never contain the token. */
export class BotError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`bot: ${message}`, options);
    this.name = 'BotError';
  }
}
