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
/** Drafts depend on one article only; an article object is shared across generations that keep it. */
const draftsByArticle = new WeakMap<Article, TourDraft[]>();

/** Tour cards of a list of articles (in the order given). Pure apart from the per-article memo. */
export function toursOfArticles(articles: readonly Article[]): TourCard[] {
  const drafts = articles.flatMap((article) => {
    let found = draftsByArticle.get(article);
    if (!found) {
      found = extractTours(article);
      draftsByArticle.set(article, found);
    }
    return found;
  });
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
