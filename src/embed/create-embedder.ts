import path from 'node:path';
import { EmbedError } from './errors.ts';
import { HASHED_NGRAM_VERSION, HashedNgramEmbedder, parseHashedNgramId } from './hashed-ngram-embedder.ts';
import { parseTransformersEmbedderId, profileForModel, TransformersEmbedder } from './transformers-embedder.ts';
import type { Embedder } from './types.ts';

export interface CreateEmbedderOptions {
  /** Model cache directory (`MODELS_DIR`). */
  modelsDir: string;
  /** Hub id or local model directory (`EMBEDDING_MODEL`). */
  embeddingModel: string;
  /** Never touch the network for weights (`EMBEDDING_OFFLINE`). */
  embeddingOffline: boolean;
  /** Upper bound for loading (and downloading) the model (`MODEL_LOAD_TIMEOUT_MS`). */
  modelLoadTimeoutMs: number;
  /** Receives the one-line technical reason when the built-in embedder is used instead of the model (English). */
  warn?: (message: string) => void;
  /** Receives one Chinese line for the user when the built-in embedder is used: what it means and how to get the model. */
  notice?: (message: string) => void;
}

/** The user's line when the model cannot be loaded (Simplified Chinese; the detail goes to `warn`). */
export function offlineEmbedderNotice(model: string): string {
  return `未能载入向量模型 ${model}，已改用内置离线嵌入（可正常问答，语义检索稍弱）。如需启用模型：联网后设置 EMBEDDING_OFFLINE=0 重新运行，或把模型放入 MODELS_DIR，然后执行 npm run ingest -- --rebuild。`;
}

/**
 * The embedder the configuration asks for: the transformers model when it can be loaded (offline: only from
 * the local cache or a local directory), otherwise the built-in hashed n-gram embedder, announced with
 * exactly one `warn` line. Never throws for an unavailable model.
 */
export async function createEmbedder(options: CreateEmbedderOptions): Promise<Embedder> {
  try {
    return await TransformersEmbedder.load({
      model: options.embeddingModel,
      modelsDir: options.modelsDir,
      offline: options.embeddingOffline,
      loadTimeoutMs: options.modelLoadTimeoutMs,
    });
  } catch (error) {
    const fallback = new HashedNgramEmbedder();
    const reason = error instanceof Error ? error.message : `embed: ${String(error)}`;
    options.warn?.(
      `${reason}; using built-in hashed n-gram embedder (${fallback.info.id}) — answers still work, retrieval is less semantic`,
    );
    options.notice?.(offlineEmbedderNotice(options.embeddingModel));
    return fallback;
  }
}

/**
 * Exactly the embedder identified by `id` (as recorded in an index manifest), so queries are embedded the way
 * the index was built. No fallback: throws `EmbedError` when that embedder is unknown or cannot be loaded.
 * `builtin:hashed-ngrams-v1-d<N>` and `transformers:<model>:<cls|mean>` are understood.
 */
export async function createEmbedderById(
  id: string,
  options: Omit<CreateEmbedderOptions, 'embeddingModel' | 'warn'>,
): Promise<Embedder> {
  const hashed = parseHashedNgramId(id);
  if (hashed) {
    if (hashed.version !== HASHED_NGRAM_VERSION) {
      throw new EmbedError(`embedder ${id} is from another version of the built-in algorithm (this build has ${HASHED_NGRAM_VERSION})`);
    }
    return new HashedNgramEmbedder({ dimension: hashed.dimension });
  }
  const transformers = parseTransformersEmbedderId(id);
  if (transformers) {
    return TransformersEmbedder.load({
      model: transformers.model,
      modelsDir: path.resolve(options.modelsDir),
      offline: options.embeddingOffline,
      loadTimeoutMs: options.modelLoadTimeoutMs,
      profile: { ...profileForModel(transformers.model), pooling: transformers.pooling },
    });
  }
  throw new EmbedError(`unknown embedder id "${id}"`);
}
