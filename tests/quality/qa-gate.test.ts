/**
 * Quality gate: the answer evaluation over the seed and dev sets (seed + dev articles, offline built-in embedder)
 * must not fall below figures a little under what was measured when they were set. A regression fails CI.
 * The gate is on figures, never on time. The shared measuring data lives beside the repository (../shared).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { defaultEvalRuns, evaluateQa, SHARED_DIR, type SetReport } from '../../scripts/eval/qa.ts';

/** Minimum per set; measured values are in the README's evaluation table. */
const THRESHOLDS: Record<string, Partial<Record<keyof SetReport, number>> & { maxAnswerableRefused?: number; minUnanswerableRefused?: number }> = {
  // measured 2026-12-05: seed 0.588/0.735, acc 0.853, short 0.783, 0 refused, 4/6; dev 0.840/0.972, 0.887, 0.731, 4, 9/11
  seed: { recallAt1: 0.55, recallAt5: 0.7, answerAccuracy: 0.82, shortAccuracy: 0.74, shortGrounded: 1, grounding: 1, maxAnswerableRefused: 1, minUnanswerableRefused: 4 },
  dev: { recallAt1: 0.8, recallAt5: 0.95, answerAccuracy: 0.86, shortAccuracy: 0.7, shortGrounded: 1, grounding: 1, maxAnswerableRefused: 5, minUnanswerableRefused: 8 },
  // measured 2026-12-05: answer 0.759, later turns 0.736
  'dev follow-ups': { answerAccuracy: 0.73, laterTurnAccuracy: 0.7, grounding: 1 },
  // held-out invented questions, measured 2026-12-05: 0.721/0.977, answer 0.884, short 0.838, 2 refused, 4/5
  invented: { recallAt5: 0.93, answerAccuracy: 0.85, shortAccuracy: 0.8, shortGrounded: 1, grounding: 1, maxAnswerableRefused: 4, minUnanswerableRefused: 3 },
  'invented follow-ups': { grounding: 1 },
};

describe('answer quality gate (shared/eval + shared/dev)', { timeout: 10 * 60_000 }, () => {
  test('the shared measuring data is present', () => {
    assert.ok(existsSync(SHARED_DIR), `expected the shared gold sets in ${SHARED_DIR} (set KAOCHA_SHARED_DIR)`);
  });

  test('every set stays above its thresholds, and retrieval is not behind the plain peer', async () => {
    const reports: SetReport[] = [];
    for (const run of defaultEvalRuns()) reports.push(...(await evaluateQa(run)));
    for (const report of reports) {
      const limits = THRESHOLDS[report.set] ?? {};
      for (const [field, minimum] of Object.entries(limits)) {
        if (field === 'maxAnswerableRefused') assert.ok(report.answerableRefused <= minimum!, `${report.set}: ${report.answerableRefused} answerable questions refused (max ${minimum})`);
        else if (field === 'minUnanswerableRefused') assert.ok(report.unanswerableRefused >= minimum!, `${report.set}: only ${report.unanswerableRefused} unanswerable refused (min ${minimum})`);
        else assert.ok((report[field as keyof SetReport] as number) >= minimum!, `${report.set}: ${field} ${String(report[field as keyof SetReport])} < ${minimum}`);
      }
      if (!report.set.endsWith('follow-ups')) {
        assert.ok(report.recallAt1 >= report.peerRecallAt1, `${report.set}: recall@1 ${report.recallAt1} behind the peer's ${report.peerRecallAt1}`);
        assert.ok(report.recallAt5 >= report.peerRecallAt5, `${report.set}: recall@5 ${report.recallAt5} behind the peer's ${report.peerRecallAt5}`);
      }
    }
  });
});
