import fs from 'node:fs';
import path from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { EmbedError } from './errors.ts';
import type { Embedder, EmbedderInfo } from './types.ts';

export type Pooling = 'cls' | 'mean';

/** How a model family wants to be used: pooling and instruction prefixes (from the model cards). */
export interface ModelProfile {
  name: string;
  pooling: Pooling;
  /** Prepended to queries (`embedQuery`). */
  queryPrefix: string;
  /** Prepended to passages (`embedDocuments`). */
  passagePrefix: string;
}

export const BGE_ZH_QUERY_PREFIX = '为这个句子生成表示以用于检索相关文章：';
export const BGE_EN_QUERY_PREFIX = 'Represent this sentence for searching relevant passages: ';

/** First match wins; matched against the model's last path segment (`bge-small-zh-v1.5`). */
export const MODEL_PROFILES: ReadonlyArray<{ pattern: RegExp; profile: ModelProfile }> = [
  // bge-m3 is CLS-pooled but takes no instruction.
  { pattern: /bge-m3/i, profile: { name: 'bge-m3', pooling: 'cls', queryPrefix: '', passagePrefix: '' } },
  { pattern: /bge.*(zh|chinese)/i, profile: { name: 'bge-zh', pooling: 'cls', queryPrefix: BGE_ZH_QUERY_PREFIX, passagePrefix: '' } },
  { pattern: /bge/i, profile: { name: 'bge-en', pooling: 'cls', queryPrefix: BGE_EN_QUERY_PREFIX, passagePrefix: '' } },
  { pattern: /e5/i, profile: { name: 'e5', pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' } },
];
export const DEFAULT_MODEL_PROFILE: ModelProfile = { name: 'default', pooling: 'mean', queryPrefix: '', passagePrefix: '' };

/** Picks the profile for a model id or local model path (pure). */
export function profileForModel(model: string): ModelProfile {
  const lastSegment = model.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? model;
  return MODEL_PROFILES.find(({ pattern }) => pattern.test(lastSegment))?.profile ?? DEFAULT_MODEL_PROFILE;
}

/** A model given as a directory: absolute, or explicitly relative (`./`, `../`). Anything else is a hub id. */
export function isLocalModelPath(model: string): boolean {
  return path.isAbsolute(model) || /^\.{1,2}([\\/]|$)/.test(model);
}

/** The embedder id for a transformers model; pooling is part of it because it changes the vectors. */
export function transformersEmbedderId(model: string, pooling: Pooling): string {
  return `transformers:${model}:${pooling}`;
}

/** Parses `transformers:<model>:<pooling>`; null when the id is not a transformers id. */
export function parseTransformersEmbedderId(id: string): { model: string; pooling: Pooling } | null {
  const match = /^transformers:(.+):(cls|mean)$/.exec(id);
  return match ? { model: match[1]!, pooling: match[2] as Pooling } : null;
}

export const DEFAULT_BATCH_SIZE = 16;
export const DEFAULT_MODEL_LOAD_TIMEOUT_MS = 60_000;

export interface TransformersEmbedderLoadOptions {
  /** Hub id (`Xenova/bge-small-zh-v1.5`) or a local model directory (absolute or `./relative`). */
  model: string;
  /** Download cache, and where hub models are looked up locally (`<modelsDir>/<owner>/<name>/`). */
  modelsDir: string;
  /** Never use the network: load only from `modelsDir` (or the local directory). */
  offline?: boolean;
  /** Give up loading after this long (a blackholed network would otherwise hang). Default 60 s. */
  loadTimeoutMs?: number;
  /** Texts per inference call. Default 16. */
  batchSize?: number;
  /**
   * Use `onnx/model_quantized.onnx` (true) or `onnx/model.onnx` (false). Default: whichever exists locally,
   * quantized preferred; quantized when nothing is cached yet (that is what Xenova repos publish).
   */
  quantized?: boolean;
  /** Overrides the profile picked by `profileForModel`. */
  profile?: ModelProfile;
}

/** The slice of the transformers.js feature-extraction pipeline this module uses. */
interface FeatureExtractor {
  (texts: string[], options: { pooling: Pooling; normalize: boolean }): Promise<{ dims: number[]; data: Float32Array }>;
  dispose(): Promise<void>;
}

/** Where transformers.js should look for a model, and whether it may download it. */
interface ModelLocation {
  /** What transformers.js is asked to load, relative to `localModelPath`. */
  modelId: string;
  localModelPath: string;
  cacheDir: string;
  allowRemoteModels: boolean;
  /** Directory where the model's files are (or will be, once downloaded). */
  directory: string;
}

function locateModel(options: TransformersEmbedderLoadOptions): ModelLocation {
  const modelsDir = path.resolve(options.modelsDir);
  if (isLocalModelPath(options.model)) {
    const directory = path.resolve(options.model);
    if (!fs.existsSync(path.join(directory, 'config.json'))) {
      throw new EmbedError(`model directory ${directory} not found or has no config.json`);
    }
    return {
      modelId: path.basename(directory),
      localModelPath: path.dirname(directory),
      cacheDir: modelsDir,
      allowRemoteModels: false,
      directory,
    };
  }
  const directory = path.join(modelsDir, options.model);
  if (options.offline && !fs.existsSync(path.join(directory, 'config.json'))) {
    const shown = path.relative(process.cwd(), modelsDir) || '.';
    throw new EmbedError(`model ${options.model} not available offline (not cached in ${shown}/)`);
  }
  // Downloads land in <modelsDir>/<owner>/<name>/, which is also where local lookups go: one layout for both.
  return { modelId: options.model, localModelPath: modelsDir, cacheDir: modelsDir, allowRemoteModels: !options.offline, directory };
}

function chooseQuantized(directory: string): boolean {
  if (fs.existsSync(path.join(directory, 'onnx', 'model_quantized.onnx'))) return true;
  return !fs.existsSync(path.join(directory, 'onnx', 'model.onnx'));
}

/**
 * transformers.js configuration is a process-wide `env` object read while files load, so loads are
 * serialised: two loads with different local paths must not interleave. A load abandoned by its timeout keeps
 * its place until the underlying request settles; a later load's own timeout covers that wait.
 */
let loadQueue: Promise<unknown> = Promise.resolve();
function exclusively<T>(task: () => Promise<T>): Promise<T> {
  const run = loadQueue.then(task, task);
  loadQueue = run.catch(() => undefined);
  return run;
}

async function openExtractor(location: ModelLocation, quantized: boolean): Promise<FeatureExtractor> {
  const { pipeline, env } = await import('@xenova/transformers');
  env.cacheDir = location.cacheDir;
  env.localModelPath = location.localModelPath;
  env.allowLocalModels = true;
  env.allowRemoteModels = location.allowRemoteModels;
  const extractor = await pipeline('feature-extraction', location.modelId, { quantized });
  return extractor as unknown as FeatureExtractor;
}

function l2Normalised(values: ArrayLike<number>): number[] {
  let norm = 0;
  for (let i = 0; i < values.length; i++) norm += values[i]! * values[i]!;
  norm = Math.sqrt(norm);
  return Array.from(values, (v) => (norm > 0 ? v / norm : 0));
}

/** Text fed to the model when probing its output dimension. */
const DIMENSION_PROBE = '维度';

/**
 * Sentence embeddings from a transformers.js (ONNX) model: bge, e5, or any BERT-like encoder. Pooling and
 * instruction prefixes follow the model's profile; vectors are L2-normalised. Create with `load`.
 */
export class TransformersEmbedder extends Embeddings implements Embedder {
  readonly info: EmbedderInfo;
  readonly profile: ModelProfile;
  readonly #extractor: FeatureExtractor;
  readonly #batchSize: number;

  private constructor(extractor: FeatureExtractor, info: EmbedderInfo, profile: ModelProfile, batchSize: number) {
    super({});
    this.#extractor = extractor;
    this.info = info;
    this.profile = profile;
    this.#batchSize = batchSize;
  }

  /**
   * Loads the model (from `modelsDir`, a local directory, or — unless offline — the Hugging Face hub) and
   * probes its output dimension. Throws `EmbedError` when the model cannot be loaded within `loadTimeoutMs`.
   */
  static async load(options: TransformersEmbedderLoadOptions): Promise<TransformersEmbedder> {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const timeoutMs = options.loadTimeoutMs ?? DEFAULT_MODEL_LOAD_TIMEOUT_MS;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new EmbedError(`batch size must be a positive integer, got ${batchSize}`);
    const location = locateModel(options);
    const profile = options.profile ?? profileForModel(options.model);
    const quantized = options.quantized ?? chooseQuantized(location.directory);
    const cachedBeforeLoad = fs.existsSync(path.join(location.directory, 'config.json'));

    const loading = exclusively(async () => {
      const extractor = await openExtractor(location, quantized);
      const probe = await extractor([DIMENSION_PROBE], { pooling: profile.pooling, normalize: false });
      return { extractor, dimension: probe.dims.at(-1) ?? 0 };
    });

    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new EmbedError(`model ${options.model} did not load within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      const { extractor, dimension } = await Promise.race([loading, timeout]);
      if (!Number.isInteger(dimension) || dimension < 1) {
        await extractor.dispose();
        throw new EmbedError(`model ${options.model} produced no usable embedding (output dims ${dimension})`);
      }
      const info = { id: transformersEmbedderId(options.model, profile.pooling), dimension };
      return new TransformersEmbedder(extractor, info, profile, batchSize);
    } catch (cause) {
      if (cause instanceof EmbedError) throw cause;
      const detail = cause instanceof Error ? cause.message : String(cause);
      const what = location.allowRemoteModels && !cachedBeforeLoad ? 'is not cached and could not be downloaded' : 'could not be loaded';
      throw new EmbedError(`model ${options.model} ${what} (${detail})`, { cause });
    } finally {
      clearTimeout(timer);
      // A load that finishes after we gave up still holds an ONNX session: release it.
      if (timedOut) loading.then((late) => late.extractor.dispose(), () => undefined);
    }
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return this.#embedAll(texts.map((text) => this.profile.passagePrefix + text));
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.#embedAll([this.profile.queryPrefix + text]);
    return vector!;
  }

  /** Releases the ONNX session. */
  async dispose(): Promise<void> {
    await this.#extractor.dispose();
  }

  async #embedAll(texts: string[]): Promise<number[][]> {
    const { dimension } = this.info;
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.#batchSize) {
      const batch = texts.slice(start, start + this.#batchSize);
      let output: { dims: number[]; data: Float32Array };
      try {
        output = await this.#extractor(batch, { pooling: this.profile.pooling, normalize: false });
      } catch (cause) {
        throw new EmbedError(`inference with ${this.info.id} failed on a batch of ${batch.length}`, { cause });
      }
      for (let row = 0; row < batch.length; row++) {
        vectors.push(l2Normalised(output.data.subarray(row * dimension, (row + 1) * dimension)));
      }
    }
    return vectors;
  }
}
