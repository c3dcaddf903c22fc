/**
 * The one place that reads the environment. Everything else receives a typed `Config`.
 * Values come from process.env (after `.env` via dotenv); bad values fail fast with the variable's name.
 */
import path from 'node:path';
import dotenv from 'dotenv';

export class ConfigError extends Error {
  constructor(message: string) {
    super(`config: ${message}`);
    this.name = 'ConfigError';
  }
}

export interface RetrievalSettings {
  /** Reciprocal-rank-fusion constant: larger k flattens the advantage of top ranks. */
  rrfK: number;
  /** How many candidates each retriever (dense, lexical) contributes before fusion. */
  candidatesPerRetriever: number;
  /** At most this many chunks of one article in the first `diversityWindow` results. */
  maxChunksPerDocInWindow: number;
  diversityWindow: number;
  /** How many fused candidates are re-scored by query-term coverage (0 disables). */
  rerankDepth: number;
  /** Weight of the normalised fusion score against coverage (0..1) when re-scoring. */
  rerankFusionWeight: number;
}

export interface AnswerSettings {
  /** Below this evidence score (0..1) the answer says the articles do not cover the question. */
  refusalFloor: number;
  /** Maximum number of sentences in an extractive answer. */
  maxSentences: number;
}

export interface ChunkSettings {
  /** Paragraphs longer than this (characters) are split at sentence ends. */
  maxChars: number;
  /** Paragraphs shorter than this are merged with a neighbour. */
  minChars: number;
}

export interface FetchSettings {
  timeoutMs: number;
  maxBytes: number;
}

export interface Config {
  indexDir: string;
  corpusDir: string;
  modelsDir: string;
  embeddingModel: string;
  /** Never try the network for model weights; use the local cache or the built-in embedder. */
  embeddingOffline: boolean;
  /** How long to wait for a model download before falling back (ms). */
  modelLoadTimeoutMs: number;
  retrieval: RetrievalSettings;
  answer: AnswerSettings;
  chunk: ChunkSettings;
  fetch: FetchSettings;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

type Env = Record<string, string | undefined>;

function readString(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value ? value : fallback;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be 1/0 (or true/false), got "${env[name]}"`);
}

function readNumber(env: Env, name: string, fallback: number, min: number, max: number, integer = true): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    const kind = integer ? 'an integer' : 'a number';
    throw new ConfigError(`${name} must be ${kind} between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
}

/**
 * Parses and validates configuration from an environment map. Pure: pass `process.env` (or a test map).
 * Relative directories resolve against `cwd`.
 */
export function parseConfig(env: Env, cwd: string = process.cwd()): Config {
  const dir = (name: string, fallback: string) => path.resolve(cwd, readString(env, name, fallback));
  const embeddingModel = readString(env, 'EMBEDDING_MODEL', 'Xenova/bge-small-zh-v1.5');
  if (!/^[\w.\-/@]+$/.test(embeddingModel) || embeddingModel.includes('..')) {
    throw new ConfigError(`EMBEDDING_MODEL must be a model id like Xenova/bge-small-zh-v1.5 or a local path, got "${embeddingModel}"`);
  }
  return {
    indexDir: dir('INDEX_DIR', 'index'),
    corpusDir: dir('CORPUS_DIR', 'data/articles'),
    modelsDir: dir('MODELS_DIR', 'models'),
    embeddingModel,
    embeddingOffline: readBoolean(env, 'EMBEDDING_OFFLINE', false),
    modelLoadTimeoutMs: readNumber(env, 'MODEL_LOAD_TIMEOUT_MS', 60_000, 100, 3_600_000),
    retrieval: {
      rrfK: readNumber(env, 'RETRIEVAL_RRF_K', 60, 1, 1000),
      candidatesPerRetriever: readNumber(env, 'RETRIEVAL_CANDIDATES', 50, 5, 1000),
      maxChunksPerDocInWindow: readNumber(env, 'RETRIEVAL_MAX_PER_DOC', 3, 1, 100),
      diversityWindow: readNumber(env, 'RETRIEVAL_DIVERSITY_WINDOW', 5, 1, 100),
      rerankDepth: readNumber(env, 'RETRIEVAL_RERANK_DEPTH', 30, 0, 1000),
      rerankFusionWeight: readNumber(env, 'RETRIEVAL_RERANK_FUSION_WEIGHT', 0.3, 0, 10, false),
    },
    answer: {
      refusalFloor: readNumber(env, 'ANSWER_REFUSAL_FLOOR', 0.25, 0, 1, false),
      maxSentences: readNumber(env, 'ANSWER_MAX_SENTENCES', 3, 1, 10),
    },
    chunk: {
      maxChars: readNumber(env, 'CHUNK_MAX_CHARS', 300, 50, 10_000),
      minChars: readNumber(env, 'CHUNK_MIN_CHARS', 20, 0, 1000),
    },
    fetch: {
      timeoutMs: readNumber(env, 'FETCH_TIMEOUT_MS', 15_000, 100, 600_000),
      maxBytes: readNumber(env, 'FETCH_MAX_BYTES', 5 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    },
    logLevel: readEnum(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
  };
}

/** Loads `.env` (if present; real environment variables win) and parses the result. */
export function loadConfig(cwd: string = process.cwd()): Config {
  dotenv.config({ path: path.join(cwd, '.env'), quiet: true });
  return parseConfig(process.env, cwd);
}
