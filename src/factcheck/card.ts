/**
 * Card first: the claim's tour card (src/tours) decides the tour-level slots — who led (with titles), when the
 * tour ran, where it went, how many sites, which agreement, how long and how far — before sentence evidence.
 * A card field only decides a fact the sentences left open (not found); a contradiction found in the sentences
 * stands. The tour span is the exception: the card is the one place that knows the whole span, so a claimed span
 * is always held against it (6月9日至12日 against a tour of 6月9日至11日).
 *
 * Every card decision is cited by a sentence of the card's citations in the judged article, so the evidence shown
 * stays a verbatim sentence of that article.
 */
import { compareDates, compareQuantities, extractFacts, matchView, titleHeld, type DateFact, type DatePoint, type DateValue, type QuantityFact } from '../facts/index.ts';
import { cardsFor, type TourCard, type TourCitation, type TourField } from '../tours/index.ts';
import { GENERIC_PLACES, measuresCompatible, placeVariants, provinceOf, stripAdminSuffix } from '../text/index.ts';
import type { ArticleReading, ArticleSentence } from './article.ts';
import { GROUP_NOUNS, type Claim, type ClaimFact } from './claim.ts';
import { containsPhrase, contextSaid, countsNamedPeople, sameSlot, titlesAsWritten, type ArticleJudgement, type FactOutcome } from './judge.ts';

const LEAD_VERB = /率领|带领|带队|率队|领队|率团|领衔|率/;

/** Nouns of a site count (36个考察点, 20个点位). */
const SITE_COUNT_NOUN = /^(?:[\u3400-\u9fff]{0,4}(?:考察|参观|观摩|调研|学习|走访)点(?:位)?|点位|点)$/;
/** Measures of figures a tour has one of (its duration, its distance, its size): another value is a contradiction. */
const SINGLE_FIGURES: readonly string[] = ['天', '公里', '人'];

type Person = Extract<ClaimFact, { kind: 'person' }>;
type DateClaim = Extract<ClaimFact, { kind: 'date' }>;
type QuantityClaim = Extract<ClaimFact, { kind: 'quantity' }>;

function namesIn(text: string | null | undefined, place: string): boolean {
  if (!text) return false;
  const view = matchView(text);
  return placeVariants(place).some((v) => v.length >= 2 && view.includes(v));
}

/** How well a card fits the claim's tour: 0 when it is another group's (the subject's place is not its home). */
function fit(claim: Claim, card: TourCard, alone: boolean): number {
  const subject = claim.facts.find((f): f is Extract<ClaimFact, { kind: 'subject' }> => f.kind === 'subject');
  const home = `${card.from ?? ''}${card.delegation ?? ''}`;
  let score = 0;
  if (subject && subject.subject.places.length > 0) {
    if (!subject.subject.places.every((p) => namesIn(home, p))) return 0;
    score += 3;
  }
  // Without a group noun, a place naming the group's home (参加渌口区这次考察的…) stands for the group.
  const homeNamed = !subject && claim.facts.some((f) => f.kind === 'place' && !f.destination && namesIn(home, f.canonical));
  if (homeNamed) score += 3;
  const leaders = card.leaders.map((l) => matchView(l.name));
  const led = claim.facts.some((f) => f.kind === 'person' && leaders.includes(f.name));
  if (led) score += 2;
  for (const f of claim.facts) if (f.kind === 'place' && card.destinations.some((d) => namesIn(d, f.canonical))) score += 1;
  // A claim naming neither the group's home nor its leader is about this card only when the article reports one tour.
  if (score === 0 || (!led && !homeNamed && !(subject && subject.subject.places.length > 0))) return alone && (subject || led) ? Math.max(score, 1) : 0;
  return score;
}

/** The card of the claim's tour among the cards of one article, or null when none or several fit equally. */
export function cardOfClaim(claim: Claim, cards: readonly TourCard[], docId: string): TourCard | null {
  const own = cardsFor(cards, docId);
  const scored = own.map((card) => ({ card, score: fit(claim, card, own.length === 1) })).filter((s) => s.score > 0).sort((a, b) => b.score - a.score);
  if (scored.length === 0) return null;
  if (scored.length > 1 && scored[1]!.score === scored[0]!.score) return null;
  return scored[0]!.card;
}

/**
 * In a report of several tours, the part about the claim's tour: the paragraphs its card cites. Null for a report
 * of one tour (all of it is about the tour) or when the claim's card is not known.
 */
export function tourScope(card: TourCard | null, cards: readonly TourCard[], docId: string): ((sentence: ArticleSentence) => boolean) | null {
  if (!card || cardsFor(cards, docId).length < 2) return null;
  const paragraphs = new Set(Object.values(card.citations).flatMap((list) => (list ?? []).map((c) => c.paragraphId)));
  return (sentence) => paragraphs.has(sentence.paragraph.id);
}

/** Cards whose home or leader the claim names: their articles are read even when retrieval missed them. */
export function cardsNamedBy(claim: Claim, cards: readonly TourCard[]): TourCard[] {
  const subject = claim.facts.find((f): f is Extract<ClaimFact, { kind: 'subject' }> => f.kind === 'subject');
  return cards.filter((card) => {
    const home = `${card.from ?? ''}${card.delegation ?? ''}`;
    if (subject && subject.subject.places.length > 0) return subject.subject.places.every((p) => namesIn(home, p));
    const leaders = card.leaders.map((l) => matchView(l.name));
    return claim.facts.some((f) => f.kind === 'person' && leaders.includes(f.name));
  });
}

/**
 * Whether the claim is about the tour as a whole, so that a card field can stand for it: no site, meeting or
 * other organisation (those are events at one place and time, read from sentences), no act but leading, and no
 * single day (a day is one leg of the tour).
 */
function tourLevel(claim: Claim): boolean {
  return claim.facts.every((f) => {
    if (f.kind === 'org' || f.kind === 'meeting') return false;
    if (f.kind === 'person') return (f.role === null || f.role === 'lead') && !f.holder;
    if (f.kind === 'date') return !isSingleDay(f.date);
    return true;
  });
}

function isSingleDay(date: DateValue): boolean {
  return date.from.day !== undefined && (date.to.day === undefined || (date.to.day === date.from.day && (date.to.month ?? date.from.month) === date.from.month));
}

/** The sentence of the reading a card citation quotes, if the citation is in this article. */
function citedSentence(citations: readonly TourCitation[] | undefined, reading: ArticleReading, holds: (s: ArticleSentence) => boolean = () => true): ArticleSentence | undefined {
  for (const citation of citations ?? []) {
    const sentence = reading.sentences.find(
      (s) => s.paragraph.id === citation.paragraphId && (s.text === citation.quote || citation.quote.includes(s.text) || s.text.includes(citation.quote)) && holds(s),
    );
    if (sentence) return sentence;
  }
  return undefined;
}

function cite(card: TourCard, field: TourField, reading: ArticleReading, holds?: (s: ArticleSentence) => boolean): ArticleSentence | undefined {
  return citedSentence(card.citations[field], reading, holds);
}

function pointOf(iso: string): DatePoint {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

function datesIn(sentence: ArticleSentence): DateFact[] {
  return sentence.facts.filter((f): f is DateFact => f.kind === 'date' && f.from.day !== undefined);
}

const samePoint = (a: DatePoint, b: DatePoint) => a.month === b.month && a.day === b.day;

/** The tour span as the article writes it (6月9日至11日), from the start and end citations. */
function spanText(card: TourCard, start: DatePoint, end: DatePoint, reading: ArticleReading): { text: string; sentence: ArticleSentence } | null {
  const startSentence = cite(card, 'start', reading, (s) => datesIn(s).some((d) => samePoint(d.from, start)));
  if (!startSentence) return null;
  const startDate = datesIn(startSentence).find((d) => samePoint(d.from, start))!;
  const startText = startSentence.text.slice(startDate.start, startDate.end);
  if (samePoint(startDate.to, end)) return { text: startText, sentence: startSentence };
  const endSentence = cite(card, 'end', reading, (s) => datesIn(s).some((d) => samePoint(d.to, end)));
  const endDate = endSentence && datesIn(endSentence).find((d) => samePoint(d.to, end));
  return { text: endDate ? `${startText}至${endSentence!.text.slice(endDate.start, endDate.end)}` : startText, sentence: startSentence };
}

function judgeDate(fact: DateClaim, card: TourCard, reading: ArticleReading): FactOutcome | null {
  if (!card.start || !card.end) return null;
  const span: DateValue = { from: pointOf(card.start), to: pointOf(card.end) };
  const result = compareDates(fact.date, span);
  const written = spanText(card, span.from, span.to, reading);
  if (!written) return null;
  if (fact.date.from.day !== undefined) {
    // A claimed span of days is the tour's span or another one; a single day is never judged here.
    const exact = samePoint(fact.date.from, span.from) && samePoint(fact.date.to, span.to) && result === 'same';
    if (exact) return { fact, status: 'confirmed', sentence: written.sentence };
    if (result === 'unknown' && (fact.date.from.month === undefined || fact.date.to.month === undefined)) return null;
    return { fact, status: 'contradicted', source: written.text, sentence: written.sentence, mismatchKind: 'date' };
  }
  if (result === 'same') return { fact, status: 'confirmed', sentence: written.sentence };
  if (result === 'different') return { fact, status: 'contradicted', source: written.text, sentence: written.sentence, mismatchKind: 'date' };
  return null;
}

function judgeLeader(fact: Person, claim: Claim, card: TourCard, reading: ArticleReading): FactOutcome | null {
  // Leaders as the card's citations show them: named in a sentence that says they led this group (a verb of
  // leading or the group's noun) — a post in a working group (工作组组长由…担任) is not leading the delegation.
  const subject = claim.facts.find((f): f is Extract<ClaimFact, { kind: 'subject' }> => f.kind === 'subject');
  const nouns = subject ? GROUP_NOUNS[subject.subject.family] : [];
  const leadingIn = (name: string) => cite(card, 'leaders', reading, (s) => s.view.includes(name) && (LEAD_VERB.test(s.view) || nouns.some((n) => s.view.includes(n))));
  const leaders = card.leaders.filter((l) => leadingIn(matchView(l.name)));
  const leader = leaders.find((l) => matchView(l.name) === fact.name);
  if (!leader && fact.role === 'lead' && leaders.length > 0) {
    // The card knows who led; someone else named as leading it did not (广西党政代表团由贵州省长陈敏尔率领).
    const sentence = leadingIn(matchView(leaders[0]!.name));
    if (!sentence) return null;
    const group = subject ? subject.subject.noun : '代表团';
    const led = leaders.map((l) => `${l.title ?? ''}${l.name}`).join('和');
    return { fact, status: 'contradicted', source: `${led}率领`, sentence, mismatchKind: 'person', note: `原文中率领${group}的是${led}，而非${fact.title ?? ''}${fact.name}` };
  }
  if (!leader || fact.holder || (fact.role !== null && fact.role !== 'lead')) return null;
  const sentence = leadingIn(fact.name);
  if (!sentence) return null;
  // The title the card keeps, or any of the chain the cited sentence writes before the name (…党委书记、…主任彭清华).
  const written = titlesAsWritten(sentence, fact.name);
  const held = (chain: string | null | undefined) => !!chain && titleHeld(fact.title!, matchView(chain));
  if (fact.title && !held(leader.title) && !held(written)) return null;
  return { fact, status: 'confirmed', sentence };
}

function judgePlace(fact: Extract<ClaimFact, { kind: 'place' }>, claim: Claim, card: TourCard, reading: ArticleReading, several: boolean): FactOutcome | null {
  const subject = claim.facts.find((f) => f.kind === 'subject');
  if (GENERIC_PLACES.has(fact.canonical)) return null;
  // The group's home named without a group noun (参加渌口区这次考察的…) is the group itself.
  if (!fact.destination && !subject && namesIn(`${card.from ?? ''}${card.delegation ?? ''}`, fact.canonical)) {
    const sentence = cite(card, 'delegation', reading) ?? cite(card, 'from', reading);
    return sentence ? { fact, status: 'confirmed', sentence } : null;
  }
  // Only where the group went (赴宁波): a place signing or hosting is not a destination.
  if (!fact.destination) return null;
  // The group's own home is the subject, not a destination.
  if (subject && fact.start >= subject.start && fact.end <= subject.end) return null;
  if (!card.destinations.some((d) => namesIn(d, fact.canonical))) {
    // A province the report never names, where the card's destinations are all provinces: they went elsewhere
    // (浙江省党政代表团赴安徽 against 赴江苏、上海). A city is not judged so: it may lie in a destination province.
    const provinces = card.destinations.map((d) => provinceOf(stripAdminSuffix(matchView(d))));
    // In a report of several tours only the card's own paragraphs must be silent about it.
    const cited = new Set(Object.values(card.citations).flatMap((list) => (list ?? []).map((c) => c.paragraphId)));
    const told = several ? reading.sentences.filter((s) => cited.has(s.paragraph.id)).map((s) => s.view).join('\n') : reading.view;
    if (!provinceOf(fact.canonical) || provinces.length === 0 || provinces.some((p) => !p) || namesIn(told, fact.canonical)) return null;
    const sentence = cite(card, 'destinations', reading);
    if (!sentence) return null;
    return { fact, status: 'contradicted', source: `赴${card.destinations.join('、')}`, sentence, mismatchKind: 'place' };
  }
  const sentence = cite(card, 'destinations', reading, (s) => placeVariants(fact.canonical).some((v) => v.length >= 2 && s.view.includes(v)));
  return sentence ? { fact, status: 'confirmed', sentence } : null;
}

function quantityIn(sentence: ArticleSentence, value: number, noun: RegExp | null): QuantityFact | undefined {
  return sentence.facts.find((f): f is QuantityFact => f.kind === 'quantity' && f.value === value && (!noun || noun.test(f.noun)));
}

function quantityText(sentence: ArticleSentence, q: QuantityFact): string {
  const end = q.end + (q.noun && sentence.view.startsWith(q.noun, q.end) ? q.noun.length : 0);
  return sentence.text.slice(q.start, end);
}

function judgeQuantity(fact: QuantityClaim, claim: Claim, card: TourCard, reading: ArticleReading): FactOutcome | null {
  const q = fact.quantity;
  if (q.ordinal) return null;
  const countsSites = /^[个处]$/.test(q.measure) && SITE_COUNT_NOUN.test(q.noun);
  if (countsSites && card.siteCount !== null) {
    const count = card.siteCount;
    const sentence = cite(card, 'site_count', reading, (s) => quantityIn(s, count, SITE_COUNT_NOUN) !== undefined);
    if (!sentence) return null;
    const source = quantityIn(sentence, count, SITE_COUNT_NOUN)!;
    const result = compareQuantities(q, source);
    if (result === 'same') return { fact, status: 'confirmed', sentence };
    if (result === 'different') return { fact, status: 'contradicted', source: quantityText(sentence, source), sentence, mismatchKind: 'number' };
    return null;
  }
  for (const figure of card.figures) {
    const read = extractFacts(figure.value).find((f): f is QuantityFact => f.kind === 'quantity');
    if (!read || !SINGLE_FIGURES.some((measure) => measuresCompatible(read.measure, measure)) || !sameSlot(q, read)) continue;
    if (countsNamedPeople(q) && !read.noun) continue;
    const sentence = cite(card, 'figures', reading, (s) => s.view.includes(matchView(figure.value)));
    if (!sentence || !contextSaid(claim, fact, sentence.view)) continue;
    const at = sentence.view.indexOf(matchView(figure.value));
    const source = sentence.facts.find((f): f is QuantityFact => f.kind === 'quantity' && f.start === at) ?? read;
    const result = compareQuantities(q, source);
    if (result === 'same') return { fact, status: 'confirmed', sentence };
    if (result === 'different') return { fact, status: 'contradicted', source: sentence.text.slice(at, at + figure.value.length), sentence, mismatchKind: 'number' };
  }
  return null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A claimed duration of the tour (考察了三天) against the card's span (4月21日至22日 is two days), when the claim
 * places the tour nowhere but where the card says it went and the card states no duration of its own.
 */
function judgeDuration(fact: QuantityClaim, claim: Claim, card: TourCard, reading: ArticleReading): FactOutcome | null {
  const q = fact.quantity;
  if (q.ordinal || !measuresCompatible(q.measure, '天') || !card.start || !card.end) return null;
  if (card.figures.some((f) => /[天日]/.test(f.value))) return null;
  const subject = claim.facts.find((f) => f.kind === 'subject');
  const elsewhere = claim.facts.some(
    (f) => f.kind === 'place' && !(subject && f.start >= subject.start && f.end <= subject.end) && !card.destinations.some((d) => namesIn(d, f.canonical)),
  );
  if (elsewhere) return null;
  const days = Math.round((Date.parse(card.end) - Date.parse(card.start)) / DAY_MS) + 1;
  if (!Number.isFinite(days) || days < 1) return null;
  const written = spanText(card, pointOf(card.start), pointOf(card.end), reading);
  if (!written) return null;
  const result = compareQuantities(q, { ...q, value: days, bound: 'exact' });
  if (result === 'same') return { fact, status: 'confirmed', sentence: written.sentence };
  if (result === 'different') return { fact, status: 'contradicted', source: `${written.text}（${days}天）`, sentence: written.sentence, mismatchKind: 'number' };
  return null;
}

function judgeAgreement(fact: ClaimFact & { kind: 'document'; name: string }, card: TourCard, reading: ArticleReading): FactOutcome | null {
  const name = fact.name.replace(/[《》“”"\s]/g, '');
  if (name.length < 4) return null;
  const agreement = card.agreements.find((a) => containsPhrase(matchView(a).replace(/[《》“”"\s]/g, ''), name));
  if (!agreement) return null;
  const sentence = cite(card, 'agreements', reading, (s) => s.view.includes(matchView(agreement)));
  return sentence ? { fact, status: 'confirmed', sentence } : null;
}

/** What the card says about one fact of the claim, or null when the card has no field for it. */
function judgeFact(fact: ClaimFact, claim: Claim, card: TourCard, reading: ArticleReading, wholeTour: boolean, several: boolean): FactOutcome | null {
  switch (fact.kind) {
    case 'person':
      return judgeLeader(fact, claim, card, reading);
    case 'date':
      return wholeTour ? judgeDate(fact, card, reading) : null;
    case 'place':
      return wholeTour ? judgePlace(fact, claim, card, reading, several) : null;
    case 'quantity':
      return judgeQuantity(fact, claim, card, reading) ?? (wholeTour ? judgeDuration(fact, claim, card, reading) : null);
    case 'document':
      return judgeAgreement(fact as ClaimFact & { kind: 'document'; name: string }, card, reading);
    default:
      return null;
  }
}

/**
 * A judgement with the card's decisions laid over it: a fact the sentences did not find takes the card's outcome;
 * a claimed tour span always takes it. `several`: the article reports several tours. Pure.
 */
export function withCard(judgement: ArticleJudgement, claim: Claim, card: TourCard | null, several = false): ArticleJudgement {
  if (!card || !judgement.subjectMatches) return judgement;
  const wholeTour = tourLevel(claim);
  const outcomes = judgement.outcomes.map((outcome) => {
    const fact = outcome.fact;
    // A span the sentences confirm was written out as such; any other claimed span is the card's to judge.
    const spanClaim = fact.kind === 'date' && wholeTour && !isSingleDay(fact.date) && outcome.status === 'contradicted';
    if (outcome.status !== 'not_found' && !spanClaim) return outcome;
    return judgeFact(fact, claim, card, judgement.reading, wholeTour, several) ?? outcome;
  });
  return { ...judgement, outcomes };
}
