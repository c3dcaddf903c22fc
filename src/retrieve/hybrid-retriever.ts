import type { Embedder } from '../embed/index.ts';
import { tokenizeForIndex } from '../text/index.ts';
import type { RetrievalSettings } from '../config.ts';
import { diversify, fuseRankings } from './fuse.ts';
import { rerankByCoverage, weightedCoverage } from './rerank.ts';
import type { RetrievalMode, RetrievedChunk, Retriever, SearchableIndex } from './types.ts';
import { RetrievalError } from './errors.ts';

export interface HybridRetrieverOptions {
  index: SearchableIndex;
  embedder: Embedder;
  settings: RetrievalSettings;
  mode?: RetrievalMode;
}

/**
 * Dense (embedding) + lexical (BM25) retrieval fused with reciprocal rank fusion, then lightly diversified
 * across articles. Both retrievers see the same normalised query (numerals, full-width forms).
 */
export class HybridRetriever implements Retriever {
  readonly #index: SearchableIndex;
  readonly #embedder: Embedder;
  readonly #settings: RetrievalSettings;
  readonly #mode: RetrievalMode;

  constructor(options: HybridRetrieverOptions) {
    this.#index = options.index;
    this.#embedder = options.embedder;
    this.#settings = options.settings;
    this.#mode = options.mode ?? 'hybrid';
  }

  async retrieve(question: string, limit: number): Promise<RetrievedChunk[]> {
    const query = question.trim();
    if (!query) return [];
    const candidates = Math.max(this.#settings.candidatesPerRetriever, limit);
    const dense = this.#mode === 'lexical' ? [] : await this.#denseIds(query, candidates);
    const queryTokens = tokenizeForIndex(query);
    const lexical = this.#mode === 'dense' ? [] : this.#index.lexical.search(queryTokens, candidates).map((h) => h.chunkId);

    const denseRank = new Map(dense.map((id, i) => [id, i + 1]));
    const lexicalRank = new Map(lexical.map((id, i) => [id, i + 1]));
    const fused = fuseRankings([dense, lexical], this.#settings.rrfK).flatMap(({ id, score }) => {
      const chunk = this.#index.corpus.getChunk(id);
      return chunk ? [{ chunk, score, denseRank: denseRank.get(id) ?? null, lexicalRank: lexicalRank.get(id) ?? null }] : [];
    });
    const reranked = this.#mode === 'hybrid' ? this.#rerank(fused, queryTokens) : fused;
    const diverse = diversify(reranked, (r) => r.chunk.docId, this.#settings.diversityWindow, this.#settings.maxChunksPerDocInWindow);
    return diverse.slice(0, limit);
  }

  #rerank(fused: RetrievedChunk[], queryTokens: string[]): RetrievedChunk[] {
    const weights = new Map([...new Set(queryTokens)].map((t) => [t, this.#index.lexical.idf(t)]));
    const coverageOf = (r: RetrievedChunk) => {
      const title = this.#index.corpus.getArticle(r.chunk.docId)?.meta.title ?? '';
      return weightedCoverage(weights, new Set(tokenizeForIndex(`${title}\n${r.chunk.text}`)));
    };
    return rerankByCoverage(fused, coverageOf, this.#settings.rerankDepth, this.#settings.rerankFusionWeight);
  }

  async #denseIds(query: string, k: number): Promise<string[]> {
    let vector: number[];
    try {
      vector = await this.#embedder.embedQuery(query);
    } catch (cause) {
      throw new RetrievalError(`could not embed the query with ${this.#embedder.info.id}`, { cause });
    }
    // Punctuation-only queries embed to the zero vector, which has no direction to search along.
    if (!vector.some((x) => x !== 0)) return [];
    return this.#index.vectors.search(vector, k).map((h) => h.chunkId);
  }
}
