/**
 * Fact-check evaluation over a labelled claim set (JSONL: id, claim, label = supported|contradicted|not_found; other
 * fields are ignored). Prints accuracy overall and per gold label, the confusion matrix, the count of false
 * "supported" verdicts (contradicted or not_found judged supported — the failure that must stay at zero) and
 * latency per claim. The index is loaded once.
 *
 *   npm run eval:claims -- ../shared/eval/seed-claims.jsonl [--json] [--verbose]
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { openQuestionAnswering } from '../src/app.ts';
import { EvidenceFactChecker, type Verdict } from '../src/factcheck/index.ts';

const LABELS: readonly Verdict[] = ['supported', 'contradicted', 'not_found'];
/** Targets from the issue: overall accuracy and the per-claim latency budget. */
const TARGET_ACCURACY = 0.9;
const TARGET_LATENCY_MS = 1000;

interface ClaimItem {
  id: string;
  claim: string;
  label: Verdict;
}

interface ItemResult {
  id: string;
  label: Verdict;
  verdict: Verdict;
  ms: number;
  explanation: string;
}

export interface ClaimsReport {
  claims: number;
  accuracy: number;
  perLabel: Record<Verdict, { total: number; correct: number; accuracy: number }>;
  /** confusion[gold][predicted] */
  confusion: Record<Verdict, Record<Verdict, number>>;
  falseSupported: number;
  latencyMs: { mean: number; p95: number; max: number };
  targetsMet: boolean;
  items: ItemResult[];
}

function parseItems(text: string): ClaimItem[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line, i) => {
      const item = JSON.parse(line) as Partial<ClaimItem>;
      if (typeof item.claim !== 'string' || !LABELS.includes(item.label as Verdict)) {
        throw new Error(`eval-claims: line ${i + 1} needs "claim" and "label" (${LABELS.join('|')})`);
      }
      return { id: String(item.id ?? i + 1), claim: item.claim, label: item.label as Verdict };
    });
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

function summarise(items: ItemResult[]): ClaimsReport {
  const confusion = Object.fromEntries(LABELS.map((g) => [g, Object.fromEntries(LABELS.map((p) => [p, 0]))])) as ClaimsReport['confusion'];
  for (const item of items) confusion[item.label][item.verdict] += 1;
  const perLabel = Object.fromEntries(
    LABELS.map((label) => {
      const total = items.filter((i) => i.label === label).length;
      const correct = confusion[label][label];
      return [label, { total, correct, accuracy: total ? round(correct / total) : 0 }];
    }),
  ) as ClaimsReport['perLabel'];
  const correct = items.filter((i) => i.label === i.verdict).length;
  const accuracy = items.length ? round(correct / items.length) : 0;
  const falseSupported = confusion.contradicted.supported + confusion.not_found.supported;
  const times = items.map((i) => i.ms);
  const latencyMs = {
    mean: round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length), 1),
    p95: round(percentile(times, 95), 1),
    max: round(Math.max(0, ...times), 1),
  };
  const targetsMet = accuracy >= TARGET_ACCURACY && falseSupported === 0 && latencyMs.max < TARGET_LATENCY_MS;
  return { claims: items.length, accuracy, perLabel, confusion, falseSupported, latencyMs, targetsMet, items };
}

function printTable(report: ClaimsReport, verbose: boolean): void {
  const out: string[] = [];
  if (verbose) {
    for (const item of report.items) {
      out.push(`${item.label === item.verdict ? 'ok ' : 'BAD'} ${item.id.padEnd(8)} gold=${item.label.padEnd(12)} got=${item.verdict.padEnd(12)} ${item.ms.toFixed(0)}ms  ${item.explanation}`);
    }
    out.push('');
  }
  out.push(`claims: ${report.claims}   accuracy: ${report.accuracy.toFixed(3)}   false supported: ${report.falseSupported}`);
  out.push('');
  out.push(`${'gold label'.padEnd(14)}${'n'.padStart(4)}${'correct'.padStart(9)}${'accuracy'.padStart(10)}`);
  for (const label of LABELS) {
    const row = report.perLabel[label];
    out.push(`${label.padEnd(14)}${String(row.total).padStart(4)}${String(row.correct).padStart(9)}${row.accuracy.toFixed(3).padStart(10)}`);
  }
  out.push('');
  out.push(`confusion (rows gold, columns predicted)`);
  out.push(`${''.padEnd(14)}${LABELS.map((l) => l.padStart(14)).join('')}`);
  for (const gold of LABELS) out.push(`${gold.padEnd(14)}${LABELS.map((p) => String(report.confusion[gold][p]).padStart(14)).join('')}`);
  out.push('');
  out.push(`latency per claim (ms): mean ${report.latencyMs.mean}, p95 ${report.latencyMs.p95}, max ${report.latencyMs.max}`);
  out.push(`targets (accuracy ≥ ${TARGET_ACCURACY}, false supported = 0, < ${TARGET_LATENCY_MS} ms per claim): ${report.targetsMet ? 'met' : 'NOT met'}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: npm run eval:claims -- claims.jsonl [--json] [--verbose]\n');
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const items = parseItems(await readFile(file, 'utf8'));
  const qa = await openQuestionAnswering(config, log);
  const checker = new EvidenceFactChecker({ retriever: qa.retriever, corpus: qa.index.corpus });
  // Warm up jieba and the retriever so the first claim's latency is not the segmenter's load time.
  await checker.check('湖南');
  const results: ItemResult[] = [];
  for (const item of items) {
    const started = performance.now();
    const result = await checker.check(item.claim);
    results.push({ id: item.id, label: item.label, verdict: result.verdict, ms: performance.now() - started, explanation: result.explanation });
  }
  const report = summarise(results);
  if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else printTable(report, verbose);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
