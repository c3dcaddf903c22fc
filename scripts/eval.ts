/**
 * Retrieval and answer evaluation over a QA set (JSONL: id, question, answers, doc, evidence, type, all?,
 * evidence_more?). Compares hybrid, dense-only and lexical-only retrieval on the same index.
 *
 *   npm run eval -- ../shared/eval/seed-qa.jsonl [--json] [--mode hybrid|dense|lexical] [--verbose]
 */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { embedderFor, openQuestionAnswering } from '../src/app.ts';
import { toAskJson, type AskJson } from '../src/cli/ask-output.ts';
import type { RetrievalMode } from '../src/retrieve/index.ts';

interface QaItem {
  id: string;
  question: string;
  answers: string[];
  doc: string | null;
  evidence: string | null;
  type: string;
  all?: boolean;
  evidence_more?: Array<{ doc: string; evidence: string }>;
}

interface ItemResult {
  id: string;
  type: string;
  answerable: boolean;
  found: boolean;
  rank: number | null;
  correct: boolean;
  supported: boolean;
  answer: string;
}

export interface ModeReport {
  mode: RetrievalMode;
  questions: number;
  answerable: number;
  recallAt1: number;
  recallAt5: number;
  mrrAt10: number;
  answerAccuracy: number;
  citationSupport: number;
  refusal: { unanswerable: number; refused: number; correctRefusals: number; precision: number; recall: number; answerableRefused: number };
  latencyMs: { p50: number; p95: number };
  items: ItemResult[];
}

/** Whitespace and punctuation width differences must not decide a match. */
function canonical(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function evidenceOf(item: QaItem): Array<{ doc: string; evidence: string }> {
  const main = item.doc && item.evidence ? [{ doc: item.doc, evidence: item.evidence }] : [];
  return [...main, ...(item.evidence_more ?? [])];
}

function docIdOf(file: string): string {
  return file.replace(/\.[^.]+$/, '');
}

function retrievalRank(item: QaItem, json: AskJson): number | null {
  const evidence = evidenceOf(item);
  const index = json.retrieved.findIndex((r) =>
    evidence.some((e) => r.paragraphId.startsWith(`${docIdOf(e.doc)}#`) && canonical(r.text).includes(canonical(e.evidence))),
  );
  return index === -1 ? null : index + 1;
}

function answerCorrect(item: QaItem, json: AskJson): boolean {
  if (!json.found) return false;
  const text = canonical(json.answer);
  const hits = item.answers.map((a) => text.includes(canonical(a)));
  return item.all ? hits.every(Boolean) : hits.some(Boolean);
}

function citationSupported(item: QaItem, json: AskJson): boolean {
  const first = json.citations[0];
  if (!json.found || !first) return false;
  const paragraph = canonical(first.text);
  return evidenceOf(item).some((e) => paragraph.includes(canonical(e.evidence))) || item.answers.some((a) => paragraph.includes(canonical(a)));
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

async function evaluate(items: QaItem[], mode: RetrievalMode): Promise<ModeReport> {
  const config = loadConfig();
  const log = createLogger('error');
  const qa = await openQuestionAnswering(config, log, { mode, embedder: await embedderFor(config, log) });
  const results: ItemResult[] = [];
  const latencies: number[] = [];
  for (const item of items) {
    const result = await qa.ask(item.question);
    latencies.push(result.timings.total);
    const json = toAskJson(item.id, result.answer, result.retrieved, qa.index.corpus, result.timings);
    const answerable = item.type !== 'unanswerable';
    results.push({
      id: item.id,
      type: item.type,
      answerable,
      found: json.found,
      rank: answerable ? retrievalRank(item, json) : null,
      correct: answerable && answerCorrect(item, json),
      supported: answerable && citationSupported(item, json),
      answer: json.answer,
    });
  }
  const answerable = results.filter((r) => r.answerable);
  const unanswerable = results.filter((r) => !r.answerable);
  const refused = results.filter((r) => !r.found);
  const correctRefusals = unanswerable.filter((r) => !r.found).length;
  const found = answerable.filter((r) => r.found);
  return {
    mode,
    questions: results.length,
    answerable: answerable.length,
    recallAt1: ratio(answerable.filter((r) => r.rank === 1).length, answerable.length),
    recallAt5: ratio(answerable.filter((r) => r.rank !== null && r.rank <= 5).length, answerable.length),
    mrrAt10: ratio(answerable.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0), answerable.length),
    answerAccuracy: ratio(answerable.filter((r) => r.correct).length, answerable.length),
    citationSupport: ratio(found.filter((r) => r.supported).length, found.length),
    refusal: {
      unanswerable: unanswerable.length,
      refused: refused.length,
      correctRefusals,
      precision: ratio(correctRefusals, refused.length),
      recall: ratio(correctRefusals, unanswerable.length),
      answerableRefused: answerable.filter((r) => !r.found).length,
    },
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    items: results,
  };
}

function table(reports: ModeReport[]): string {
  const f = (x: number) => x.toFixed(3);
  const header = '| mode | R@1 | R@5 | MRR@10 | answer acc | citation support | refused (unans.) | refusal P / R | answerable refused | p50 / p95 ms |';
  const rule = '|---|---|---|---|---|---|---|---|---|---|';
  const rows = reports.map(
    (r) =>
      `| ${r.mode} | ${f(r.recallAt1)} | ${f(r.recallAt5)} | ${f(r.mrrAt10)} | ${f(r.answerAccuracy)} | ${f(r.citationSupport)} | ${r.refusal.correctRefusals}/${r.refusal.unanswerable} | ${f(r.refusal.precision)} / ${f(r.refusal.recall)} | ${r.refusal.answerableRefused} | ${r.latencyMs.p50.toFixed(1)} / ${r.latencyMs.p95.toFixed(1)} |`,
  );
  return [header, rule, ...rows].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--mode');
  if (!file) {
    process.stderr.write('usage: npm run eval -- <qa.jsonl> [--json] [--mode hybrid|dense|lexical] [--verbose]\n');
    process.exitCode = 2;
    return;
  }
  const modeArg = args.includes('--mode') ? (args[args.indexOf('--mode') + 1] as RetrievalMode) : null;
  const modes: RetrievalMode[] = modeArg ? [modeArg] : ['hybrid', 'dense', 'lexical'];
  const items = (await readFile(file, 'utf8'))
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as QaItem);
  const reports: ModeReport[] = [];
  for (const mode of modes) reports.push(await evaluate(items, mode));

  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(args.includes('--verbose') ? reports : reports.map(({ items: _, ...r }) => r), null, 2)}\n`);
    return;
  }
  process.stdout.write(`${table(reports)}\n`);
  if (args.includes('--verbose')) {
    for (const r of reports[0]?.items ?? []) {
      const mark = r.answerable ? (r.correct ? '✓' : '✗') : r.found ? '✗(answered)' : '✓(refused)';
      const cited = r.answerable && r.found ? (r.supported ? ' cite✓' : ' cite✗') : '';
      process.stdout.write(`${mark}${cited} ${r.id} [${r.type}] rank=${r.rank ?? '-'} ${r.answer.slice(0, 140)}\n`);
    }
  }
}

await main();
