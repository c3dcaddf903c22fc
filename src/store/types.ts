import type { EmbedderInfo } from '../embed/types.ts';

/** A scored hit from one of the indexes. */
export interface ChunkHit {
  chunkId: string;
  score: number;
}

/** Nearest-neighbour search over chunk vectors (cosine / inner product on unit vectors). */
export interface VectorIndex {
  readonly dimension: number;
  readonly size: number;
  add(chunkId: string, vector: number[]): void;
  remove(chunkId: string): void;
  search(vector: number[], k: number): ChunkHit[];
}

/** BM25 over pre-segmented tokens (words and character bigrams); segmentation happens in `text/`. */
export interface LexicalIndex {
  readonly size: number;
  add(chunkId: string, tokens: string[]): void;
  remove(chunkId: string): void;
  /** `tokenWeights` scale a token's query weight (default 1), e.g. to count a synonym expansion for less. */
  search(queryTokens: string[], k: number, tokenWeights?: ReadonlyMap<string, number>): ChunkHit[];
}

export interface IndexCounts {
  articles: number;
  paragraphs: number;
  chunks: number;
}

/** Written last, atomically: it is what makes a generation of the index visible. */
export interface IndexManifest {
  formatVersion: number;
  embedder: EmbedderInfo;
  counts: IndexCounts;
  /** Incremented on every committed change; readers reload when it moves. */
  generation: number;
  createdAt: string;
  updatedAt: string;
}
