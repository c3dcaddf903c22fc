/**
 * What the tour commands (/tours, /tour, /compare) say and how they read their arguments, shared by the Telegram bot
 * and the terminal chat so both behave alike: page and filter words, the card a keyword means (and the others it
 * also names), the two cards of a comparison, examples taken from the served cards, and the messages for empty
 * arguments, no match and an empty index. Pure: rendering is the tours stage's (`renderTour*`), sending the caller's.
 */
import { stripAdminSuffix } from '../text/index.ts';
import { findTour, findTours, listTours, parseTourFilter, type TourCard, type TourListPage } from '../tours/index.ts';

/** What `/tours` asks for: the filter words as typed (region and/or year) and a 1-based page. */
export interface TourListRequest {
  filterText: string;
  page: number;
}

/** A page word: `2`, `第2页`, `p2` (a four-digit number is a year, never a page). */
const PAGE_WORD = /^(?:第(\d{1,3})页|[pP]?(\d{1,3}))$/u;

/** Reads `/tours` arguments: a region and/or a year (`<地区> 2023`), and a page (`<地区> 2`, `第2页`). */
export function parseTourListArgs(args: string): TourListRequest {
  const words = args.trim().split(/\s+/u).filter(Boolean);
  let page = 1;
  const filter: string[] = [];
  for (const word of words) {
    const match = PAGE_WORD.exec(word);
    if (match) page = Math.max(1, Number(match[1] ?? match[2]));
    else filter.push(word);
  }
  return { filterText: filter.join(' '), page };
}

/** One page of the cards a `/tours` request selects, newest first. */
export function tourListPage(cards: readonly TourCard[], request: TourListRequest, pageSize: number): TourListPage {
  return listTours(cards, { ...parseTourFilter(request.filterText), page: request.page, pageSize });
}

/** The `/tours` command that shows `page` of the same filter (for page hints and the terminal's 下一页). */
export function tourListCommand(filterText: string, page: number): string {
  return ['/tours', filterText, page > 1 ? String(page) : ''].filter(Boolean).join(' ');
}

/** The card a keyword means and, beside it, other cards the keyword also names (best first). */
export interface TourLookup {
  card: TourCard | null;
  others: TourCard[];
}

/** Most other matches offered under a card: a short row of buttons or lines, not a second list. */
export const MAX_OTHER_TOURS = 3;

/** Finds the card `/tour <关键词>` shows (a card id works too) and the other cards the keyword names. */
export function lookupTour(cards: readonly TourCard[], keyword: string): TourLookup {
  const card = findTour(cards, keyword);
  if (!card) return { card: null, others: [] };
  const others = findTours(cards, keyword).filter((c) => c.id !== card.id).slice(0, MAX_OTHER_TOURS);
  return { card, others };
}

/** The outcome of reading `/compare` arguments. */
export type ComparisonLookup =
  | { kind: 'usage' }
  | { kind: 'not-found'; keyword: string }
  | { kind: 'same'; card: TourCard }
  | { kind: 'found'; a: TourCard; b: TourCard };

/** Words that join two keywords when the user writes no space (甲和乙, 甲与乙, 甲vs乙, 甲、乙). */
const PAIR_JOINER = /\s*(?:和|与|跟|同|vs\.?|VS|、|，|,|\|)\s*/u;

/**
 * Reads `/compare <甲> <乙>`: two keywords split at spaces (at 和/与/、 when there are none; with more than two words
 * the first split where both sides name a card wins), each resolved like `/tour`. When both name the same card the
 * second keyword's next-best card is taken (a province and one of its cities may both first name the province's
 * tour), so two tours are compared whenever the keywords allow it.
 */
export function lookupComparison(cards: readonly TourCard[], args: string): ComparisonLookup {
  let words = args.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 1) words = words[0]!.split(PAIR_JOINER).filter(Boolean);
  if (words.length < 2) return { kind: 'usage' };
  const splits = words.slice(1).map((_, i) => [words.slice(0, i + 1).join(' '), words.slice(i + 1).join(' ')] as const);
  let first: ComparisonLookup | undefined;
  for (const [left, right] of splits) {
    const outcome = comparePair(cards, left, right);
    if (outcome.kind === 'found') return outcome;
    first ??= outcome;
  }
  return first!;
}

function comparePair(cards: readonly TourCard[], left: string, right: string): ComparisonLookup {
  const a = findTour(cards, left);
  if (!a) return { kind: 'not-found', keyword: left };
  const b = findTour(cards, right);
  if (!b) return { kind: 'not-found', keyword: right };
  if (a.id !== b.id) return { kind: 'found', a, b };
  const otherB = findTours(cards, right).find((c) => c.id !== a.id);
  if (otherB) return { kind: 'found', a, b: otherB };
  const otherA = findTours(cards, left).find((c) => c.id !== b.id);
  return otherA ? { kind: 'found', a: otherA, b } : { kind: 'same', card: a };
}

/** A short name of a card for messages and buttons. */
export function tourName(card: TourCard): string {
  return card.delegation ?? card.from ?? (card.destinations.join('、') || card.id);
}

/** Keywords that work on the served cards, for usage messages: one for /tour, two naming different cards for /compare. */
export interface TourExamples {
  one: string | null;
  pair: [string, string] | null;
}

/**
 * Examples drawn from the cards themselves (newest first): a home region without its suffix, else a destination,
 * kept only when `findTour` really resolves it, so a user who copies the example gets a card.
 */
export function tourExamples(cards: readonly TourCard[]): TourExamples {
  const ordered = listTours(cards, { pageSize: Math.max(1, cards.length) }).items;
  const seen = new Set<string>();
  const resolved: Array<{ word: string; id: string }> = [];
  for (const card of ordered) {
    for (const place of [card.from, ...card.destinations]) {
      const word = place ? stripAdminSuffix(place) : '';
      if (word.length < 2 || seen.has(word)) continue;
      seen.add(word);
      const found = findTour(cards, word);
      if (found) resolved.push({ word, id: found.id });
    }
    if (resolved.length >= 6) break;
  }
  const one = resolved[0]?.word ?? null;
  const second = resolved.find((r) => r.id !== resolved[0]?.id);
  return { one, pair: one && second ? [one, second.word] : null };
}

/** Plain-text messages of the tour commands (the bot escapes them for HTML). */
export const TOUR_TEXT = {
  /** Nothing to list: an empty index, or articles without a recognisable tour. */
  noTours: (articleCount: number) =>
    articleCount === 0
      ? '资料库里还没有文章，暂时没有考察记录。请先收录文章（npm run ingest，或由管理员发送文件）。'
      : `已收录的 ${articleCount} 篇文章中还没有识别出考察记录。`,
  tourUsage: (example: string | null) =>
    `用法：/tour 关键词（代表团、地名或带队领导）${example ? `\n例如：/tour ${example}` : ''}\n用 /tours 查看全部考察记录。`,
  compareUsage: (pair: [string, string] | null) =>
    `用法：/compare 甲 乙（两个关键词用空格分开，各指一次考察）${pair ? `\n例如：/compare ${pair[0]} ${pair[1]}` : ''}`,
  notFound: (keyword: string) => `没有找到与“${keyword}”相关的考察记录。可以换个关键词（代表团、地名或带队领导），或用 /tours 查看全部考察记录。`,
  noneMatching: (filterText: string) => `没有找到符合“${filterText}”的考察记录。用 /tours 查看全部考察记录。`,
  sameTour: (name: string) => `两个关键词指向同一次考察（${name}），请换一个关键词再对比。`,
  staleTour: '这条考察记录已不在资料库中（索引可能已更新），请重新发送 /tours。',
  listHint: '点下方按钮查看某次考察的卡片（每项都有出处）。',
  othersHint: (count: number) => `另有 ${count} 条相关记录，点下方按钮查看。`,
} as const;
