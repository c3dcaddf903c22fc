/**
 * The on-disk index: generations of immutable files plus a manifest that names the current one.
 *
 *   INDEX_DIR/manifest.json      IndexManifest; written last (temp file + fsync + rename): the commit point
 *   INDEX_DIR/gen-<n>/           vectors.hnsw, vector-labels.json, lexical.bin, corpus.json
 *   INDEX_DIR/.tmp-gen-<n>-<pid> a generation being written (never read)
 *   INDEX_DIR/.lock              pid and process start time of the one writer
 *
 * A commit writes a complete generation into a temp dir, fsyncs it, renames it to `gen-<n>`, and only then
 * swaps the manifest. A crash before the swap leaves the old manifest pointing at the old, untouched
 * generation; the leftovers are removed by the next writer as soon as it holds the lock. The previous generation is kept one commit longer
 * so a reader that read the old manifest a moment before the swap can still load it.
 */
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Article, Chunk } from '../domain.ts';
import type { EmbedderInfo } from '../embed/types.ts';
import { StoreError, REBUILD_HINT } from './errors.ts';
import { fsyncDir, isNotFound, writeFileDurable } from './durable-fs.ts';
import { CorpusStore, CORPUS_FILE, type CorpusReader } from './corpus-store.ts';
import { HnswVectorIndex, type HnswOptions } from './hnsw-vector-index.ts';
import { Bm25LexicalIndex, LEXICAL_INDEX_FILE, type Bm25Options } from './bm25-lexical-index.ts';
import type { IndexManifest, VectorIndex } from './types.ts';

/** Version of the whole on-disk layout; bump it when any file changes incompatibly. */
export const INDEX_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const LOCK_FILE = '.lock';

const GENERATION_DIR = /^gen-(\d+)$/;
const TEMP_PREFIX = '.tmp-';
/** A reader racing two commits may find its generation already deleted; it re-reads the manifest this often. */
const MAX_LOAD_ATTEMPTS = 3;
/** Rounds of create / inspect / take over stale before giving up on the lock. */
const LOCK_ATTEMPTS = 3;
/** An empty lock file younger than this may be a writer between creating and filling it, so it is respected. */
const EMPTY_LOCK_GRACE_MS = 10_000;

/** A loaded, read-only view of one generation. */
export interface LoadedIndex {
  readonly dir: string;
  readonly manifest: IndexManifest;
  readonly corpus: CorpusReader;
  readonly vectors: VectorIndex;
  readonly lexical: Bm25LexicalIndex;
}

/** Query-time tuning; graph and format parameters come from the files. */
export interface IndexLoadOptions {
  efSearch?: number;
  bm25?: Bm25Options;
}

/** Reading side of the index. */
export const IndexStore = {
  /**
   * Loads the current generation from `dir`; null when nothing was ever committed there. Throws `StoreError`
   * (code `corrupt`) for an unreadable manifest, an unknown format version or inconsistent generation files.
   */
  async open(dir: string, options: IndexLoadOptions = {}): Promise<LoadedIndex | null> {
    for (let attempt = 1; ; attempt++) {
      const manifest = await readManifest(dir);
      if (!manifest) return null;
      try {
        const loaded = await loadGeneration(dir, manifest, { efSearch: options.efSearch }, options.bm25);
        return { dir, manifest, corpus: loaded.corpus, vectors: loaded.vectors, lexical: loaded.lexical };
      } catch (error) {
        const current = await readManifest(dir).catch(() => null);
        const moved = current !== null && current.generation !== manifest.generation;
        if (!moved || attempt >= MAX_LOAD_ATTEMPTS) throw error;
      }
    }
  },

  /** Reads and validates `dir/manifest.json` only (cheap: poll it to notice new generations); null if absent. */
  readManifest,
} as const;

/** Throws `StoreError` (code `embedder-mismatch`) unless vectors from `embedder` can be compared with the index's. */
export function assertEmbedderCompatible(manifest: IndexManifest, embedder: EmbedderInfo): void {
  const built = manifest.embedder;
  if (built.id === embedder.id && built.dimension === embedder.dimension) return;
  const describe = (e: EmbedderInfo) => (built.id === embedder.id ? `${e.id} (${e.dimension} dimensions)` : e.id);
  throw new StoreError(`built with embedder ${describe(built)}, this run uses ${describe(embedder)} — ${REBUILD_HINT}`, {
    code: 'embedder-mismatch',
  });
}

async function readManifest(dir: string): Promise<IndexManifest | null> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (cause) {
    if (isNotFound(cause)) return null;
    throw new StoreError(`cannot read ${file}`, { cause, code: 'io' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new StoreError(`${file} is corrupt (not valid JSON) — ${REBUILD_HINT}`, { cause, code: 'corrupt' });
  }
  return validateManifest(value, file);
}

function validateManifest(value: unknown, file: string): IndexManifest {
  const corrupt = (why: string) => new StoreError(`${file} is corrupt (${why}) — ${REBUILD_HINT}`, { code: 'corrupt' });
  const m = value as Partial<IndexManifest> | null;
  if (!m || typeof m !== 'object' || Array.isArray(m)) throw corrupt('not an object');
  if (typeof m.formatVersion !== 'number') throw corrupt('no formatVersion');
  if (m.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new StoreError(
      `${file} has index format version ${m.formatVersion}, this build reads version ${INDEX_FORMAT_VERSION} — ${REBUILD_HINT}`,
      { code: 'corrupt' },
    );
  }
  const count = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
  if (!m.embedder || typeof m.embedder.id !== 'string' || !Number.isInteger(m.embedder.dimension) || m.embedder.dimension <= 0) {
    throw corrupt('bad embedder');
  }
  if (!m.counts || !count(m.counts.articles) || !count(m.counts.paragraphs) || !count(m.counts.chunks)) throw corrupt('bad counts');
  if (!Number.isInteger(m.generation) || (m.generation as number) < 1) throw corrupt('bad generation');
  if (typeof m.createdAt !== 'string' || typeof m.updatedAt !== 'string') throw corrupt('bad timestamps');
  return {
    formatVersion: m.formatVersion,
    embedder: { id: m.embedder.id, dimension: m.embedder.dimension },
    counts: { articles: m.counts.articles, paragraphs: m.counts.paragraphs, chunks: m.counts.chunks },
    generation: m.generation as number,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

function generationDir(dir: string, generation: number): string {
  return path.join(dir, `gen-${generation}`);
}

interface GenerationContents {
  corpus: CorpusStore;
  vectors: HnswVectorIndex;
  lexical: Bm25LexicalIndex;
}

/** Loads and cross-checks the three parts of the generation a manifest names. */
async function loadGeneration(dir: string, manifest: IndexManifest, hnsw: HnswOptions, bm25?: Bm25Options): Promise<GenerationContents> {
  const genDir = generationDir(dir, manifest.generation);
  const corrupt = (why: string, cause?: unknown) => new StoreError(`${genDir} ${why} — ${REBUILD_HINT}`, { cause, code: 'corrupt' });
  try {
    await fs.access(genDir);
  } catch (cause) {
    throw corrupt(`(generation ${manifest.generation} named by ${MANIFEST_FILE}) is missing`, cause);
  }
  const [corpus, vectors, lexical] = await Promise.all([
    loadCorpus(path.join(genDir, CORPUS_FILE)),
    HnswVectorIndex.load(genDir, hnsw),
    Bm25LexicalIndex.load(path.join(genDir, LEXICAL_INDEX_FILE), bm25),
  ]);
  const counts = corpus.counts;
  const expected = manifest.counts;
  if (counts.articles !== expected.articles || counts.paragraphs !== expected.paragraphs || counts.chunks !== expected.chunks) {
    throw corrupt(`holds ${JSON.stringify(counts)}, the manifest says ${JSON.stringify(expected)}`);
  }
  if (vectors.dimension !== manifest.embedder.dimension) {
    throw corrupt(`has ${vectors.dimension}-dimensional vectors, the manifest says ${manifest.embedder.dimension}`);
  }
  if (vectors.size !== counts.chunks || lexical.size !== counts.chunks) {
    throw corrupt(`indexes disagree: ${counts.chunks} chunks, ${vectors.size} vectors, ${lexical.size} lexical entries`);
  }
  for (const article of corpus.listArticles()) {
    for (const chunk of corpus.chunksOf(article.docId)) {
      if (!vectors.has(chunk.id) || !lexical.has(chunk.id)) throw corrupt(`has no index entry for chunk ${chunk.id}`);
    }
  }
  return { corpus, vectors, lexical };
}

async function loadCorpus(file: string): Promise<CorpusStore> {
  let value: unknown;
  try {
    value = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (cause) {
    throw new StoreError(`cannot read ${file} (missing or not valid JSON) — ${REBUILD_HINT}`, { cause, code: 'corrupt' });
  }
  return CorpusStore.fromJSON(value, file);
}

/** Test seams into a commit, to simulate a crash at the two interesting points. */
export interface CommitHooks {
  /** The new generation is complete and fsynced in its temp dir, not yet renamed into place. */
  afterGenerationWritten?(tempDir: string): void | Promise<void>;
  /** The generation dir is in place; the manifest (the commit point) still names the previous one. */
  beforeManifestSwap?(generationDir: string): void | Promise<void>;
}

export interface IndexWriterOptions {
  /** Start from an empty index instead of the current generation (also the way out of a corrupt index). */
  rebuild?: boolean;
  /** Graph parameters for a new vector index (an existing one keeps its own). */
  hnsw?: HnswOptions;
  bm25?: Bm25Options;
  /** Clock for manifest timestamps. */
  now?: () => Date;
  hooks?: CommitHooks;
}

/**
 * The single writer of an index directory: holds `.lock`, keeps the whole index in memory, and writes a new
 * generation on `commit()`. Uncommitted changes are discarded by `close()`.
 */
export class IndexWriter {
  readonly #dir: string;
  readonly #embedder: EmbedderInfo;
  readonly #lockPath: string;
  readonly #options: IndexWriterOptions;
  #manifest: IndexManifest | null;
  /** The generation readers may still be loading; kept on disk through the next commit. */
  #previousGeneration: number | null;
  #createdAt: string | null;
  #contents: GenerationContents;
  #dirty: boolean;
  #committing = false;
  #closed = false;

  private constructor(
    dir: string,
    embedder: EmbedderInfo,
    lockPath: string,
    options: IndexWriterOptions,
    manifest: IndexManifest | null,
    contents: GenerationContents,
  ) {
    this.#dir = dir;
    this.#embedder = { id: embedder.id, dimension: embedder.dimension };
    this.#lockPath = lockPath;
    this.#options = options;
    this.#previousGeneration = manifest?.generation ?? null;
    // After a rebuild the index is new, so it gets a new creation time; and it must be written even if empty.
    this.#manifest = options.rebuild ? null : manifest;
    this.#createdAt = this.#manifest?.createdAt ?? null;
    this.#contents = contents;
    this.#dirty = this.#manifest === null;
  }

  /**
   * Takes the lock on `dir` (creating the directory if needed) and loads the current generation, or starts
   * empty when there is none or `rebuild` is set. Throws `StoreError`: `locked` when a live process holds the
   * lock, `embedder-mismatch` when the index was built with another embedder, `corrupt` when it cannot be read.
   */
  static async open(dir: string, embedder: EmbedderInfo, options: IndexWriterOptions = {}): Promise<IndexWriter> {
    if (!embedder || typeof embedder.id !== 'string' || !Number.isInteger(embedder.dimension) || embedder.dimension <= 0) {
      throw new StoreError('the writer needs embedder info with an id and a positive integer dimension', { code: 'invalid-input' });
    }
    try {
      await fs.mkdir(dir, { recursive: true });
    } catch (cause) {
      throw new StoreError(`cannot create index directory ${dir}`, { cause, code: 'io' });
    }
    const lockPath = await acquireLock(dir);
    try {
      // Holding the lock, every temp entry is a dead writer's leftover (a half-written generation can be large);
      // removed now so it goes even when this writer ends up with nothing to commit.
      await removeTempEntries(dir);
      const manifest = options.rebuild ? await readManifest(dir).catch(() => null) : await readManifest(dir);
      let contents: GenerationContents;
      if (manifest && !options.rebuild) {
        assertEmbedderCompatible(manifest, embedder);
        contents = await loadGeneration(dir, manifest, { efSearch: options.hnsw?.efSearch }, options.bm25);
      } else {
        contents = {
          corpus: new CorpusStore(),
          vectors: new HnswVectorIndex(embedder.dimension, options.hnsw),
          lexical: new Bm25LexicalIndex(options.bm25),
        };
      }
      return new IndexWriter(dir, embedder, lockPath, options, manifest, contents);
    } catch (error) {
      await releaseLock(lockPath);
      throw error;
    }
  }

  /** The articles as they stand in this writer, including uncommitted changes. */
  get corpus(): CorpusReader {
    return this.#contents.corpus;
  }

  /** The last committed manifest (null before the first commit of a new or rebuilt index). */
  get manifest(): IndexManifest | null {
    return this.#manifest;
  }

  /** Whether there is anything for `commit()` to write. */
  get hasChanges(): boolean {
    return this.#dirty;
  }

  /** Whether an article with this content hash is present (re-ingesting it would be a no-op). */
  hasContentHash(contentHash: string): boolean {
    return this.#contents.corpus.findByContentHash(contentHash) !== undefined;
  }

  /**
   * Adds an article with its chunks, one vector and one token list per chunk (same order). An article with
   * the same docId is replaced. All input is validated before anything changes, so a `StoreError`
   * (code `invalid-input`) leaves the writer as it was.
   */
  addArticle(article: Article, chunks: readonly Chunk[], vectors: readonly number[][], tokens: readonly string[][]): void {
    this.#assertWritable();
    const { corpus, vectors: vectorIndex, lexical } = this.#contents;
    const docId = article?.docId;
    if (!Array.isArray(chunks) || !Array.isArray(vectors) || !Array.isArray(tokens)) {
      throw new StoreError(`article ${docId}: chunks, vectors and tokens must be arrays`, { code: 'invalid-input' });
    }
    if (vectors.length !== chunks.length || tokens.length !== chunks.length) {
      throw new StoreError(`article ${docId}: ${chunks.length} chunks but ${vectors.length} vectors and ${tokens.length} token lists`, {
        code: 'invalid-input',
      });
    }
    vectors.forEach((v, i) => vectorIndex.checkStorable(v, `vector of chunk ${i + 1} of ${docId}`));
    tokens.forEach((t, i) => {
      if (!Array.isArray(t) || !t.every((token) => typeof token === 'string')) {
        throw new StoreError(`article ${docId}: tokens of chunk ${i + 1} must be an array of strings`, { code: 'invalid-input' });
      }
    });

    const replaced = corpus.removeArticle(docId);
    try {
      corpus.addArticle(article, chunks);
    } catch (error) {
      if (replaced) corpus.addArticle(replaced.article, replaced.chunks);
      throw error;
    }
    for (const chunk of replaced?.chunks ?? []) {
      vectorIndex.remove(chunk.id);
      lexical.remove(chunk.id);
    }
    corpus.chunksOf(docId).forEach((chunk, i) => {
      vectorIndex.add(chunk.id, vectors[i] as number[]);
      lexical.add(chunk.id, tokens[i] as string[]);
    });
    this.#dirty = true;
  }

  /** Removes an article and its chunks; false if it was not there. */
  removeArticle(docId: string): boolean {
    this.#assertWritable();
    const removed = this.#contents.corpus.removeArticle(docId);
    if (!removed) return false;
    for (const chunk of removed.chunks) {
      this.#contents.vectors.remove(chunk.id);
      this.#contents.lexical.remove(chunk.id);
    }
    this.#dirty = true;
    return true;
  }

  /**
   * Writes the current state as a new generation and makes it current; returns the new manifest (or the
   * current one when nothing changed). Safe against crashes at any point: see the file comment.
   */
  async commit(): Promise<IndexManifest> {
    this.#assertWritable();
    if (!this.#dirty && this.#manifest) return this.#manifest;
    this.#committing = true;
    try {
      const { corpus, vectors, lexical } = this.#contents;
      const now = (this.#options.now ?? (() => new Date()))().toISOString();
      const generation = Math.max(this.#manifest?.generation ?? 0, this.#previousGeneration ?? 0, await highestGenerationOnDisk(this.#dir)) + 1;

      const tempDir = path.join(this.#dir, `${TEMP_PREFIX}gen-${generation}-${process.pid}`);
      await fs.rm(tempDir, { recursive: true, force: true });
      await fs.mkdir(tempDir);
      await Promise.all([
        vectors.save(tempDir),
        lexical.save(path.join(tempDir, LEXICAL_INDEX_FILE)),
        writeFileDurable(path.join(tempDir, CORPUS_FILE), JSON.stringify(corpus.toJSON())),
      ]);
      await fsyncDir(tempDir);
      await this.#options.hooks?.afterGenerationWritten?.(tempDir);

      const genDir = generationDir(this.#dir, generation);
      await fs.rename(tempDir, genDir);
      await fsyncDir(this.#dir);
      await this.#options.hooks?.beforeManifestSwap?.(genDir);

      const manifest: IndexManifest = {
        formatVersion: INDEX_FORMAT_VERSION,
        embedder: { ...this.#embedder },
        counts: corpus.counts,
        generation,
        createdAt: this.#createdAt ?? now,
        updatedAt: now,
      };
      await writeManifest(this.#dir, manifest);

      const keep = new Set([generation, this.#manifest?.generation ?? this.#previousGeneration ?? generation]);
      this.#previousGeneration = this.#manifest?.generation ?? this.#previousGeneration;
      this.#manifest = manifest;
      this.#createdAt = manifest.createdAt;
      this.#dirty = false;
      await removeStaleEntries(this.#dir, keep);
      return manifest;
    } catch (cause) {
      if (cause instanceof StoreError) throw cause;
      throw new StoreError(`commit to ${this.#dir} failed; the previous generation stays current`, { cause, code: 'io' });
    } finally {
      this.#committing = false;
    }
  }

  /** Releases the lock; uncommitted changes are dropped. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    if (this.#committing) throw new StoreError('cannot close the writer while a commit is running', { code: 'invalid-input' });
    this.#closed = true;
    await releaseLock(this.#lockPath);
  }

  #assertWritable(): void {
    if (this.#closed) throw new StoreError('the index writer is closed', { code: 'invalid-input' });
    // The native index is written from a worker thread during commit; changing it then would tear the file.
    if (this.#committing) throw new StoreError('cannot change the index while a commit is running', { code: 'invalid-input' });
  }
}

async function writeManifest(dir: string, manifest: IndexManifest): Promise<void> {
  const file = path.join(dir, MANIFEST_FILE);
  const temp = path.join(dir, `${TEMP_PREFIX}${MANIFEST_FILE}-${process.pid}`);
  await writeFileDurable(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  await fs.rename(temp, file);
  await fsyncDir(dir);
}

async function highestGenerationOnDisk(dir: string): Promise<number> {
  const entries = await fs.readdir(dir);
  return entries.reduce((highest, name) => Math.max(highest, Number(GENERATION_DIR.exec(name)?.[1] ?? 0)), 0);
}

/**
 * Deletes generations other than `keep` and leftovers of interrupted commits. Best effort: the commit has
 * already happened, and whatever is left is retried by the next writer.
 */
async function removeStaleEntries(dir: string, keep: ReadonlySet<number>): Promise<void> {
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    entries.map(async (name) => {
      const generation = GENERATION_DIR.exec(name)?.[1];
      const stale = name.startsWith(TEMP_PREFIX) || (generation !== undefined && !keep.has(Number(generation)));
      if (stale) await fs.rm(path.join(dir, name), { recursive: true, force: true }).catch(() => undefined);
    }),
  );
}

/** Deletes interrupted commits' temp generations and manifests. Best effort, like `removeStaleEntries`. */
async function removeTempEntries(dir: string): Promise<void> {
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => name.startsWith(TEMP_PREFIX))
      .map((name) => fs.rm(path.join(dir, name), { recursive: true, force: true }).catch(() => undefined)),
  );
}

/**
 * Creates `dir/.lock` exclusively (O_EXCL) with our pid and process start time. A lock whose pid is not a running process is stale
 * (its writer crashed) and is taken over, and so is one whose pid now belongs to a process started at another
 * time (the pid was reused after the writer died); the takeover renames the file aside first and re-checks it, so two
 * processes racing for the same stale lock cannot both win.
 */
async function acquireLock(dir: string): Promise<string> {
  const lockPath = path.join(dir, LOCK_FILE);
  const locked = (holder: string) =>
    new StoreError(`${lockPath} is held by ${holder}; wait for it to finish (delete the file only if no ingest is running)`, {
      code: 'locked',
    });
  for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
    try {
      const handle = await fs.open(lockPath, 'wx');
      try {
        await handle.writeFile(formatLock({ pid: process.pid, startTime: processStartTime(process.pid) }));
      } finally {
        await handle.close();
      }
      return lockPath;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw new StoreError(`cannot create ${lockPath}`, { cause, code: 'io' });
    }
    const content = await fs.readFile(lockPath, 'utf8').catch(() => null);
    if (content === null) continue; // released meanwhile: try again
    const holder = parseLock(content);
    const pid = holder?.pid ?? null;
    if (holder && isLockHolderAlive(holder)) throw locked(pid === process.pid ? 'another writer in this process' : `process ${pid}`);
    if (pid === null) {
      const age = Date.now() - ((await fs.stat(lockPath).catch(() => null))?.mtimeMs ?? 0);
      if (age < EMPTY_LOCK_GRACE_MS) throw locked('a writer that is just starting');
    }
    await takeOverStaleLock(lockPath, content);
  }
  throw locked('another writer');
}

async function takeOverStaleLock(lockPath: string, staleContent: string): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return; // someone else moved it first; the caller retries
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => staleContent);
  // A competitor may have replaced the stale lock with a live one between our read and our rename: put it back.
  if (moved !== staleContent) await fs.link(aside, lockPath).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

/** Who holds a lock: the writer's pid and, where the OS tells, when that process started. */
export interface LockHolder {
  pid: number;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat field 22); null when unknown. */
  startTime: string | null;
}

/** `<pid> <start time>` (or just `<pid>` where start times cannot be read), one line. */
export function formatLock(holder: LockHolder): string {
  return holder.startTime === null ? `${holder.pid}\n` : `${holder.pid} ${holder.startTime}\n`;
}

/** Parses a lock written by `formatLock` (or by an older writer: the pid alone); null when unreadable or empty. */
export function parseLock(content: string): LockHolder | null {
  const [pidText = '', startTime, ...rest] = content.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || rest.length > 0) return null;
  if (startTime !== undefined && !/^\d+$/.test(startTime)) return null;
  return { pid, startTime: startTime ?? null };
}

/**
 * The start time of process `pid` as recorded by Linux (field 22 of /proc/<pid>/stat, in clock ticks since boot),
 * or null where there is no /proc or the process is gone. Together with the pid it names one process for good:
 * a pid is reused, a (pid, start time) pair is not.
 */
export function processStartTime(pid: number): string | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Field 2 (the command name) is in parentheses and may itself hold spaces or ')'; fields 3.. follow the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const startTime = fields[22 - 3];
  return startTime !== undefined && /^\d+$/.test(startTime) ? startTime : null;
}

/** The holder is running: its pid is alive and, when both start times are known, it is the same process. */
function isLockHolderAlive(holder: LockHolder): boolean {
  if (!isProcessAlive(holder.pid)) return false;
  if (holder.startTime === null) return true;
  const current = processStartTime(holder.pid);
  return current === null || current === holder.startTime;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes the lock if it is still ours. */
async function releaseLock(lockPath: string): Promise<void> {
  const content = await fs.readFile(lockPath, 'utf8').catch(() => null);
  const holder = content === null ? null : parseLock(content);
  if (holder?.pid === process.pid && (holder.startTime === null || holder.startTime === processStartTime(process.pid))) {
    await fs.rm(lockPath, { force: true });
  }
}
