/**
 * Tour cards of a loaded index. Cards are derived deterministically from the articles of one index generation
 * and cached per generation: they are stored with the index in the sense that matters (rebuilt whenever
 * articles are added, gone with a removed article, never out of step with the paragraphs they cite, as
 * crash-safe as the generation itself), at no cost to ingest.
 */
import type { Article } from '../domain.ts';
import type { CorpusReader } from '../store/index.ts';
import { extractTours, type TourDraft } from './extract.ts';
import { mergeTours } from './merge.ts';
import type { TourCard } from './types.ts';

const cardsByCorpus = new WeakMap<CorpusReader, TourCard[]>();
/**
 * Drafts depend on one article's content only, so a new generation re-reads only the articles it adds or changes
 * (a loaded generation has its own Article objects, hence the content key). Bounded: entries of articles no
 * longer loaded are dropped when a corpus is derived.
 */
const draftsByContent = new Map<string, TourDraft[]>();
const contentKey = (article: Article) => `${article.docId}\u0000${article.contentHash}\u0000${article.meta.publishedAt ?? ''}\u0000${article.meta.title}`;

/** Tour cards of a list of articles (in the order given). Pure apart from the per-article memo. */
export function toursOfArticles(articles: readonly Article[]): TourCard[] {
  const keys = new Set<string>();
  const drafts = articles.flatMap((article) => {
    const key = contentKey(article);
    keys.add(key);
    let found = draftsByContent.get(key);
    if (!found) {
      found = extractTours(article);
      draftsByContent.set(key, found);
    }
    return found;
  });
  if (draftsByContent.size > keys.size * 2) for (const key of draftsByContent.keys()) if (!keys.has(key)) draftsByContent.delete(key);
  return mergeTours(drafts);
}

/** The tour cards of a loaded corpus (one index generation), computed once per generation. */
export function toursOf(corpus: CorpusReader): TourCard[] {
  let cards = cardsByCorpus.get(corpus);
  if (!cards) {
    cards = toursOfArticles(corpus.listArticles());
    cardsByCorpus.set(corpus, cards);
  }
  return cards;
}
