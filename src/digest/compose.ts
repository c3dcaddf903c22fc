/**
 * Composing a digest from new articles: pure functions, no I/O. Each article yields its lead sentence plus the
 * sentences adding the most salient facts not yet covered (who led the delegation, when, where, how many sites,
 * what was signed), each cited to its paragraph with a verbatim quote. Captions and headings are never quoted:
 * captions describe photos, not events, and headings are not sentences.
 */
import type { Article } from '../domain.ts';
import { withMonths } from '../chat/dates.ts';
import { delegationIn } from '../chat/follow-up.ts';
import { GENERIC_PLACES, PROVINCES, placeVariants, splitSentences } from '../text/index.ts';
import type { Digest, DigestFilters, DigestGroup, DigestItem, DigestSentence } from './types.ts';

export interface ComposeOptions {
  /** Sentences per article, lead included. */
  maxSentences: number;
  /** Below this, the next most factual sentences are added even when they add no new kind of fact. */
  minSentences: number;
  /** A sentence must add at least this much fact weight (see `SALIENT_FACTS`) to be picked after the lead. */
  minFactGain: number;
  /** Shorter sentences are fragments (list items, slogans) and are skipped. */
  minSentenceChars: number;
  /** Longer sentences are shown up to a clause boundary with `……`; the quote is that verbatim prefix. */
  maxSentenceChars: number;
  /** The lead is looked for in this many first body paragraphs. */
  leadParagraphs: number;
  /** Articles about the same tour are grouped when published at most this many days apart. */
  groupMaxDaysApart: number;
  /** The overview line is cut (with `…`) beyond this many characters. */
  overviewMaxChars: number;
  /** An article without a recognisable tour is named in the overview by this many characters of its title. */
  overviewTitleChars: number;
}

export const DEFAULT_COMPOSE_OPTIONS: ComposeOptions = {
  maxSentences: 3,
  minSentences: 2,
  minFactGain: 2,
  minSentenceChars: 12,
  maxSentenceChars: 160,
  leadParagraphs: 3,
  groupMaxDaysApart: 10,
  overviewMaxChars: 90,
  overviewTitleChars: 14,
};

/** A kind of fact that makes a sentence worth quoting, with its weight. */
export interface SalientFact {
  name: 'leader' | 'sites' | 'agreement' | 'date' | 'place';
  weight: number;
  pattern: RegExp;
}

const NUMBER = '[\\d一二三四五六七八九十百两几多]+';
const PROVINCE_NAMES = PROVINCES.map((p) => p.common);

/** The facts a digest sentence should carry; a sentence with several new facts beats one with many repeats. */
export const SALIENT_FACTS: readonly SalientFact[] = [
  { name: 'leader', weight: 3, pattern: /率领|率队|带队|领队|(?:书记|省长|市长|县长|区长|主任|主席|部长)[^，。,；;]{0,12}率/ },
  { name: 'sites', weight: 3, pattern: new RegExp(`${NUMBER}\\s*个(?:考察|调研|教学)?点|考察点|${NUMBER}\\s*场现场教学|${NUMBER}\\s*个(?:省份|城市|县)`) },
  { name: 'agreement', weight: 3, pattern: /签署|签订|签约|合作协议|框架协议|备忘录/ },
  { name: 'date', weight: 2, pattern: /\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|\d{1,2}日[-—至]\d{1,2}日|\d{1,2}日(?:上午|下午|傍晚|晚上|起)/ },
  { name: 'place', weight: 2, pattern: new RegExp(PROVINCE_NAMES.join('|')) },
];

/** The salient facts a sentence states. */
export function factsIn(sentence: string): Set<SalientFact['name']> {
  return new Set(SALIENT_FACTS.filter((f) => f.pattern.test(sentence)).map((f) => f.name));
}

function factWeight(names: Iterable<SalientFact['name']>): number {
  let total = 0;
  for (const name of names) total += SALIENT_FACTS.find((f) => f.name === name)?.weight ?? 0;
  return total;
}

/** Publish date as `YYYY-MM-DD`, or null. */
export function articleDate(article: Article): string | null {
  const match = /^\d{4}-\d{2}-\d{2}/.exec(article.meta.publishedAt ?? '');
  return match ? match[0] : null;
}

function quotableParagraphs(article: Article) {
  return article.paragraphs.filter((p) => p.kind === 'body');
}

/** True when the article passes the keyword and region filters (title or non-caption text, any region alias). */
export function matchesFilters(article: Article, filters: DigestFilters): boolean {
  const text = [article.meta.title, ...article.paragraphs.filter((p) => p.kind !== 'caption').map((p) => p.text)].join('\n');
  if (filters.keyword && !text.toLowerCase().includes(filters.keyword.toLowerCase())) return false;
  if (filters.region && !placeVariants(filters.region).some((variant) => text.includes(variant))) return false;
  return true;
}

interface Candidate {
  paragraphId: string;
  paragraph: number;
  text: string;
  facts: Set<SalientFact['name']>;
  order: number;
}

/** Cuts an over-long sentence at the last clause boundary that fits; the result is a verbatim prefix. */
function clip(sentence: string, maxChars: number): string {
  if (sentence.length <= maxChars) return sentence;
  const head = sentence.slice(0, maxChars);
  const cut = Math.max(...[...'，,、；;：:'].map((mark) => head.lastIndexOf(mark)));
  return cut > maxChars / 3 ? head.slice(0, cut) : head;
}

/**
 * Picks an article's key sentences: the lead (the most factual sentence of the first body paragraphs, earliest on
 * ties), then greedily the sentences adding the most fact weight not yet covered, topped up to `minSentences` with
 * the most factual remaining ones. Returned in article order, each cited to its paragraph with a verbatim quote.
 */
export function keySentences(article: Article, options: ComposeOptions = DEFAULT_COMPOSE_OPTIONS): DigestSentence[] {
  const candidates: Candidate[] = [];
  const bodyParagraphs = quotableParagraphs(article);
  for (const paragraph of bodyParagraphs) {
    for (const span of splitSentences(paragraph.text)) {
      if (span.text.length < options.minSentenceChars) continue;
      candidates.push({ paragraphId: paragraph.id, paragraph: paragraph.n, text: span.text, facts: factsIn(span.text), order: candidates.length });
    }
  }
  if (candidates.length === 0) return [];
  const leadZone = new Set(bodyParagraphs.slice(0, options.leadParagraphs).map((p) => p.id));
  const lead = candidates
    .filter((c) => leadZone.has(c.paragraphId))
    .reduce<Candidate | undefined>((best, c) => (!best || factWeight(c.facts) > factWeight(best.facts) ? c : best), undefined) ?? candidates[0]!;
  const picked = [lead];
  const covered = new Set(lead.facts);
  while (picked.length < options.maxSentences) {
    let best: { candidate: Candidate; gain: number; weight: number } | null = null;
    for (const candidate of candidates) {
      if (picked.includes(candidate)) continue;
      const gain = factWeight([...candidate.facts].filter((f) => !covered.has(f)));
      const weight = factWeight(candidate.facts);
      if (!best || gain > best.gain || (gain === best.gain && weight > best.weight)) best = { candidate, gain, weight };
    }
    if (!best) break;
    const enough = picked.length >= options.minSentences;
    if (enough && best.gain < options.minFactGain) break;
    // Nothing factual left: a fact-free filler sentence would only dilute the digest.
    if (!enough && best.weight === 0) break;
    picked.push(best.candidate);
    for (const fact of best.candidate.facts) covered.add(fact);
  }
  return picked
    .sort((a, b) => a.order - b.order)
    .map((c) => {
      const quote = clip(c.text, options.maxSentenceChars);
      return {
        text: quote === c.text ? quote : `${quote}……`,
        citations: [{ paragraphId: c.paragraphId, paragraph: c.paragraph, quote }],
      };
    });
}

/** Who went where, as read from a title or lead: `郴州` + `广州` → label `郴州赴广州`. */
export interface Tour {
  origin: string;
  /** The destination as written (广东、江西、湖北 / 江浙 / 广州). */
  destination: string;
  /** Provinces the destination names (aliases expanded); empty when it names none (a city, 市州). */
  provinces: string[];
  label: string;
}

const CITY_BEFORE_DELEGATION = /([\u4e00-\u9fa5]{2})(?=市|州|县|党政|代表团|考察团)/;
const DESTINATION = /^([\u4e00-\u9fa5、]{2,16}?)(?:学习|考察|调研|督导|取经|交流|参观|开展|密集|集体|[,，。:：;；“]|$)/;

function firstOrigin(text: string): string | null {
  let best: { at: number; name: string } | null = null;
  for (const name of PROVINCE_NAMES) {
    const at = text.indexOf(name);
    if (at >= 0 && (!best || at < best.at)) best = { at, name };
  }
  if (best) return best.name;
  return CITY_BEFORE_DELEGATION.exec(text)?.[1] ?? null;
}

function provincesIn(destination: string): string[] {
  const found = new Set<string>();
  for (const token of destination.split('、')) {
    for (const variant of placeVariants(token)) if (PROVINCE_NAMES.includes(variant)) found.add(variant);
    for (const name of PROVINCE_NAMES) if (token.includes(name)) found.add(name);
  }
  return [...found].sort();
}

/** Several provinces by their one-character abbreviations (广东、江西、湖北 → 粤赣鄂): short enough for a phone. */
function compactDestination(destination: string, provinces: readonly string[]): string {
  const parts = destination.split('、');
  if (parts.length < 2 || parts.length !== provinces.length) return destination;
  const abbreviations = parts.map((part) => PROVINCES.find((p) => p.common === part || p.name === part)?.abbreviations[0]);
  return abbreviations.every(Boolean) ? abbreviations.join('') : destination;
}

/**
 * Reads the tour an article reports (`<delegation>…赴<destination>`) from its title, else its first body
 * paragraphs. The label names the delegation when the text does (湖南省党政代表团赴粤赣鄂), else its origin.
 */
export function tourOf(article: Article): Tour | null {
  const texts = [article.meta.title, ...quotableParagraphs(article).slice(0, 2).flatMap((p) => splitSentences(p.text).map((s) => s.text))];
  let found: Tour | null = null;
  for (const text of texts) {
    for (let at = text.indexOf('赴'); at >= 0; at = text.indexOf('赴', at + 1)) {
      const origin = firstOrigin(text.slice(0, at));
      const destination = DESTINATION.exec(text.slice(at + 1))?.[1]?.replace(/^(?:先后|分别)/, '');
      if (!origin || !destination || destination.length < 2 || GENERIC_PLACES.has(destination)) continue;
      const provinces = provincesIn(destination);
      const delegation = delegationIn(text.slice(0, at))?.text;
      const tour = { origin, destination, provinces, label: `${delegation ?? origin}赴${compactDestination(destination, provinces)}` };
      // The title's tour wins unless a later sentence names the delegation itself.
      if (delegation) return tour;
      found ??= tour;
    }
  }
  return found;
}

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

function sameTour(a: { tour: Tour | null; date: string | null }, b: { tour: Tour | null; date: string | null }, maxDays: number): boolean {
  if (!a.tour || !b.tour || a.tour.origin !== b.tour.origin) return false;
  const overlap =
    a.tour.provinces.length > 0 ? a.tour.provinces.some((p) => b.tour!.provinces.includes(p)) : a.tour.destination === b.tour.destination;
  if (!overlap) return false;
  // Delegations from one province travel often; without both dates two reports are only grouped if they name the same trip.
  if (a.date && b.date) return daysApart(a.date, b.date) <= maxDays;
  return a.tour.label === b.tour.label;
}

function shortTitle(title: string, maxChars: number): string {
  return title.length <= maxChars ? title : `${title.slice(0, maxChars)}…`;
}

/**
 * Composes the digest of `articles` (already limited to the period, in listing order): filtered, summarised,
 * grouped by tour, with a one-line overview such as `新增3篇：湖南赴广东、江西、湖北（2篇）；郴州赴广州`.
 */
export function composeDigest(articles: readonly Article[], filters: DigestFilters = {}, options: Partial<ComposeOptions> = {}): Digest {
  const settings = { ...DEFAULT_COMPOSE_OPTIONS, ...options };
  const groups: Array<DigestGroup & { members: Array<{ tour: Tour | null; date: string | null }> }> = [];
  // Newest first (undated last; ties keep listing order), so the groups follow their newest report.
  const newestFirst = [...articles].sort((a, b) => (articleDate(b) ?? '').localeCompare(articleDate(a) ?? ''));
  for (const article of newestFirst) {
    if (!matchesFilters(article, filters)) continue;
    const item = toItem(article, settings);
    const member = { tour: tourOf(article), date: item.date };
    const group = groups.find((g) => g.members.some((m) => sameTour(m, member, settings.groupMaxDaysApart)));
    if (group) {
      group.items.push(item);
      group.members.push(member);
      // Name the group after the report naming the most destinations (the overall tour, not one leg of it).
      const widest = group.members.reduce((w, m) => ((m.tour?.provinces.length ?? 0) > (w.tour?.provinces.length ?? 0) ? m : w));
      if (widest.tour) group.label = widest.tour.label;
    } else {
      groups.push({ label: member.tour?.label ?? shortTitle(item.title, settings.overviewTitleChars), items: [item], members: [member] });
    }
  }
  const count = groups.reduce((n, g) => n + g.items.length, 0);
  const names = groups.map((g) => (g.items.length > 1 ? `${g.label}（${g.items.length}篇）` : g.label));
  let overview = count === 0 ? '没有新增文章。' : `新增${count}篇：${names.join('；')}`;
  if (overview.length > settings.overviewMaxChars) overview = `${overview.slice(0, settings.overviewMaxChars - 1)}…`;
  return { overview, groups: groups.map(({ label, items }) => ({ label, items })) };
}

function toItem(article: Article, options: ComposeOptions): DigestItem {
  return {
    docId: article.docId,
    title: article.meta.title,
    source: article.meta.source,
    date: articleDate(article),
    url: article.meta.url,
    sentences: keySentences(article, options).map((sentence) => ({ ...sentence, text: monthsFor(sentence.text, article, sentence.citations[0]?.paragraph) })),
  };
}

/** A day without its month (13日傍晚) reads as the month given before it in the article, else the publication month. */
function monthsFor(text: string, article: Article, paragraphNumber: number | undefined): string {
  const body = article.paragraphs.filter((p) => p.kind === 'body' && (paragraphNumber === undefined || p.n <= paragraphNumber)).map((p) => p.text).join('\n');
  const at = body.lastIndexOf(text.slice(0, 12));
  return withMonths(text, at >= 0 ? body.slice(0, at) : body, article.meta.publishedAt);
}

/** All items of a digest in display order. */
export function digestItems(digest: Digest): DigestItem[] {
  return digest.groups.flatMap((g) => g.items);
}
