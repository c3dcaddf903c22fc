/**
 * An article's key sentence: the sentence stating the most informative facts of its tour — who led, when, where,
 * how many, what was signed — as read by the one fact extractor (`src/facts/`). Captions and headings are never
 * quoted: captions describe photos, not events, and headings are not sentences.
 */
import type { Article } from '../domain.ts';
import { dateContextOf, extractParagraphFacts, titledPeopleOf, type DatePoint, type Fact } from '../facts/index.ts';
import { afterDateline, isDatelineDate, namesDay, withMonthsShown } from './dates.ts';
import type { DigestSentence } from './types.ts';

/** What a fact tells about a tour. */
export type TourFactKind = 'leader' | 'when' | 'where' | 'howMany' | 'signed';

/** How much each kind of fact is worth in a digest. */
export const TOUR_FACT_WEIGHTS: Readonly<Record<TourFactKind, number>> = {
  leader: 3,
  signed: 3,
  howMany: 2,
  when: 2,
  where: 2,
};
/**
 * Facts of one kind count up to this many times: 6天,3组,18地,49场现场教学 says more than 6天 alone, but a
 * sentence with several kinds of facts still beats a list of one kind.
 */
const REPEATS_COUNTED = 2;

/** The kind of tour fact `fact` is (in `sentence`), or null for facts that say nothing about the tour. */
export function tourFactKind(fact: Fact, sentence: string): TourFactKind | null {
  switch (fact.kind) {
    case 'person':
      return fact.role === 'lead' ? 'leader' : null;
    case 'date':
      // The day something happened; a dateline dates the report, a bare year or month dates nothing in particular.
      return namesDay(fact) && !isDatelineDate(fact, sentence) ? 'when' : null;
    case 'place':
      return fact.destination ? 'where' : null;
    case 'quantity':
      // A count with its measure word (36个考察点, 6天, 3组); a rank (第二) or a bare sum (1750亿) is not "how many".
      return !fact.ordinal && fact.measure !== '' ? 'howMany' : null;
    case 'document':
      return fact.agreement ? 'signed' : null;
    default:
      return null;
  }
}

/** Weight of a sentence's tour facts (one entry per fact) leaving out the kinds in `covered`. */
export function factWeight(facts: readonly TourFactKind[], covered: ReadonlySet<TourFactKind> = new Set()): number {
  const counts = new Map<TourFactKind, number>();
  for (const kind of facts) if (!covered.has(kind)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  let total = 0;
  for (const [kind, count] of counts) total += TOUR_FACT_WEIGHTS[kind] * Math.min(count, REPEATS_COUNTED);
  return total;
}

export interface KeySentenceOptions {
  /** Shorter sentences are fragments (list items, slogans) and are skipped. */
  minSentenceChars: number;
  /** Longer sentences are shown up to a clause boundary with `……`; only facts in the shown part count. */
  maxSentenceChars: number;
  /** A sentence must add at least this much fact weight not yet covered to be picked; 0 always picks one. */
  minFactGain: number;
}

/** One quotable sentence of an article with the tour facts of its shown part. */
export interface KeySentenceCandidate {
  paragraphId: string;
  paragraph: number;
  /** The verbatim part shown (dateline removed, clipped at a clause boundary). */
  quote: string;
  /** True when the sentence goes on after `quote`. */
  clipped: boolean;
  /** Displayed text: `quote` with months added to bare days, and `……` when clipped. */
  text: string;
  /** The tour fact of each fact in the shown part that is one, in text order (kinds may repeat). */
  facts: TourFactKind[];
  order: number;
}

/** Cuts an over-long sentence at the last clause boundary that fits; the result is a verbatim prefix. */
function clip(sentence: string, maxChars: number): string {
  if (sentence.length <= maxChars) return sentence;
  const head = sentence.slice(0, maxChars);
  const cut = Math.max(...[...'，,、；;：:'].map((mark) => head.lastIndexOf(mark)));
  return cut > maxChars / 3 ? head.slice(0, cut) : head;
}

/** Facts of `facts` inside [from, to), with offsets moved to start at `from`. */
function factsWithin(facts: readonly Fact[], from: number, to: number): Fact[] {
  return facts.filter((f) => f.start >= from && f.end <= to).map((f) => ({ ...f, start: f.start - from, end: f.end - from }));
}

/**
 * Candidates per loaded article and sentence limits: every chat's digest of a day reads the same articles (one
 * index generation holds one object per article), and reading facts is the costly part of composing.
 */
const candidatesByArticle = new WeakMap<Article, Map<string, readonly KeySentenceCandidate[]>>();

/**
 * Every quotable sentence of the article's body paragraphs with its tour facts, in article order. Dates are read
 * in context: a bare 13日 takes the month written before it, else the publication month.
 */
export function keySentenceCandidates(article: Article, options: Pick<KeySentenceOptions, 'minSentenceChars' | 'maxSentenceChars'>): readonly KeySentenceCandidate[] {
  const key = `${options.minSentenceChars}:${options.maxSentenceChars}`;
  const known = candidatesByArticle.get(article) ?? new Map<string, readonly KeySentenceCandidate[]>();
  let candidates = known.get(key);
  if (!candidates) {
    candidates = readCandidates(article, options);
    known.set(key, candidates);
    candidatesByArticle.set(article, known);
  }
  return candidates;
}

function readCandidates(article: Article, options: Pick<KeySentenceOptions, 'minSentenceChars' | 'maxSentenceChars'>): KeySentenceCandidate[] {
  const body = article.paragraphs.filter((p) => p.kind === 'body');
  const people = titledPeopleOf(body.map((p) => p.text));
  const articleContext = dateContextOf(article.meta.publishedAt);
  let carried: DatePoint = { ...articleContext };
  const candidates: KeySentenceCandidate[] = [];
  for (const paragraph of body) {
    const { sentences, date } = extractParagraphFacts(paragraph.text, { date: carried, people });
    // A month carries into the next paragraph of the story; a year named for background does not.
    carried = date.year === articleContext.year ? { year: articleContext.year, month: date.month ?? articleContext.month } : { ...articleContext };
    for (const sentence of sentences) {
      const from = afterDateline(sentence.text, sentence.facts);
      const rest = sentence.text.slice(from);
      if (rest.length < options.minSentenceChars) continue;
      const quote = clip(rest, options.maxSentenceChars);
      const shownFacts = factsWithin(sentence.facts, from, from + quote.length);
      const clipped = quote.length < rest.length;
      candidates.push({
        paragraphId: paragraph.id,
        paragraph: paragraph.n,
        quote,
        clipped,
        text: `${withMonthsShown(quote, shownFacts)}${clipped ? '……' : ''}`,
        facts: shownFacts.map((f) => tourFactKind(f, quote)).filter((k): k is TourFactKind => k !== null),
        order: candidates.length,
      });
    }
  }
  return candidates;
}

/**
 * Kinds that anchor a sentence in the trip itself (a day, a destination, its leader): counts or agreements in a
 * sentence without one are usually background or a speech (深入实施三个“一号工程”), not the tour.
 */
const ANCHORS: ReadonlySet<TourFactKind> = new Set(['when', 'where', 'leader']);

/**
 * The candidate adding the most fact weight not in `covered` (earliest on ties), among the sentences anchored in
 * the trip when there are any; null when none adds at least `minFactGain`. With `minFactGain` 0 an article with
 * quotable text always yields one.
 */
export function pickKeySentence(
  candidates: readonly KeySentenceCandidate[],
  covered: ReadonlySet<TourFactKind>,
  minFactGain: number,
): KeySentenceCandidate | null {
  const anchored = candidates.filter((c) => c.facts.some((kind) => ANCHORS.has(kind)));
  let best: { candidate: KeySentenceCandidate; gain: number } | null = null;
  for (const candidate of anchored.length > 0 ? anchored : candidates) {
    const gain = factWeight(candidate.facts, covered);
    if (!best || gain > best.gain) best = { candidate, gain };
  }
  return best && best.gain >= minFactGain ? best.candidate : null;
}

/** A picked candidate as a digest sentence cited to its paragraph. */
export function toDigestSentence(candidate: KeySentenceCandidate): DigestSentence {
  return { text: candidate.text, citations: [{ paragraphId: candidate.paragraphId, paragraph: candidate.paragraph, quote: candidate.quote }] };
}

/** The article's key sentence given the tour facts already `covered` (by its tour line), or null. */
export function keySentence(article: Article, options: KeySentenceOptions, covered: ReadonlySet<TourFactKind> = new Set()): DigestSentence | null {
  const picked = pickKeySentence(keySentenceCandidates(article, options), covered, options.minFactGain);
  return picked ? toDigestSentence(picked) : null;
}
