/**
 * A Map that forgets its oldest entries beyond a size: caches of derived data (token sets, facts) keyed by ids of an
 * immutable index generation, so a long-running process does not grow without bound.
 */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  get(key: K): V | undefined {
    return this.#entries.get(key);
  }

  /** Returns the cached value, computing and storing it on a miss. */
  getOrCreate(key: K, create: () => V): V {
    const hit = this.#entries.get(key);
    if (hit !== undefined) return hit;
    const value = create();
    this.#entries.set(key, value);
    if (this.#entries.size > this.#limit) this.#entries.delete(this.#entries.keys().next().value as K);
    return value;
  }
}
