/**
 * The QA evaluation shared by `npm run eval` and the CI quality gate. It builds an index of the given corpus in a
 * temporary directory (offline built-in embedder), runs every gold set through the real `ask --json --file` CLI
 * (so follow-up conversations are resolved exactly as users' are), scores the results with the independent
 * scorer's definitions, and measures the plain peer baseline (MiniSearch + jieba over lines) on the same corpus.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../tests/helpers/run-cli.ts';
import { peerRecall } from './peer.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared measuring data (gold sets, dev articles), beside the repository unless KAOCHA_SHARED_DIR says. */
export const SHARED_DIR = path.resolve(process.env.KAOCHA_SHARED_DIR ?? path.join(ROOT, '..', 'shared'));

export interface GoldItem {
  id: string;
  question: string;
  answers: string[];
  all?: boolean;
  doc: string | null;
  evidence: string | null;
  type: string;
  chat?: string;
}

export interface QaResult {
  id: string;
  found: boolean;
  short?: string | null;
  answer: string;
  citations: Array<{ text: string; quote: string }>;
  retrieved: Array<{ text: string }>;
}

/** Factoid question types whose short answer is scored. */
const FACTOID = new Set(['person', 'date', 'place', 'number', 'list', 'count']);

export interface SetReport {
  set: string;
  questions: number;
  recallAt1: number;
  recallAt5: number;
  peerRecallAt1: number;
  peerRecallAt5: number;
  answerAccuracy: number;
  shortAccuracy: number;
  shortGrounded: number;
  factoid: number;
  answerableRefused: number;
  answerable: number;
  unanswerableRefused: number;
  unanswerable: number;
  /** Share of citations whose paragraph and quote occur verbatim in the corpus. */
  grounding: number;
  /** Later turns of conversations (a `chat` id, not the first turn): answer accuracy. */
  laterTurnAccuracy: number | null;
  failures: Array<{ id: string; why: string; question: string; got?: string }>;
}

/** The scorer's normal form: NFKC, no whitespace, straight quotes, lower case. */
export function canonical(text: unknown): string {
  return String(text ?? '')
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .toLowerCase();
}

function readJsonl<T>(text: string): T[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Number((a / b).toFixed(3)));

/** Scores one set's CLI results against its gold, the way `shared/tools/score-qa.mjs` does. */
export function scoreSet(name: string, gold: GoldItem[], results: QaResult[], corpusText: string): Omit<SetReport, 'peerRecallAt1' | 'peerRecallAt5'> {
  const byId = new Map(results.map((r) => [String(r.id), r]));
  let answerable = 0, correct = 0, refusedAnswerable = 0, unanswerable = 0, refusedUnanswerable = 0;
  let r1 = 0, r5 = 0, withEvidence = 0, factoid = 0, shortCorrect = 0, shortGiven = 0, shortGrounded = 0;
  let citations = 0, grounded = 0, laterTurns = 0, laterCorrect = 0;
  const failures: SetReport['failures'] = [];
  for (const g of gold) {
    const r = byId.get(String(g.id));
    if (!r) {
      failures.push({ id: g.id, why: 'no result', question: g.question });
      continue;
    }
    for (const c of r.citations ?? []) {
      citations += 1;
      if (corpusText.includes(canonical(c.text)) && canonical(c.text).includes(canonical(c.quote))) grounded += 1;
    }
    if (g.type === 'unanswerable' || g.doc == null) {
      unanswerable += 1;
      if (!r.found) refusedUnanswerable += 1;
      else failures.push({ id: g.id, why: 'answered an unanswerable question', question: g.question, got: r.answer.slice(0, 120) });
      continue;
    }
    answerable += 1;
    const later = g.chat !== undefined && !/-1$/.test(g.id);
    if (later) laterTurns += 1;
    if (g.evidence) {
      withEvidence += 1;
      const hit = (r.retrieved ?? []).findIndex((p) => canonical(p.text).includes(canonical(g.evidence)));
      if (hit === 0) r1 += 1;
      if (hit >= 0 && hit < 5) r5 += 1;
    }
    if (!r.found) {
      refusedAnswerable += 1;
      failures.push({ id: g.id, why: 'refused an answerable question', question: g.question });
      continue;
    }
    const contains = (text: string) => {
      const hits = g.answers.map((a) => canonical(text).includes(canonical(a)));
      return g.all ? hits.every(Boolean) : hits.some(Boolean);
    };
    if (contains(r.answer)) {
      correct += 1;
      if (later) laterCorrect += 1;
    } else failures.push({ id: g.id, why: 'wrong answer', question: g.question, got: r.answer.slice(0, 120) });
    if (FACTOID.has(g.type)) {
      factoid += 1;
      const short = typeof r.short === 'string' ? r.short.trim() : '';
      if (short) {
        shortGiven += 1;
        const paragraphs = (r.citations ?? []).map((c) => canonical(c.text)).join('\n');
        const items = short.split(/[、，,;；]|和|及|与/).map(canonical).filter(Boolean);
        if (items.length > 0 && items.every((i) => paragraphs.includes(i))) shortGrounded += 1;
        if (contains(short)) shortCorrect += 1;
        else failures.push({ id: g.id, why: 'wrong short answer', question: g.question, got: short });
      }
    }
  }
  return {
    set: name,
    questions: gold.length,
    recallAt1: ratio(r1, withEvidence),
    recallAt5: ratio(r5, withEvidence),
    answerAccuracy: ratio(correct, answerable),
    shortAccuracy: ratio(shortCorrect, factoid),
    shortGrounded: ratio(shortGrounded, shortGiven),
    factoid,
    answerableRefused: refusedAnswerable,
    answerable,
    unanswerableRefused: refusedUnanswerable,
    unanswerable,
    grounding: ratio(grounded, citations),
    laterTurnAccuracy: laterTurns > 0 ? ratio(laterCorrect, laterTurns) : null,
    failures,
  };
}

/** How long one CLI run of the evaluation may take (a whole gold set is answered in one run). */
const CLI_TIMEOUT_MS = 15 * 60_000;

export interface EvalOptions {
  /** Gold sets: name → path. */
  sets: Record<string, string>;
  /** Directories whose articles are indexed together. */
  corpusDirs: string[];
  /** Extra environment for the product (e.g. weights being compared). */
  env?: Record<string, string>;
}

/** Builds the index of the corpus in a temporary directory and evaluates every set. */
export async function evaluateQa(options: EvalOptions): Promise<SetReport[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'kaocha-eval-'));
  try {
    const corpus = path.join(work, 'corpus');
    await mkdir(corpus);
    let corpusText = '';
    for (const dir of options.corpusDirs) {
      for (const file of await readdir(dir)) {
        if (!/\.(txt|md|html?)$/i.test(file)) continue;
        await copyFile(path.join(dir, file), path.join(corpus, file));
        corpusText += `${canonical(await readFile(path.join(dir, file), 'utf8'))}\n`;
      }
    }
    const env = { INDEX_DIR: path.join(work, 'index'), ...options.env };
    const ingest = await runCli('ingest', ['--rebuild', corpus], { LOG_LEVEL: 'error', ...env }, CLI_TIMEOUT_MS);
    if (ingest.code !== 0) throw new Error(`eval: ingest failed: ${ingest.stderr.slice(0, 500)}`);
    const reports: SetReport[] = [];
    for (const [name, file] of Object.entries(options.sets)) {
      const gold = readJsonl<GoldItem>(await readFile(file, 'utf8'));
      const run = await runCli('ask', ['--json', '--file', file], { LOG_LEVEL: 'error', ...env }, CLI_TIMEOUT_MS);
      if (run.code !== 0) throw new Error(`eval: ask failed on ${file}: ${run.stderr.slice(0, 500)}`);
      const results = readJsonl<QaResult>(run.stdout);
      const peer = await peerRecall(corpus, gold);
      reports.push({ ...scoreSet(name, gold, results, corpusText), peerRecallAt1: peer.recallAt1, peerRecallAt5: peer.recallAt5 });
    }
    return reports;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The default runs: the public seed questions, the dev set and its conversations over the seed + dev articles; then
 * the held-out questions written for this repository (tests/fixtures/invented, by someone who never saw the code)
 * over those articles plus the four invented ones.
 */
export function defaultEvalRuns(): EvalOptions[] {
  const shared = [path.join(ROOT, 'data/articles'), path.join(SHARED_DIR, 'dev/articles')];
  const invented = path.join(ROOT, 'tests/fixtures/invented');
  // Seven more articles with 70 questions, 30 claims and 20 conversations, written by a helper who never saw the code.
  const heldout7 = path.join(ROOT, 'tests/fixtures/heldout7');
  // And seven more (heldout8), 70 questions, 30 claims and 20 conversations, by another helper who never saw it.
  const heldout8 = path.join(ROOT, 'tests/fixtures/heldout8');
  // And six more (heldout9), 60 questions, 24 claims and 15 conversations, by a third helper.
  const heldout9 = path.join(ROOT, 'tests/fixtures/heldout9');
  // And six more (heldout10), 60 questions, 24 claims and 15 conversations (46 turns), by a fourth.
  const heldout10 = path.join(ROOT, 'tests/fixtures/heldout10');
  // And six more (heldout11), 60 questions, 24 claims and 15 conversations (46 turns), by a fifth.
  const heldout11 = path.join(ROOT, 'tests/fixtures/heldout11');
  // And six more (heldout12), 60 questions, 24 claims and 15 conversations (46 turns), by a sixth.
  const heldout12 = path.join(ROOT, 'tests/fixtures/heldout12');
  // And six more (heldout13), 60 questions, 24 claims and 15 conversations (45 turns), by a seventh.
  const heldout13 = path.join(ROOT, 'tests/fixtures/heldout13');
  // And six more (heldout14), 60 questions, 24 claims and 15 conversations (45 turns), by an eighth.
  const heldout14 = path.join(ROOT, 'tests/fixtures/heldout14');
  // And six more (heldout15), 60 questions, 24 claims and 15 conversations (45 turns), by a ninth.
  const heldout15 = path.join(ROOT, 'tests/fixtures/heldout15');
  return [
    {
      sets: {
        seed: path.join(SHARED_DIR, 'eval/seed-qa.jsonl'),
        dev: path.join(SHARED_DIR, 'dev/dev-qa.jsonl'),
        'dev follow-ups': path.join(SHARED_DIR, 'dev/dev-followups.jsonl'),
      },
      corpusDirs: shared,
    },
    {
      sets: { invented: path.join(invented, 'qa.jsonl'), 'invented follow-ups': path.join(invented, 'followups.jsonl') },
      corpusDirs: [...shared, path.join(invented, 'articles')],
    },
    {
      sets: { heldout7: path.join(heldout7, 'qa.jsonl'), 'heldout7 follow-ups': path.join(heldout7, 'followups.jsonl') },
      corpusDirs: [...shared, path.join(heldout7, 'articles')],
    },
    {
      sets: { heldout8: path.join(heldout8, 'qa.jsonl'), 'heldout8 follow-ups': path.join(heldout8, 'followups.jsonl') },
      corpusDirs: [...shared, path.join(heldout7, 'articles'), path.join(heldout8, 'articles')],
    },
    {
      sets: { heldout9: path.join(heldout9, 'qa.jsonl'), 'heldout9 follow-ups': path.join(heldout9, 'followups.jsonl') },
      corpusDirs: [...shared, path.join(heldout7, 'articles'), path.join(heldout8, 'articles'), path.join(heldout9, 'articles')],
    },
    {
      sets: { heldout10: path.join(heldout10, 'qa.jsonl'), 'heldout10 follow-ups': path.join(heldout10, 'followups.jsonl') },
      corpusDirs: [...shared, ...[heldout7, heldout8, heldout9, heldout10].map((dir) => path.join(dir, 'articles'))],
    },
    {
      sets: { heldout11: path.join(heldout11, 'qa.jsonl'), 'heldout11 follow-ups': path.join(heldout11, 'followups.jsonl') },
      corpusDirs: [...shared, ...[heldout7, heldout8, heldout9, heldout10, heldout11].map((dir) => path.join(dir, 'articles'))],
    },
    {
      sets: { heldout12: path.join(heldout12, 'qa.jsonl'), 'heldout12 follow-ups': path.join(heldout12, 'followups.jsonl') },
      corpusDirs: [...shared, ...[heldout7, heldout8, heldout9, heldout10, heldout11, heldout12].map((dir) => path.join(dir, 'articles'))],
    },
    {
      sets: { heldout13: path.join(heldout13, 'qa.jsonl'), 'heldout13 follow-ups': path.join(heldout13, 'followups.jsonl') },
      corpusDirs: [...shared, ...[heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13].map((dir) => path.join(dir, 'articles'))],
    },
    {
      sets: { heldout14: path.join(heldout14, 'qa.jsonl'), 'heldout14 follow-ups': path.join(heldout14, 'followups.jsonl') },
      corpusDirs: [...shared, ...[heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13, heldout14].map((dir) => path.join(dir, 'articles'))],
    },
    {
      sets: { heldout15: path.join(heldout15, 'qa.jsonl'), 'heldout15 follow-ups': path.join(heldout15, 'followups.jsonl') },
      corpusDirs: [...shared, ...[heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13, heldout14, heldout15].map((dir) => path.join(dir, 'articles'))],
    },
  ];
}

/** A Markdown table of the reports, Kaocha beside the peer. */
export function reportTable(reports: readonly SetReport[]): string {
  const f = (x: number | null) => (x === null ? '–' : x.toFixed(3));
  const lines = [
    '| set | R@1 Kaocha / peer | R@5 Kaocha / peer | answer contains gold | short answer (factoid) | short grounded | answerable refused | unanswerable refused | grounding | later turns |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...reports.map(
      (r) =>
        `| ${r.set} (${r.questions}) | ${f(r.recallAt1)} / ${f(r.peerRecallAt1)} | ${f(r.recallAt5)} / ${f(r.peerRecallAt5)} | ${f(r.answerAccuracy)} | ${f(r.shortAccuracy)} of ${r.factoid} | ${f(r.shortGrounded)} | ${r.answerableRefused} / ${r.answerable} | ${r.unanswerableRefused} / ${r.unanswerable} | ${f(r.grounding)} | ${f(r.laterTurnAccuracy)} |`,
    ),
  ];
  return lines.join('\n');
}
