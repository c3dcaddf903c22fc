/**
 * Quality gate on figures (not timing): the seed and dev claim sets over an index of the seed and dev articles, and
 * the held-out invented claims over those plus the invented articles, each built in a temp dir (built-in embedder,
 * offline) by the same runs as `npm run eval:claims`. Fails when accuracy drops below the floors — set a little
 * under what the checker measures — or when any claim is wrongly judged supported. Skipped when the shared sets are
 * not checked out next to the repository.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { defaultClaimsRuns, evaluateClaims } from '../../scripts/eval/claims.ts';

/**
 * Minimum accuracy per set. Measured at 24f8529: seed 1.000 (24), dev 0.976 (42), invented 1.000 (18), heldout7 0.833
 * (30), heldout8 0.900 (30; 0.667 blind), heldout9 0.958 (24; 0.500 blind), heldout10 0.958 (24; 0.625 blind),
 * heldout11 0.833 (24; 0.625 blind), heldout12 0.667 (24; 0.625 blind), heldout13 0.500 (24; 0.458 blind); at
 * cbf510b heldout14 0.667 (24; 0.500 blind); no false supported. Since: heldout8 0.933, heldout12 0.708, heldout13 0.708,
 * heldout14 0.833, heldout15 0.875 (24; 0.667 blind at 21cae40); at 04965e0 heldout13 0.750, heldout14 0.875, heldout15 0.958.
 */
const MIN_ACCURACY: Record<string, number> = { seed: 0.95, dev: 0.95, invented: 0.94, heldout7: 0.8, heldout8: 0.9, heldout9: 0.91, heldout10: 0.91, heldout11: 0.79, heldout12: 0.66, heldout13: 0.7, heldout14: 0.83, heldout15: 0.91 };

const runs = defaultClaimsRuns();
const available = runs.every((run) => Object.values(run.sets).every(existsSync) && run.corpusDirs.every(existsSync));

describe('fact-check quality gate (seed, dev and invented claims)', { skip: !available && 'shared seed/dev sets not found', timeout: 10 * 60_000 }, () => {
  test('every set stays above its floor, with no false supported', async () => {
    for (const run of runs) {
      for (const report of await evaluateClaims(run)) {
        const wrong = report.items.filter((i) => i.label !== i.verdict).map((i) => `${i.id}: ${i.label} → ${i.verdict}`);
        assert.equal(report.falseSupported, 0, `false supported in ${report.set}: ${wrong.join('; ')}`);
        const floor = MIN_ACCURACY[report.set] ?? 0.9;
        assert.ok(report.accuracy >= floor, `${report.set} accuracy ${report.accuracy} < ${floor}: ${wrong.join('; ')}`);
      }
    }
  });
});
