/**
 * Near-duplicate detection for "the same story re-published" (another outlet, a new header, a dropped
 * paragraph): MinHash over character shingles of the article body. Pure; fingerprints are plain JSON.
 *
 * Character shingles rather than words because Chinese has no spaces and segmentation would make the
 * fingerprint depend on a dictionary. Whitespace and punctuation are stripped first so that re-typesetting
 * (full-width vs half-width commas, line breaks) does not count as a difference.
 */
import { IngestError } from './errors.ts';
import { fmix32, fnv1a32 } from '../text/index.ts';

/** Identifies the hashing scheme; fingerprints of different schemes must never be compared. */
export const NEAR_DUP_SCHEME = 'minhash-fnv1a-fmix32';
/** Number of MinHash values; the standard error of the Jaccard estimate is about sqrt(J(1-J)/n). */
export const DEFAULT_NEAR_DUP_PERMUTATIONS = 128;
/** Characters per shingle: 5 Chinese characters are specific enough that unrelated articles share few. */
export const DEFAULT_SHINGLE_CHARS = 5;
/** Estimated Jaccard similarity from which two articles count as the same story. */
export const DEFAULT_NEAR_DUP_THRESHOLD = 0.8;

/** A JSON-serialisable MinHash signature. `mins` is empty when the body had no characters left to shingle. */
export interface NearDupFingerprint {
  scheme: typeof NEAR_DUP_SCHEME;
  shingleChars: number;
  mins: number[];
}

export interface NearDupOptions {
  permutations?: number;
  shingleChars?: number;
}

export interface NearDuplicateMatch {
  docId: string;
  similarity: number;
}

/**
 * Computes the MinHash fingerprint of an article body given as its paragraph texts.
 * Bodies shorter than one shingle become a single shingle; an empty body gives empty `mins`.
 */
export function fingerprint(paragraphTexts: readonly string[], options: NearDupOptions = {}): NearDupFingerprint {
  const permutations = options.permutations ?? DEFAULT_NEAR_DUP_PERMUTATIONS;
  const shingleChars = options.shingleChars ?? DEFAULT_SHINGLE_CHARS;
  if (!Number.isInteger(permutations) || permutations < 1) throw new IngestError(`permutations must be a positive integer, got ${permutations}`);
  if (!Number.isInteger(shingleChars) || shingleChars < 1) throw new IngestError(`shingleChars must be a positive integer, got ${shingleChars}`);

  const shingleHashes = hashShingles(comparableCharacters(paragraphTexts), shingleChars);
  if (shingleHashes.size === 0) return { scheme: NEAR_DUP_SCHEME, shingleChars, mins: [] };

  const mins: number[] = [];
  for (let p = 0; p < permutations; p++) {
    const seed = permutationSeed(p);
    let min = 0xffffffff;
    for (const hash of shingleHashes) {
      // fmix32 is a bijection on 32-bit values, so XOR-with-seed then mixing permutes the hash space.
      const permuted = fmix32(hash ^ seed);
      if (permuted < min) min = permuted;
    }
    mins.push(min);
  }
  return { scheme: NEAR_DUP_SCHEME, shingleChars, mins };
}

/**
 * Estimated Jaccard similarity (0..1) of the two bodies' shingle sets. An empty body is similar to nothing (0).
 * Throws `IngestError` for fingerprints made with different settings: comparing them would be silently wrong.
 */
export function similarity(a: NearDupFingerprint, b: NearDupFingerprint): number {
  if (a.mins.length === 0 || b.mins.length === 0) return 0;
  if (a.scheme !== b.scheme || a.shingleChars !== b.shingleChars || a.mins.length !== b.mins.length) {
    throw new IngestError(
      `cannot compare near-duplicate fingerprints made with different settings ` +
        `(${a.scheme}/${a.shingleChars} chars/${a.mins.length} permutations vs ${b.scheme}/${b.shingleChars} chars/${b.mins.length} permutations)`,
    );
  }
  let equal = 0;
  for (let i = 0; i < a.mins.length; i++) if (a.mins[i] === b.mins[i]) equal++;
  return equal / a.mins.length;
}

/**
 * The most similar candidate at or above `threshold`, or null. Ties keep the earlier candidate, so the result is
 * deterministic for a given candidate order.
 */
export function findNearDuplicate(
  fp: NearDupFingerprint,
  candidates: ReadonlyArray<{ docId: string; fp: NearDupFingerprint }>,
  threshold: number = DEFAULT_NEAR_DUP_THRESHOLD,
): NearDuplicateMatch | null {
  let best: NearDuplicateMatch | null = null;
  for (const candidate of candidates) {
    const score = similarity(fp, candidate.fp);
    if (score >= threshold && (best === null || score > best.similarity)) best = { docId: candidate.docId, similarity: score };
  }
  return best;
}

/** The body as code points, without whitespace, punctuation and symbols, width- and case-folded. */
function comparableCharacters(paragraphTexts: readonly string[]): string[] {
  const body = paragraphTexts.join('').normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
  return Array.from(body);
}

function hashShingles(characters: string[], shingleChars: number): Set<number> {
  const hashes = new Set<number>();
  if (characters.length === 0) return hashes;
  const last = Math.max(0, characters.length - shingleChars);
  for (let i = 0; i <= last; i++) hashes.add(fnv1a32(characters.slice(i, i + shingleChars).join('')));
  return hashes;
}

const GOLDEN_RATIO_32 = 0x9e3779b9;

function permutationSeed(index: number): number {
  return fmix32(Math.imul(index + 1, GOLDEN_RATIO_32));
}
