/** Identifies the embedder that produced a set of vectors; recorded in the index manifest. */
export interface EmbedderInfo {
  /** e.g. `transformers:Xenova/bge-small-zh-v1.5` or `builtin:hashed-ngrams-v1`. Equal ids ⇔ compatible vectors. */
  id: string;
  dimension: number;
}

/**
 * Turns text into unit-length vectors. Implementations extend LangChain's `Embeddings` so they can be used
 * anywhere LangChain expects one; `info` is what the index manifest records.
 */
export interface Embedder {
  readonly info: EmbedderInfo;
  /** Passages (paragraph chunks), batched. Returned vectors are L2-normalised. */
  embedDocuments(texts: string[]): Promise<number[][]>;
  /** A user query (may get a model-specific instruction prefix). L2-normalised. */
  embedQuery(text: string): Promise<number[]>;
}
