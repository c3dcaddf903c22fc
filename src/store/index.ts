export type * from './types.ts';
export { StoreError, REBUILD_HINT, type StoreErrorCode } from './errors.ts';
export { HnswVectorIndex, DEFAULT_HNSW_OPTIONS, type HnswOptions } from './hnsw-vector-index.ts';
export { Bm25LexicalIndex, DEFAULT_BM25_OPTIONS, type Bm25Options } from './bm25-lexical-index.ts';
export { CorpusStore, type CorpusReader, type CorpusSnapshot } from './corpus-store.ts';
export {
  IndexStore,
  IndexWriter,
  assertEmbedderCompatible,
  INDEX_FORMAT_VERSION,
  type CommitHooks,
  type IndexLoadOptions,
  type IndexWriterOptions,
  type LoadedIndex,
} from './index-store.ts';
export { IndexWatcher, watchLoadedIndex, DEFAULT_INDEX_POLL_MS, type IndexWatcherOptions } from './index-watcher.ts';
