/** What the benchmark's parent asks of a worker process, and what the worker reports back (as one JSON line). */
import type { LatencySummary } from './stats.ts';

export type WorkerTask =
  | { kind: 'ingest'; corpusDir: string; indexDir: string }
  | { kind: 'serve'; indexDir: string; questions: string[]; rounds: number; loads: number };

export interface MemoryPeak {
  /** Highest `process.memoryUsage().rss` seen by the sampler (MiB). */
  sampledPeakMb: number;
  /** `process.resourceUsage().maxRSS` at the end of the phase (MiB): the kernel's high-water mark. */
  maxRssMb: number;
}

export interface IngestResult {
  embedderId: string;
  seconds: number;
  /** From the last input handled to the end of `ingestInputs`: writing and fsyncing the generation. */
  commitSeconds: number;
  /** Spent inside `embedDocuments`. */
  embedSeconds: number;
  outcomes: Record<string, number>;
  /** A few inputs that were not added (duplicate/rejected), with the reason, to judge the synthetic corpus. */
  notAdded: string[];
  counts: { articles: number; paragraphs: number; chunks: number };
  memory: MemoryPeak;
}

/**
 * Mean milliseconds per question of each part of answering, from one instrumented pass. Entries marked `est` are
 * re-timed outside the component (the same calls on the same inputs), so they approximate its share; `other`
 * is the remainder (fusion, sorting, regexes, object churn).
 */
export interface Breakdown {
  retrieve: number;
  embedQuery: number;
  hnswSearch: number;
  tokenizeQuery: number;
  bm25Search: number;
  rerankTokenizeEst: number;
  retrieveOther: number;
  answer: number;
  analyseQuestionEst: number;
  answerTokenizeEst: number;
  articleNormaliseEst: number;
  answerOther: number;
  /** Mean number of posting-list entries BM25 walks per question (sum of document frequencies of query tokens). */
  bm25Postings: number;
  /** Mean number of distinct body paragraphs the answerer reads per question. */
  paragraphsRead: number;
}

export interface ServeResult {
  /** `IndexStore.open` durations (ms). */
  openMs: number[];
  /** `openQuestionAnswering` durations (ms): what the CLI and bot pay at start-up. */
  loadMs: number[];
  questions: number;
  rounds: number;
  latency: { total: LatencySummary; retrieve: LatencySummary; answer: LatencySummary };
  /** Questions answered (not refused) in the last timed round. */
  answered: number;
  /** Median latency of one pasted text of `chars` characters as the question. */
  longQuestion: { chars: number; ms: number };
  breakdown: Breakdown;
  /** JS heap after the first load (after a full GC). */
  heapUsedMb: number;
  /** One loaded index answering all questions: what a running bot holds. */
  memory: MemoryPeak;
  /** Including the repeated loads for the load-time median (earlier indexes are freed lazily). */
  memoryWithReloads: MemoryPeak;
}
