/**
 * One measured phase of the benchmark, run in its own process so that its peak memory is its own (maxRSS is a
 * per-process high-water mark) and a 100k-paragraph ingest leaves no garbage behind for the query timings.
 *
 *   node --import tsx --expose-gc scripts/bench/worker.ts '<WorkerTask as JSON>'
 *
 * Prints exactly one JSON line (IngestResult or ServeResult) on stdout; progress goes to stderr.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openQuestionAnswering, type QuestionAnswering } from '../../src/app.ts';
import { HashedNgramEmbedder, type Embedder } from '../../src/embed/index.ts';
import { ingestInputs, type IngestOutcome } from '../../src/ingest/index.ts';
import { IndexStore, type LoadedIndex } from '../../src/store/index.ts';
import { HybridRetriever, fuseRankings, type RetrievedChunk, type SearchableIndex } from '../../src/retrieve/index.ts';
import { ExtractiveAnswerer, analyseQuestion } from '../../src/answer/index.ts';
import { normaliseForIndex, splitSentences, tokenizeForIndex, warmUpSegmenter } from '../../src/text/index.ts';
import { BenchError } from './options.ts';
import { MIB, RssSampler, mean, median, summarise } from './stats.ts';
import type { Breakdown, IngestResult, ServeResult, WorkerTask } from './types.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** Same as `RETRIEVE_LIMIT` in src/app.ts (not exported): chunks handed to the answerer. */
const RETRIEVE_LIMIT = 10;
/** Progress line every this many ingested articles. */
const PROGRESS_EVERY = 250;
/** Length of the pasted-text probe; matches MAX_QUESTION_CHARS in src/cli/ask.ts. */
const LONG_QUESTION_CHARS = 2000;
/** Timed repeats of the pasted-text probe (after one warm-up). */
const LONG_QUESTION_REPEATS = 3;
/** At most this many not-added inputs are listed in the result. */
const NOT_ADDED_SHOWN = 5;

const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * The benchmark always embeds with the built-in hashed n-gram embedder (what EMBEDDING_OFFLINE=1 falls back to
 * without a cached model): a transformers model would make a 100k-paragraph ingest take hours on 2 cores, and
 * figures would depend on which model happens to be cached.
 */
function benchConfig(indexDir: string): Config {
  return { ...loadConfig(root), indexDir, embeddingOffline: true };
}

async function ingest(task: Extract<WorkerTask, { kind: 'ingest' }>): Promise<IngestResult> {
  const config = benchConfig(task.indexDir);
  const base = new HashedNgramEmbedder();
  let embedMs = 0;
  const embedder: Embedder = {
    info: base.info,
    async embedDocuments(texts) {
      const started = performance.now();
      const vectors = await base.embedDocuments(texts);
      embedMs += performance.now() - started;
      return vectors;
    },
    embedQuery: (text) => base.embedQuery(text),
  };
  const sampler = new RssSampler();
  const outcomes: Record<string, number> = {};
  const notAdded: string[] = [];
  let handled = 0;
  let lastOutcomeAt = 0;
  const started = performance.now();
  const onOutcome = (outcome: IngestOutcome) => {
    outcomes[outcome.kind] = (outcomes[outcome.kind] ?? 0) + 1;
    if (outcome.kind === 'duplicate' && notAdded.length < NOT_ADDED_SHOWN) notAdded.push(`${outcome.origin}: near-duplicate of ${outcome.of} (${outcome.similarity.toFixed(2)})`);
    if (outcome.kind === 'rejected' && notAdded.length < NOT_ADDED_SHOWN) notAdded.push(`${outcome.origin}: ${outcome.reason}`);
    handled++;
    lastOutcomeAt = performance.now();
    if (handled % PROGRESS_EVERY === 0) process.stderr.write(`  ingested ${handled} articles in ${((lastOutcomeAt - started) / 1000).toFixed(1)} s\n`);
  };
  const report = await ingestInputs([task.corpusDir], {
    indexDir: task.indexDir,
    embedder,
    chunk: config.chunk,
    fetch: config.fetch,
    baseDir: task.corpusDir,
    onOutcome,
  });
  const finished = performance.now();
  if (!report.manifest) throw new BenchError(`ingest of ${task.corpusDir} committed nothing`);
  return {
    embedderId: embedder.info.id,
    seconds: (finished - started) / 1000,
    commitSeconds: (finished - lastOutcomeAt) / 1000,
    embedSeconds: embedMs / 1000,
    outcomes,
    notAdded,
    counts: report.manifest.counts,
    memory: sampler.stop(),
  };
}

async function serve(task: Extract<WorkerTask, { kind: 'serve' }>): Promise<ServeResult> {
  const config = benchConfig(task.indexDir);
  const log = createLogger('error');
  const embedder = new HashedNgramEmbedder();
  const sampler = new RssSampler();
  // jieba's dictionary load (~0.2 s) happens once per process, not per index load: keep it out of the load time.
  warmUpSegmenter();

  // The first load serves the questions, so the memory figure is that of one loaded index answering questions;
  // the repeated loads for the median come after it (native hnsw memory is freed lazily, by finalisers).
  const loadMs: number[] = [];
  const load = async () => {
    collectGarbage();
    const started = performance.now();
    const loaded = await openQuestionAnswering(config, log, { embedder });
    loadMs.push(performance.now() - started);
    return loaded;
  };
  let qa: QuestionAnswering | null = await load();
  collectGarbage();
  const heapUsedMb = process.memoryUsage().heapUsed / MIB;
  const asked = await askQuestions(qa, task.questions, task.rounds);
  const longQuestion = await timeLongQuestion(qa, task.questions);
  const breakdown = await profile(qa.index, embedder, config, task.questions);
  const memory = sampler.stop();
  qa = null;

  const reloadSampler = new RssSampler();
  for (let i = 1; i < task.loads; i++) await load();
  const openMs: number[] = [];
  for (let i = 0; i < task.loads; i++) {
    collectGarbage();
    const started = performance.now();
    const loaded = await IndexStore.open(task.indexDir);
    openMs.push(performance.now() - started);
    if (!loaded) throw new BenchError(`no index in ${task.indexDir}`);
  }
  const memoryWithReloads = reloadSampler.stop();
  return {
    openMs,
    loadMs,
    questions: task.questions.length,
    rounds: task.rounds,
    ...asked,
    longQuestion,
    breakdown,
    heapUsedMb,
    memory,
    memoryWithReloads,
  };
}

/** One untimed warm-up pass, then `rounds` timed passes over the questions through the production `ask`. */
async function askQuestions(qa: QuestionAnswering, questions: readonly string[], rounds: number): Promise<Pick<ServeResult, 'latency' | 'answered'>> {
  for (const question of questions) await qa.ask(question);
  const total: number[] = [];
  const retrieve: number[] = [];
  const answer: number[] = [];
  let answered = 0;
  for (let round = 0; round < rounds; round++) {
    answered = 0;
    for (const question of questions) {
      const result = await qa.ask(question);
      total.push(result.timings.total);
      retrieve.push(result.timings.retrieve);
      answer.push(result.timings.answer);
      if (result.answer.found) answered++;
    }
  }
  return { latency: { total: summarise(total), retrieve: summarise(retrieve), answer: summarise(answer) }, answered };
}

/**
 * Latency of a pasted text of `LONG_QUESTION_CHARS` characters (the CLI's cap; the bot's /check gets such pastes):
 * every token of it is a BM25 query term and a coverage term, so this is the slow end of what users can send.
 */
async function timeLongQuestion(qa: QuestionAnswering, questions: readonly string[]): Promise<ServeResult['longQuestion']> {
  let text = '';
  for (const article of qa.index.corpus.listArticles()) {
    if (text.length >= LONG_QUESTION_CHARS) break;
    text += article.paragraphs.filter((p) => p.kind === 'body').map((p) => p.text).join('');
  }
  // Same cut as the CLI (UTF-16 units; the text is CJK, one unit per character).
  text = (text || questions.join('')).slice(0, LONG_QUESTION_CHARS);
  const timings: number[] = [];
  for (let i = 0; i < LONG_QUESTION_REPEATS + 1; i++) timings.push((await qa.ask(text)).timings.total);
  return { chars: LONG_QUESTION_CHARS, ms: median(timings.slice(1)) };
}

/**
 * One pass over the questions with the same retriever and answerer that `openQuestionAnswering` wires, but with
 * the embedder and both indexes wrapped in timers. Work done inside the retriever and answerer that cannot be
 * wrapped (tokenising candidates, normalising whole articles) is re-timed on the same inputs right after.
 */
async function profile(index: LoadedIndex, base: Embedder, config: Config, questions: readonly string[]): Promise<Breakdown> {
  const spent = { embedQuery: 0, hnswSearch: 0, bm25Search: 0 };
  let dense: string[] = [];
  let lexical: string[] = [];
  const embedder: Embedder = {
    info: base.info,
    embedDocuments: (texts) => base.embedDocuments(texts),
    async embedQuery(text) {
      const started = performance.now();
      const vector = await base.embedQuery(text);
      spent.embedQuery += performance.now() - started;
      return vector;
    },
  };
  const searchable: SearchableIndex = {
    corpus: index.corpus,
    vectors: {
      search(vector, k) {
        const started = performance.now();
        const hits = index.vectors.search(vector, k);
        spent.hnswSearch += performance.now() - started;
        dense = hits.map((h) => h.chunkId);
        return hits;
      },
    },
    lexical: {
      search(tokens, k) {
        const started = performance.now();
        const hits = index.lexical.search(tokens, k);
        spent.bm25Search += performance.now() - started;
        lexical = hits.map((h) => h.chunkId);
        return hits;
      },
      idf: (token) => index.lexical.idf(token),
    },
  };
  const retriever = new HybridRetriever({ index: searchable, embedder, settings: config.retrieval });
  const answerer = new ExtractiveAnswerer({ corpus: index.corpus, idf: (token) => index.lexical.idf(token), settings: config.answer });

  const timeIt = (work: () => void) => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
  const rows: Array<Omit<Breakdown, 'retrieveOther' | 'answerOther'>> = [];
  for (const question of questions) {
    const before = { ...spent };
    dense = [];
    lexical = [];
    const started = performance.now();
    const retrieved = await retriever.retrieve(question, RETRIEVE_LIMIT);
    const retrievedAt = performance.now();
    await answerer.answer(question, retrieved);
    const answeredAt = performance.now();

    const queryTokens = tokenizeForIndex(question);
    const tokenizeQuery = timeIt(() => tokenizeForIndex(question));
    const rerankTokenizeEst = timeIt(() => {
      for (const { id } of fuseRankings([dense, lexical], config.retrieval.rrfK).slice(0, config.retrieval.candidatesPerRetriever)) {
        const chunk = index.corpus.getChunk(id);
        if (chunk) tokenizeForIndex(`${index.corpus.getArticle(chunk.docId)?.meta.title ?? ''}\n${chunk.text}`);
      }
    });
    const analysis = analyseQuestion(question);
    const analyseQuestionEst = timeIt(() => tokenizeForIndex(analyseQuestion(question).content));
    const read = paragraphsRead(index, retrieved);
    const answerTokenizeEst = timeIt(() => {
      for (const { title, text } of read) {
        tokenizeForIndex(`${title}\n${text}`);
        for (const sentence of splitSentences(text)) tokenizeForIndex(sentence.text.trim());
      }
    });
    const articleNormaliseEst =
      analysis.people.length === 0 ? 0 : timeIt(() => read.forEach(({ articleText }) => normaliseForIndex(articleText())));
    rows.push({
      retrieve: retrievedAt - started,
      embedQuery: spent.embedQuery - before.embedQuery,
      hnswSearch: spent.hnswSearch - before.hnswSearch,
      tokenizeQuery,
      bm25Search: spent.bm25Search - before.bm25Search,
      rerankTokenizeEst,
      answer: answeredAt - retrievedAt,
      analyseQuestionEst,
      answerTokenizeEst,
      articleNormaliseEst,
      bm25Postings: queryTokens.reduce((sum, token) => sum + index.lexical.documentFrequency(token), 0),
      paragraphsRead: read.length,
    });
  }
  const avg = (key: keyof (typeof rows)[number]) => mean(rows.map((r) => r[key]));
  const parts = {
    retrieve: avg('retrieve'),
    embedQuery: avg('embedQuery'),
    hnswSearch: avg('hnswSearch'),
    tokenizeQuery: avg('tokenizeQuery'),
    bm25Search: avg('bm25Search'),
    rerankTokenizeEst: avg('rerankTokenizeEst'),
    answer: avg('answer'),
    analyseQuestionEst: avg('analyseQuestionEst'),
    answerTokenizeEst: avg('answerTokenizeEst'),
    articleNormaliseEst: avg('articleNormaliseEst'),
    bm25Postings: avg('bm25Postings'),
    paragraphsRead: avg('paragraphsRead'),
  };
  return {
    ...parts,
    retrieveOther: parts.retrieve - parts.embedQuery - parts.hnswSearch - parts.tokenizeQuery - parts.bm25Search - parts.rerankTokenizeEst,
    answerOther: parts.answer - parts.analyseQuestionEst - parts.answerTokenizeEst - parts.articleNormaliseEst,
  };
}

/** The distinct body paragraphs the extractive answerer reads for these retrieved chunks (as it walks them). */
function paragraphsRead(index: LoadedIndex, retrieved: readonly RetrievedChunk[]) {
  const seen = new Set<string>();
  const read: Array<{ title: string; text: string; articleText: () => string }> = [];
  for (const hit of retrieved.slice(0, RETRIEVE_LIMIT)) {
    const article = index.corpus.getArticle(hit.chunk.docId);
    if (!article) continue;
    for (const n of hit.chunk.paragraphNumbers) {
      const paragraph = index.corpus.getParagraph(`${hit.chunk.docId}#p${n}`);
      if (!paragraph || paragraph.kind !== 'body' || seen.has(paragraph.id)) continue;
      seen.add(paragraph.id);
      read.push({ title: article.meta.title, text: paragraph.text, articleText: () => article.paragraphs.map((p) => p.text).join('\n') });
    }
  }
  return read;
}

const raw = process.argv[2];
if (!raw) throw new BenchError('worker needs a task (JSON) as its argument');
const task = JSON.parse(raw) as WorkerTask;
const result = task.kind === 'ingest' ? await ingest(task) : await serve(task);
process.stdout.write(`${JSON.stringify(result)}\n`);
