/**
 * The fact checker: read the claim into facts, find the tour first (the retrieved articles about the claim's
 * subject), hold the claim against each whole article slot by slot, and return the verdict of the right article
 * with per-fact results and quoted evidence.
 */
import { performance } from 'node:perf_hooks';
import type { Article, Paragraph } from '../domain.ts';
import type { CorpusView, Retriever } from '../retrieve/index.ts';
import type { CorpusReader } from '../store/index.ts';
import { cardsFor, toursOf, type TourCard } from '../tours/index.ts';
import { NON_FACT_WORDS, splitSentences } from '../text/index.ts';
import { matchView } from '../facts/index.ts';
import { readArticle, type ArticleSentence } from './article.ts';
import { cardOfClaim, cardsNamedBy, tourScope, withCard } from './card.ts';
import { negationOf, parseClaim, type Claim, type ClaimFact } from './claim.ts';
import { FactCheckError } from './errors.ts';
import { DEFAULT_JUDGE_SETTINGS, isGenericTerm, judgeArticle, type ArticleJudgement, type FactOutcome, type JudgeSettings } from './judge.ts';
import type { EvidenceItem, FactCheckResult, FactResult, Mismatch, Verdict } from './types.ts';

/** Checks one claim against the articles. */
export interface FactChecker {
  check(claim: string, options?: { signal?: AbortSignal }): Promise<FactCheckResult>;
}

/** Settings of the evidence-based checker (defaults in `DEFAULT_FACT_CHECK_SETTINGS`). */
export interface FactCheckSettings extends JudgeSettings {
  /** How many chunks to retrieve per claim. */
  retrieveLimit: number;
  /** How many distinct retrieved articles are read as candidates for the tour. */
  maxArticles: number;
  /** How many nearest sentences to show when a claim is not found. */
  maxNearest: number;
  /** How many sentences to quote for a verdict. */
  maxQuotes: number;
}

export const DEFAULT_FACT_CHECK_SETTINGS: FactCheckSettings = {
  ...DEFAULT_JUDGE_SETTINGS,
  retrieveLimit: 20,
  maxArticles: 6,
  maxNearest: 3,
  maxQuotes: 3,
};

export interface EvidenceFactCheckerOptions {
  retriever: Retriever;
  /** A full corpus reader also gives the tour cards (when `tours` is not passed). */
  corpus: CorpusView & Partial<Pick<CorpusReader, 'listArticles'>>;
  /** The tour cards of the corpus (compared with first); read from the corpus when omitted. */
  tours?: () => readonly TourCard[];
  settings?: Partial<FactCheckSettings>;
}

/** Names of fact kinds in explanations. */
const KIND_NAMES: Readonly<Record<ClaimFact['kind'], string>> = {
  subject: '主体',
  person: '人物',
  date: '日期',
  quantity: '数字',
  place: '地点',
  org: '单位',
  document: '文件',
  meeting: '会议',
  term: '',
};

/** Checks claims with a retriever over the index and the slot comparison in judge.ts. */
export class EvidenceFactChecker implements FactChecker {
  readonly #retriever: Retriever;
  readonly #corpus: CorpusView;
  readonly #tours: () => readonly TourCard[];
  readonly #settings: FactCheckSettings;

  constructor(options: EvidenceFactCheckerOptions) {
    this.#retriever = options.retriever;
    this.#corpus = options.corpus;
    const corpus = options.corpus;
    this.#tours = options.tours ?? (typeof corpus.listArticles === 'function' ? () => toursOf(corpus as CorpusReader) : () => []);
    this.#settings = { ...DEFAULT_FACT_CHECK_SETTINGS, ...options.settings };
  }

  /** Checks one claim. Throws `FactCheckError` for an empty claim; never throws for an unverifiable one. */
  async check(claim: string, options: { signal?: AbortSignal } = {}): Promise<FactCheckResult> {
    const text = claim.trim();
    if (!text) throw new FactCheckError('empty claim');
    const negated = negationOf(text);
    if (negated) return negatedResult(text, negated, await this.#checkPositive(negated.positive, options));
    return this.#checkPositive(text, options);
  }

  async #checkPositive(text: string, options: { signal?: AbortSignal }): Promise<FactCheckResult> {
    const started = performance.now();
    const parsed = parseClaim(text);
    let retrieved;
    try {
      retrieved = await this.#retriever.retrieve(text, this.#settings.retrieveLimit);
    } catch (error) {
      throw new FactCheckError(`retrieval failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const retrievedAt = performance.now();
    options.signal?.throwIfAborted();
    // Find the tour first: the articles of the cards the claim names (its group's home, its leader), then the
    // retrieved ones.
    const cards = this.#tours();
    const docIds = [...new Set(cardsNamedBy(parsed, cards).flatMap((card) => card.docs))];
    const articles: Article[] = [];
    for (const docId of [...docIds.slice(0, this.#settings.maxArticles), ...retrieved.map((hit) => hit.chunk.docId)]) {
      if (articles.length >= this.#settings.maxArticles + Math.min(docIds.length, this.#settings.maxArticles)) break;
      if (articles.some((a) => a.docId === docId)) continue;
      const article = this.#corpus.getArticle(docId);
      if (article) articles.push(article);
    }
    const judgements = articles.map((article) => {
      const card = cardOfClaim(parsed, cards, article.docId);
      const several = cardsFor(cards, article.docId).length > 1;
      return withCard(judgeArticle(parsed, readArticle(article), this.#settings, tourScope(card, cards, article.docId)), parsed, card, several);
    });
    const verdict = decide(parsed, judgements);
    const nearestFallback = () =>
      retrieved.slice(0, this.#settings.maxNearest).flatMap((hit) => {
        const article = this.#corpus.getArticle(hit.chunk.docId);
        const paragraph = article?.paragraphs[hit.chunk.paragraphNumbers[0]! - 1];
        return article && paragraph ? [{ article, paragraph, sentence: nearestSentence(paragraph.text, text) }] : [];
      });
    const quotes = verdict.judgement ? quotesFor(verdict.verdict, verdict.judgement, this.#settings) : [];
    const evidence = numberEvidence(quotes.length > 0 ? quotes : nearestFallback());
    const finished = performance.now();
    return {
      claim: text,
      verdict: verdict.verdict,
      explanation: explain(parsed, verdict.verdict, verdict.judgement),
      mismatches: verdict.verdict === 'contradicted' ? mismatchesOf(verdict.judgement!) : [],
      evidence,
      facts: factResults(parsed, verdict.judgement),
      timings: { retrieve: retrievedAt - started, check: finished - retrievedAt, total: finished - started },
    };
  }
}

/**
 * A claim that denies something (没有去湖北, 不是由沈晓明率领) is checked as the statement it denies: what the report
 * says happened contradicts it; a denied statement the report contradicts or does not cover leaves it unconfirmed —
 * absence in a report never proves a denial.
 */
function negatedResult(text: string, negated: { positive: string; negation: string }, positive: FactCheckResult): FactCheckResult {
  if (positive.verdict === 'supported') {
    const source = positive.evidence[0]?.quote ?? '';
    return {
      ...positive,
      claim: text,
      verdict: 'contradicted',
      explanation: `原文记载的情况与此相反（“${negated.negation}”不符）：${source}`,
      mismatches: [{ kind: 'other', claim: text, source }],
    };
  }
  return {
    ...positive,
    claim: text,
    verdict: 'not_found',
    explanation: '现有文章中未找到能证实这一否定说法的依据（报道未提及某事并不能证明它没有发生）；以下是最接近的原文。',
    mismatches: [],
  };
}

/** Shortest list of plain words that is a checkable claim without facts (义乌…华丽转身). */
const MIN_TERMS_WITHOUT_FACTS = 2;

/** Whether a claim states something checkable: a fact, or enough content words. */
function isCheckable(claim: Claim): boolean {
  const facts = claim.facts.filter((f) => f.kind !== 'subject');
  return facts.some((f) => f.kind !== 'term') || facts.length >= MIN_TERMS_WITHOUT_FACTS;
}

/** The right article and the verdict it gives. */
function decide(claim: Claim, judgements: readonly ArticleJudgement[]): { verdict: Verdict; judgement: ArticleJudgement | null } {
  // 陕西日报报道称…: a claim about what one outlet reported is checked against that outlet's report when there is one.
  const fromOutlet = (j: ArticleJudgement) => (claim.outlets?.some((o) => matchView(j.reading.article.meta.source ?? '').includes(o)) ? 1 : 0);
  const subjects = judgements.filter((j) => j.subjectMatches);
  const about = subjects.some(fromOutlet) ? subjects.filter(fromOutlet) : subjects;
  if (about.length === 0) return { verdict: 'not_found', judgement: null };
  // The right article confirms the most of the claim; retrieval order breaks ties. Other reports of the same tour
  // (confirming nearly as much) may still show a slot stated differently.
  const confirmed = (j: ArticleJudgement) => j.outcomes.reduce((sum, o) => sum + (o.status === 'confirmed' ? (o.fact.kind === 'term' ? 1 : 3) : 0), 0);
  const ranked = [...about].sort((a, b) => confirmed(b) - confirmed(a) || b.score - a.score);
  const best = ranked[0]!;
  if (!isCheckable(claim)) return { verdict: 'not_found', judgement: best };
  // A report that never names a place of the claim, which another report confirms, is about another tour: its
  // figures (甲市的43个 against 乙市的) contradict nothing.
  const placesConfirmed = new Set(about.flatMap((j) => j.outcomes.filter((o) => o.fact.kind === 'place' && o.status === 'confirmed').map((o) => o.fact)));
  const missesPlace = (j: ArticleJudgement) =>
    j.outcomes.some((o) => o.fact.kind === 'place' && o.status === 'not_found' && placesConfirmed.has(o.fact) && !j.reading.view.includes(matchView(o.fact.canonical)));
  const contradicting = ranked.find(
    (j) => confirmed(j) >= confirmed(best) * TOUR_SHARE && j.outcomes.some((o) => o.status === 'contradicted') && identifiesTour(claim, j) && !missesPlace(j),
  );
  if (best.outcomes.every((o) => o.status === 'confirmed')) {
    // 已于12月底前报送了整改方案 against 要在12月底前报送整改方案: what a report asks to be done is not reported done.
    if (CLAIMS_DONE.test(claim.view) && asksOnly(best)) return { verdict: 'not_found', judgement: best };
    return { verdict: 'supported', judgement: best };
  }
  if (contradicting) return { verdict: 'contradicted', judgement: contradicting };
  return { verdict: 'not_found', judgement: best };
}

/** A claim that says something was done (已报送, 已经完成, 已于…前). */
const CLAIMS_DONE = /已经?(?!有)|已于|业已/;
/** A sentence that asks for something to be done, or plans it (要求…要在, 须, 力争, 计划). */
const ASKS = /要求|要在|须|务必|应当|力争|确保|计划|拟于|将于/;

/** Whether every sentence confirming the claim's facts only asks or plans them (and none says they were done). */
function asksOnly(judgement: ArticleJudgement): boolean {
  const sentences = judgement.outcomes.filter((o) => o.fact.kind !== 'subject' && o.sentence).map((o) => o.sentence!.view);
  return sentences.length > 0 && sentences.every((view) => ASKS.test(view) && !CLAIMS_DONE.test(view));
}

/**
 * Whether an article is known to be about the claim's tour, so a different value in it is a contradiction: the
 * claim names its subject with a place (湖南省党政代表团), or the article confirms another fact of the claim
 * besides plain words. A bare 代表团 alone identifies no tour.
 */
function identifiesTour(claim: Claim, judgement: ArticleJudgement): boolean {
  const subject = claim.facts.find((f) => f.kind === 'subject');
  if (subject && subject.kind === 'subject' && subject.subject.places.length > 0) return true;
  if (judgement.outcomes.some((o) => o.status === 'confirmed' && o.fact.kind !== 'term' && o.fact.kind !== 'subject')) return true;
  // A person's full name identifies them: the article names them with another title or role.
  // (A two-character name counts with the title the claim gives it, written so in the article: 市长李晗.)
  const named = (o: FactOutcome) => o.fact.kind === 'person' && (o.fact.name.length >= 3 ? judgement.reading.view.includes(o.fact.name) : !!o.fact.title && judgement.reading.view.includes(`${o.fact.title}${o.fact.name}`));
  if (judgement.outcomes.some((o) => o.status === 'contradicted' && named(o))) return true;
  // Or the contradicting sentence says the claim's own words around the fact (现场签约项目总投资达86亿元 against
  // 现场签约项目总投资达到90亿元): it is the same statement with another value.
  // No other fact of the claim may be missing from it (十八大以来 against a report of one year).
  if (judgement.outcomes.some((o) => o.status === 'not_found' && o.fact.kind !== 'term')) return false;
  const words = claim.facts.filter((f) => f.kind === 'term' && !isGenericTerm(f.name) && !NON_FACT_WORDS.has(f.name) && f.name.length >= 2).map((f) => matchView(f.text));
  // A count's own noun (首批25个合作项目 against 首批18个合作项目) is one of those words.
  const ownNoun = (o: FactOutcome) => (o.fact.kind === 'quantity' && o.fact.quantity.noun.length >= 2 ? 1 : 0);
  return judgement.outcomes.some(
    (o) => o.status === 'contradicted' && o.sentence && words.filter((w) => o.sentence!.view.includes(w)).length + ownNoun(o) >= MIN_WORDS_OF_STATEMENT,
  );
}

/** Claim words a contradicting sentence must share to be taken as the same statement (without other facts). */
const MIN_WORDS_OF_STATEMENT = 2;

/** A report confirming at least this share of what the best one confirms is about the same tour. */
const TOUR_SHARE = 0.6;

interface Quote {
  article: Article;
  paragraph: Paragraph;
  sentence: string;
}

function quoteOf(reading: ArticleJudgement['reading'], sentence: ArticleSentence): Quote {
  return { article: reading.article, paragraph: sentence.paragraph, sentence: sentence.text };
}

/** The sentences to quote: contradicting ones first, then confirming ones, or the nearest for not_found. */
function quotesFor(verdict: Verdict, judgement: ArticleJudgement, settings: FactCheckSettings): Quote[] {
  const order = (o: FactOutcome) => (o.status === 'contradicted' ? 0 : o.fact.kind === 'term' ? 2 : 1);
  const sentences: ArticleSentence[] = [];
  const limit = verdict === 'not_found' ? settings.maxNearest : settings.maxQuotes;
  for (const outcome of [...judgement.outcomes].sort((a, b) => order(a) - order(b))) {
    if (!outcome.sentence || outcome.status === 'not_found' || sentences.includes(outcome.sentence)) continue;
    if (verdict === 'contradicted' && outcome.status !== 'contradicted' && sentences.length > 0 && outcome.fact.kind === 'term') continue;
    sentences.push(outcome.sentence);
  }
  if (sentences.length === 0) sentences.push(...judgement.window.slice(0, 1));
  return sentences
    .slice(0, limit)
    .sort((a, b) => a.index - b.index)
    .map((s) => quoteOf(judgement.reading, s));
}

/** The sentence of a paragraph sharing the most character pairs with the claim. */
function nearestSentence(paragraph: string, claim: string): string {
  const pairs = (text: string) => new Set([...text].map((ch, i, all) => ch + (all[i + 1] ?? '')));
  const wanted = pairs(claim);
  let best = { text: paragraph, hits: -1 };
  for (const span of splitSentences(paragraph)) {
    const hits = [...pairs(span.text)].filter((p) => wanted.has(p)).length;
    if (hits > best.hits) best = { text: span.text, hits };
  }
  return best.text;
}

function mismatchesOf(judgement: ArticleJudgement): Mismatch[] {
  return judgement.outcomes
    .filter((o) => o.status === 'contradicted')
    .map((o) => ({ kind: o.mismatchKind ?? 'other', claim: o.claimText ?? claimWords(o.fact), source: o.source ?? '' }));
}

/** How a fact reads in the claim: a person with the title the claim gives. */
function claimWords(fact: ClaimFact): string {
  return fact.kind === 'person' && fact.title ? `${fact.title}${fact.name}` : fact.text;
}

function factResults(claim: Claim, judgement: ArticleJudgement | null): FactResult[] {
  return claim.facts.map((fact, i) => {
    const outcome = judgement?.outcomes[i];
    const result: FactResult = { kind: fact.kind, claim: claimWords(fact), status: outcome?.status ?? 'not_found' };
    if (outcome?.status === 'contradicted' && outcome.source) result.source = outcome.source;
    else if (outcome?.status === 'confirmed' && outcome.sentence) result.source = outcome.sentence.text;
    if (outcome?.sentence && outcome.status !== 'not_found') result.paragraphId = outcome.sentence.paragraph.id;
    return result;
  });
}

/** One line for people: what matched, what differs (原文为36个考察点，而非37个点), or what is not covered. */
function explain(claim: Claim, verdict: Verdict, judgement: ArticleJudgement | null): string {
  if (!isCheckable(claim)) {
    return '这句话里没有可以核对的具体事实（人物、时间、地点、数字等）。';
  }
  if (verdict === 'contradicted') {
    // Facts contradicted by the same words of the article are said once (原文为A签署，而非B签署、C签署).
    const bySource = new Map<string, string[]>();
    const notes: string[] = [];
    for (const o of judgement!.outcomes.filter((x) => x.status === 'contradicted')) {
      if (o.note) notes.push(o.note);
      else bySource.set(o.source ?? '', [...(bySource.get(o.source ?? '') ?? []), o.claimText ?? claimWords(o.fact)]);
    }
    const parts = [...notes, ...[...bySource].map(([source, claims]) => describeMismatch({ kind: 'other', claim: [...new Set(claims)].join('、'), source }))];
    return `${[...new Set(parts)].join('；')}。`;
  }
  if (verdict === 'supported') {
    const kinds = [...new Set(judgement!.outcomes.map((o) => KIND_NAMES[o.fact.kind]).filter(Boolean))];
    return kinds.length > 0 ? `原文与此一致（${kinds.join('、')}均相符）。` : '原文与此一致。';
  }
  const subject = claim.facts.find((f) => f.kind === 'subject');
  if (!judgement) {
    return subject ? `现有文章中没有关于“${subject.text}”的报道；以下是最接近的原文。` : '现有文章中未找到相关内容。';
  }
  const unique = (list: string[]) => [...new Set(list)].slice(0, 5);
  const confirmed = unique(judgement.outcomes.filter((o) => o.status === 'confirmed' && o.fact.kind !== 'term' && o.fact.kind !== 'subject').map((o) => claimWords(o.fact)));
  const missing = unique(judgement.outcomes.filter((o) => o.status === 'not_found').map((o) => claimWords(o.fact)));
  const details = [confirmed.length > 0 ? `已核实：${confirmed.join('、')}` : '', missing.length > 0 ? `未提及：${missing.join('、')}` : ''].filter(Boolean).join('；');
  return `现有文章中未找到能证实或否定这一说法的依据${details ? `（${details}）` : ''}；以下是最接近的原文。`;
}

/** 原文为36个考察点，而非37个点 */
export function describeMismatch(mismatch: Mismatch): string {
  return `原文为${mismatch.source}，而非${mismatch.claim}`;
}

/** Numbers evidence quotes in order, one number per paragraph (two sentences of a paragraph share `[n]`). */
export function numberEvidence(quotes: readonly Quote[]): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  const byParagraph = new Map<string, number>();
  for (const { article, paragraph, sentence } of quotes) {
    if (items.some((item) => item.paragraphId === paragraph.id && item.quote.includes(sentence))) continue;
    const existing = byParagraph.get(paragraph.id);
    if (existing !== undefined) {
      const item = items.find((i) => i.n === existing)!;
      // Two sentences of one paragraph share its number; a gap between them is marked, the quote stays verbatim.
      item.quote = paragraph.text.includes(`${item.quote}${sentence}`) ? `${item.quote}${sentence}` : `${item.quote}……${sentence}`;
      continue;
    }
    const n = byParagraph.size + 1;
    byParagraph.set(paragraph.id, n);
    items.push({
      n,
      paragraphId: paragraph.id,
      docId: article.docId,
      file: article.file,
      title: article.meta.title,
      paragraph: paragraph.n,
      quote: sentence,
      text: paragraph.text,
      url: article.meta.url,
      date: article.meta.publishedAt,
      source: article.meta.source,
    });
  }
  return items;
}
