import { existsSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { ChunkSettings, FetchSettings } from '../config.ts';
import type { Article, Chunk, Paragraph } from '../domain.ts';
import type { Embedder } from '../embed/index.ts';
import { IndexWriter, type CorpusReader, type IndexManifest } from '../store/index.ts';
import { chunkParagraphs, cleanArticle, decodeBytes, TextError, tokenizeForIndex } from '../text/index.ts';
import { docIdFor } from './doc-id.ts';
import { IngestError } from './errors.ts';
import { findNearDuplicate, fingerprint, type NearDupFingerprint } from './near-duplicate.ts';
import { KeptSources, UPLOADS_DIR } from './kept-sources.ts';
import { isSourceProblem, readSources, type RawDocument, type SourceProblem } from './sources.ts';

/** What happened to one input (or one removal request). */
export type IngestOutcome =
  | { kind: 'added' | 'replaced'; origin: string; docId: string; title: string; paragraphs: number; chunks: number }
  | { kind: 'unchanged'; origin: string; docId: string; title: string }
  | { kind: 'duplicate'; origin: string; of: string; similarity: number }
  | { kind: 'removed'; docId: string }
  /** `reason` is Chinese, for staff and admins; `detail` the developer's English cause, when there is one. */
  | { kind: 'rejected'; origin: string; reason: string; detail?: string };

export interface IngestReport {
  outcomes: IngestOutcome[];
  /** The manifest after the commit; null when nothing changed (no commit was needed). */
  manifest: IndexManifest | null;
  /**
   * Sources indexed but not kept for rebuilds because writing their copy failed (the index is committed; a
   * rebuild would drop them). Empty or absent when every source was kept.
   */
  notKept?: Array<{ origin: string; reason: string }>;
}

export interface IngestOptions {
  indexDir: string;
  embedder: Embedder;
  chunk: ChunkSettings;
  fetch: FetchSettings;
  /** Start from an empty index. */
  rebuild?: boolean;
  /** Doc ids to remove before adding. */
  remove?: string[];
  /** Origins of files inside this directory are reported relative to it. */
  baseDir?: string;
  /**
   * The corpus directory rebuilds read (CORPUS_DIR). Every ingested source that is not a file (an upload, a URL)
   * is kept under `<corpusDir>/uploads/` so a rebuild still has it; unset, under `<indexDir>/uploads/`, which
   * rebuilds also read.
   */
  corpusDir?: string;
  /** Estimated Jaccard similarity above which an article counts as a re-publication of one already indexed. */
  nearDuplicateThreshold?: number;
  now?: () => Date;
  /** Called after each input is handled (for progress display). */
  onOutcome?: (outcome: IngestOutcome) => void;
}

/**
 * Reads paths/URLs and ingests them into the index at `indexDir` in one commit. Bad inputs are reported, not fatal.
 * A rebuild also reads the sources kept under `<indexDir>/uploads/` (uploads and URLs ingested without a corpus
 * directory), so rebuilding from the corpus directory loses no article.
 */
export async function ingestInputs(inputs: readonly string[], options: IngestOptions): Promise<IngestReport> {
  const keptInIndex = path.join(options.indexDir, UPLOADS_DIR);
  const all = options.rebuild && existsSync(keptInIndex) ? [...inputs, keptInIndex] : inputs;
  return ingestDocuments(readSources(all, { fetch: options.fetch, baseDir: options.baseDir }), options);
}

/**
 * Ingests raw documents (from files, URLs or an upload) into the index: decode → clean → dedupe → chunk → embed →
 * index, committed atomically once at the end. Re-ingesting identical content is a no-op; changed content under
 * the same doc id replaces the article; a near-duplicate of another article is skipped.
 */
export async function ingestDocuments(
  documents: AsyncIterable<RawDocument | SourceProblem> | Iterable<RawDocument | SourceProblem>,
  options: IngestOptions,
): Promise<IngestReport> {
  const writer = await IndexWriter.open(options.indexDir, options.embedder.info, { rebuild: options.rebuild, now: options.now });
  try {
    const outcomes: IngestOutcome[] = [];
    const record = (outcome: IngestOutcome) => {
      outcomes.push(outcome);
      options.onOutcome?.(outcome);
    };
    const removed: string[] = [];
    for (const docId of options.remove ?? []) {
      if (writer.removeArticle(docId)) removed.push(docId);
      record(removed.includes(docId) ? { kind: 'removed', docId } : { kind: 'rejected', origin: docId, reason: '没有这个编号的文章' });
    }
    const fingerprints = new FingerprintCache(writer.corpus);
    const toKeep: Array<{ raw: RawDocument; docId: string }> = [];
    for await (const item of documents) {
      if (isSourceProblem(item)) {
        record({ kind: 'rejected', origin: item.origin, reason: item.reason });
        continue;
      }
      try {
        const outcome = await ingestOne(item, writer, fingerprints, options);
        if ((outcome.kind === 'added' || outcome.kind === 'replaced' || outcome.kind === 'unchanged') && needsKeeping(item, options.corpusDir)) {
          toKeep.push({ raw: item, docId: outcome.docId });
        }
        record(outcome);
      } catch (error) {
        // One bad document never stops the rest; the reason is reported with its origin.
        const detail = error instanceof Error ? error.message : String(error);
        record({ kind: 'rejected', origin: item.origin, reason: describeFailure(error), detail });
      }
    }
    const manifest = writer.hasChanges ? await writer.commit() : null;
    // Copies change only once the index has: a failed commit leaves the kept sources as they were.
    const notKept = await updateKeptSources(options, toKeep, removed);
    return notKept.length > 0 ? { outcomes, manifest, notKept } : { outcomes, manifest };
  } finally {
    await writer.close();
  }
}

/** Where kept copies go: `<corpusDir>/uploads/`, else `<indexDir>/uploads/`. */
function keptSourcesDirs(options: IngestOptions): { primary: KeptSources; all: KeptSources[] } {
  const inIndex = new KeptSources(path.join(options.indexDir, UPLOADS_DIR));
  if (options.corpusDir === undefined) return { primary: inIndex, all: [inIndex] };
  const inCorpus = new KeptSources(path.join(options.corpusDir, UPLOADS_DIR));
  return { primary: inCorpus, all: [inCorpus, inIndex] };
}

/**
 * Whether a rebuild would lose this source unless a copy is kept: an upload or a URL (nothing on disk has it).
 * Files on disk stay where their owner keeps them — copying `npm run ingest -- ~/drafts/` into the corpus would
 * be a surprise. A kept copy under `<indexDir>/uploads/` moves to the corpus once the corpus directory is known.
 */
function needsKeeping(raw: RawDocument, corpusDir: string | undefined): boolean {
  if (raw.path === undefined) return true;
  return raw.docId !== undefined && corpusDir !== undefined && !isInside(raw.path, corpusDir);
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(path.resolve(dir), path.resolve(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function updateKeptSources(
  options: IngestOptions,
  toKeep: ReadonlyArray<{ raw: RawDocument; docId: string }>,
  removed: readonly string[],
): Promise<Array<{ origin: string; reason: string }>> {
  if (toKeep.length === 0 && removed.length === 0) return [];
  const { primary, all } = keptSourcesDirs(options);
  const notKept: Array<{ origin: string; reason: string }> = [];
  for (const docId of removed) {
    for (const kept of all) await kept.forget(docId).catch(() => null);
  }
  for (const { raw, docId } of toKeep) {
    try {
      await primary.keep(raw, docId);
      // A copy kept under the index moved to the corpus: the old one goes.
      const moved = raw.docId !== undefined && raw.path !== undefined ? all.find((k) => k !== primary && isInside(raw.path!, k.dir)) : undefined;
      if (moved) await moved.forget(docId);
    } catch (error) {
      notKept.push({ origin: raw.origin, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return notKept;
}

async function ingestOne(raw: RawDocument, writer: IndexWriter, fingerprints: FingerprintCache, options: IngestOptions): Promise<IngestOutcome> {
  const { text, encoding } = decodeBytes(raw.bytes);
  const noise = noiseShare(text);
  if (noise > MAX_NOISE_SHARE) {
    return { kind: 'rejected', origin: raw.origin, reason: LOOKS_BINARY, detail: `${Math.round(noise * 100)}% of the characters decoded as ${encoding} are replacement or Latin-1 noise` };
  }
  const cleaned = cleanArticle(text, { fileName: raw.name, url: raw.url, format: raw.format });
  const bodyTexts = cleaned.paragraphs.filter((p) => p.kind === 'body').map((p) => p.text);
  if (bodyTexts.length === 0) return { kind: 'rejected', origin: raw.origin, reason: '清理后没有找到文章正文' };

  const docId = uniqueDocId(raw, writer.corpus, options.baseDir);
  const paragraphs: Paragraph[] = cleaned.paragraphs.map((p, i) => ({ id: `${docId}#p${i + 1}`, docId, n: i + 1, text: p.text, kind: p.kind }));
  const contentHash = createHash('sha256').update(paragraphs.map((p) => p.text).join('\n')).digest('hex');
  const title = cleaned.meta.title;

  const existing = writer.corpus.getArticle(docId);
  if (existing?.contentHash === contentHash) return { kind: 'unchanged', origin: raw.origin, docId, title };
  const sameContent = writer.corpus.findByContentHash(contentHash);
  if (sameContent && sameContent.docId !== docId) return { kind: 'duplicate', origin: raw.origin, of: sameContent.docId, similarity: 1 };
  const print = fingerprint(bodyTexts);
  const near = findNearDuplicate(print, fingerprints.others(docId), options.nearDuplicateThreshold);
  if (near) return { kind: 'duplicate', origin: raw.origin, of: near.docId, similarity: near.similarity };

  const article: Article = {
    docId,
    file: raw.origin,
    meta: cleaned.meta,
    contentHash,
    addedAt: (options.now?.() ?? new Date()).toISOString(),
    paragraphs,
  };
  const chunks = chunksFor(article, options.chunk);
  if (chunks.length === 0) return { kind: 'rejected', origin: raw.origin, reason: '没有可检索的正文' };
  let vectors: number[][];
  try {
    vectors = await options.embedder.embedDocuments(chunks.map((c) => withTitle(article, c)));
  } catch (cause) {
    throw new IngestError(`embedding failed for ${raw.origin}`, { cause });
  }
  if (existing) writer.removeArticle(docId);
  writer.addArticle(article, chunks, vectors, chunks.map((c) => tokenizeForIndex(c.text)));
  fingerprints.set(docId, print);
  return { kind: existing ? 'replaced' : 'added', origin: raw.origin, docId, title, paragraphs: paragraphs.length, chunks: chunks.length };
}

/** The reason given for bytes that are not text. */
export const LOOKS_BINARY = '看起来是二进制文件，不是文本';

/**
 * Above this share of noise characters a decoded text is not an article: bytes such as 1,000 × 0xFF contain no
 * NUL or control byte, so the decoder accepts them (as "ÿÿÿ…" in a single-byte encoding, or U+FFFD).
 */
const MAX_NOISE_SHARE = 0.3;

/**
 * The share of non-space characters that are decoding noise: U+FFFD, C1 controls and Latin-1 letters and symbols
 * (U+0080–U+00FF; an article has at most a few ©, ·, ×), and private-use characters.
 */
export function noiseShare(text: string): number {
  let visible = 0;
  let noise = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    visible += 1;
    const code = ch.codePointAt(0)!;
    if (code === 0xfffd || (code >= 0x80 && code <= 0xff) || (code >= 0xe000 && code <= 0xf8ff)) noise += 1;
  }
  return visible === 0 ? 0 : noise / visible;
}

/** A Chinese reason for a document that failed to decode or index (the English message goes into `detail`). */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TextError) {
    if (/looks binary/.test(message)) return LOOKS_BINARY;
    if (/odd number of bytes/.test(message)) return '文件不完整（UTF-16 编码的字节数为奇数）';
    if (/cannot decode/.test(message)) return '无法识别文字编码（不是 UTF-8，也不是可读的 GBK/GB18030 或 Big5 中文）';
  }
  if (error instanceof IngestError && /embedding failed/.test(message)) return '生成向量失败';
  return '处理失败';
}

/**
 * What gets embedded for a chunk:/**
 * What gets embedded for a chunk: questions name the tour the way headlines do (郴州党政代表团赴广州…) while
 * paragraphs say 考察团 or nothing at all, so the vector carries the article's title. (Not done for BM25: there the
 * shared title would make length normalisation, not content, decide between chunks of one article.)
 */
function withTitle(article: Article, chunk: Chunk): string {
  return `${article.meta.title}\n${chunk.text}`;
}

/** Paragraph-based chunks; chunks made only of photo captions are not indexed (captions never answer). */
function chunksFor(article: Article, settings: ChunkSettings): Chunk[] {
  const kindOf = new Map(article.paragraphs.map((p) => [p.n, p.kind]));
  return chunkParagraphs(article.paragraphs, settings)
    .filter((span) => span.paragraphNumbers.some((n) => kindOf.get(n) !== 'caption') && span.text.trim() !== '')
    .map((span, i) => ({ ...span, id: `${article.docId}#c${i + 1}`, docId: article.docId }));
}

/**
 * The doc id comes from the file name, so two different files with the same name (a/x.txt, b/x.txt) would collide;
 * the second one gets a short hash of its origin appended, which is stable across re-ingestion.
 */
function uniqueDocId(raw: RawDocument, corpus: CorpusReader, baseDir: string | undefined): string {
  // A kept copy keeps the id it was first indexed under, unless another source took that id meanwhile.
  if (raw.docId !== undefined) {
    const holder = corpus.getArticle(raw.docId);
    if (!holder || holder.file === raw.origin) return raw.docId;
  }
  const base = docIdFor(raw);
  const existing = corpus.getArticle(base);
  if (!existing || sameSource(existing.file, raw.origin, baseDir ?? process.cwd())) return base;
  const suffix = createHash('sha1').update(raw.origin).digest('hex').slice(0, 6);
  return `${base}-${suffix}`;
}

/**
 * Whether an indexed article's recorded origin and a new one name the same source. Origins are recorded as given
 * (relative to the working directory of that run), so `data/articles/x.txt` and `../kaocha/data/articles/x.txt`
 * may be one file: same file name, and the recorded path does not resolve to a different file that still exists.
 */
function sameSource(recorded: string, origin: string, baseDir: string): boolean {
  if (recorded === origin) return true;
  if (/^https?:\/\//i.test(recorded) || /^https?:\/\//i.test(origin)) return false;
  if (path.basename(recorded) !== path.basename(origin)) return false;
  const recordedPath = path.resolve(baseDir, recorded);
  return recordedPath === path.resolve(baseDir, origin) || !existsSync(recordedPath);
}

/** Near-duplicate fingerprints of indexed articles, computed once per run and only when first needed. */
class FingerprintCache {
  #prints: Map<string, NearDupFingerprint> | null = null;
  constructor(private readonly corpus: CorpusReader) {}

  others(docId: string): Array<{ docId: string; fp: NearDupFingerprint }> {
    return [...this.#all()].filter(([id]) => id !== docId).map(([id, fp]) => ({ docId: id, fp }));
  }

  set(docId: string, print: NearDupFingerprint): void {
    this.#all().set(docId, print);
  }

  #all(): Map<string, NearDupFingerprint> {
    this.#prints ??= new Map(
      this.corpus.listArticles().map((a) => [a.docId, fingerprint(a.paragraphs.filter((p) => p.kind === 'body').map((p) => p.text))]),
    );
    return this.#prints;
  }
}

