import fs from 'node:fs/promises';
import os from 'node:os';
import { StoreError, REBUILD_HINT } from './errors.ts';
import { writeFileDurable } from './durable-fs.ts';
import { withDefaults } from './hnsw-vector-index.ts';
import type { ChunkHit, LexicalIndex } from './types.ts';

/** File name inside a generation directory. */
export const LEXICAL_INDEX_FILE = 'lexical.bin';

/** BM25 parameters; query-time only, so they are not stored with the index. */
export interface Bm25Options {
  /** Term-frequency saturation. */
  k1?: number;
  /** Document-length normalisation (0 = none, 1 = full). */
  b?: number;
}

export const DEFAULT_BM25_OPTIONS: Required<Bm25Options> = { k1: 1.2, b: 0.75 };

const MAGIC = 'KAOCHA-L';
const BINARY_FORMAT_VERSION = 1;
const HEADER_FIXED_BYTES = 16; // magic (8) + version (u32) + JSON length (u32)
/** Stored term frequencies are u16; a chunk of a few hundred characters never gets near this. */
const MAX_STORED_TF = 0xffff;
const MIN_CAPACITY = 64;

interface BinaryHeader {
  docCount: number;
  termCount: number;
  postingCount: number;
  chunkIds: string[];
  terms: string[];
}

/**
 * BM25 over pre-segmented tokens, built for fast queries at ~100k chunks.
 *
 * Layout: documents get dense internal numbers; postings for each term are (doc, tf) pairs. Postings loaded
 * from disk stay in three packed typed arrays (`base*`, CSR layout) so loading is a few array views rather
 * than millions of small objects; postings added afterwards go to a per-term tail. Removal only flags the
 * document dead and fixes the statistics; dead entries are skipped at query time and dropped when saving,
 * which also renumbers documents densely. Search accumulates scores into a reused Float64Array indexed by
 * document number and selects the top k with a bounded heap.
 *
 * IDF is Lucene's non-negative variant, ln(1 + (N - df + 0.5) / (df + 0.5)), over live documents.
 */
export class Bm25LexicalIndex implements LexicalIndex {
  readonly #k1: number;
  readonly #b: number;

  readonly #termIdByToken = new Map<string, number>();
  #tokens: string[] = [];
  /** Live document frequency per term id. */
  #df = new Int32Array(MIN_CAPACITY);

  #baseTermCount = 0;
  #baseStart = new Uint32Array(1);
  #baseDocs = new Uint32Array(0);
  #baseTfs = new Uint16Array(0);
  /** Postings added since load, interleaved [doc, tf, doc, tf, ...] per term id. */
  readonly #tail = new Map<number, number[]>();

  #docCount = 0;
  #chunkIds: (string | undefined)[] = [];
  readonly #docByChunkId = new Map<string, number>();
  #docLength = new Uint32Array(MIN_CAPACITY);
  #alive = new Uint8Array(MIN_CAPACITY);
  /** Distinct term ids of documents added since load; documents from disk use the lazily built CSR below. */
  readonly #docTerms = new Map<number, Uint32Array>();
  #baseDocCount = 0;
  #baseForward: { start: Uint32Array; terms: Uint32Array } | undefined;

  #liveCount = 0;
  #totalLength = 0;

  #scores = new Float64Array(MIN_CAPACITY);
  #touched = new Uint32Array(MIN_CAPACITY);
  /** k1 * (1 - b + b * len / avgdl) per document, recomputed lazily after changes. */
  #lengthNorm = new Float64Array(MIN_CAPACITY);
  #lengthNormStale = true;

  constructor(options: Bm25Options = {}) {
    const { k1, b } = withDefaults(DEFAULT_BM25_OPTIONS, options);
    if (!(k1 >= 0) || !(b >= 0 && b <= 1)) {
      throw new StoreError(`BM25 needs k1 >= 0 and 0 <= b <= 1, got k1=${k1}, b=${b}`, { code: 'invalid-input' });
    }
    this.#k1 = k1;
    this.#b = b;
  }

  /** Live (not removed) chunks. */
  get size(): number {
    return this.#liveCount;
  }

  /** Whether `chunkId` is indexed. */
  has(chunkId: string): boolean {
    return this.#docByChunkId.has(chunkId);
  }

  /** Indexes a chunk's tokens, replacing any earlier version of the same chunk. */
  add(chunkId: string, tokens: string[]): void {
    if (typeof chunkId !== 'string' || !Array.isArray(tokens)) {
      throw new StoreError('lexical add needs a chunk id and an array of tokens', { code: 'invalid-input' });
    }
    if (this.#docByChunkId.has(chunkId)) this.remove(chunkId);
    const doc = this.#docCount++;
    this.#ensureDocCapacity(this.#docCount);

    const tf = new Map<number, number>();
    for (const token of tokens) {
      if (typeof token !== 'string' || token === '') continue;
      const term = this.#termIdFor(token);
      tf.set(term, (tf.get(term) ?? 0) + 1);
    }
    let length = 0;
    for (const [term, count] of tf) {
      let postings = this.#tail.get(term);
      if (!postings) this.#tail.set(term, (postings = []));
      postings.push(doc, count);
      this.#df[term] = (this.#df[term] ?? 0) + 1;
      length += count;
    }
    this.#chunkIds[doc] = chunkId;
    this.#docByChunkId.set(chunkId, doc);
    this.#docTerms.set(doc, Uint32Array.from(tf.keys()));
    this.#docLength[doc] = length;
    this.#alive[doc] = 1;
    this.#liveCount++;
    this.#totalLength += length;
    this.#lengthNormStale = true;
  }

  /** Removes a chunk; unknown ids are ignored. */
  remove(chunkId: string): void {
    const doc = this.#docByChunkId.get(chunkId);
    if (doc === undefined) return;
    for (const term of this.#termsOf(doc)) this.#df[term] = (this.#df[term] ?? 1) - 1;
    this.#docByChunkId.delete(chunkId);
    this.#chunkIds[doc] = undefined;
    this.#docTerms.delete(doc);
    this.#alive[doc] = 0;
    this.#liveCount--;
    this.#totalLength -= this.#docLength[doc] ?? 0;
    this.#lengthNormStale = true;
  }

  /** Live chunks containing `token`. */
  documentFrequency(token: string): number {
    const term = this.#termIdByToken.get(token);
    return term === undefined ? 0 : (this.#df[term] ?? 0);
  }

  /**
   * BM25 inverse document frequency of `token`. A token absent from the corpus gets the maximum value: it is
   * the most specific thing a question can ask for, and callers weighing query coverage should feel its absence.
   */
  idf(token: string): number {
    const df = this.documentFrequency(token);
    return Math.log(1 + (this.#liveCount - df + 0.5) / (df + 0.5));
  }

  /**
   * The `k` best chunks for the query by BM25, best first (ties: earlier-indexed chunk first). Repeated query
   * tokens count once per occurrence; tokens unknown to the index are ignored.
   */
  search(queryTokens: string[], k: number, tokenWeights?: ReadonlyMap<string, number>): ChunkHit[] {
    const limit = Math.floor(k);
    if (!(limit > 0) || this.#liveCount === 0 || !Array.isArray(queryTokens)) return [];
    const queryTf = new Map<number, number>();
    for (const token of queryTokens) {
      const term = typeof token === 'string' ? this.#termIdByToken.get(token) : undefined;
      // An expansion (a synonym of a question word) counts for less than the word the user typed.
      if (term !== undefined && (this.#df[term] ?? 0) > 0) queryTf.set(term, (queryTf.get(term) ?? 0) + (tokenWeights?.get(token) ?? 1));
    }
    if (queryTf.size === 0) return [];

    const norm = this.#currentLengthNorm();
    const scores = this.#scores;
    const touched = this.#touched;
    const alive = this.#alive;
    let touchedCount = 0;
    const k1PlusOne = this.#k1 + 1;
    for (const [term, occurrences] of queryTf) {
      const df = this.#df[term] ?? 0;
      const weight = occurrences * Math.log(1 + (this.#liveCount - df + 0.5) / (df + 0.5)) * k1PlusOne;
      if (term < this.#baseTermCount) {
        const docs = this.#baseDocs;
        const tfs = this.#baseTfs;
        const end = this.#baseStart[term + 1] as number;
        for (let i = this.#baseStart[term] as number; i < end; i++) {
          const doc = docs[i] as number;
          if (alive[doc] === 0) continue;
          const tf = tfs[i] as number;
          if (scores[doc] === 0) touched[touchedCount++] = doc;
          scores[doc] = (scores[doc] as number) + (weight * tf) / (tf + (norm[doc] as number));
        }
      }
      const tail = this.#tail.get(term);
      if (tail) {
        for (let i = 0; i < tail.length; i += 2) {
          const doc = tail[i] as number;
          if (alive[doc] === 0) continue;
          const tf = tail[i + 1] as number;
          if (scores[doc] === 0) touched[touchedCount++] = doc;
          scores[doc] = (scores[doc] as number) + (weight * tf) / (tf + (norm[doc] as number));
        }
      }
    }

    const best = selectTopK(scores, touched, touchedCount, limit);
    const hits = best.map((doc) => ({ chunkId: this.#chunkIds[doc] as string, score: scores[doc] as number }));
    // The scratch arrays are shared across searches: reset only what this query touched.
    for (let i = 0; i < touchedCount; i++) scores[touched[i] as number] = 0;
    return hits;
  }

  /**
   * Compact binary form: live documents renumbered densely, unused terms dropped. Little-endian typed arrays
   * behind a JSON header holding the strings.
   */
  serialize(): Uint8Array {
    if (os.endianness() !== 'LE') throw new StoreError('the lexical index format assumes a little-endian machine');
    const newDoc = new Int32Array(this.#docCount).fill(-1);
    const chunkIds: string[] = [];
    const docLength: number[] = [];
    for (let doc = 0; doc < this.#docCount; doc++) {
      if (this.#alive[doc] !== 1) continue;
      newDoc[doc] = chunkIds.length;
      chunkIds.push(this.#chunkIds[doc] as string);
      docLength.push(this.#docLength[doc] as number);
    }

    const terms: string[] = [];
    const starts: number[] = [0];
    let postingCount = 0;
    for (let term = 0; term < this.#tokens.length; term++) if ((this.#df[term] ?? 0) > 0) postingCount += this.#df[term] as number;
    const docs = new Uint32Array(postingCount);
    const tfs = new Uint16Array(postingCount);
    let at = 0;
    const put = (doc: number, tf: number) => {
      const renumbered = newDoc[doc] as number;
      if (renumbered < 0) return;
      docs[at] = renumbered;
      tfs[at] = Math.min(tf, MAX_STORED_TF);
      at++;
    };
    for (let term = 0; term < this.#tokens.length; term++) {
      if ((this.#df[term] ?? 0) === 0) continue;
      if (term < this.#baseTermCount) {
        const end = this.#baseStart[term + 1] as number;
        for (let i = this.#baseStart[term] as number; i < end; i++) put(this.#baseDocs[i] as number, this.#baseTfs[i] as number);
      }
      const tail = this.#tail.get(term);
      if (tail) for (let i = 0; i < tail.length; i += 2) put(tail[i] as number, tail[i + 1] as number);
      terms.push(this.#tokens[term] as string);
      starts.push(at);
    }
    // df is maintained incrementally; if it ever disagreed with the postings the file would be unreadable.
    if (at !== postingCount) throw new StoreError(`lexical index statistics out of sync (${at} postings, df sum ${postingCount})`);

    const header: BinaryHeader = { docCount: chunkIds.length, termCount: terms.length, postingCount, chunkIds, terms };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const sectionsStart = align4(HEADER_FIXED_BYTES + json.length);
    const sections = [Uint32Array.from(docLength), Uint32Array.from(starts), docs, tfs];
    let total = sectionsStart;
    for (const s of sections) total = align4(total + s.byteLength);
    const out = Buffer.alloc(total);
    out.write(MAGIC, 0, 'latin1');
    out.writeUInt32LE(BINARY_FORMAT_VERSION, 8);
    out.writeUInt32LE(json.length, 12);
    json.copy(out, HEADER_FIXED_BYTES);
    let offset = sectionsStart;
    for (const s of sections) {
      out.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), offset);
      offset = align4(offset + s.byteLength);
    }
    return out;
  }

  /** Rebuilds an index from `serialize()` output; throws `StoreError` (code `corrupt`) on anything malformed. */
  static deserialize(bytes: Uint8Array, options: Bm25Options = {}, source = 'lexical index'): Bm25LexicalIndex {
    const corrupt = (why: string, cause?: unknown) =>
      new StoreError(`${source} is corrupt (${why}) — ${REBUILD_HINT}`, { cause, code: 'corrupt' });
    if (os.endianness() !== 'LE') throw new StoreError('the lexical index format assumes a little-endian machine');
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buffer.length < HEADER_FIXED_BYTES || buffer.toString('latin1', 0, 8) !== MAGIC) throw corrupt('not a lexical index file');
    const version = buffer.readUInt32LE(8);
    if (version !== BINARY_FORMAT_VERSION) throw corrupt(`format version ${version}, expected ${BINARY_FORMAT_VERSION}`);
    const jsonLength = buffer.readUInt32LE(12);
    if (HEADER_FIXED_BYTES + jsonLength > buffer.length) throw corrupt('truncated header');
    let header: BinaryHeader;
    try {
      header = JSON.parse(buffer.toString('utf8', HEADER_FIXED_BYTES, HEADER_FIXED_BYTES + jsonLength)) as BinaryHeader;
    } catch (cause) {
      throw corrupt('header is not valid JSON', cause);
    }
    const { docCount, termCount, postingCount, chunkIds, terms } = header ?? {};
    const count = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
    if (!count(docCount) || !count(termCount) || !count(postingCount)) throw corrupt('bad counts');
    if (!Array.isArray(chunkIds) || chunkIds.length !== docCount || !Array.isArray(terms) || terms.length !== termCount) {
      throw corrupt('string tables do not match the counts');
    }

    let offset = align4(HEADER_FIXED_BYTES + jsonLength);
    const expectedEnd = [docCount * 4, (termCount + 1) * 4, postingCount * 4, postingCount * 2].reduce((end, n) => align4(end + n), offset);
    if (expectedEnd !== buffer.length) throw corrupt(`size ${buffer.length} bytes, expected ${expectedEnd}`);
    const take = <T extends Uint32Array | Uint16Array>(Kind: { new (b: ArrayBuffer, o: number, n: number): T; new (n: number): T; BYTES_PER_ELEMENT: number }, n: number): T => {
      const start = buffer.byteOffset + offset;
      offset = align4(offset + n * Kind.BYTES_PER_ELEMENT);
      // A view needs element alignment; Node's pooled small buffers may not give it, so copy in that case.
      if (start % Kind.BYTES_PER_ELEMENT === 0) return new Kind(buffer.buffer as ArrayBuffer, start, n);
      const copy = new Kind(n);
      new Uint8Array(copy.buffer).set(buffer.subarray(start - buffer.byteOffset, start - buffer.byteOffset + n * Kind.BYTES_PER_ELEMENT));
      return copy;
    };
    const docLength = take(Uint32Array, docCount);
    const starts = take(Uint32Array, termCount + 1);
    const docs = take(Uint32Array, postingCount);
    const tfs = take(Uint16Array, postingCount);

    const index = new Bm25LexicalIndex(options);
    if (starts[0] !== 0 || starts[termCount] !== postingCount) throw corrupt('posting offsets out of range');
    const df = new Int32Array(Math.max(MIN_CAPACITY, termCount));
    for (let term = 0; term < termCount; term++) {
      const n = (starts[term + 1] as number) - (starts[term] as number);
      if (n <= 0) throw corrupt('posting offsets not increasing');
      df[term] = n;
      const token = terms[term];
      if (typeof token !== 'string' || index.#termIdByToken.has(token)) throw corrupt('bad or duplicate term');
      index.#termIdByToken.set(token, term);
    }
    for (let i = 0; i < postingCount; i++) {
      if ((docs[i] as number) >= docCount || tfs[i] === 0) throw corrupt('posting out of range');
    }
    let totalLength = 0;
    for (let doc = 0; doc < docCount; doc++) {
      const chunkId = chunkIds[doc];
      if (typeof chunkId !== 'string' || index.#docByChunkId.has(chunkId)) throw corrupt('bad or duplicate chunk id');
      index.#docByChunkId.set(chunkId, doc);
      totalLength += docLength[doc] as number;
    }

    index.#tokens = terms;
    index.#df = df;
    index.#baseTermCount = termCount;
    index.#baseStart = starts;
    index.#baseDocs = docs;
    index.#baseTfs = tfs;
    index.#docCount = docCount;
    index.#baseDocCount = docCount;
    index.#chunkIds = chunkIds;
    index.#ensureDocCapacity(docCount);
    index.#docLength.set(docLength);
    index.#alive.fill(1, 0, docCount);
    index.#liveCount = docCount;
    index.#totalLength = totalLength;
    return index;
  }

  /** Writes `serialize()` output to `file` and fsyncs it. */
  async save(file: string): Promise<void> {
    await writeFileDurable(file, this.serialize());
  }

  /** Loads a file written by `save`. */
  static async load(file: string, options: Bm25Options = {}): Promise<Bm25LexicalIndex> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (cause) {
      throw new StoreError(`cannot read ${file} — ${REBUILD_HINT}`, { cause, code: 'corrupt' });
    }
    return Bm25LexicalIndex.deserialize(bytes, options, file);
  }

  #termIdFor(token: string): number {
    let term = this.#termIdByToken.get(token);
    if (term === undefined) {
      term = this.#tokens.length;
      this.#tokens.push(token);
      this.#termIdByToken.set(token, term);
      if (term >= this.#df.length) this.#df = grow(this.#df, term + 1);
    }
    return term;
  }

  /** Distinct term ids of a live document. */
  #termsOf(doc: number): Uint32Array {
    const added = this.#docTerms.get(doc);
    if (added) return added;
    const forward = (this.#baseForward ??= this.#buildBaseForward());
    return forward.terms.subarray(forward.start[doc], forward.start[doc + 1]);
  }

  /** Inverts the packed postings once (O(postings)) so removing documents that came from disk is cheap. */
  #buildBaseForward(): { start: Uint32Array; terms: Uint32Array } {
    const start = new Uint32Array(this.#baseDocCount + 1);
    const postings = this.#baseDocs.length;
    for (let i = 0; i < postings; i++) {
      const next = (this.#baseDocs[i] as number) + 1;
      start[next] = (start[next] as number) + 1;
    }
    for (let doc = 0; doc < this.#baseDocCount; doc++) start[doc + 1] = (start[doc + 1] as number) + (start[doc] as number);
    const fill = start.slice(0, this.#baseDocCount);
    const terms = new Uint32Array(postings);
    for (let term = 0; term < this.#baseTermCount; term++) {
      const end = this.#baseStart[term + 1] as number;
      for (let i = this.#baseStart[term] as number; i < end; i++) {
        const doc = this.#baseDocs[i] as number;
        const at = fill[doc] as number;
        terms[at] = term;
        fill[doc] = at + 1;
      }
    }
    return { start, terms };
  }

  #ensureDocCapacity(needed: number): void {
    if (needed <= this.#alive.length) return;
    const capacity = Math.max(needed, this.#alive.length * 2);
    this.#alive = grow(this.#alive, capacity);
    this.#docLength = grow(this.#docLength, capacity);
    this.#scores = new Float64Array(capacity);
    this.#touched = new Uint32Array(capacity);
    this.#lengthNorm = new Float64Array(capacity);
    this.#lengthNormStale = true;
  }

  #currentLengthNorm(): Float64Array {
    if (this.#lengthNormStale) {
      const averageLength = this.#liveCount > 0 && this.#totalLength > 0 ? this.#totalLength / this.#liveCount : 1;
      const k1 = this.#k1;
      const b = this.#b;
      for (let doc = 0; doc < this.#docCount; doc++) {
        this.#lengthNorm[doc] = k1 * (1 - b + (b * (this.#docLength[doc] as number)) / averageLength);
      }
      this.#lengthNormStale = false;
    }
    return this.#lengthNorm;
  }
}

/**
 * Documents with the `k` highest scores, best first (ties: lower document number first), via a bounded
 * min-heap: O(n log k) instead of sorting every matching document.
 */
function selectTopK(scores: Float64Array, candidates: Uint32Array, count: number, k: number): number[] {
  const heap: number[] = [];
  const worse = (a: number, b: number) => {
    const sa = scores[a] as number;
    const sb = scores[b] as number;
    return sa < sb || (sa === sb && a > b);
  };
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && worse(heap[left] as number, heap[worst] as number)) worst = left;
      if (right < heap.length && worse(heap[right] as number, heap[worst] as number)) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst] as number, heap[i] as number];
      i = worst;
    }
  };
  for (let c = 0; c < count; c++) {
    const doc = candidates[c] as number;
    if (heap.length < k) {
      heap.push(doc);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i] as number, heap[parent] as number)) break;
        [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
        i = parent;
      }
    } else if (worse(heap[0] as number, doc)) {
      heap[0] = doc;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

function grow<T extends Uint8Array | Uint32Array | Int32Array>(array: T, needed: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2, MIN_CAPACITY));
  bigger.set(array);
  return bigger;
}
