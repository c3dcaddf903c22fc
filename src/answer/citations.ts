import type { Article, Paragraph } from '../domain.ts';
import type { Citation } from './types.ts';

/**
 * Numbers citations in order of first use, one number per paragraph: two sentences from the same paragraph share
 * `[n]`. Citations are keyed by paragraph id, never by a position in a result list.
 */
export class CitationBook {
  readonly #byParagraph = new Map<string, Citation>();

  /** Returns the citation number for this paragraph, registering it (with `quote` as its quote) on first use. */
  cite(paragraph: Paragraph, article: Article, quote: string): number {
    const existing = this.#byParagraph.get(paragraph.id);
    if (existing) return existing.n;
    const citation = citationFor(this.#byParagraph.size + 1, paragraph, article, quote);
    this.#byParagraph.set(paragraph.id, citation);
    return citation.n;
  }

  citations(): Citation[] {
    return [...this.#byParagraph.values()];
  }
}

/** Builds the citation record users and tools see for a paragraph. */
export function citationFor(n: number, paragraph: Paragraph, article: Article, quote: string): Citation {
  return {
    n,
    paragraphId: paragraph.id,
    docId: article.docId,
    file: article.file,
    title: article.meta.title,
    paragraph: paragraph.n,
    quote,
    text: paragraph.text,
    url: article.meta.url,
    date: article.meta.publishedAt,
    source: article.meta.source,
  };
}
