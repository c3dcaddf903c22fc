/**
 * Follows an index directory while a long-running process (the bot) serves it: polls the manifest, and when its
 * generation moves, loads the new generation completely and only then swaps it in. A generation is never served
 * half-loaded, and a failed load keeps the old one serving (it is retried on the next change or poll).
 */
import { StoreError } from './errors.ts';
import { IndexStore, type LoadedIndex } from './index-store.ts';
import type { IndexManifest } from './types.ts';

/** Polling the manifest is one small file read; every 2 s notices `npm run ingest` quickly enough. */
export const DEFAULT_INDEX_POLL_MS = 2_000;

export interface IndexWatcherOptions<T> {
  dir: string;
  /** What is served now (already loaded). */
  initial: T;
  /** Loads everything needed to serve the current generation (e.g. `IndexStore.open` plus a retriever). */
  load: () => Promise<T>;
  /** The generation a loaded value serves. */
  generationOf: (value: T) => number;
  intervalMs?: number;
  /** Called after a swap. */
  onReload?: (value: T, previous: T) => void;
  /** Called when reading the manifest or loading fails; the old value keeps serving. */
  onError?: (error: unknown) => void;
}

/** Swaps in new index generations as they are committed on disk. */
export class IndexWatcher<T> {
  #current: T;
  #timer: NodeJS.Timeout | undefined;
  #checking: Promise<boolean> | undefined;
  readonly #options: IndexWatcherOptions<T>;

  constructor(options: IndexWatcherOptions<T>) {
    this.#options = options;
    this.#current = options.initial;
  }

  /** What to serve right now. */
  get current(): T {
    return this.#current;
  }

  /** Starts polling (the timer does not keep the process alive). */
  start(): this {
    if (this.#timer) return this;
    this.#timer = setInterval(() => void this.check(), this.#options.intervalMs ?? DEFAULT_INDEX_POLL_MS);
    this.#timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /**
   * Checks the manifest now; when its generation differs from the served one, loads the new one fully and swaps.
   * Resolves true when it swapped. Concurrent calls share one check. Never throws (errors go to `onError`).
   */
  check(): Promise<boolean> {
    this.#checking ??= this.#check().finally(() => (this.#checking = undefined));
    return this.#checking;
  }

  async #check(): Promise<boolean> {
    try {
      const manifest: IndexManifest | null = await IndexStore.readManifest(this.#options.dir);
      if (!manifest || manifest.generation === this.#options.generationOf(this.#current)) return false;
      const next = await this.#options.load();
      if (this.#options.generationOf(next) === this.#options.generationOf(this.#current)) return false;
      const previous = this.#current;
      this.#current = next;
      this.#options.onReload?.(next, previous);
      return true;
    } catch (error) {
      this.#options.onError?.(error);
      return false;
    }
  }
}

/** A watcher over a bare `LoadedIndex` (`IndexStore.open`). */
export function watchLoadedIndex(
  initial: LoadedIndex,
  options: Omit<IndexWatcherOptions<LoadedIndex>, 'initial' | 'load' | 'generationOf' | 'dir'> = {},
): IndexWatcher<LoadedIndex> {
  return new IndexWatcher({
    ...options,
    dir: initial.dir,
    initial,
    generationOf: (index) => index.manifest.generation,
    load: async () => {
      const index = await IndexStore.open(initial.dir);
      if (!index) throw new StoreError(`${initial.dir} no longer holds an index`, { code: 'corrupt' });
      return index;
    },
  });
}
