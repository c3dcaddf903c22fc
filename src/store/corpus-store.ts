import type { Article, ArticleMeta, Chunk, Paragraph, ParagraphKind } from '../domain.ts';
import { StoreError, REBUILD_HINT } from './errors.ts';
import type { IndexCounts } from './types.ts';

/** File name inside a generation directory. */
export const CORPUS_FILE = 'corpus.json';

const CORPUS_FORMAT = 'kaocha-corpus';
const CORPUS_FORMAT_VERSION = 1;
const PARAGRAPH_KINDS: readonly ParagraphKind[] = ['body', 'heading', 'caption'];

/** Read access to the stored articles, paragraphs and chunks. Returned objects are shared: do not mutate them. */
export interface CorpusReader {
  readonly counts: IndexCounts;
  getArticle(docId: string): Article | undefined;
  /** All articles in the order they were added. */
  listArticles(): Article[];
  getParagraph(paragraphId: string): Paragraph | undefined;
  getChunk(chunkId: string): Chunk | undefined;
  /** The article's chunks in article order; empty for an unknown article. */
  chunksOf(docId: string): readonly Chunk[];
  /** An article whose cleaned content has this hash (the first added, if several share it). */
  findByContentHash(contentHash: string): Article | undefined;
}

/**
 * On-disk form. Ids that follow from the identity rule (`<docId>#p<n>`, `<docId>#c<k>`) and chunk texts (a
 * slice of the cleaned text) are not stored: they are rebuilt on load, which halves the file and means a
 * loaded corpus satisfies the invariants by construction.
 */
export interface CorpusSnapshot {
  format: typeof CORPUS_FORMAT;
  version: number;
  articles: StoredArticle[];
}

interface StoredArticle {
  docId: string;
  file: string;
  meta: ArticleMeta;
  contentHash: string;
  addedAt: string;
  /** [kind, text] per paragraph, in order (n = position + 1). */
  paragraphs: [ParagraphKind, string][];
  /** [paragraphNumbers, start, end] per chunk, in order (k = position + 1). */
  chunks: [number[], number, number][];
}

/**
 * Articles with their paragraphs and chunks, in memory, with the lookups retrieval and answering need.
 * `addArticle` enforces the domain invariants (ids, numbering, chunk text = slice of the cleaned text) so a
 * citation can always be traced back to verbatim article text.
 */
export class CorpusStore implements CorpusReader {
  readonly #articles = new Map<string, Article>();
  readonly #paragraphs = new Map<string, Paragraph>();
  readonly #chunks = new Map<string, Chunk>();
  readonly #chunksByDoc = new Map<string, Chunk[]>();
  readonly #docIdsByHash = new Map<string, string[]>();

  get counts(): IndexCounts {
    return { articles: this.#articles.size, paragraphs: this.#paragraphs.size, chunks: this.#chunks.size };
  }

  getArticle(docId: string): Article | undefined {
    return this.#articles.get(docId);
  }

  listArticles(): Article[] {
    return [...this.#articles.values()];
  }

  getParagraph(paragraphId: string): Paragraph | undefined {
    return this.#paragraphs.get(paragraphId);
  }

  getChunk(chunkId: string): Chunk | undefined {
    return this.#chunks.get(chunkId);
  }

  chunksOf(docId: string): readonly Chunk[] {
    return this.#chunksByDoc.get(docId) ?? [];
  }

  findByContentHash(contentHash: string): Article | undefined {
    const docId = this.#docIdsByHash.get(contentHash)?.[0];
    return docId === undefined ? undefined : this.#articles.get(docId);
  }

  /**
   * Adds an article with its chunks (copies are stored). Throws `StoreError` (code `invalid-input`) when the
   * docId is already present or an invariant of `domain.ts` does not hold.
   */
  addArticle(article: Article, chunks: readonly Chunk[]): void {
    if (this.#articles.has(article?.docId)) {
      throw new StoreError(`article ${article.docId} is already in the corpus (remove it first)`, { code: 'invalid-input' });
    }
    const stored = copyValidated(article, chunks);
    this.#articles.set(stored.article.docId, stored.article);
    for (const p of stored.article.paragraphs) this.#paragraphs.set(p.id, p);
    for (const c of stored.chunks) this.#chunks.set(c.id, c);
    this.#chunksByDoc.set(stored.article.docId, stored.chunks);
    const sameContent = this.#docIdsByHash.get(stored.article.contentHash);
    if (sameContent) sameContent.push(stored.article.docId);
    else this.#docIdsByHash.set(stored.article.contentHash, [stored.article.docId]);
  }

  /** Removes an article and its paragraphs and chunks; returns what was removed, or undefined if unknown. */
  removeArticle(docId: string): { article: Article; chunks: readonly Chunk[] } | undefined {
    const article = this.#articles.get(docId);
    if (!article) return undefined;
    const chunks = this.chunksOf(docId);
    this.#articles.delete(docId);
    for (const p of article.paragraphs) this.#paragraphs.delete(p.id);
    for (const c of chunks) this.#chunks.delete(c.id);
    this.#chunksByDoc.delete(docId);
    const sameContent = (this.#docIdsByHash.get(article.contentHash) ?? []).filter((id) => id !== docId);
    if (sameContent.length > 0) this.#docIdsByHash.set(article.contentHash, sameContent);
    else this.#docIdsByHash.delete(article.contentHash);
    return { article, chunks };
  }

  /** The compact on-disk form (see `CorpusSnapshot`). */
  toJSON(): CorpusSnapshot {
    return {
      format: CORPUS_FORMAT,
      version: CORPUS_FORMAT_VERSION,
      articles: this.listArticles().map((a) => ({
        docId: a.docId,
        file: a.file,
        meta: a.meta,
        contentHash: a.contentHash,
        addedAt: a.addedAt,
        paragraphs: a.paragraphs.map((p): [ParagraphKind, string] => [p.kind, p.text]),
        chunks: this.chunksOf(a.docId).map((c): [number[], number, number] => [c.paragraphNumbers, c.start, c.end]),
      })),
    };
  }

  /** Rebuilds a store from `toJSON()` output (already parsed). Throws `StoreError` (code `corrupt`) if malformed. */
  static fromJSON(value: unknown, source = 'corpus'): CorpusStore {
    const corrupt = (why: string, cause?: unknown) =>
      new StoreError(`${source} is corrupt (${why}) — ${REBUILD_HINT}`, { cause, code: 'corrupt' });
    const snapshot = value as Partial<CorpusSnapshot> | null;
    if (!snapshot || typeof snapshot !== 'object' || snapshot.format !== CORPUS_FORMAT) throw corrupt('not a corpus file');
    if (snapshot.version !== CORPUS_FORMAT_VERSION) {
      throw corrupt(`format version ${String(snapshot.version)}, expected ${CORPUS_FORMAT_VERSION}`);
    }
    if (!Array.isArray(snapshot.articles)) throw corrupt('articles must be an array');
    const store = new CorpusStore();
    snapshot.articles.forEach((stored, i) => {
      try {
        const { article, chunks } = expandStoredArticle(stored);
        store.addArticle(article, chunks);
      } catch (cause) {
        const why = cause instanceof StoreError ? cause.message.replace(/^index: /, '') : 'malformed entry';
        throw corrupt(`article #${i + 1}: ${why}`, cause);
      }
    });
    return store;
  }
}

/** The text chunk offsets refer to (see `Chunk` in domain.ts). */
function cleanedTextOf(paragraphs: readonly { text: string }[]): string {
  return paragraphs.map((p) => p.text).join('\n');
}

function expandStoredArticle(stored: StoredArticle): { article: Article; chunks: Chunk[] } {
  const { docId } = stored;
  if (!Array.isArray(stored.paragraphs) || !Array.isArray(stored.chunks)) throw new TypeError('paragraphs/chunks missing');
  const paragraphs = stored.paragraphs.map(([kind, text], i): Paragraph => ({ id: `${docId}#p${i + 1}`, docId, n: i + 1, text, kind }));
  const cleanedText = cleanedTextOf(paragraphs);
  const chunks = stored.chunks.map(([paragraphNumbers, start, end], i): Chunk => ({
    id: `${docId}#c${i + 1}`,
    docId,
    paragraphNumbers,
    start,
    end,
    text: typeof start === 'number' && typeof end === 'number' ? cleanedText.slice(start, end) : '',
  }));
  const { file, meta, contentHash, addedAt } = stored;
  return { article: { docId, file, meta, contentHash, addedAt, paragraphs }, chunks };
}

/** Validates an article and its chunks against the domain invariants and returns fresh copies. */
function copyValidated(article: Article, chunks: readonly Chunk[]): { article: Article; chunks: Chunk[] } {
  const invalid = (why: string) => new StoreError(`article ${String(article?.docId)}: ${why}`, { code: 'invalid-input' });
  if (!article || typeof article !== 'object') throw new StoreError('article must be an object', { code: 'invalid-input' });
  const { docId } = article;
  if (typeof docId !== 'string' || docId === '') throw invalid('docId must be a non-empty string');
  for (const field of ['file', 'contentHash', 'addedAt'] as const) {
    if (typeof article[field] !== 'string') throw invalid(`${field} must be a string`);
  }
  const meta = copyMeta(article.meta, invalid);
  if (!Array.isArray(article.paragraphs)) throw invalid('paragraphs must be an array');
  const paragraphs = article.paragraphs.map((p, i): Paragraph => {
    const n = i + 1;
    if (!p || p.docId !== docId || p.n !== n || p.id !== `${docId}#p${n}`) {
      throw invalid(`paragraph ${n} must have n=${n}, id ${docId}#p${n} and the article's docId`);
    }
    if (typeof p.text !== 'string' || !PARAGRAPH_KINDS.includes(p.kind)) throw invalid(`paragraph ${n} has a bad text or kind`);
    return { id: p.id, docId, n, text: p.text, kind: p.kind };
  });
  if (!Array.isArray(chunks)) throw invalid('chunks must be an array');
  const cleanedText = cleanedTextOf(paragraphs);
  const copies = chunks.map((c, i): Chunk => {
    const k = i + 1;
    if (!c || c.docId !== docId || c.id !== `${docId}#c${k}`) throw invalid(`chunk ${k} must have id ${docId}#c${k} and the article's docId`);
    const numbers = c.paragraphNumbers;
    const consecutive =
      Array.isArray(numbers) &&
      numbers.length > 0 &&
      numbers.every((n, j) => Number.isInteger(n) && n >= 1 && n <= paragraphs.length && (j === 0 || n === (numbers[j - 1] as number) + 1));
    if (!consecutive) throw invalid(`chunk ${c.id} must cover consecutive existing paragraph numbers`);
    const spanOk = Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.start < c.end && c.end <= cleanedText.length;
    if (!spanOk || cleanedText.slice(c.start, c.end) !== c.text) {
      throw invalid(`chunk ${c.id} text must equal the cleaned text between its offsets ${c.start}..${c.end}`);
    }
    return { id: c.id, docId, paragraphNumbers: [...numbers], start: c.start, end: c.end, text: c.text };
  });
  const { file, contentHash, addedAt } = article;
  return { article: { docId, file, meta, contentHash, addedAt, paragraphs }, chunks: copies };
}

function copyMeta(meta: ArticleMeta, invalid: (why: string) => StoreError): ArticleMeta {
  if (!meta || typeof meta !== 'object' || typeof meta.title !== 'string') throw invalid('meta.title must be a string');
  const nullable = (field: 'source' | 'author' | 'publishedAt' | 'url') => {
    const value = meta[field];
    if (value !== null && typeof value !== 'string') throw invalid(`meta.${field} must be a string or null`);
    return value;
  };
  return {
    title: meta.title,
    source: nullable('source'),
    author: nullable('author'),
    publishedAt: nullable('publishedAt'),
    url: nullable('url'),
  };
}
