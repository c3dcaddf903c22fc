/** Failure inside the embed stage: a model that cannot be loaded, an unknown embedder id, a failed inference. */
export class EmbedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`embed: ${message}`, options);
    this.name = 'EmbedError';
  }
}
