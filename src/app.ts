/**
 * Composition root: builds the real adapters (embedder, on-disk index, retriever, answerer) from `Config` and
 * hands them to whoever runs (CLI, terminal chat, later the bot). Nothing else wires components together.
 */
import { performance } from 'node:perf_hooks';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { createEmbedder, type Embedder } from './embed/index.ts';
import { IndexStore, assertEmbedderCompatible, StoreError, type LoadedIndex } from './store/index.ts';
import { HybridRetriever, type RetrievalMode, type RetrievedChunk, type Retriever } from './retrieve/index.ts';
import { createAnswerer, type Answer, type Answerer, type AnswerOptions } from './answer/index.ts';

/** How many chunks the answerer gets to read. */
const RETRIEVE_LIMIT = 10;

export interface AskResult {
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
    warn: (message) => log.warn(message),
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
    log,
  });
  return {
    index,
    embedder,
    retriever,
    async ask(question, options) {
      const started = performance.now();
      const retrieved = await retriever.retrieve(question, RETRIEVE_LIMIT);
      const retrievedAt = performance.now();
      const answer = await answerer.answer(question, retrieved, options);
      const finished = performance.now();
      return {
        answer,
        retrieved,
        timings: { retrieve: retrievedAt - started, answer: finished - retrievedAt, total: finished - started },
      };
    },
  };
}
