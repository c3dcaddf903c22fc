/**
 * Answers from tour cards: who led, when, how many sites and what was signed, for a question about one tour, read
 * from the tour's card when the card has the field (every card field keeps the sentence it was read from). The
 * card reads the whole article, so it answers where the retrieved sentences alone say only 代表团 or name the date
 * in another paragraph. Falls back (null) whenever the tour or the slot is not certain.
 */
import type { Paragraph } from '../domain.ts';
import { extractFacts, type DateFact, type Fact, type QuantityFact } from '../facts/index.ts';
import type { RetrievedChunk } from '../retrieve/index.ts';
import { escapeRegExp, foldScript, placeVariants, stripAdminSuffix } from '../text/index.ts';
import type { TourCard, TourCitation, TourField } from '../tours/index.ts';
import type { QuestionAnalysis } from './question.ts';

/** One cited sentence of a card answer and the facts in it that carry the answer. */
export interface CardEvidence {
  paragraph: Paragraph;
  /** The cited sentence, verbatim in `paragraph`. */
  quote: string;
  filling: Fact[];
}

export interface CardAnswer {
  card: TourCard;
  field: TourField;
  short: string;
  evidence: CardEvidence[];
}

/** What card answering needs of the corpus. */
export interface CardCorpus {
  getParagraph(id: string): Paragraph | undefined;
}

/** How many of the best retrieved chunks may point at the tour. */
const TOUR_EVIDENCE_CHUNKS = 3;
/** Counted nouns that ask for the stated number of sites (考察了多少个点, 几个考察点). */
const SITE_FOCUS = /^(?:考察点|考察点位|点位|点|个点|站点|考察地|参观点)$/;
/** Words a question about the trip as a whole may use besides naming it; anything else asks about a part of it. */
const TRIP_WORDS = /代表团|考察团|观摩团|学习团|调研组|督查组|党政|一行|这次|那次|此次|本次|这趟|那趟|那个|这个|团|考察|学习|调研|参观|出访|访问|交流|之行|行程|去|赴|到|前往|在|的|了|是|和|与|及|一共|总共|共|期间|时候|何时|哪天|几号|几月|哪几天|哪些天|时间|日期|从|至|到|起止|开始|结束|天|号|\s/g;

/** Which card field a question asks for, or null when it asks for something a card does not hold. */
function askedField(question: QuestionAnalysis): 'leaders' | 'start' | 'site_count' | 'agreements' | null {
  const q = question.folded;
  if (question.type === 'who' && question.asksLeader && !question.title && !/陪同|会见|主持|接待|签/.test(q)) return 'leaders';
  if (question.type === 'howMany' && question.focus && SITE_FOCUS.test(question.focus)) return 'site_count';
  if ((question.type === 'what' || question.type === 'list') && /签(?:署|订|约|了|下)?(?:了)?(?:什么|哪些|哪几|啥|几)/.test(q) && !/项目|企业|公司/.test(q)) return 'agreements';
  if (question.type === 'when' && tripOnly(question)) return 'start';
  return null;
}

/** The question names only the trip (who, where from, where to) and asks when it was: no event inside it. */
function tripOnly(question: QuestionAnalysis): boolean {
  let rest = question.content;
  for (const name of [...question.places, ...question.people]) for (const v of placeVariants(name)) rest = rest.split(v).join('');
  return rest.replace(TRIP_WORDS, '').replace(/[省市县区州]/g, '').length === 0;
}

/** Whether a card is the tour the question names: its home (or leader) is named, and no named place is foreign to it. */
function namesCard(card: TourCard, question: QuestionAnalysis): boolean {
  const q = question.folded;
  const own = [card.from ?? '', card.delegation ?? '', ...card.destinations].map(foldScript).join(' ');
  const leaderNamed = card.leaders.some((l) => q.includes(foldScript(l.name)));
  const home = question.home ?? question.places[0] ?? null;
  const homeNamed = home !== null && placeVariants(stripAdminSuffix(home)).some((v) => v.length >= 2 && foldScript(`${card.from ?? ''} ${card.delegation ?? ''}`).includes(v));
  if (!leaderNamed && !homeNamed) return false;
  return question.places.every((p) => placeVariants(stripAdminSuffix(p)).some((v) => v.length >= 2 && own.includes(v)));
}

/**
 * The card of the tour a question is about: reported by one of the best retrieved articles and named by the
 * question; null when none is, or when two tours fit equally (an overview of several trips).
 */
export function tourOfQuestion(question: QuestionAnalysis, cards: readonly TourCard[], retrieved: readonly RetrievedChunk[]): TourCard | null {
  const docs = [...new Set(retrieved.slice(0, TOUR_EVIDENCE_CHUNKS).map((r) => r.chunk.docId))];
  const fitting = cards.filter((card) => card.docs.some((d) => docs.includes(d)) && namesCard(card, question));
  return fitting.length === 1 ? fitting[0]! : null;
}

/** The cited paragraphs of a field, with the facts of each quote; null when a quote is not verbatim. */
function evidenceOf(citations: readonly TourCitation[] | undefined, corpus: CardCorpus, pick: (facts: Fact[]) => Fact[]): CardEvidence[] | null {
  if (!citations || citations.length === 0) return null;
  const out: CardEvidence[] = [];
  for (const citation of citations) {
    const paragraph = corpus.getParagraph(citation.paragraphId);
    if (!paragraph || !paragraph.text.includes(citation.quote)) return null;
    if (out.some((e) => e.paragraph.id === paragraph.id && e.quote === citation.quote)) continue;
    out.push({ paragraph, quote: citation.quote, filling: pick(extractFacts(citation.quote)) });
  }
  return out;
}

const sameDay = (iso: string, point: DateFact['from']) => point.month !== undefined && point.day !== undefined && iso.slice(5) === `${String(point.month).padStart(2, '0')}-${String(point.day).padStart(2, '0')}`;

/** Answers a question about one tour from its card, or null (the sentence extractor answers instead). */
export function cardAnswer(question: QuestionAnalysis, cards: readonly TourCard[], retrieved: readonly RetrievedChunk[], corpus: CardCorpus): CardAnswer | null {
  const field = askedField(question);
  // A card joins every outlet's report; a question about one outlet's report is answered from that report.
  if (!field || question.outlets.length > 0) return null;
  // 在江西看了几个点 asks about one leg of the trip; the card holds the trip's totals (its leaders lead every leg).
  // 去福建 names the trip itself, 在福建 one leg of it.
  const leg = question.scoped.some((p) => new RegExp(`[在于]${escapeRegExp(p)}`).test(question.folded));
  if (field !== 'leaders' && leg) return null;
  const card = tourOfQuestion(question, cards, retrieved);
  if (!card) return null;
  // 去年那次 / 2024年那次: a tour of another year is another tour (a return visit recalls the first one); the
  // sentences, read with their years, answer instead.
  if (question.asksLastYear || (question.years.length > 0 && card.start && !question.years.includes(card.start.slice(0, 4)))) return null;
  switch (field) {
    case 'leaders': {
      if (card.leaders.length === 0) return null;
      const names = card.leaders.map((l) => l.name);
      const evidence = evidenceOf(card.citations.leaders, corpus, (facts) => facts.filter((f) => f.kind === 'person' && names.includes(f.text)));
      if (!evidence || !names.every((n) => evidence.some((e) => e.quote.includes(n)))) return null;
      return { card, field, short: names.join('、'), evidence: evidence.filter((e) => e.filling.length > 0) };
    }
    case 'site_count': {
      if (card.siteCount === null || card.conflicts.some((c) => c.field === 'site_count')) return null;
      const evidence = evidenceOf(card.citations.site_count, corpus, (facts) => facts.filter((f) => f.kind === 'quantity' && (f as QuantityFact).value === card.siteCount));
      const first = evidence?.find((e) => e.filling.length > 0);
      return first ? { card, field, short: first.filling[0]!.text, evidence: [first] } : null;
    }
    case 'agreements': {
      if (card.agreements.length === 0) return null;
      const evidence = evidenceOf(card.citations.agreements, corpus, (facts) => facts.filter((f) => f.kind === 'document'));
      if (!evidence || !card.agreements.every((a) => evidence.some((e) => e.quote.includes(a)))) return null;
      return { card, field, short: card.agreements.join('、'), evidence };
    }
    case 'start': {
      if (!card.start || card.conflicts.some((c) => c.field === 'start' || c.field === 'end')) return null;
      const end = card.end ?? card.start;
      const evidence = evidenceOf(card.citations.start, corpus, (facts) =>
        facts.filter((f) => f.kind === 'date' && sameDay(card.start!, (f as DateFact).from) && sameDay(end, (f as DateFact).to)),
      );
      const first = evidence?.find((e) => e.filling.length > 0);
      return first ? { card, field, short: first.filling[0]!.text, evidence: [first] } : null;
    }
  }
}
