/**
 * Per-user sliding-window rate limit. Memory is bounded: keys whose window has passed are dropped as others come
 * in, and at most `maxKeys` are tracked (the oldest goes first).
 */

export interface RateLimiterOptions {
  /** Events allowed per key within `windowMs`. */
  limit: number;
  windowMs?: number;
  /** Most keys tracked at once. */
  maxKeys?: number;
  now?: () => number;
}

export interface RateDecision {
  allowed: boolean;
  /** When refused: how long until the next event would be allowed (ms). */
  retryAfterMs: number;
  /** True for the first refusal in a burst: tell the user once, then stay quiet until the window frees up. */
  firstRefusal: boolean;
}

export const DEFAULT_RATE_WINDOW_MS = 60_000;
export const DEFAULT_RATE_MAX_KEYS = 10_000;

export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;
  readonly #events = new Map<string | number, { times: number[]; warned: boolean }>();

  constructor(options: RateLimiterOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError('rate limit must be a positive integer');
    this.#limit = options.limit;
    this.#windowMs = options.windowMs ?? DEFAULT_RATE_WINDOW_MS;
    this.#maxKeys = options.maxKeys ?? DEFAULT_RATE_MAX_KEYS;
    this.#now = options.now ?? Date.now;
  }

  /** Records an event for `key` if allowed, and says whether it was. */
  take(key: string | number): RateDecision {
    const now = this.#now();
    const since = now - this.#windowMs;
    let entry = this.#events.get(key);
    if (entry) {
      this.#events.delete(key);
      entry.times = entry.times.filter((t) => t > since);
      if (entry.times.length === 0) entry.warned = false;
    } else {
      entry = { times: [], warned: false };
    }
    // Re-inserted last: Map order is then least-recently-used first.
    this.#events.set(key, entry);
    this.#evict(since, key);
    if (entry.times.length < this.#limit) {
      entry.times.push(now);
      entry.warned = false;
      return { allowed: true, retryAfterMs: 0, firstRefusal: false };
    }
    const firstRefusal = !entry.warned;
    entry.warned = true;
    return { allowed: false, retryAfterMs: entry.times[0]! + this.#windowMs - now, firstRefusal };
  }

  /** How many keys are tracked (for tests of the memory bound). */
  get size(): number {
    return this.#events.size;
  }

  /** Drops stale keys from the least-recently-used end, and the oldest keys beyond `maxKeys`. */
  #evict(since: number, keep: string | number): void {
    for (const [key, entry] of this.#events) {
      if (key === keep) break;
      const stale = entry.times.every((t) => t <= since);
      if (!stale && this.#events.size <= this.#maxKeys) break;
      this.#events.delete(key);
    }
  }
}
