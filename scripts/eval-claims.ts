/**
 * Fact-check evaluation over one or more labelled claim sets (JSONL: id, claim, label). Per set: accuracy overall
 * and per gold label, the confusion matrix, the count of false "supported" verdicts (contradicted or not_found
 * judged supported — the failure that must stay at zero) and latency per claim.
 *
 *   npm run eval:claims                                   # seed + dev (seed + dev articles); invented (+ its articles)
 *   npm run eval:claims -- a.jsonl b.jsonl --corpus dir…  # these sets over an index of these directories
 *   npm run eval:claims -- a.jsonl b.jsonl                # these sets over the configured index (INDEX_DIR)
 *   … [--json] [--verbose]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { openQuestionAnswering } from '../src/app.ts';
import { EvidenceFactChecker, VERDICTS, parseLabelledClaims, summariseClaims, type ClaimOutcome, type ClaimsReport } from '../src/factcheck/index.ts';
import { defaultClaimsRuns, evaluateClaims, type ClaimsRun } from './eval/claims.ts';

/** Targets from the issue: accuracy on public and dev sets, no false supported, p95 latency per claim. */
const TARGET_ACCURACY = 0.95;
const TARGET_P95_MS = 100;

function targetsMet(report: ClaimsReport): boolean {
  return report.accuracy >= TARGET_ACCURACY && report.falseSupported === 0 && report.latencyMs.p95 < TARGET_P95_MS;
}

function printTable(name: string, report: ClaimsReport, verbose: boolean): void {
  const out: string[] = [`== ${name} ==`];
  if (verbose) {
    for (const item of report.items) {
      out.push(`${item.label === item.verdict ? 'ok ' : 'BAD'} ${item.id.padEnd(8)} gold=${item.label.padEnd(12)} got=${item.verdict.padEnd(12)} ${item.ms.toFixed(0)}ms  ${item.explanation}`);
    }
    out.push('');
  }
  out.push(`claims: ${report.claims}   accuracy: ${report.accuracy.toFixed(3)}   false supported: ${report.falseSupported}`);
  out.push('');
  out.push(`${'gold label'.padEnd(14)}${'n'.padStart(4)}${'correct'.padStart(9)}${'accuracy'.padStart(10)}`);
  for (const label of VERDICTS) {
    const row = report.perLabel[label];
    out.push(`${label.padEnd(14)}${String(row.total).padStart(4)}${String(row.correct).padStart(9)}${row.accuracy.toFixed(3).padStart(10)}`);
  }
  out.push('');
  out.push('confusion (rows gold, columns predicted)');
  out.push(`${''.padEnd(14)}${VERDICTS.map((l) => l.padStart(14)).join('')}`);
  for (const gold of VERDICTS) out.push(`${gold.padEnd(14)}${VERDICTS.map((p) => String(report.confusion[gold][p]).padStart(14)).join('')}`);
  out.push('');
  out.push(`latency per claim (ms): mean ${report.latencyMs.mean}, p95 ${report.latencyMs.p95}, max ${report.latencyMs.max}`);
  out.push(`targets (accuracy ≥ ${TARGET_ACCURACY}, false supported = 0, p95 < ${TARGET_P95_MS} ms): ${targetsMet(report) ? 'met' : 'NOT met'}`);
  process.stdout.write(`${out.join('\n')}\n\n`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  const corpusDirs: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--corpus') corpusDirs.push(argv[++i] ?? '');
    else if (!argv[i]!.startsWith('--')) files.push(argv[i]!);
  }
  let reports: Array<{ file: string; report: ClaimsReport }>;
  if (files.length === 0 || corpusDirs.length > 0) {
    const runs: ClaimsRun[] = files.length === 0 ? defaultClaimsRuns() : [{ sets: Object.fromEntries(files.map((f) => [path.basename(f, '.jsonl'), f])), corpusDirs }];
    reports = [];
    for (const run of runs) for (const { set, file: _file, ...report } of await evaluateClaims(run)) reports.push({ file: set, report });
  } else {
    reports = await onConfiguredIndex(files);
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ sets: reports.map(({ file, report }) => ({ file, ...report, targetsMet: targetsMet(report) })) })}\n`);
  } else {
    for (const { file, report } of reports) printTable(path.basename(file), report, verbose);
  }
}

/** The sets checked over the index the configuration names (INDEX_DIR), loaded once. */
async function onConfiguredIndex(files: readonly string[]): Promise<Array<{ file: string; report: ClaimsReport }>> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const sets = await Promise.all(files.map(async (file) => ({ file, items: parseLabelledClaims(await readFile(file, 'utf8')) })));
  const qa = await openQuestionAnswering(config, log);
  const checker = new EvidenceFactChecker({ retriever: qa.retriever, corpus: qa.index.corpus });
  // Warm up the segmenter, the retriever and the tour cards so the first claim's latency is not their load time.
  await checker.check('湖南省党政代表团考察了36个点');
  const reports: Array<{ file: string; report: ClaimsReport }> = [];
  for (const { file, items } of sets) {
    const results: ClaimOutcome[] = [];
    for (const item of items) {
      const started = performance.now();
      const result = await checker.check(item.claim);
      results.push({ id: item.id, label: item.label, verdict: result.verdict, ms: performance.now() - started, explanation: result.explanation });
    }
    reports.push({ file, report: summariseClaims(results) });
  }
  return reports;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
