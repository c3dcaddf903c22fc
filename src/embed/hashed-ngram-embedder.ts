import { Embeddings } from '@langchain/core/embeddings';
import { chineseNumeralsToArabic } from './chinese-numerals.ts';
import { EmbedError } from './errors.ts';
import { fmix32, fnv1a32 } from '../text/index.ts';
import type { Embedder, EmbedderInfo } from './types.ts';

/**
 * Version of the feature/hashing algorithm below. Bump it whenever features, weights, hashing or normalisation
 * change: it is part of `info.id`, and equal ids must mean compatible vectors.
 */
export const HASHED_NGRAM_VERSION = 'v1';
export const DEFAULT_HASHED_DIMENSION = 512;
const ID_PREFIX = 'builtin:hashed-ngrams-';

/**
 * Relative weight of each feature kind. Bigrams carry most of the meaning in Chinese (most words are two
 * characters); unigrams are noisy, trigrams are sparse. Part of the algorithm: changing any value needs a
 * version bump.
 */
export const HASHED_FEATURE_WEIGHTS = Object.freeze({
  hanUnigram: 0.4,
  hanBigram: 1,
  hanTrigram: 0.7,
  word: 1,
  number: 1,
  /** A number glued to the Han character after it (`36个`, `2023年`), so quantities match as units. */
  numberWithCounter: 0.7,
});

/** Function characters that say nothing about a passage's topic; skipped as unigrams only (bigrams keep them). */
const LOW_INFORMATION_CHARS = new Set([...'的了在是和与及等也都而并对着把被之其或又就']);

const HAN_CHAR = /^\p{Script=Han}$/u;
/** A Han run, a number (optionally decimal), or a run of other letters and digits. */
const TOKEN = /(\p{Script=Han}+)|(\d+(?:\.\d+)?)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/** 32-bit FNV-1a over UTF-16 code units, finished with murmur3's fmix32 so the low bits (the bucket) mix well. */
function hash32(text: string): number {
  return fmix32(fnv1a32(text));
}

/** NFKC (full-width → half-width), lowercase, Chinese numerals → Arabic. */
export function normaliseForHashing(text: string): string {
  return chineseNumeralsToArabic(text.normalize('NFKC').toLowerCase());
}

/** Feature kinds; the kind is the feature key's prefix (`2:湖南`) so equal grams of different kinds never collide. */
export type HashedFeatureKind = keyof typeof HASHED_FEATURE_WEIGHTS;
const KIND_PREFIX: Record<HashedFeatureKind, string> = {
  hanUnigram: '1',
  hanBigram: '2',
  hanTrigram: '3',
  word: 'w',
  number: 'n',
  numberWithCounter: 'nc',
};

export interface HashedFeature {
  kind: HashedFeatureKind;
  /** `<kind prefix>:<gram>`, the string that is hashed. */
  key: string;
  /** Term frequency in the text. */
  count: number;
}

/** The features of a text with their term frequencies (pure; exposed for tests and debugging). */
export function extractHashedFeatures(text: string): HashedFeature[] {
  const features = new Map<string, HashedFeature>();
  const add = (kind: HashedFeatureKind, gram: string) => {
    const key = `${KIND_PREFIX[kind]}:${gram}`;
    const feature = features.get(key);
    if (feature) feature.count += 1;
    else features.set(key, { kind, key, count: 1 });
  };
  const normalised = normaliseForHashing(text);
  for (const match of normalised.matchAll(TOKEN)) {
    const [, han, number, word] = match;
    if (han) {
      const chars = [...han];
      chars.forEach((ch, i) => {
        if (!LOW_INFORMATION_CHARS.has(ch)) add('hanUnigram', ch);
        if (i + 1 < chars.length) add('hanBigram', `${ch}${chars[i + 1]}`);
        if (i + 2 < chars.length) add('hanTrigram', `${ch}${chars[i + 1]}${chars[i + 2]}`);
      });
    } else if (number) {
      add('number', number);
      const nextCodePoint = normalised.codePointAt(match.index + number.length);
      const counter = nextCodePoint === undefined ? '' : String.fromCodePoint(nextCodePoint);
      if (HAN_CHAR.test(counter)) add('numberWithCounter', `${number}${counter}`);
    } else if (word) {
      add('word', word);
    }
  }
  return [...features.values()];
}

/** Parses `builtin:hashed-ngrams-v1-d512`; null when the id is not a hashed-n-gram id at all. */
export function parseHashedNgramId(id: string): { version: string; dimension: number } | null {
  const match = /^builtin:hashed-ngrams-(v\d+)-d(\d+)$/.exec(id);
  return match ? { version: match[1]!, dimension: Number(match[2]) } : null;
}

export interface HashedNgramEmbedderOptions {
  /** Number of hash buckets (vector length). Default 512. */
  dimension?: number;
}

/**
 * The built-in offline embedder: no model weights, deterministic, fast. Character n-grams of Chinese text and
 * words/numbers of everything else, sublinear tf (1 + ln tf) times a per-kind weight, signed feature hashing
 * into `dimension` buckets (the sign halves the bias of collisions), L2-normalised. Text with no features
 * (empty, punctuation only) maps to the zero vector rather than NaN; do not index such texts.
 */
export class HashedNgramEmbedder extends Embeddings implements Embedder {
  readonly info: EmbedderInfo;

  constructor(options: HashedNgramEmbedderOptions = {}) {
    super({});
    const dimension = options.dimension ?? DEFAULT_HASHED_DIMENSION;
    if (!Number.isInteger(dimension) || dimension < 1) {
      throw new EmbedError(`hashed embedder dimension must be a positive integer, got ${dimension}`);
    }
    this.info = { id: `${ID_PREFIX}${HASHED_NGRAM_VERSION}-d${dimension}`, dimension };
  }

  /** Synchronous core, exposed for hot loops and tests. */
  embedText(text: string): number[] {
    const { dimension } = this.info;
    const vector = new Float64Array(dimension);
    for (const { kind, key, count } of extractHashedFeatures(text)) {
      const value = HASHED_FEATURE_WEIGHTS[kind] * (1 + Math.log(count));
      const hash = hash32(key);
      // After fmix32 the top bit (sign) is independent of the low bits (bucket).
      vector[hash % dimension]! += hash >>> 31 ? -value : value;
    }
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm);
    return Array.from(vector, (v) => (norm > 0 ? v / norm : 0));
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedText(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedText(text);
  }
}
