/**
 * Scoring a labelled claim set (JSONL: id, claim, label = supported|contradicted|not_found; other fields ignored):
 * accuracy overall and per gold label, the confusion matrix, false "supported" verdicts (the failure that must stay
 * at zero) and latency. Pure; `npm run eval:claims` and the quality-gate test both use it.
 */
import type { Verdict } from './types.ts';

export const VERDICTS: readonly Verdict[] = ['supported', 'contradicted', 'not_found'];

/** One labelled claim. */
export interface LabelledClaim {
  id: string;
  claim: string;
  label: Verdict;
}

/** One checked claim of a labelled set. */
export interface ClaimOutcome {
  id: string;
  label: Verdict;
  verdict: Verdict;
  ms: number;
  explanation: string;
}

/** The figures of one set. */
export interface ClaimsReport {
  claims: number;
  accuracy: number;
  perLabel: Record<Verdict, { total: number; correct: number; accuracy: number }>;
  /** confusion[gold][predicted] */
  confusion: Record<Verdict, Record<Verdict, number>>;
  falseSupported: number;
  latencyMs: { mean: number; p95: number; max: number };
  items: ClaimOutcome[];
}

/** Parses a JSONL claim set; throws on a line without `claim` or a valid `label`. */
export function parseLabelledClaims(text: string): LabelledClaim[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line, i) => {
      const item = JSON.parse(line) as Partial<LabelledClaim>;
      if (typeof item.claim !== 'string' || !VERDICTS.includes(item.label as Verdict)) {
        throw new Error(`eval-claims: line ${i + 1} needs "claim" and "label" (${VERDICTS.join('|')})`);
      }
      return { id: String(item.id ?? i + 1), claim: item.claim, label: item.label as Verdict };
    });
}

/** The p-th percentile (nearest rank) of a list of numbers; 0 for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Accuracy, per-label accuracy, confusion matrix, false supported and latency of a set of outcomes. */
export function summariseClaims(items: readonly ClaimOutcome[]): ClaimsReport {
  const confusion = Object.fromEntries(VERDICTS.map((g) => [g, Object.fromEntries(VERDICTS.map((p) => [p, 0]))])) as ClaimsReport['confusion'];
  for (const item of items) confusion[item.label][item.verdict] += 1;
  const perLabel = Object.fromEntries(
    VERDICTS.map((label) => {
      const total = items.filter((i) => i.label === label).length;
      const correct = confusion[label][label];
      return [label, { total, correct, accuracy: total ? round(correct / total) : 0 }];
    }),
  ) as ClaimsReport['perLabel'];
  const correct = items.filter((i) => i.label === i.verdict).length;
  const times = items.map((i) => i.ms);
  return {
    claims: items.length,
    accuracy: items.length ? round(correct / items.length) : 0,
    perLabel,
    confusion,
    falseSupported: confusion.contradicted.supported + confusion.not_found.supported,
    latencyMs: {
      mean: round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length), 1),
      p95: round(percentile(times, 95), 1),
      max: round(Math.max(0, ...times), 1),
    },
    items: [...items],
  };
}
