/**
 * Composition root: builds the real adapters (embedder, on-disk index, retriever, answerer, fact checker, digest,
 * Telegram bot with its features) from `Config` and hands them to whoever runs (CLI, terminal chat, bot). Nothing
 * else wires components together.
 */
import { performance } from 'node:perf_hooks';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { createEmbedder, type Embedder } from './embed/index.ts';
import { IndexStore, assertEmbedderCompatible, StoreError, type LoadedIndex } from './store/index.ts';
import { HybridRetriever, type CorpusView, type RetrievalMode, type RetrievedChunk, type Retriever } from './retrieve/index.ts';
import { createAnswerer, mergeAnswers, splitCompound, type Answer, type CompoundPart, type Answerer, type AnswerOptions } from './answer/index.ts';
import { Api } from 'grammy';
import { readBotNetworkSettings } from './config.ts';
import { createLogger } from './log.ts';
import {
  budgetedRetry,
  createBot,
  createIndexMaintenance,
  DEFAULT_RETRY,
  DEFAULT_API_ROOT,
  checkFeature,
  digestFeature,
  renderDigestHtml,
  toursFeature,
  runBot,
  type BotContext,
  type BotFeature,
  type KnowledgeSource,
} from './bot/index.ts';
import { DigestDatabase, DigestService, telegramTransport } from './digest/index.ts';
import { EvidenceFactChecker, type FactChecker } from './factcheck/index.ts';
import { IndexWatcher } from './store/index.ts';
import { toursOf } from './tours/index.ts';
import { HomophoneSpeller } from './text/index.ts';
import { watchCorpus } from './cli/watch-corpus.ts';
import type { Bot } from 'grammy';

/** How many chunks the answerer gets to read. */
const RETRIEVE_LIMIT = 10;

export interface AskResult {
  /** The question as answered: typos read as the articles' words (陪通 → 陪同); the asked text when none. */
  understood: string;
  answer: Answer;
  retrieved: RetrievedChunk[];
  timings: { retrieve: number; answer: number; total: number };
}

/** Everything needed to answer questions over one loaded index generation. */
export interface QuestionAnswering {
  readonly index: LoadedIndex;
  readonly embedder: Embedder;
  readonly retriever: Retriever;
  ask(question: string, options?: AnswerOptions): Promise<AskResult>;
}

/** Creates the embedder the configuration asks for (falling back to the built-in one, with a warning). */
export function embedderFor(config: Config, log: Logger): Promise<Embedder> {
  return createEmbedder({
    modelsDir: config.modelsDir,
    embeddingModel: config.embeddingModel,
    embeddingOffline: config.embeddingOffline,
    modelLoadTimeoutMs: config.modelLoadTimeoutMs,
    // One Chinese line for the user; the technical reason only in the debug log.
    warn: (message) => log.debug(message),
    notice: (message) => log.info(message),
  });
}

/** Loads the index from `config.indexDir` and wires retrieval and answering over it. */
export async function openQuestionAnswering(
  config: Config,
  log: Logger,
  options: { mode?: RetrievalMode; embedder?: Embedder } = {},
): Promise<QuestionAnswering> {
  const index = await IndexStore.open(config.indexDir);
  if (!index) {
    throw new StoreError(`no index in ${config.indexDir} — build it with: npm run ingest -- ${config.corpusDir}`);
  }
  const embedder = options.embedder ?? (await embedderFor(config, log));
  assertEmbedderCompatible(index.manifest, embedder.info);
  const retriever = new HybridRetriever({ index, embedder, settings: config.retrieval, mode: options.mode });
  // Extractive by default; with LLM_BASE_URL an LLM answerer whose every sentence is checked (extractive fallback).
  const answerer: Answerer = await createAnswerer(config, {
    corpus: index.corpus,
    idf: (token) => index.lexical.idf(token),
    documentFrequency: (token) => index.lexical.documentFrequency(token),
    // Tour cards of this generation (computed once, on the first question that needs them).
    cards: () => toursOf(index.corpus),
    log,
  });
  let speller: HomophoneSpeller | null | undefined;
  // Built on the first question of this generation (a fraction of a second for thousands of paragraphs), not at
  // start; a corpus above ANSWER_TYPO_MAX_PARAGRAPHS is not read for typos at all.
  const spellerOf = () =>
    (speller ??= index.corpus.counts.paragraphs <= config.answer.typoMaxParagraphs ? new HomophoneSpeller(articleTexts(index.corpus)) : null);
  return {
    index,
    embedder,
    retriever,
    async ask(asked, options) {
      const started = performance.now();
      const question = spellerOf()?.correct(asked).text ?? asked;
      const askOne = async (text: string) => {
        const begun = performance.now();
        const retrieved = await retriever.retrieve(text, RETRIEVE_LIMIT);
        const retrievedAt = performance.now();
        const answer = await answerer.answer(text, retrieved, options);
        return { answer, retrieved: citedFirst(retrieved, answer, index.corpus), retrieveMs: retrievedAt - begun, answerMs: performance.now() - retrievedAt };
      };
      // "在哪开的，哪天？": each asking clause is answered on its own, then the answers are joined.
      const parts = splitCompound(question);
      if (parts.length === 1) {
        const { answer, retrieved, retrieveMs, answerMs } = await askOne(question);
        return { understood: question, answer, retrieved, timings: { retrieve: retrieveMs, answer: answerMs, total: performance.now() - started } };
      }
      const answered: Array<CompoundPart & Awaited<ReturnType<typeof askOne>>> = [];
      for (const part of parts) answered.push({ ...part, ...(await askOne(part.question)) });
      const seen = new Set<string>();
      // The first part's ranking leads; later parts add what it did not retrieve.
      const retrieved = answered.flatMap((a) => a.retrieved).filter(({ chunk }) => !seen.has(chunk.id) && Boolean(seen.add(chunk.id)));
      const sum = (pick: (a: (typeof answered)[number]) => number) => answered.reduce((total, a) => total + pick(a), 0);
      return {
        understood: question,
        answer: mergeAnswers(question, answered),
        retrieved,
        timings: { retrieve: sum((a) => a.retrieveMs), answer: sum((a) => a.answerMs), total: performance.now() - started },
      };
    },
  };
}

/** Titles and paragraphs of every article: the words a question's typos are corrected against. */
function* articleTexts(corpus: LoadedIndex['corpus']): Iterable<string> {
  for (const article of corpus.listArticles()) {
    yield article.meta.title;
    for (const paragraph of article.paragraphs) yield paragraph.text;
  }
}

/**
 * The retrieved chunks with those holding the answer's cited paragraphs first, in citation order: the answerer
 * reads every sentence of them (and the paragraph after the best ones), so its choice is the better ranking of the
 * evidence — a second-stage reranker. A cited paragraph read as a continuation joins the list with its chunk.
 */
function citedFirst(retrieved: RetrievedChunk[], answer: Answer, chunks: Pick<CorpusView, 'getChunk'>): RetrievedChunk[] {
  if (!answer.found || retrieved.length === 0) return retrieved;
  const holds = (hit: RetrievedChunk, c: Answer['citations'][number]) => hit.chunk.docId === c.docId && hit.chunk.paragraphNumbers.includes(c.paragraph);
  const front: RetrievedChunk[] = [];
  for (const citation of answer.citations) {
    if (front.some((hit) => holds(hit, citation))) continue;
    const hit = retrieved.find((h) => holds(h, citation)) ?? chunkHolding(chunks, citation.docId, citation.paragraph, retrieved[0]!.score);
    if (hit) front.push(hit);
  }
  return [...front, ...retrieved.filter((hit) => !front.includes(hit))];
}

/** The chunk of an article that holds paragraph `n` (chunks are numbered in article order), as a retrieved hit. */
function chunkHolding(chunks: Pick<CorpusView, 'getChunk'>, docId: string, n: number, score: number): RetrievedChunk | null {
  for (let k = 1; k <= MAX_CHUNKS_PER_PARAGRAPH * n; k += 1) {
    const chunk = chunks.getChunk(`${docId}#c${k}`);
    if (!chunk) return null;
    if (chunk.paragraphNumbers.includes(n)) return { chunk, score, denseRank: null, lexicalRank: null };
    if (Math.min(...chunk.paragraphNumbers) > n) return null;
  }
  return null;
}

/** Bound on the chunk search: a paragraph is rarely cut into more chunks than this. */
const MAX_CHUNKS_PER_PARAGRAPH = 4;

/** A fact checker over whatever index `current()` returns, rebuilt only when the index generation changes. */
export function currentFactChecker(current: () => QuestionAnswering): FactChecker {
  let cached: { generation: number; checker: FactChecker } | undefined;
  return {
    check(claim, options) {
      const qa = current();
      const generation = qa.index.manifest.generation;
      if (cached?.generation !== generation) {
        cached = { generation, checker: new EvidenceFactChecker({ retriever: qa.retriever, corpus: qa.index.corpus }) };
      }
      return cached.checker.check(claim, options);
    },
  };
}

/** The index generations the bot serves (an `IndexWatcher` in production, a fixed one in the soak and tests). */
export interface ServedKnowledge extends KnowledgeSource {
  current(): QuestionAnswering;
}

export interface TelegramBotDeps {
  /** A logger that masks the bot token. */
  log: Logger;
  embedder: Embedder;
  /** Mount the daily digest (SQLite under DATA_DIR); default true. */
  digest?: boolean;
}

export interface TelegramApp {
  readonly bot: Bot<BotContext>;
  /** Connects (logging retries, giving up after TELEGRAM_START_TIMEOUT_MS), starts serving and the digest. */
  run(options?: { pollTimeoutSeconds?: number }): Promise<{ mode: 'polling' | 'webhook'; stop(): Promise<void> }>;
}

/**
 * Builds the bot with every feature (ask, sources, check, digest, tours, admin, inline). The digest delivers
 * through its own Bot API client with the same retry budget, so the digest service and the bot do not need
 * each other to exist first.
 */
export function createTelegramBot(config: Config, knowledge: ServedKnowledge, deps: TelegramBotDeps): TelegramApp {
  const { log, embedder } = deps;
  const network = readBotNetworkSettings();
  const retry = { ...DEFAULT_RETRY, totalBudgetMs: network.retryBudgetMs };
  const features: BotFeature[] = [checkFeature(currentFactChecker(() => knowledge.current()), { maxClaimChars: config.maxQuestionChars, log })];
  let digest: { service: DigestService; db: DigestDatabase } | undefined;
  if (deps.digest !== false) {
    const api = new Api(config.telegram.token!, { apiRoot: config.telegram.apiRoot ?? DEFAULT_API_ROOT });
    api.config.use(budgetedRetry(retry));
    const db = DigestDatabase.open(config.dataDir);
    const service = new DigestService({ db, index: () => knowledge.current().index, transport: telegramTransport(api), render: renderDigestHtml, defaults: config.digest, log });
    digest = { service, db };
    features.push(digestFeature(service, { log }));
  }
  features.push(toursFeature());
  const bot = createBot({
    features,
    knowledge,
    telegram: config.telegram,
    maxQuestionChars: config.maxQuestionChars,
    log,
    retry,
    maintenance: createIndexMaintenance({
      indexDir: config.indexDir,
      corpusDir: config.corpusDir,
      embedder,
      chunk: config.chunk,
      fetch: config.fetch,
      uploadMaxBytes: config.telegram.uploadMaxBytes,
    }),
  });
  return {
    bot,
    async run(options = {}) {
      let running;
      try {
        running = await runBot(bot, { telegram: config.telegram, log, features, startTimeoutMs: network.startTimeoutMs, pollTimeoutSeconds: options.pollTimeoutSeconds });
        await digest?.service.start();
      } catch (error) {
        await running?.stop();
        digest?.db.close();
        throw error;
      }
      const started = running;
      return {
        mode: started.mode,
        async stop() {
          await Promise.all([digest?.service.stop(), started.stop()]);
          digest?.db.close();
        },
      };
    },
  };
}

/**
 * `npm start` with a token: the bot over the index on disk, reloading it when `npm run ingest` (or an upload)
 * commits a new generation, plus WATCH_CORPUS ingestion. Returns a handle to stop everything.
 */
export async function startTelegram(config: Config, qa: QuestionAnswering, embedder: Embedder): Promise<{ mode: 'polling' | 'webhook'; stop(): Promise<void> }> {
  // Everything from here on may carry the token (grammY errors, URLs): this logger masks it.
  const log = createLogger(config.logLevel, [config.telegram.token!, config.llm.apiKey].filter((s): s is string => Boolean(s)));
  const watcher = new IndexWatcher<QuestionAnswering>({
    dir: config.indexDir,
    initial: qa,
    load: () => openQuestionAnswering(config, log, { embedder }),
    generationOf: (current) => current.index.manifest.generation,
    onReload: (next) => {
      const { articles, paragraphs } = next.index.manifest.counts;
      log.info(`bot: index reloaded (generation ${next.index.manifest.generation}: ${articles} articles, ${paragraphs} paragraphs)`);
    },
    onError: (error) => log.warn(`bot: index reload failed, still serving the previous one: ${error instanceof Error ? error.message : String(error)}`),
  }).start();
  const app = createTelegramBot(config, { current: () => watcher.current, reload: () => watcher.check() }, { log, embedder });
  let running;
  try {
    running = await app.run();
  } catch (error) {
    watcher.stop();
    throw error;
  }
  const stopCorpusWatch = config.digest.watchCorpus ? watchCorpus({ config, embedder, log, onIngested: () => void watcher.check() }) : () => {};
  const started = running;
  return {
    mode: started.mode,
    async stop() {
      watcher.stop();
      stopCorpusWatch();
      await started.stop();
    },
  };
}
