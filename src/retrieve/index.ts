export type { CorpusView, RetrievalMode, RetrievedChunk, Retriever, SearchableIndex } from './types.ts';
export { HybridRetriever, type HybridRetrieverOptions } from './hybrid-retriever.ts';
export { diversify, fuseRankings } from './fuse.ts';
export { RetrievalError } from './errors.ts';
