/**
 * Pure lookups over tour cards for the chat (/tours, /tour, /compare) and for the answerer: list newest first with
 * region/year filters and pages, find the card a keyword means (湖南那次, 郴州去广州), compare two cards field by
 * field, the card of an article, the cards a question names.
 */
import { foldScript, placeVariants, stripAdminSuffix } from '../text/index.ts';
import type { TourCard } from './types.ts';

/** Cards per page of /tours. */
export const TOURS_PAGE_SIZE = 5;

export interface TourListOptions {
  /** A province, city or delegation word (湖南, 郴州); matches where the delegation comes from or went. */
  region?: string;
  year?: number;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface TourListPage {
  items: TourCard[];
  page: number;
  pages: number;
  total: number;
}

/** The day a card is ordered by: its start, else its newest article's publish date. */
export function tourDate(card: TourCard): string | null {
  return card.start ?? card.published;
}

function yearOf(card: TourCard): number | null {
  const date = tourDate(card);
  return date ? Number(date.slice(0, 4)) : null;
}

/** Everything a card can be recognised by, folded to simplified script. */
function cardWords(card: TourCard): string[] {
  return [
    card.delegation ?? '',
    card.from ?? '',
    ...card.destinations,
    ...card.leaders.map((l) => l.name),
    ...card.docs,
    ...Object.values(card.titles),
  ].filter(Boolean).map(foldScript);
}

function placeMatches(card: TourCard, region: string): boolean {
  const variants = placeVariants(region).filter((v) => v.length >= 2);
  const places = [card.from ?? '', card.delegation ?? '', ...card.destinations].map(foldScript);
  return variants.some((v) => places.some((p) => p.includes(v)));
}

/** Cards newest first, filtered by region and year, one page of them. Pure. */
export function listTours(cards: readonly TourCard[], options: TourListOptions = {}): TourListPage {
  const pageSize = options.pageSize ?? TOURS_PAGE_SIZE;
  const filtered = cards
    .filter((card) => !options.region || placeMatches(card, options.region))
    .filter((card) => options.year === undefined || yearOf(card) === options.year)
    .sort((a, b) => (tourDate(b) ?? '').localeCompare(tourDate(a) ?? '') || a.id.localeCompare(b.id));
  const pages = Math.max(1, Math.ceil(filtered.length / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  return { items: filtered.slice((page - 1) * pageSize, page * pageSize), page, pages, total: filtered.length };
}

/** Parses `/tours` arguments: a four-digit year and/or a region word (`湖南`, `2023`, `湖南 2023`). */
export function parseTourFilter(text: string): Omit<TourListOptions, 'page' | 'pageSize'> {
  const filter: Omit<TourListOptions, 'page' | 'pageSize'> = {};
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const year = /^((?:19|20)\d{2})年?$/.exec(word)?.[1];
    if (year) filter.year = Number(year);
    else filter.region = word;
  }
  return filter;
}

/** Words of a keyword (郴州去广州那趟 → 郴州, 广州). */
function keywordTerms(keyword: string): string[] {
  return foldScript(keyword)
    .split(/[\s,，、]+|去|赴|到|那次|那趟|这次|这趟|的|考察|学习|代表团|党政/)
    .map((t) => t.trim())
    .filter((t) => t.length >= 2);
}

/** How well a keyword names a card: matched terms, with the home and destinations counting most. */
function keywordScore(card: TourCard, terms: readonly string[], keyword: string): number {
  const words = cardWords(card);
  // The delegation written out in full (湖南省党政代表团) names its card before any partial match.
  let score = card.delegation && foldScript(card.delegation).includes(foldScript(keyword.trim())) ? terms.length + 2 : 0;
  for (const term of terms) {
    const short = stripAdminSuffix(term);
    if (words.some((w) => w.includes(term) || (short.length >= 2 && w.includes(short)))) score += 1;
  }
  return score;
}

/** The card a keyword means, or null: all terms should match; ties go to the newest. Pure. */
export function findTour(cards: readonly TourCard[], keyword: string): TourCard | null {
  const direct = cards.find((c) => c.id === keyword.trim());
  if (direct) return direct;
  return findTours(cards, keyword)[0] ?? null;
}

/** Every card a keyword names, best first (all terms matched before some). */
export function findTours(cards: readonly TourCard[], keyword: string): TourCard[] {
  const terms = keywordTerms(keyword);
  if (terms.length === 0) return [];
  return cards
    .map((card) => ({ card, score: keywordScore(card, terms, keyword) }))
    .filter((x) => x.score > 0 && x.score >= Math.ceil(terms.length / 2))
    .sort((a, b) => b.score - a.score || levelRank(a.card) - levelRank(b.card) || (tourDate(b.card) ?? '').localeCompare(tourDate(a.card) ?? ''))
    .map((x) => x.card);
}

/**
 * Among cards a keyword names equally, the delegation of the widest level first: /tour 湖南 means the province's
 * delegation before a county training course from the same province.
 */
const LEVEL_ORDER = ['province', 'city', 'county', 'district'];
function levelRank(card: TourCard): number {
  const at = LEVEL_ORDER.indexOf(card.level ?? '');
  return at < 0 ? LEVEL_ORDER.length : at;
}

/** One row of a comparison: a field's label and both cards' values as short text. */
export interface TourComparisonRow {
  field: 'delegation' | 'dates' | 'leaders' | 'destinations' | 'site_count' | 'sites' | 'agreements';
  label: string;
  a: string;
  b: string;
  same: boolean;
}

export interface TourComparison {
  a: TourCard;
  b: TourCard;
  rows: TourComparisonRow[];
}

/** Shown for a field the articles do not state. */
export const NOT_STATED = '未提及';

/** Date span as text (2023-09-23 至 2023-09-28; one day; 未提及). */
export function dateSpanText(card: TourCard): string {
  if (!card.start && !card.end) return NOT_STATED;
  if (card.start && card.end && card.start !== card.end) return `${card.start} 至 ${card.end}`;
  return card.start ?? `? 至 ${card.end}`;
}

const listText = (values: readonly string[]) => (values.length > 0 ? values.join('、') : NOT_STATED);

/** Two cards side by side: dates, leaders, destinations, site counts, agreements. Pure. */
export function compareTours(a: TourCard, b: TourCard): TourComparison {
  const row = (field: TourComparisonRow['field'], label: string, va: string, vb: string): TourComparisonRow => ({
    field,
    label,
    a: va,
    b: vb,
    same: va === vb && va !== NOT_STATED,
  });
  const leaders = (c: TourCard) => listText(c.leaders.map((l) => (l.title ? `${l.title}${l.name}` : l.name)));
  const count = (c: TourCard) => (c.siteCount === null ? NOT_STATED : `${c.siteCount}个`);
  return {
    a,
    b,
    rows: [
      row('delegation', '代表团', a.delegation ?? a.from ?? NOT_STATED, b.delegation ?? b.from ?? NOT_STATED),
      row('dates', '时间', dateSpanText(a), dateSpanText(b)),
      row('leaders', '带队', leaders(a), leaders(b)),
      row('destinations', '目的地', listText(a.destinations), listText(b.destinations)),
      row('site_count', '考察点数', count(a), count(b)),
      row('sites', '考察点', a.sites.length > 0 ? `${a.sites.length}处（已列名）` : NOT_STATED, b.sites.length > 0 ? `${b.sites.length}处（已列名）` : NOT_STATED),
      row('agreements', '签署', listText(a.agreements), listText(b.agreements)),
    ],
  };
}

/** The first card an article reports (an overview article has several: see `cardsFor`). */
export function cardFor(cards: readonly TourCard[], docId: string): TourCard | null {
  return cards.find((c) => c.docs.includes(docId)) ?? null;
}

/** Every card an article reports. */
export function cardsFor(cards: readonly TourCard[], docId: string): TourCard[] {
  return cards.filter((c) => c.docs.includes(docId));
}

/**
 * The cards a question is about: those whose home, destination, delegation or leader the question names, the
 * ones naming most first. Empty when the question names no tour.
 */
export function cardsMatching(cards: readonly TourCard[], question: string): TourCard[] {
  const q = foldScript(question);
  const scored = cards.map((card) => {
    let score = 0;
    if (card.delegation && q.includes(foldScript(card.delegation))) score += 3;
    for (const leader of card.leaders) if (q.includes(foldScript(leader.name))) score += 2;
    if (card.from && placeVariants(card.from).some((v) => v.length >= 2 && q.includes(v))) score += 1;
    for (const d of card.destinations) if (placeVariants(d).some((v) => v.length >= 2 && q.includes(v))) score += 1;
    return { card, score };
  });
  return scored.filter((s) => s.score >= 2).sort((a, b) => b.score - a.score).map((s) => s.card);
}
