/**
 * What went wrong, as a machine-readable tag, so callers (CLI, bot) can choose a user message without parsing
 * English text: `corrupt` (unreadable/unknown-format files), `embedder-mismatch`, `locked` (another writer),
 * `invalid-input` (caller broke a contract, e.g. a vector of the wrong dimension), `io` (everything else).
 */
export type StoreErrorCode = 'corrupt' | 'embedder-mismatch' | 'locked' | 'invalid-input' | 'io';

/** Failure in the index store. Messages are prefixed `index:` and say what to do where there is something to do. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(message: string, options: { cause?: unknown; code?: StoreErrorCode } = {}) {
    super(`index: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    this.code = options.code ?? 'io';
  }
}

/** The one remedy for an index this build cannot use; quoted in every such error. */
export const REBUILD_HINT = 'rebuild with: npm run ingest -- --rebuild';
