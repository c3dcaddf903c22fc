import { BoundedMap } from '../bounded-map.ts';
import type { Embedder } from '../embed/index.ts';
import { tokenizeForIndex } from '../text/index.ts';
import type { RetrievalSettings } from '../config.ts';
import { diversify } from './fuse.ts';
import { expandQuery } from './expand.ts';
import { weightedCoverage } from './rerank.ts';
import type { RetrievalMode, RetrievedChunk, Retriever, SearchableIndex } from './types.ts';
import { RetrievalError } from './errors.ts';

export interface HybridRetrieverOptions {
  index: SearchableIndex;
  embedder: Embedder;
  settings: RetrievalSettings;
  mode?: RetrievalMode;
}

/** The built-in hashed embedder's ids start like this; a real model's weight is set separately. */
const BUILT_IN_EMBEDDER = /^builtin:/;

/**
 * Lexical (BM25 over the question and its lexicon expansions) + dense (embedding) retrieval, combined by
 * weighted scores: `bm25 / best bm25 + denseWeight × cosine + coverage × (share of the question's IDF weight in
 * the chunk) + context × (the same over the article's title and the chunk)`. The dense weight depends on the
 * embedder: the built-in hashed embedder is weak and must not drag a good lexical ranking down; a real model
 * counts for more. The article context lets a paragraph that says only 代表团 be found for 某某代表团.
 */
export class HybridRetriever implements Retriever {
  readonly #index: SearchableIndex;
  readonly #embedder: Embedder;
  readonly #settings: RetrievalSettings;
  readonly #mode: RetrievalMode;
  readonly #denseWeight: number;
  readonly #titleTokens = new BoundedMap<string, Set<string>>(10_000);
  /** Index tokens of chunk texts: the index never changes under a retriever, and segmenting is the costly part. */
  readonly #chunkTokens = new BoundedMap<string, Set<string>>(50_000);

  constructor(options: HybridRetrieverOptions) {
    this.#index = options.index;
    this.#embedder = options.embedder;
    this.#settings = options.settings;
    this.#mode = options.mode ?? 'hybrid';
    this.#denseWeight = BUILT_IN_EMBEDDER.test(options.embedder.info.id)
      ? options.settings.denseWeightBuiltIn
      : options.settings.denseWeightModel;
  }

  async retrieve(question: string, limit: number): Promise<RetrievedChunk[]> {
    const query = question.trim();
    if (!query) return [];
    const candidates = Math.max(this.#settings.candidatesPerRetriever, limit);
    const expanded = expandQuery(query, this.#settings.expansionWeight);
    const lexicalHits = this.#mode === 'dense' ? [] : this.#index.lexical.search(expanded.tokens, candidates, expanded.weights);
    const denseHits = this.#mode === 'lexical' ? [] : await this.#denseHits(query, candidates);

    const bestLexical = lexicalHits[0]?.score || 1;
    const scored = new Map<string, { lexical: number; dense: number; lexicalRank: number | null; denseRank: number | null }>();
    lexicalHits.forEach((hit, i) => scored.set(hit.chunkId, { lexical: hit.score / bestLexical, dense: 0, lexicalRank: i + 1, denseRank: null }));
    denseHits.forEach((hit, i) => {
      const entry = scored.get(hit.chunkId) ?? { lexical: 0, dense: 0, lexicalRank: null, denseRank: null };
      entry.dense = hit.score;
      entry.denseRank = i + 1;
      scored.set(hit.chunkId, entry);
    });

    const weights = new Map([...new Set(expanded.original)].map((t) => [t, this.#index.lexical.idf(t)]));
    const denseWeight = this.#mode === 'dense' ? 1 : this.#denseWeight;
    const ranked: RetrievedChunk[] = [];
    for (const [chunkId, entry] of scored) {
      const chunk = this.#index.corpus.getChunk(chunkId);
      if (!chunk) continue;
      let score = entry.lexical + denseWeight * entry.dense;
      if (this.#mode !== 'dense') {
        const own = this.#chunkTokens.getOrCreate(chunk.id, () => new Set(tokenizeForIndex(chunk.text)));
        const withContext = new Set([...own, ...this.#articleContextTokens(chunk.docId)]);
        score += this.#settings.coverageWeight * weightedCoverage(weights, own);
        score += this.#settings.contextWeight * weightedCoverage(weights, withContext);
      }
      ranked.push({ chunk, score, denseRank: entry.denseRank, lexicalRank: entry.lexicalRank });
    }
    ranked.sort((a, b) => b.score - a.score || a.chunk.id.localeCompare(b.chunk.id));
    const diverse = diversify(ranked, (r) => r.chunk.docId, this.#settings.diversityWindow, this.#settings.maxChunksPerDocInWindow);
    return diverse.slice(0, limit);
  }

  /** Tokens of the article's title: the delegation and places a paragraph's own text may leave out. */
  #articleContextTokens(docId: string): Set<string> {
    return this.#titleTokens.getOrCreate(docId, () => new Set(tokenizeForIndex(this.#index.corpus.getArticle(docId)?.meta.title ?? '')));
  }

  async #denseHits(query: string, k: number): Promise<Array<{ chunkId: string; score: number }>> {
    let vector: number[];
    try {
      vector = await this.#embedder.embedQuery(query);
    } catch (cause) {
      throw new RetrievalError(`could not embed the query with ${this.#embedder.info.id}`, { cause });
    }
    // Punctuation-only queries embed to the zero vector, which has no direction to search along.
    if (!vector.some((x) => x !== 0)) return [];
    return this.#index.vectors.search(vector, k);
  }
}
