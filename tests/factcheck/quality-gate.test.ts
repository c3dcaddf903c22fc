/**
 * Quality gate on figures (not timing): the seed and dev claim sets checked over an index of the seed and dev
 * articles built in a temp dir (built-in embedder, offline). Fails when accuracy drops below the floors — set a
 * little under what the checker measures — or when any claim is wrongly judged supported. Skipped when the shared
 * sets are not checked out next to the repository.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HashedNgramEmbedder } from '../../src/embed/index.ts';
import { ingestInputs } from '../../src/ingest/index.ts';
import { HybridRetriever } from '../../src/retrieve/index.ts';
import { IndexStore } from '../../src/store/index.ts';
import { EvidenceFactChecker, parseLabelledClaims, summariseClaims, type ClaimOutcome, type FactChecker } from '../../src/factcheck/index.ts';
import { ARTICLES_DIR, ROOT, makeTempDir, removeTempDirs, testConfig } from '../helpers/corpus-index.ts';

const SHARED = path.resolve(ROOT, '../shared');
const DEV_ARTICLES = path.join(SHARED, 'dev/articles');
const SETS = [
  { name: 'seed', file: path.join(SHARED, 'eval/seed-claims.jsonl'), minAccuracy: 0.9 },
  { name: 'dev', file: path.join(SHARED, 'dev/dev-claims.jsonl'), minAccuracy: 0.9 },
];
const available = existsSync(DEV_ARTICLES) && SETS.every((set) => existsSync(set.file));

after(removeTempDirs);

let checker: FactChecker;

before(async () => {
  if (!available) return;
  const dir = await makeTempDir('quality-gate');
  const config = testConfig(dir);
  const embedder = new HashedNgramEmbedder();
  await ingestInputs([ARTICLES_DIR, DEV_ARTICLES], { indexDir: dir, embedder, chunk: config.chunk, fetch: config.fetch, baseDir: ROOT });
  const index = await IndexStore.open(dir);
  assert.ok(index, 'the gate index opens');
  checker = new EvidenceFactChecker({ retriever: new HybridRetriever({ index, embedder, settings: config.retrieval }), corpus: index.corpus });
});

describe('fact-check quality gate (seed + dev claims)', { skip: !available && 'shared seed/dev sets not found' }, () => {
  for (const set of SETS) {
    test(`${set.name}: accuracy ≥ ${set.minAccuracy}, no false supported`, async () => {
      const items = parseLabelledClaims(await readFile(set.file, 'utf8'));
      const outcomes: ClaimOutcome[] = [];
      for (const item of items) {
        const result = await checker.check(item.claim);
        outcomes.push({ id: item.id, label: item.label, verdict: result.verdict, ms: 0, explanation: result.explanation });
      }
      const report = summariseClaims(outcomes);
      const wrong = report.items.filter((i) => i.label !== i.verdict).map((i) => `${i.id}: ${i.label} → ${i.verdict}`);
      assert.equal(report.falseSupported, 0, `false supported in ${set.name}: ${wrong.join('; ')}`);
      assert.ok(report.accuracy >= set.minAccuracy, `${set.name} accuracy ${report.accuracy} < ${set.minAccuracy}: ${wrong.join('; ')}`);
    });
  }
});
