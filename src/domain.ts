/**
 * Domain types shared by every pipeline stage. Types only: no behaviour lives here.
 *
 * Identity rule: a paragraph is addressed by `<docId>#p<n>` where n is its 1-based position in the
 * cleaned article. Citations carry these ids, never positions in a temporary result list.
 */

/** Metadata recovered from an article (or sensible fallbacks). */
export interface ArticleMeta {
  title: string;
  /** News outlet, e.g. 红网, 新京报, 中国访谈网. */
  source: string | null;
  author: string | null;
  /** Publish date normalised to `YYYY-MM-DD` (or `YYYY-MM-DD HH:mm:ss` when a time is given); null when unknown. */
  publishedAt: string | null;
  /** Original URL (from `本文链接:` and similar lines, or the URL it was fetched from). */
  url: string | null;
}

/** What kind of paragraph this is; captions are kept (numbering stays stable) but never used as answer text. */
export type ParagraphKind = 'body' | 'heading' | 'caption';

/** A paragraph of the cleaned article, verbatim as it appears there. */
export interface Paragraph {
  /** `<docId>#p<n>` */
  id: string;
  docId: string;
  /** 1-based number in the cleaned article, shown to users as ¶n. */
  n: number;
  /** Original text, verbatim (used for quotes). */
  text: string;
  kind: ParagraphKind;
}

/** A paragraph as produced by cleaning, before it is bound to a document id. */
export interface CleanParagraph {
  text: string;
  kind: ParagraphKind;
}

/** Output of the pure cleaning step. */
export interface CleanedArticle {
  meta: ArticleMeta;
  paragraphs: CleanParagraph[];
}

/** An ingested article. */
export interface Article {
  /** Stable id derived from the source name (file name slug or URL), survives re-ingestion. */
  docId: string;
  /** Where it came from: file name (relative) or URL. */
  file: string;
  meta: ArticleMeta;
  /** sha256 of the cleaned paragraph texts; identical content means re-ingestion is a no-op. */
  contentHash: string;
  /** ISO timestamp of when this article entered the index. */
  addedAt: string;
  paragraphs: Paragraph[];
}

/**
 * The retrieval unit. Paragraph-based: long paragraphs are split at sentence ends, tiny ones merged with a
 * neighbour. Offsets are into the article's cleaned text, i.e. `paragraphs.map(p => p.text).join('\n')`, so
 * `cleanedText.slice(start, end) === text`.
 */
export interface Chunk {
  /** `<docId>#c<k>` (k 1-based, in article order) */
  id: string;
  docId: string;
  /** 1-based paragraph numbers this chunk covers (one, or several consecutive when merged). */
  paragraphNumbers: number[];
  start: number;
  end: number;
  text: string;
}

/** A chunk as produced by the pure chunker, before it is bound to a document id. */
export type ChunkSpan = Omit<Chunk, 'id' | 'docId'>;
