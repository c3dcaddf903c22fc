import type { Article, Chunk, Paragraph } from '../domain.ts';
import type { ChunkHit } from '../store/types.ts';

/** Which signals a retriever uses; `hybrid` is the product default, the others exist for evaluation. */
export type RetrievalMode = 'hybrid' | 'dense' | 'lexical';

/** A chunk chosen by the retriever, with its fused score and the ranks it had in each source list. */
export interface RetrievedChunk {
  chunk: Chunk;
  /** Fused score (higher is better); comparable only within one result list. */
  score: number;
  denseRank: number | null;
  lexicalRank: number | null;
}

export interface Retriever {
  retrieve(question: string, limit: number): Promise<RetrievedChunk[]>;
}

/** The read-only view of the corpus that retrieval and answering need. */
export interface CorpusView {
  getArticle(docId: string): Article | undefined;
  getParagraph(paragraphId: string): Paragraph | undefined;
  getChunk(chunkId: string): Chunk | undefined;
}

/** The search surface of a loaded index, narrowed to what this stage uses. */
export interface SearchableIndex {
  corpus: CorpusView;
  vectors: { search(vector: number[], k: number): ChunkHit[] };
  lexical: { search(queryTokens: string[], k: number, tokenWeights?: ReadonlyMap<string, number>): ChunkHit[]; idf(token: string): number };
}
