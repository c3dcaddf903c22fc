/**
 * Fact-check evaluation runs: index a set of article directories in a temporary directory (built-in embedder,
 * offline, as `EMBEDDING_OFFLINE=1` does), check every claim of each labelled set and summarise. Shared by
 * `npm run eval:claims` and the CI quality gate, so both measure the same thing.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseConfig } from '../../src/config.ts';
import { HashedNgramEmbedder } from '../../src/embed/index.ts';
import { EvidenceFactChecker, parseLabelledClaims, summariseClaims, type ClaimOutcome, type ClaimsReport } from '../../src/factcheck/index.ts';
import { ingestInputs } from '../../src/ingest/index.ts';
import { HybridRetriever } from '../../src/retrieve/index.ts';
import { IndexStore } from '../../src/store/index.ts';
import { ROOT, SHARED_DIR } from './qa.ts';

export interface ClaimsRun {
  /** Labelled claim sets: name → JSONL path. */
  sets: Record<string, string>;
  /** Directories whose articles are indexed together. */
  corpusDirs: string[];
}

export interface NamedClaimsReport extends ClaimsReport {
  set: string;
  file: string;
}

/**
 * The default runs: the public seed claims and the dev claims over the seed + dev articles; the held-out claims
 * written for this repository (tests/fixtures/invented, by someone who never saw the code) over those articles plus
 * the invented ones.
 */
export function defaultClaimsRuns(): ClaimsRun[] {
  const shared = [path.join(ROOT, 'data/articles'), path.join(SHARED_DIR, 'dev/articles')];
  const invented = path.join(ROOT, 'tests/fixtures/invented');
  const heldout7 = path.join(ROOT, 'tests/fixtures/heldout7');
  const heldout8 = path.join(ROOT, 'tests/fixtures/heldout8');
  const heldout9 = path.join(ROOT, 'tests/fixtures/heldout9');
  const heldout10 = path.join(ROOT, 'tests/fixtures/heldout10');
  const heldout11 = path.join(ROOT, 'tests/fixtures/heldout11');
  const heldout12 = path.join(ROOT, 'tests/fixtures/heldout12');
  const heldout13 = path.join(ROOT, 'tests/fixtures/heldout13');
  const heldout14 = path.join(ROOT, 'tests/fixtures/heldout14');
  const heldout15 = path.join(ROOT, 'tests/fixtures/heldout15');
  return [
    { sets: { seed: path.join(SHARED_DIR, 'eval/seed-claims.jsonl'), dev: path.join(SHARED_DIR, 'dev/dev-claims.jsonl') }, corpusDirs: shared },
    { sets: { invented: path.join(invented, 'claims.jsonl') }, corpusDirs: [...shared, path.join(invented, 'articles')] },
    { sets: { heldout7: path.join(heldout7, 'claims.jsonl') }, corpusDirs: [...shared, path.join(heldout7, 'articles')] },
    { sets: { heldout8: path.join(heldout8, 'claims.jsonl') }, corpusDirs: [...shared, path.join(heldout7, 'articles'), path.join(heldout8, 'articles')] },
    { sets: { heldout9: path.join(heldout9, 'claims.jsonl') }, corpusDirs: [...shared, path.join(heldout7, 'articles'), path.join(heldout8, 'articles'), path.join(heldout9, 'articles')] },
    { sets: { heldout10: path.join(heldout10, 'claims.jsonl') }, corpusDirs: [...shared, ...[heldout7, heldout8, heldout9, heldout10].map((dir) => path.join(dir, 'articles'))] },
    { sets: { heldout11: path.join(heldout11, 'claims.jsonl') }, corpusDirs: [...shared, ...[heldout7, heldout8, heldout9, heldout10, heldout11].map((dir) => path.join(dir, 'articles'))] },
    { sets: { heldout12: path.join(heldout12, 'claims.jsonl') }, corpusDirs: [...shared, ...[heldout7, heldout8, heldout9, heldout10, heldout11, heldout12].map((dir) => path.join(dir, 'articles'))] },
    { sets: { heldout13: path.join(heldout13, 'claims.jsonl') }, corpusDirs: [...shared, ...[heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13].map((dir) => path.join(dir, 'articles'))] },
    { sets: { heldout14: path.join(heldout14, 'claims.jsonl') }, corpusDirs: [...shared, ...[heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13, heldout14].map((dir) => path.join(dir, 'articles'))] },
    { sets: { heldout15: path.join(heldout15, 'claims.jsonl') }, corpusDirs: [...shared, ...[heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13, heldout14, heldout15].map((dir) => path.join(dir, 'articles'))] },
  ];
}

/** Builds the run's index in a temporary directory, checks every set's claims and summarises each set. */
export async function evaluateClaims(run: ClaimsRun): Promise<NamedClaimsReport[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kaocha-eval-claims-'));
  try {
    const config = parseConfig({ INDEX_DIR: dir, EMBEDDING_OFFLINE: '1' }, ROOT);
    const embedder = new HashedNgramEmbedder();
    await ingestInputs(run.corpusDirs, { indexDir: dir, embedder, chunk: config.chunk, fetch: config.fetch, baseDir: ROOT });
    const index = await IndexStore.open(dir);
    if (!index) throw new Error(`eval: the claims index in ${dir} did not open`);
    const checker = new EvidenceFactChecker({ retriever: new HybridRetriever({ index, embedder, settings: config.retrieval }), corpus: index.corpus });
    // Warm up the segmenter, the retriever and the tour cards so the first claim's latency is not their load time.
    await checker.check('湖南省党政代表团考察了36个点');
    const reports: NamedClaimsReport[] = [];
    for (const [set, file] of Object.entries(run.sets)) {
      const outcomes: ClaimOutcome[] = [];
      for (const item of parseLabelledClaims(await readFile(file, 'utf8'))) {
        const started = performance.now();
        const result = await checker.check(item.claim);
        outcomes.push({ id: item.id, label: item.label, verdict: result.verdict, ms: performance.now() - started, explanation: result.explanation });
      }
      reports.push({ set, file, ...summariseClaims(outcomes) });
    }
    return reports;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
