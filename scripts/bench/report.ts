/** The benchmark's results and their markdown rendering (pure). */
import type { IngestResult, ServeResult } from './types.ts';

/** Query latency targets (p95, ms): interactive on the seed corpus, still chat-speed at 100k paragraphs. */
export const LATENCY_TARGETS: ReadonlyArray<{ label: string; corpus: string; p95Ms: number }> = [
  { label: 'seed corpus', corpus: 'seed', p95Ms: 50 },
  { label: '100k paragraphs', corpus: 'synthetic 100000', p95Ms: 150 },
];

export interface CorpusRun {
  corpus: string;
  /** Paragraphs asked of the generator (null for the seed corpus). */
  paragraphTarget: number | null;
  inputMb: number;
  /** Time to generate and write the synthetic articles (0 for the seed corpus). */
  generateSeconds: number;
  ingest: IngestResult;
  indexMb: number;
  serve: ServeResult;
  /** Kept directories (with --keep), else empty. */
  keptDirs: string[];
}

export interface BenchReport {
  embedderId: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; totalMemoryMb: number };
  questions: { qa: number; claims: number; rounds: number };
  settings: Record<string, unknown>;
  runs: CorpusRun[];
  targets: Array<{ label: string; corpus: string; p95Ms: number; measuredMs: number | null; met: boolean | null }>;
  warnings: string[];
  totalSeconds: number;
}

/** Checks each target against the run of its corpus (null when that corpus was not measured). */
export function evaluateTargets(runs: readonly CorpusRun[]): BenchReport['targets'] {
  return LATENCY_TARGETS.map((target) => {
    const run = runs.find((r) => r.corpus === target.corpus);
    const measuredMs = run ? run.serve.latency.total.p95 : null;
    return { ...target, measuredMs, met: measuredMs === null ? null : measuredMs < target.p95Ms };
  });
}

const fixed = (x: number, digits = 1) => x.toFixed(digits);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
const row = (cells: ReadonlyArray<string | number>) => `| ${cells.join(' | ')} |`;
const table = (header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>) =>
  [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');

/** Renders the report as markdown: main table, targets, ingest detail, and where query time goes. */
export function renderMarkdown(report: BenchReport): string {
  const { machine, questions } = report;
  const out: string[] = [
    `## Kaocha benchmark`,
    '',
    `embedder \`${report.embedderId}\` · ${machine.cpus} × ${machine.cpuModel} · ${fixed(machine.totalMemoryMb / 1024)} GB RAM · node ${machine.node} (${machine.platform})`,
    `questions: ${questions.qa} from seed-qa.jsonl + ${questions.claims} claims from seed-claims.jsonl, 1 warm-up pass + ${questions.rounds} timed rounds per corpus (in-process, \`openQuestionAnswering().ask\`)`,
    `total run time: ${fixed(report.totalSeconds)} s`,
    '',
    table(
      ['corpus', 'articles', 'paragraphs', 'chunks', 'ingest s', 'paragraphs/s', 'index MB', 'load ms', 'query p50 ms', 'p95 ms', 'max ms', 'peak RSS MB (ingest / serve)'],
      report.runs.map((r) => [
        r.corpus,
        r.ingest.counts.articles,
        r.ingest.counts.paragraphs,
        r.ingest.counts.chunks,
        fixed(r.ingest.seconds),
        fixed(r.ingest.counts.paragraphs / r.ingest.seconds, 0),
        fixed(r.indexMb),
        fixed(median(r.serve.loadMs)),
        fixed(r.serve.latency.total.p50),
        fixed(r.serve.latency.total.p95),
        fixed(r.serve.latency.total.max),
        `${fixed(r.ingest.memory.maxRssMb, 0)} / ${fixed(r.serve.memory.maxRssMb, 0)}`,
      ]),
    ),
    '',
    '### Targets',
    '',
    table(
      ['target', 'measured p95', 'result'],
      report.targets.map((t) => [
        `p95 < ${t.p95Ms} ms on ${t.label}`,
        t.measuredMs === null ? 'not run' : `${fixed(t.measuredMs)} ms`,
        t.met === null ? '—' : t.met ? 'met' : '**MISSED**',
      ]),
    ),
    '',
    '### Ingest and load detail',
    '',
    table(
      ['corpus', 'input MB', 'generate s', 'articles/s', 'embed s', 'commit s', 'outcomes', 'IndexStore.open ms', 'heap after load MB', 'sampled RSS peak MB (ingest / serve)', 'max RSS with reloads MB', `${report.runs[0]?.serve.longQuestion.chars ?? ''}-char question ms`, 'answered'],
      report.runs.map((r) => [
        r.corpus,
        fixed(r.inputMb),
        fixed(r.generateSeconds),
        fixed(r.ingest.counts.articles / r.ingest.seconds, 1),
        fixed(r.ingest.embedSeconds),
        fixed(r.ingest.commitSeconds),
        Object.entries(r.ingest.outcomes)
          .map(([kind, n]) => `${kind} ${n}`)
          .join(', '),
        fixed(median(r.serve.openMs)),
        fixed(r.serve.heapUsedMb, 0),
        `${fixed(r.ingest.memory.sampledPeakMb, 0)} / ${fixed(r.serve.memory.sampledPeakMb, 0)}`,
        fixed(r.serve.memoryWithReloads.maxRssMb, 0),
        fixed(r.serve.longQuestion.ms),
        `${r.serve.answered}/${r.serve.questions}`,
      ]),
    ),
    '',
    '### Where query time goes (mean ms per question, one instrumented pass; * = re-timed estimate)',
    '',
    table(
      ['corpus', 'retrieve', 'embed query', 'hnsw', 'tokenise query', 'bm25 (postings walked)', 'rerank tokenise*', 'retrieve other', 'answer', 'analyse question*', 'tokenise paragraphs* (paragraphs)', 'normalise articles*', 'answer other'],
      report.runs.map(({ corpus, serve: { breakdown: b, latency } }) => [
        corpus,
        `${fixed(b.retrieve, 2)} (p95 ${fixed(latency.retrieve.p95)})`,
        fixed(b.embedQuery, 2),
        fixed(b.hnswSearch, 2),
        fixed(b.tokenizeQuery, 2),
        `${fixed(b.bm25Search, 2)} (${fixed(b.bm25Postings, 0)})`,
        fixed(b.rerankTokenizeEst, 2),
        fixed(b.retrieveOther, 2),
        `${fixed(b.answer, 2)} (p95 ${fixed(latency.answer.p95)})`,
        fixed(b.analyseQuestionEst, 2),
        `${fixed(b.answerTokenizeEst, 2)} (${fixed(b.paragraphsRead, 0)})`,
        fixed(b.articleNormaliseEst, 2),
        fixed(b.answerOther, 2),
      ]),
    ),
  ];
  const kept = report.runs.flatMap((r) => r.keptDirs);
  if (kept.length > 0) out.push('', `kept: ${kept.join(', ')}`);
  if (report.warnings.length > 0) out.push('', '### Warnings', '', ...report.warnings.map((w) => `- ${w}`));
  return `${out.join('\n')}\n`;
}
