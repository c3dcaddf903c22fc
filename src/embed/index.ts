export type { Embedder, EmbedderInfo } from './types.ts';
export { EmbedError } from './errors.ts';
export {
  DEFAULT_HASHED_DIMENSION,
  HASHED_FEATURE_WEIGHTS,
  HASHED_NGRAM_VERSION,
  HashedNgramEmbedder,
  extractHashedFeatures,
  normaliseForHashing,
  parseHashedNgramId,
  type HashedFeature,
  type HashedFeatureKind,
  type HashedNgramEmbedderOptions,
} from './hashed-ngram-embedder.ts';
export {
  BGE_EN_QUERY_PREFIX,
  BGE_ZH_QUERY_PREFIX,
  DEFAULT_BATCH_SIZE,
  DEFAULT_MODEL_LOAD_TIMEOUT_MS,
  DEFAULT_MODEL_PROFILE,
  MODEL_PROFILES,
  TransformersEmbedder,
  isLocalModelPath,
  parseTransformersEmbedderId,
  profileForModel,
  transformersEmbedderId,
  type ModelProfile,
  type Pooling,
  type TransformersEmbedderLoadOptions,
} from './transformers-embedder.ts';
export { createEmbedder, createEmbedderById, type CreateEmbedderOptions } from './create-embedder.ts';
