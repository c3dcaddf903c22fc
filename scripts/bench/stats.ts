/** Small measurement helpers shared by the benchmark's parent and worker processes. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Nearest-rank percentile (p in 0..100) of `values`; 0 for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

/** Summary of a list of durations (ms). */
export function summarise(values: readonly number[]): LatencySummary {
  return { count: values.length, mean: mean(values), p50: percentile(values, 50), p95: percentile(values, 95), max: values.length ? Math.max(...values) : 0 };
}

/** Total size in bytes of the regular files under `dir`. */
export async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

export const MIB = 1024 * 1024;

/**
 * Samples `process.memoryUsage().rss` on a timer. Long synchronous stretches (a native hnsw insert loop) delay the
 * timer, so the kernel's own high-water mark (`resourceUsage().maxRSS`) is reported next to it.
 */
export class RssSampler {
  #peak = process.memoryUsage().rss;
  readonly #timer: NodeJS.Timeout;

  constructor(intervalMs = 25) {
    this.#timer = setInterval(() => this.sample(), intervalMs);
    this.#timer.unref();
  }

  sample(): void {
    this.#peak = Math.max(this.#peak, process.memoryUsage().rss);
  }

  /** Peak sampled RSS and the kernel's max RSS, in MiB. */
  stop(): { sampledPeakMb: number; maxRssMb: number } {
    this.sample();
    clearInterval(this.#timer);
    // resourceUsage().maxRSS is in kilobytes.
    return { sampledPeakMb: this.#peak / MIB, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  }
}
