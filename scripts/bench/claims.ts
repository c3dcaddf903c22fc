/**
 * The fact-check line of the benchmark: every seed claim checked over an index of the seed corpus (built-in
 * embedder), `rounds` times after a warm-up; p50/p95 per claim, retrieval included.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Config } from '../../src/config.ts';
import { HashedNgramEmbedder } from '../../src/embed/index.ts';
import { EvidenceFactChecker, percentile } from '../../src/factcheck/index.ts';
import { ingestInputs } from '../../src/ingest/index.ts';
import { HybridRetriever } from '../../src/retrieve/index.ts';
import { IndexStore } from '../../src/store/index.ts';

export interface ClaimsBench {
  claims: number;
  rounds: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export async function benchClaims(config: Config, corpusDir: string, claims: readonly string[], rounds: number): Promise<ClaimsBench> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kaocha-bench-claims-'));
  try {
    const embedder = new HashedNgramEmbedder();
    await ingestInputs([corpusDir], { indexDir: dir, embedder, chunk: config.chunk, fetch: config.fetch, baseDir: path.dirname(corpusDir) });
    const index = await IndexStore.open(dir);
    if (!index) throw new Error('bench: the claims index did not open');
    const checker = new EvidenceFactChecker({ retriever: new HybridRetriever({ index, embedder, settings: config.retrieval }), corpus: index.corpus });
    for (const claim of claims) await checker.check(claim);
    const times: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const claim of claims) {
        const started = performance.now();
        await checker.check(claim);
        times.push(performance.now() - started);
      }
    }
    const round1 = (value: number) => Math.round(value * 10) / 10;
    return { claims: claims.length, rounds, p50Ms: round1(percentile(times, 50)), p95Ms: round1(percentile(times, 95)), maxMs: round1(Math.max(0, ...times)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function renderClaimsLine(bench: ClaimsBench): string {
  return `claims (fact-check, seed corpus): ${bench.claims} claims × ${bench.rounds} rounds, p50 ${bench.p50Ms} ms, p95 ${bench.p95Ms} ms, max ${bench.maxMs} ms per claim\n`;
}
