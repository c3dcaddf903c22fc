/**
 * Composing a digest from new articles: pure functions, no I/O, nothing rendered. Articles are grouped by the
 * tour card they report (`src/tours/`); each tour gets its line from the card (who went where, when, who led, how
 * many sites), and each article its key sentence when that adds a fact the line does not state (an agreement
 * signed, a leader the card lacks). An article without a tour card is shown by its key sentence alone. Groups are
 * newest first.
 */
import type { Article } from '../domain.ts';
import { shortenTitle } from '../chat/index.ts';
import { placeVariants } from '../text/index.ts';
import { cardFor, toursOfArticles, type TourCard } from '../tours/index.ts';
import { articleDate } from './dates.ts';
import { keySentenceCandidates, pickKeySentence, toDigestSentence, type KeySentenceOptions, type TourFactKind } from './key-sentence.ts';
import { factsStated, labelsTour, tourLine, type TourLineOptions } from './tour-line.ts';
import type { Digest, DigestFilters, DigestGroup, DigestItem } from './types.ts';

export interface ComposeOptions extends KeySentenceOptions, TourLineOptions {
  /**
   * An article without a tour card always gets its key sentence; one with a tour line only when the sentence adds
   * at least this much fact weight to the line (see `TOUR_FACT_WEIGHTS`).
   */
  minFactGain: number;
  /** An article without a tour card is labelled by this many characters of its title. */
  labelTitleChars: number;
}

export const DEFAULT_COMPOSE_OPTIONS: ComposeOptions = {
  minSentenceChars: 12,
  // About two lines of a phone screen.
  maxSentenceChars: 72,
  minFactGain: 3,
  maxLeaders: 2,
  maxDestinations: 4,
  labelTitleChars: 20,
};

/** True when the article passes the keyword and region filters (title or non-caption text, any region alias). */
export function matchesFilters(article: Article, filters: DigestFilters): boolean {
  const text = [article.meta.title, ...article.paragraphs.filter((p) => p.kind !== 'caption').map((p) => p.text)].join('\n');
  if (filters.keyword && !text.toLowerCase().includes(filters.keyword.toLowerCase())) return false;
  if (filters.region && !placeVariants(filters.region).some((variant) => text.includes(variant))) return false;
  return true;
}

interface Draft {
  card: TourCard | null;
  entries: Array<{ article: Article; item: DigestItem; order: number }>;
}

/** Newest first; undated last; ties keep listing order. */
function newestFirst(a: { date: string | null; order: number }, b: { date: string | null; order: number }): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.order - b.order;
}

/**
 * Composes the digest of `articles` (already limited to the period, in listing order): filtered, grouped by tour
 * card, each tour with its line and each article with its key sentence where it adds to the line; newest first,
 * with a one-line overview (`新增5篇，4次考察`).
 */
export function composeDigest(articles: readonly Article[], filters: DigestFilters = {}, options: Partial<ComposeOptions> = {}): Digest {
  const settings = { ...DEFAULT_COMPOSE_OPTIONS, ...options };
  const kept = articles.filter((article) => matchesFilters(article, filters));
  const cards = toursOfArticles(kept);
  const drafts = new Map<string, Draft>();
  kept.forEach((article, order) => {
    const found = cardFor(cards, article.docId);
    const card = found && labelsTour(found) ? found : null;
    const key = card ? `tour:${card.id}` : `article:${article.docId}`;
    const draft = drafts.get(key) ?? { card, entries: [] };
    draft.entries.push({ article, item: toItem(article), order });
    drafts.set(key, draft);
  });
  const groups = [...drafts.values()].map((draft) => {
    draft.entries.sort((a, b) => newestFirst({ date: a.item.date, order: a.order }, { date: b.item.date, order: b.order }));
    return { group: toGroup(draft, settings), date: draft.entries[0]!.item.date ?? draft.card?.start ?? null, order: Math.min(...draft.entries.map((e) => e.order)) };
  });
  groups.sort(newestFirst);
  const count = kept.length;
  const tours = groups.filter((g) => g.group.tour).length;
  const overview = count === 0 ? '没有新增文章。' : `新增${count}篇${tours > 0 ? `，${tours}次考察` : ''}`;
  return { overview, groups: groups.map((g) => g.group) };
}

function toItem(article: Article): DigestItem {
  return {
    docId: article.docId,
    title: article.meta.title,
    source: article.meta.source,
    ...articleDate(article),
    url: article.meta.url,
    sentences: [],
  };
}

function toGroup(draft: Draft, options: ComposeOptions): DigestGroup {
  const newest = draft.entries[0]!;
  const line = draft.card ? tourLine(draft.card, newest.item.date ? Number(newest.item.date.slice(0, 4)) : null, options) : null;
  // What the line states needs no quote; each article's sentence then adds what the line and the sentences of
  // newer reports do not say yet.
  const covered = new Set<TourFactKind>(line && draft.card ? factsStated(line, draft.card) : []);
  for (const { article, item } of draft.entries) {
    const picked = pickKeySentence(keySentenceCandidates(article, options), covered, line ? options.minFactGain : 0);
    if (!picked) continue;
    item.sentences = [toDigestSentence(picked)];
    for (const kind of picked.facts) covered.add(kind);
  }
  return {
    label: line?.label.text ?? shortenTitle(newest.item.title, options.labelTitleChars),
    tour: line,
    items: draft.entries.map((e) => e.item),
  };
}

/** All items of a digest in display order. */
export function digestItems(digest: Digest): DigestItem[] {
  return digest.groups.flatMap((g) => g.items);
}
