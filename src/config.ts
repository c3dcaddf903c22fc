/**
 * The one place that reads the environment. Everything else receives a typed `Config`.
 * Values come from process.env (after `.env` via dotenv); bad values fail fast with the variable's name.
 */
import path from 'node:path';
import dotenv from 'dotenv';
import { DEFAULT_FEATURE_WEIGHTS, FEATURE_NAMES, type FeatureWeights } from './answer/features.ts';

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
  /** Weight of the dense (embedding) similarity when the built-in hashed embedder built the index. */
  denseWeightBuiltIn: number;
  /** Weight of the dense similarity with a real embedding model. */
  denseWeightModel: number;
  /** Weight of the share of the question's IDF weight found in the chunk itself. */
  coverageWeight: number;
  /** Weight of the same share over the article's title and the chunk (the delegation a paragraph leaves out). */
  contextWeight: number;
  /** Query weight of a lexicon expansion (synonym, provinces of a regional name) against 1 for a typed word. */
  expansionWeight: number;
}

export interface AnswerSettings {
  /** Below this evidence score (0..1) the answer says the articles do not cover the question. */
  refusalFloor: number;
  /** Maximum number of sentences in an extractive answer. */
  maxSentences: number;
  /** Below this share of the question found in the answer's paragraph and title, the answer is "not found". */
  minContextCoverage: number;
  /** Weights of the answerer's named features (src/answer/features.ts). */
  weights: FeatureWeights;
  /**
   * Largest index (in paragraphs) whose questions are read for homophone typos: the speller's tables are built on the
   * first question of a generation, in time and memory growing with the corpus; above this, questions are taken as typed.
   */
  typoMaxParagraphs: number;
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

export interface TelegramSettings {
  /** Bot token from @BotFather; undefined = no bot (terminal chat). Never log it. */
  token: string | undefined;
  /** Bot API server root (self-hosted server or a local emulator in tests); undefined = api.telegram.org. */
  apiRoot: string | undefined;
  /** Public HTTPS URL for webhook mode; undefined = long polling. */
  webhookUrl: string | undefined;
  /** Secret token Telegram echoes in X-Telegram-Bot-Api-Secret-Token (webhook mode). */
  webhookSecret: string | undefined;
  /** Port the webhook HTTP server listens on. */
  port: number;
  /** Chats (users or groups) allowed to use the bot; empty = everyone. */
  allowedChatIds: number[];
  /** Users allowed to run admin commands (/stats, /reindex, document ingest). */
  adminUserIds: number[];
  /** Questions per user per minute before the friendly rate-limit message. */
  rateLimitPerMinute: number;
  /** Largest document (bytes) an admin may send for ingestion. */
  uploadMaxBytes: number;
  /** How long a chat's follow-up context lives (ms). */
  followUpTtlMs: number;
}

export interface DigestSettings {
  /** Default delivery time (HH:MM) for /subscribe without a time. */
  defaultTime: string;
  /** Default IANA timezone of new subscriptions. */
  defaultTimezone: string;
  /** Watch CORPUS_DIR and ingest new files while the bot runs. */
  watchCorpus: boolean;
}

export interface LlmSettings {
  /** OpenAI-compatible base URL (e.g. https://api.deepseek.com/v1); undefined = extractive answers only. */
  baseUrl: string | undefined;
  model: string | undefined;
  /** Never log it. */
  apiKey: string | undefined;
  timeoutMs: number;
  maxTokens: number;
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
  /** Questions longer than this (characters) get a clear message instead of an answer. */
  maxQuestionChars: number;
  /** Application state (SQLite database for subscriptions and deliveries). */
  dataDir: string;
  telegram: TelegramSettings;
  digest: DigestSettings;
  llm: LlmSettings;
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

function readOptional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function readUrl(env: Env, name: string): string | undefined {
  const raw = readOptional(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function readIdList(env: Env, name: string): number[] {
  const raw = readOptional(env, name);
  if (raw === undefined) return [];
  return raw.split(/[\s,]+/).filter(Boolean).map((item) => {
    const id = Number(item);
    if (!Number.isSafeInteger(id)) {
      throw new ConfigError(`${name} must be a comma-separated list of numeric Telegram ids, got "${item}"`);
    }
    return id;
  });
}

function readTimeOfDay(env: Env, name: string, fallback: string): string {
  const raw = readString(env, name, fallback);
  const match = /^(\d{1,2}):(\d{2})$/.exec(raw);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
    throw new ConfigError(`${name} must be a time HH:MM (00:00–23:59), got "${raw}"`);
  }
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

function readTimezone(env: Env, name: string, fallback: string): string {
  const raw = readString(env, name, fallback);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: raw });
  } catch {
    throw new ConfigError(`${name} must be an IANA timezone like Asia/Shanghai, got "${raw}"`);
  }
  return raw;
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
      denseWeightBuiltIn: readNumber(env, 'RETRIEVAL_DENSE_WEIGHT_BUILTIN', 0.1, 0, 10, false),
      denseWeightModel: readNumber(env, 'RETRIEVAL_DENSE_WEIGHT_MODEL', 0.6, 0, 10, false),
      coverageWeight: readNumber(env, 'RETRIEVAL_COVERAGE_WEIGHT', 1, 0, 10, false),
      contextWeight: readNumber(env, 'RETRIEVAL_CONTEXT_WEIGHT', 1, 0, 10, false),
      expansionWeight: readNumber(env, 'RETRIEVAL_EXPANSION_WEIGHT', 0.4, 0, 1, false),
    },
    answer: {
      refusalFloor: readNumber(env, 'ANSWER_REFUSAL_FLOOR', 0.25, 0, 1, false),
      maxSentences: readNumber(env, 'ANSWER_MAX_SENTENCES', 3, 1, 10),
      minContextCoverage: readNumber(env, 'ANSWER_MIN_CONTEXT_COVERAGE', 0.2, 0, 1, false),
      weights: readFeatureWeights(env),
      typoMaxParagraphs: readNumber(env, 'ANSWER_TYPO_MAX_PARAGRAPHS', 20_000, 0, 10_000_000),
    },
    chunk: {
      maxChars: readNumber(env, 'CHUNK_MAX_CHARS', 300, 50, 10_000),
      minChars: readNumber(env, 'CHUNK_MIN_CHARS', 0, 0, 1000),
    },
    fetch: {
      timeoutMs: readNumber(env, 'FETCH_TIMEOUT_MS', 15_000, 100, 600_000),
      maxBytes: readNumber(env, 'FETCH_MAX_BYTES', 5 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    },
    logLevel: readEnum(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    maxQuestionChars: readNumber(env, 'MAX_QUESTION_CHARS', 500, 10, 100_000),
    dataDir: dir('DATA_DIR', 'data/state'),
    telegram: readTelegram(env),
    digest: {
      defaultTime: readTimeOfDay(env, 'DIGEST_DEFAULT_TIME', '08:00'),
      defaultTimezone: readTimezone(env, 'DIGEST_DEFAULT_TIMEZONE', 'Asia/Shanghai'),
      watchCorpus: readBoolean(env, 'WATCH_CORPUS', false),
    },
    llm: readLlm(env),
  };
}

function readTelegram(env: Env): TelegramSettings {
  const token = readOptional(env, 'TELEGRAM_BOT_TOKEN');
  // Tokens look like 123456:ABC-def; checking the shape catches pasted quotes and spaces early.
  if (token !== undefined && !/^\d+:[\w-]+$/.test(token)) {
    throw new ConfigError('TELEGRAM_BOT_TOKEN must look like 123456789:AA… (digits, colon, letters); check for quotes or spaces');
  }
  const webhookUrl = readUrl(env, 'WEBHOOK_URL');
  const webhookSecret = readOptional(env, 'WEBHOOK_SECRET');
  if (webhookSecret !== undefined && !/^[\w-]{1,256}$/.test(webhookSecret)) {
    throw new ConfigError('WEBHOOK_SECRET must be 1–256 characters of A-Z, a-z, 0-9, _ or -');
  }
  if (webhookUrl !== undefined && webhookSecret === undefined) {
    throw new ConfigError('WEBHOOK_SECRET is required when WEBHOOK_URL is set');
  }
  return {
    token,
    apiRoot: readUrl(env, 'TELEGRAM_API_ROOT'),
    webhookUrl,
    webhookSecret,
    port: readNumber(env, 'PORT', 8080, 1, 65_535),
    allowedChatIds: readIdList(env, 'ALLOWED_CHAT_IDS'),
    adminUserIds: readIdList(env, 'ADMIN_USER_IDS'),
    rateLimitPerMinute: readNumber(env, 'RATE_LIMIT_PER_MINUTE', 20, 1, 10_000),
    uploadMaxBytes: readNumber(env, 'UPLOAD_MAX_BYTES', 2 * 1024 * 1024, 1024, 20 * 1024 * 1024),
    followUpTtlMs: readNumber(env, 'FOLLOW_UP_TTL_MS', 30 * 60_000, 1000, 24 * 3_600_000),
  };
}

function readLlm(env: Env): LlmSettings {
  const baseUrl = readUrl(env, 'LLM_BASE_URL');
  const model = readOptional(env, 'LLM_MODEL');
  if (baseUrl !== undefined && model === undefined) {
    throw new ConfigError('LLM_MODEL is required when LLM_BASE_URL is set (e.g. deepseek-chat, qwen-plus, llama3.1)');
  }
  return {
    baseUrl,
    model,
    apiKey: readOptional(env, 'LLM_API_KEY'),
    timeoutMs: readNumber(env, 'LLM_TIMEOUT_MS', 30_000, 100, 600_000),
    maxTokens: readNumber(env, 'LLM_MAX_TOKENS', 800, 16, 32_000),
  };
}

/** Loads `.env` (if present; real environment variables win) and parses the result. */
export function loadConfig(cwd: string = process.cwd()): Config {
  dotenv.config({ path: path.join(cwd, '.env'), quiet: true });
  return parseConfig(process.env, cwd);
}

// ---- Bot network limits (issue 11) ------------------------------------------------------------------------------

/** How long the bot keeps trying to reach the Bot API at start, and the retry budget of one API call. */
export interface BotNetworkSettings {
  /** Give up connecting at start after this long (ms), with a clear message and a non-zero exit. */
  startTimeoutMs: number;
  /** Longest total wait between retries of one Bot API call (ms). */
  retryBudgetMs: number;
}

/** Reads `TELEGRAM_START_TIMEOUT_MS` and `TELEGRAM_RETRY_BUDGET_MS` (call after `loadConfig`, which reads `.env`). */
export function readBotNetworkSettings(env: Env = process.env): BotNetworkSettings {
  return {
    startTimeoutMs: readNumber(env, 'TELEGRAM_START_TIMEOUT_MS', 120_000, 1_000, 24 * 3_600_000),
    retryBudgetMs: readNumber(env, 'TELEGRAM_RETRY_BUDGET_MS', 20_000, 0, 600_000),
  };
}

/**
 * `ANSWER_WEIGHTS=coverage=0.6,slot=0.4` overrides the answerer's feature weights one by one; unknown names and
 * values outside 0..10 are refused.
 */
function readFeatureWeights(env: Env): FeatureWeights {
  const raw = (env.ANSWER_WEIGHTS ?? '').trim();
  const weights: Record<string, number> = { ...DEFAULT_FEATURE_WEIGHTS };
  if (!raw) return weights as FeatureWeights;
  for (const pair of raw.split(',')) {
    const [name, value] = pair.split('=').map((s) => s.trim());
    const number = Number(value);
    if (!name || !(FEATURE_NAMES as readonly string[]).includes(name) || value === undefined || value === '' || !Number.isFinite(number) || number < 0 || number > 10) {
      throw new ConfigError(`ANSWER_WEIGHTS must be name=value pairs (names: ${FEATURE_NAMES.join(', ')}; values 0..10), got "${pair}"`);
    }
    weights[name] = number;
  }
  return weights as FeatureWeights;
}
