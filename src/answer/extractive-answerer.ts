import { BoundedMap } from '../bounded-map.ts';
import type { AnswerSettings } from '../config.ts';
import type { Article, Paragraph } from '../domain.ts';
import { dateContextOf, dayFit, extractFacts, extractParagraphFacts, matchView, titledPeopleOf, tripTimeline, type DateFact, type DocumentFact, type Fact, type PersonFact, type Timeline } from '../facts/index.ts';
import type { CorpusView, RetrievedChunk } from '../retrieve/index.ts';
import { stripAdminSuffix, provinceOf, RECALL_MARKERS, parseChineseNumber, isPlaceName, BIGRAM_PREFIX, DAY_PARTS, ROLE_VERBS, GROUP_NOUNS, GROUP_NOUN_ALTERNATION, MOVEMENT_VERBS, OWN_PLACE, WHOLE_PLACE, PROVINCES, SYNONYM_GROUPS, expandRegionAlias, outletPlaceIn, placesWithin, segmentWords, splitSentences, synonymsOf, toHalfWidth, tokenizeForIndex, type SentenceSpan } from '../text/index.ts';
import { CitationBook } from './citations.ts';
import {
  REASON,
  SITED_AT,
  askedItemKind,
  askedRole,
  homeMatch,
  HOME_NAMED_ELSEWHERE,
  totalCount,
  countsAnotherSet,
  mentions,
  mentionsAlone,
  slotFacts,
  type FeatureName,
  continuesEnumeration,
  opensEnumeration,
  type FeatureWeights,
} from './features.ts';
import { analyseQuestion, delegationHome, type QuestionAnalysis } from './question.ts';
import { MAX_SHORT_CHARS, shortAnswerOf, trimToClauses } from './short-answer.ts';
import { cardAnswer, type CardAnswer } from './card-answer.ts';
import type { TourCard } from '../tours/index.ts';
import type { Answer, Answerer, AnswerOptions } from './types.ts';

/** What answering needs of a paragraph, whatever the question. */
interface ParagraphReading {
  contextTokens: ReadonlySet<string>;
  headingTokens: ReadonlySet<string>;
  contextView: string;
  opening: string;
  sentences: Array<{ span: SentenceSpan; facts: Fact[]; view: string; tokens: ReadonlySet<string> }>;
}

/** A sentence of a retrieved paragraph, scored as a possible answer. */
interface Candidate {
  text: string;
  /** Offset of the sentence in its paragraph. */
  start: number;
  index: number;
  paragraph: Paragraph;
  article: Article;
  /** 1-based rank of the retrieved chunk that holds the paragraph. */
  rank: number;
  facts: Fact[];
  /** Facts that fill the asked slot. */
  filling: Fact[];
  features: Record<FeatureName, number>;
  score: number;
}

export interface ExtractiveAnswererOptions {
  corpus: CorpusView;
  /** Inverse document frequency of an index token: rare question words matter more. */
  idf: (token: string) => number;
  settings: AnswerSettings;
  /** How many retrieved chunks to read sentences from. */
  evidenceChunks?: number;
  /** In how many chunks an index token occurs (unused by the scorer; kept for the LLM answerer's deps). */
  documentFrequency?: (token: string) => number;
  /** Tour cards: a question about one tour's leaders, dates, site count or agreements is answered from its card. */
  cards?: () => readonly TourCard[];
}

/** The home feature of an article whose title names another delegation than the one asked about. */
const OTHER_DELEGATION = -0.5;
/** The sentence opening a tour: a leader leads a delegation to somewhere (…率…党政代表团赴…). */
const TOUR_OPENING = new RegExp(`[^。；]*率(?:领)?[^，。；]{0,16}?(?:${GROUP_NOUN_ALTERNATION})[^，。；]{0,4}?(?:赴|到|前往|来)[^。；]*`);
/** The office place of a leader opening a tour (河北省委副书记、省长…带队赴…): the tour's home when no group is named. */
const OFFICE_HOME = /^(?:[^，。；]*[日月]，)?([\u4e00-\u9fa5]{2,6}?(?:省|市|县|区|州))(?:委|人民政府|政府)/;
/** The home of the tour a text opens (X率X党政代表团赴…, X省委书记…带队赴…), or null. */
function tourHome(view: string): string | null {
  const opening = TOUR_OPENING.exec(view)?.[0];
  if (!opening) return null;
  const named = delegationHome(opening);
  if (named) return named;
  const office = OFFICE_HOME.exec(opening)?.[1];
  return office ? stripAdminSuffix(office) : null;
}

/** A sum over several tours (三市代表团合计, 5个代表团累计); 两省共签约 is one tour's two sides. */
const SUMMED_OVER_GROUPS = /(?:(?:[三四五六七八九十]|[3-9]|\d{2,})个?(?:省|市|县|区|州)(?:党政)?(?:代表团|考察团)?|[两二三四五六七八九十\d]+个?(?:代表团|考察团))(?:合计|共计|总计|累计|一共|共)/;

/** Question types whose answer is a fact of a known kind: without one, the question is not answered. */
const FACTOID = new Set(['who', 'when', 'howMany', 'where', 'list']);
/** A further sentence joins the answer only if it is nearly as good as the best one. */
const SECONDARY_RATIO = 0.85;
/** How many of the best chunks lend their context to the paragraph that follows them. */
const CONTINUED_CHUNKS = 10;
/** A card answer's quote trimmed shorter than this shows its whole sentence instead. */
const MIN_SHOWN_CLAUSE_CHARS = 16;
/** 我市党政代表团 / 本县代表团: a local paper's own delegation. */
const OWN_DELEGATION = new RegExp(`${OWN_PLACE.source}(?:党政)?(?:${GROUP_NOUNS.delegation.join('|')})`);
/** Verbs of the trip itself (去, 待, 出发, 返回, 考察…): a when-question about them is dated by the tour, not by the verb. */
const TRIP_EVENTS: readonly string[] = [...MOVEMENT_VERBS, '待', '停留', '逗留', ...['出发', '返回', '考察', '调研'].flatMap((verb) => [verb, ...synonymsOf(verb)])];
/** Articles whose paragraphs of an asked day are read whether retrieved or not (the best few). */
const DAY_ARTICLES = 3;
/** How far a list may run on into the following sentences of its paragraph. */
const LIST_CONTINUATION_SENTENCES = 2;
/** How far an enumeration (一是…十是) is followed within its paragraph, in sentences. */
const MAX_ENUMERATION_SENTENCES = 12;

/**
 * Answers by quoting: scores the sentences of the retrieved paragraphs with the named features of
 * `features.ts`, cites the best, and opens with the short answer read from its facts. Offline, deterministic, and
 * unable to state anything that is not verbatim in a cited paragraph.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly #corpus: CorpusView;
  readonly #idf: (token: string) => number;
  readonly #settings: AnswerSettings;
  readonly #evidenceChunks: number;
  readonly #cards: (() => readonly TourCard[]) | undefined;

  constructor(options: ExtractiveAnswererOptions) {
    this.#cards = options.cards;
    this.#corpus = options.corpus;
    this.#idf = options.idf;
    this.#settings = options.settings;
    this.#evidenceChunks = options.evidenceChunks ?? 10;
  }

  async answer(question: string, retrieved: RetrievedChunk[], options: AnswerOptions = {}): Promise<Answer> {
    const analysis = analyseQuestion(question);
    const fromCard = this.#cards ? cardAnswer(analysis, this.#cards(), retrieved, this.#corpus) : null;
    if (fromCard && fromCard.evidence.length > 0 && fromCard.short.length <= MAX_SHORT_CHARS) return this.#cardReply(question, analysis, fromCard);
    const candidates = this.#candidates(analysis, retrieved.slice(0, this.#evidenceChunks), options.near ?? []);
    const chosen = this.#choose(analysis, candidates);
    const book = new CitationBook();
    if (!chosen) {
      const seen = new Set<string>();
      for (const c of candidates) {
        if (seen.size >= 3 || seen.has(c.paragraph.id)) continue;
        seen.add(c.paragraph.id);
        book.cite(c.paragraph, c.article, '');
      }
      return { question, questionType: analysis.type, found: false, short: null, sentences: [], citations: [], nearest: book.citations() };
    }
    const trimmed = chosen.map((c) => ({ candidate: c, ...trimToClauses(c.text, c.filling, analysis) }));
    const sentences = trimmed.map(({ candidate, shown, quote }) => ({
      text: shown,
      citations: [book.cite(candidate.paragraph, candidate.article, quote)],
    }));
    const short = shortAnswerOf(analysis, chosen, this.#corpus);
    return { question, questionType: analysis.type, found: true, short, sentences, citations: book.citations(), nearest: [] };
  }

  /** An answer read from a tour card: the short answer, then each cited sentence trimmed to what carries it. */
  #cardReply(question: string, analysis: QuestionAnalysis, found: CardAnswer): Answer {
    const book = new CitationBook();
    const sentences = found.evidence.map((e) => {
      const article = this.#corpus.getArticle(e.paragraph.docId)!;
      const trimmed = trimToClauses(e.quote, e.filling, analysis);
      // A clause that holds nothing but the value (5月8日至13日…) says too little: the whole sentence is shown.
      const { shown, quote } = trimmed.quote.length < MIN_SHOWN_CLAUSE_CHARS ? { shown: e.quote, quote: e.quote } : trimmed;
      return { text: shown, citations: [book.cite(e.paragraph, article, quote)] };
    });
    return { question, questionType: analysis.type, found: true, short: found.short, sentences, citations: book.citations(), nearest: [] };
  }

  /** The best-scored candidate sentences with their features, for tuning and debugging (`scripts/explain.ts`). */
  explain(question: string, retrieved: RetrievedChunk[], top = 8, near: AnswerOptions['near'] = []): Array<{ text: string; paragraphId: string; score: number; filling: string[]; facts: string[]; features: Record<FeatureName, number> }> {
    const analysis = analyseQuestion(question);
    return this.#candidates(analysis, retrieved.slice(0, this.#evidenceChunks), near)
      .slice(0, top)
      .map((c) => ({ text: c.text, paragraphId: c.paragraph.id, score: Number(c.score.toFixed(3)), filling: c.filling.map((f) => f.text), facts: c.facts.map((f) => `${f.kind}:${f.text}`), features: c.features }));
  }

  #weights(): FeatureWeights {
    return this.#settings.weights;
  }

  #candidates(question: QuestionAnalysis, retrieved: RetrievedChunk[], near: NonNullable<AnswerOptions['near']> = []): Candidate[] {
    const terms = [...new Set(tokenizeForIndex(question.content))];
    // 上午看了哪些地方 (no day named): a sentence opening with that part of a day is of the asked part.
    const askedPart = question.day ? undefined : DAY_PARTS.find((part) => question.folded.includes(part));
    const weights = new Map(terms.map((t) => [t, this.#idf(t) * (t.startsWith(BIGRAM_PREFIX) ? 0.5 : 1)]));
    const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
    // A question word counts as found where one of its lexicon synonyms stands (带队 in the question, 率领 in the text).
    const synonymTerms = segmentWords(question.content)
      .map((word) => ({ tokens: tokenizeForIndex(word), synonyms: synonymsOf(word).filter((s) => s.length >= 2) }))
      .filter((w) => w.synonyms.length > 0);
    // 辽皖, 粤赣鄂: a run of province abbreviations is found where every province of it is named.
    const aliasTerms = question.places.flatMap((run) => {
      const members = expandRegionAlias(run);
      return members ? [{ tokens: [...tokenizeForIndex(run), ...[...run].map((ch) => ch)], members }] : [];
    });
    const coverage = (tokens: ReadonlySet<string>, folded: string) => {
      const credited = new Set<string>();
      for (const { tokens: own, synonyms } of synonymTerms) if (synonyms.some((s) => folded.includes(s))) own.forEach((t) => credited.add(t));
      for (const { tokens: own, members } of aliasTerms) if (members.every((m) => mentions(folded, m))) own.forEach((t) => credited.add(t));
      let found = 0;
      for (const [term, weight] of weights) if (tokens.has(term) || credited.has(term)) found += weight;
      return found / totalWeight;
    };

    const seen = new Set<string>();
    const homes = new Map<string, number>();
    const candidates: Candidate[] = [];
    const w = this.#weights();
    const role = askedRole(question);
    // The retrieved paragraphs, then the paragraph right after each of the best few: a report often names the
    // event in one paragraph and who chaired it, or what was signed, in the next.
    const visits: Array<{ docId: string; n: number; rank: number; continues: boolean }> = [];
    retrieved.forEach((hit, i) => hit.chunk.paragraphNumbers.forEach((n) => visits.push({ docId: hit.chunk.docId, n, rank: i + 1, continues: false })));
    retrieved.slice(0, CONTINUED_CHUNKS).forEach((hit, i) => {
      // Only body text lends its context on (a caption's neighbour is not evidence offered for it).
      const last = this.#corpus.getParagraph(`${hit.chunk.docId}#p${Math.max(...hit.chunk.paragraphNumbers)}`);
      if (last?.kind === 'body') visits.push({ docId: hit.chunk.docId, n: last.n + 1, rank: i + 1.5, continues: true });
    });
    // A follow-up's previous answer: its paragraphs are read whether retrieved or not (一共多少钱 shares no word with
    // the sentence that says 签约项目11个，总金额132亿元).
    // (The very sentence the previous answer quoted most: 总金额132亿元 stands right after 签约项目11个.)
    const nearIds = new Set(near.map((p) => `${p.docId}#p${p.paragraph}`));
    const nearQuotes = near.flatMap((p) => (p.quote ? [{ id: `${p.docId}#p${p.paragraph}`, quote: p.quote.replace(/^…|…$/g, '') }] : []));
    near.forEach((p) => visits.push({ docId: p.docId, n: p.paragraph, rank: 2, continues: false }));
    // 第二天上午去了哪些地方: the paragraphs of that day in the best articles, retrieved or not (a day's paragraph
    // rarely shares the question's words).
    if (question.day) {
      const articles = [...new Set(retrieved.slice(0, DAY_ARTICLES).map((hit) => hit.chunk.docId))];
      articles.forEach((docId, i) => {
        const article = this.#corpus.getArticle(docId);
        if (!article) return;
        const timeline = this.#timelineOf(article);
        timeline.sentences.forEach((times, p) => {
          if (times.some((time) => dayFit(question.day!, timeline, time) > 0)) visits.push({ docId, n: p + 1, rank: i + 1.5, continues: false });
        });
      });
    }
    for (const { docId, n, rank, continues } of visits) {
      const article = this.#corpus.getArticle(docId);
      if (!article) continue;
      {
        const paragraph = this.#corpus.getParagraph(`${docId}#p${n}`);
        if (!paragraph || paragraph.kind !== 'body' || seen.has(paragraph.id)) continue;
        seen.add(paragraph.id);
        const reading = this.#read(article, paragraph, continues);
        const contextCoverage = coverage(reading.contextTokens, reading.contextView);
        const { contextView, opening } = reading;
        let articleHome = homes.get(article.docId);
        if (articleHome === undefined) homes.set(article.docId, (articleHome = this.#homeOf(question, article)));
        // In a review of several tours, a paragraph of another delegation's tour is that delegation's.
        // (Only when the review has the asked delegation's tour: a home it does not open says nothing of its paragraphs.)
        const tours = question.home ? this.#toursOf(article) : undefined;
        const sameHome = (tour: string) => mentions(tour, question.home!) || mentions(question.home!, tour);
        const tour = tours && [...tours.values()].some(sameHome) ? tours.get(paragraph.n) : undefined;
        const home = tour && !sameHome(tour) ? OTHER_DELEGATION : articleHome;
        let askedBefore = 0;
        const reportHome = this.#reportHomeOf(article);
        const timeline = this.#timelineOf(article);
        reading.sentences.forEach(({ span, facts, view, tokens }, index) => {
          // An article's own question (为何…？) is answered by what follows it: that sentence inherits its match.
          if (/[?？]$/.test(span.text)) {
            askedBefore = coverage(tokens, view);
            return;
          }
          const filling = slotFacts(facts, question, view, span.text, reportHome);
          // …在青石销售额为3200万元；今年1至8月，销售额已达4100万元: a sentence going on after a semicolon is still about
          // the place the part before it named.
          const before = reading.sentences[index - 1];
          const continued = before && /[；;]\s*$/.test(before.span.text) ? before.view : '';
          // 2023年，甲市党政代表团一行28人到乙市…: a sentence naming a delegation is about that one's trip, whichever
          // article it stands in (a return visit recalls the first one).
          const namedHere = question.home ? delegationsNamed(view) : [];
          // (A sentence naming the asked one only undoes an article-level "other delegation"; it gains nothing more.)
          const sentenceHome = namedHere.length === 0 ? home : namedHere.some(sameHome) ? Math.max(home, HOME_NAMED_ELSEWHERE) : OTHER_DELEGATION;
          // 来到我市 in the local paper of the asked place is that place.
          const ourPlace = (place: string) => reportHome !== null && mentions(reportHome, place) && OWN_PLACE.test(view);
          const features: Record<FeatureName, number> = {
            coverage: Math.max(coverage(tokens, view), askedBefore),
            context: contextCoverage,
            rank: 1 / (1 + 0.25 * (rank - 1)),
            slot: filling.length > 0 ? 1 : 0,
            focus: question.focus && (view.includes(question.focus) || synonymsOf(question.focus).some((s) => view.includes(s))) ? 1 : 0,
            // (兴山县 lies in 宜昌: a sentence about a place inside the asked one is in its scope, a little less.)
            scope: question.scoped.length === 0 ? 0 : question.scoped.every((p) => mentionsAlone(view, p) || mentionsAlone(opening, p) || ourPlace(p) || mentionsAlone(continued, p)) ? 1 : question.scoped.every((p) => placesWithin(p).some((inner) => view.includes(inner))) ? 0.7 : question.scoped.some((p) => mentions(contextView, p)) ? 0.3 : 0,
            home: sentenceHome,
            role: role && filling.some((f) => f.kind === 'person' && (f as PersonFact).role === role) ? 1 : 0,
            title: question.title && filling.length > 0 ? 1 : 0,
            span: question.asksSpan && filling.some((f) => f.kind === 'date' && isSpan(f as DateFact)) ? 1 : 0,
            reason: question.type === 'why' && REASON.test(view) ? 1 : 0,
            ordinal: question.ordinals.length > 0 && question.ordinals.every((o) => tokens.has(o) || reading.headingTokens.has(o)) ? 1 : 0,
            items: Math.min(1, Math.max(0, filling.length - 1) / 3),
            total: question.asksTotal ? totalCount(filling, facts, view, question.statedCounts, matchView(paragraph.text.slice(0, 12))) : 0,
            enumeration: question.asksEnumeration && opensEnumeration(span.text) ? 1 : 0,
            day: question.day ? dayFit(question.day, timeline, timeline.sentences[paragraph.n - 1]?.[index]) : askedPart && view.split(/[，,]/)[0]!.includes(askedPart) ? 1 : 0,
            near: nearQuotes.some((q) => q.id === paragraph.id && (span.text.includes(q.quote) || q.quote.includes(span.text))) ? 1 : nearIds.has(paragraph.id) ? 0.25 : 0,
          };
          askedBefore = 0;
          let score = 0;
          for (const name of Object.keys(features) as FeatureName[]) score += w[name] * features[name];
          candidates.push({ text: span.text, start: span.start, index, paragraph, article, rank, facts, filling, features, score });
        });
      }
    }
    return candidates.sort((a, b) => b.score - a.score || a.rank - b.rank || a.index - b.index);
  }

  /** `homeMatch` of the question's delegation home for an article. */
  #homeOf(question: QuestionAnalysis, article: Article): number {
    if (!question.home) return 0;
    const opening = matchView(`${article.meta.title}\n${article.paragraphs.slice(0, 2).map((p) => p.text).join('\n')}`);
    const match = homeMatch(question.home, opening, this.#storyOf(article));
    if (match >= 1) return match;
    // 黑龙江省党政代表团 is not the 齐齐哈尔市党政代表团 of this article's title, though the article names 黑龙江.
    // (Only when the asked delegation is named nowhere in the article: an overview names several.)
    const story = this.#storyOf(article);
    if (homeMatch(question.home, story, story) >= 1) return match;
    // 我市党政代表团 in the local paper of the asked home is that home's delegation (南阳日报 for 南阳党政代表团).
    const reportHome = this.#reportHomeOf(article);
    if (reportHome !== null && (mentions(reportHome, question.home) || mentions(question.home, reportHome)) && OWN_DELEGATION.test(story)) return 1;
    const titled = delegationHome(matchView(article.meta.title));
    return titled !== null && !mentions(titled, question.home) && !mentions(question.home, titled) ? OTHER_DELEGATION : match;
  }

  readonly #stories = new BoundedMap<string, string>(2_000);
  readonly #tours = new BoundedMap<string, Map<number, string>>(2_000);

  /**
   * The delegation each paragraph of a review of several tours is about: the home of the delegation a paragraph names
   * (松原市党政代表团), carried to the paragraphs after it until another is named. Empty for an article of one tour.
   */
  #toursOf(article: Article): Map<number, string> {
    return this.#tours.getOrCreate(article.docId, () => {
      const tours = new Map<number, string>();
      const body = article.paragraphs.filter((p) => p.kind === 'body').map((p) => ({ n: p.n, view: matchView(p.text) }));
      // A review is an article opening two tours or more (X率X党政代表团赴… of two homes); one tour's report is not.
      const openings = new Set(body.map(({ view }) => tourHome(view)).filter(Boolean));
      if (openings.size < 2) return tours;
      let current: string | null = null;
      for (const { n, view } of body) {
        // (A paragraph summing over the tours, 三市代表团合计…, is of none of them, nor are those after it.)
        if (SUMMED_OVER_GROUPS.test(view)) current = null;
        const named = tourHome(view) ?? delegationHome(view);
        if (named) current = named;
        if (current) tours.set(n, current);
      }
      return tours;
    });
  }

  readonly #readings = new BoundedMap<string, ParagraphReading>(20_000);

  /**
   * Everything about a paragraph that does not depend on the question — its sentences with their facts, tokens and
   * matching views, its context (title, heading) — read once and cached: segmenting and fact extraction are the
   * costly part of answering, and the index never changes under an answerer.
   */
  #read(article: Article, paragraph: Paragraph, continues: boolean): ParagraphReading {
    return this.#readings.getOrCreate(`${paragraph.id}|${continues ? 1 : 0}`, () => {
      const heading = continues ? (article.paragraphs[paragraph.n - 2]?.text ?? '') : this.#headingBefore(article, paragraph);
      const date = dateContextOf(article.meta.publishedAt);
      const people = this.#peopleOf(article);
      // 县委书记提了什么要求: a paragraph that names 陆一鸣 is about the 县委书记 the article titles him elsewhere.
      const titlesOfNamed = [...people].filter(([name]) => paragraph.text.includes(name)).map(([, title]) => title);
      const context = `${article.meta.title}\n${heading}\n${paragraph.text}\n${titlesOfNamed.join('\n')}`;
      return {
        contextTokens: new Set(tokenizeForIndex(context)),
        headingTokens: new Set(tokenizeForIndex(heading)),
        contextView: matchView(context),
        opening: matchView(`${heading}\n${paragraph.text.slice(0, 16)}`),
        sentences: splitSentences(paragraph.text).map((span) => ({
          span,
          facts: extractFacts(span.text, { date, people }),
          view: matchView(span.text),
          tokens: new Set(tokenizeForIndex(span.text)),
        })),
      };
    });
  }
  readonly #people = new BoundedMap<string, Map<string, string>>(2_000);

  /** The people an article names with a title, cached per article. */
  #peopleOf(article: Article): Map<string, string> {
    return this.#people.getOrCreate(article.docId, () => titledPeopleOf(article.paragraphs.map((p) => p.text)));
  }

  readonly #timelines = new BoundedMap<string, Timeline>(2_000);

  /** When each sentence of an article happens (15日上午, 次日, 当天下午 carried on), cached per article. */
  #timelineOf(article: Article): Timeline {
    return this.#timelines.getOrCreate(article.docId, () => {
      let date = dateContextOf(article.meta.publishedAt);
      // Paragraphs that are not body text keep their place (timeline rows are indexed by paragraph number) but
      // date nothing.
      return tripTimeline(
        article.paragraphs.map((p) => {
          if (p.kind !== 'body') return [];
          const read = extractParagraphFacts(p.text, { date });
          date = { ...date, ...read.date };
          return read.sentences;
        }),
      );
    });
  }

  readonly #reportHomes = new BoundedMap<string, string | null>(2_000);

  /** Where a local paper's report is written from (张家口 for 张家口日报): its 我市 and place-less titles. Cached. */
  #reportHomeOf(article: Article): string | null {
    return this.#reportHomes.getOrCreate(article.docId, () => outletPlaceIn([article.meta.source ?? '', ...article.paragraphs.slice(0, 6).map((p) => p.text)]));
  }

  /** An article's title and text in the matching view, cached. */
  #storyOf(article: Article): string {
    return this.#stories.getOrCreate(article.docId, () => matchView(`${article.meta.title}\n${article.paragraphs.map((p) => p.text).join('\n')}`));
  }

  /** The heading paragraph this paragraph sits under (第二组：…, 在江西), when the one before it is short. */
  #headingBefore(article: Article, paragraph: Paragraph): string {
    const previous = article.paragraphs[paragraph.n - 2];
    if (!previous || previous.kind === 'caption') return '';
    return previous.kind === 'heading' || previous.text.length <= 20 || /[：:]$/.test(previous.text.trim()) ? previous.text : '';
  }

  /** Picks the answer sentences, or null when the evidence does not answer the question. */
  #choose(question: QuestionAnalysis, candidates: Candidate[]): Candidate[] | null {
    const factoid = FACTOID.has(question.type) || (question.type === 'what' && askedItemKind(question) !== 'any');
    const stories = new Map<string, boolean>();
    const aboutTheStory = (c: Candidate) => {
      let about = stories.get(c.article.docId);
      if (about === undefined) stories.set(c.article.docId, (about = this.#namedThingsPresent(question, c.article)));
      return about;
    };
    // 在泽普县安排了多少个项目: a count scoped to a place comes from a passage about that place (a local paper's
    // passages are all about its own place), not from a total over several.
    const inScope = (c: Candidate) => {
      // 三市代表团合计…: a figure summed over several delegations answers no question about one of them.
      if (question.type === 'howMany' && question.home && !question.asksTotal && SUMMED_OVER_GROUPS.test(matchView(c.text))) return false;
      if (question.type !== 'howMany' || question.scoped.length === 0 || c.features.scope > 0) return true;
      const home = this.#reportHomeOf(c.article);
      return home !== null && question.scoped.every((p) => mentions(home, p) || mentions(p, home));
    };
    // A sentence whose passage barely mentions what the question is about (ANSWER_MIN_CONTEXT_COVERAGE) is no answer
    // (unless it happens on the asked day: 12日下午，代表团首先来到… shares few words with 第一天去了哪些地方).
    let eligible = candidates.filter(
      (c) => (!factoid || (c.filling.length > 0 && c.features.home !== OTHER_DELEGATION) || c.features.enumeration > 0) && (c.features.context >= this.#settings.minContextCoverage || c.features.day > 0) && c.features.coverage + c.features.context > 0 && aboutTheStory(c) && ofTheAskedYear(question, c.paragraph.text.slice(0, c.start + c.text.length), c.article) && ofLastYearIfAsked(question, c) && ofThisYearIfAsked(question, c) && !recalledIfThisTime(question, c) && !ofAnotherPart(question, c) && !(question.type === 'howMany' && countsAnotherSet(question, c.facts, matchView(c.text))) && inScope(c),
    );
    // 谁主持的 / 谁签的字: when some sentence names who played the asked role, only those answer it; who signed,
    // chaired or met the group is never answered by someone who did not.
    const role = askedRole(question);
    if (eligible.some((c) => c.features.role > 0) || role === 'sign' || role === 'chair' || role === 'meet') eligible = eligible.filter((c) => c.features.role > 0);
    // 工作站设在哪儿: when some sentence says where the thing is sited (设在…), only those answer it.
    const sited = (c: Candidate) => c.filling.some((f) => SITED_AT.test(c.text.slice(Math.max(0, f.start - 5), f.start)));
    if (question.type === 'where' && SITED_AT.test(question.folded) && eligible.some(sited)) eligible = eligible.filter(sited);
    // 河南日报说…: when the named outlet's report has an answer, it is that report's answer (outlets may differ).
    const fromOutlet = (c: Candidate) => question.outlets.some((o) => matchView(`${c.article.meta.source ?? ''} ${c.article.meta.title}`).includes(o));
    if (question.outlets.length > 0 && eligible.some(fromOutlet)) eligible = eligible.filter(fromOutlet);
    // 长治2018年地区生产总值: a figure of a named place comes from a passage that names that place.
    // (In a local paper, 我市/全市 is its own place: 全市 in 南阳日报 is 南阳's.)
    const ownerPassage = (c: Candidate) => {
      const home = this.#reportHomeOf(c.article);
      const view = matchView(c.paragraph.text);
      return mentions(view, question.owner!) || (home !== null && (mentions(home, question.owner!) || mentions(question.owner!, home)) && (OWN_PLACE.test(view) || WHOLE_PLACE.test(view)));
    };
    if (question.owner) eligible = eligible.filter(ownerPassage);
    // 劳务工作站是哪一年设立的: a date dates the thing asked only in a sentence naming it, or right after one.
    if (question.datedThing) eligible = eligible.filter((c) => namesThing(c, question.datedThing!) && saysEvent(c, question.datedEvent));
    // 哪一年建立协作关系的 / 哪天签的: with no thing named, the sentence says the event itself (not a trip's going,
    // which the report dates by its day thread).
    else if (question.datedEvent && !TRIP_EVENTS.some((verb) => question.datedEvent!.includes(verb) || verb.includes(question.datedEvent!))) eligible = eligible.filter((c) => saysEvent(c, question.datedEvent));
    // 青石大米卖了多少吨 / 汽车零部件项目投资多少: a figure measures the asked thing only in a sentence naming it (or
    // right after one); 饲料项目60万吨 or the trip's 签约总金额 measure something else.
    if (question.measured.length > 0) eligible = eligible.filter((c) => question.measured.some((thing) => namesThing(c, thing)));
    // 甲乙两省的战略合作协议由谁签署: a sentence naming only other agreements (《…产业协作框架协议》) is about those.
    if (question.agreement) eligible = eligible.filter((c) => namesAgreement(c, question.agreement!));
    // 甲和乙在座谈会上签了多少: a sentence whose agreement names another pair (《丙省 甲省…协议》) tells of that pair.
    // (A place inside another of the question's, 云港 of 连云港, is a segmenter's fragment.)
    const parties = question.places.filter((p) => !question.places.some((q) => q !== p && q.includes(p)));
    if (parties.length >= 2) eligible = eligible.filter((c) => !signedByOtherParties(c, parties));
    const best = eligible[0];
    if (!best || best.score < this.#settings.refusalFloor) return null;

    // A count or a date has one answer: a second sentence could only state another value (the trip's total for a
    // question about one province). Lists, reasons and comparisons may gather several.
    const single = question.type === 'howMany' || question.type === 'when' ? 1 : 2;
    const limit = ['list', 'why', 'how', 'what'].includes(question.type) || question.comparative ? this.#settings.maxSentences : Math.min(single, this.#settings.maxSentences);
    const chosen = [best];
    if (best.features.enumeration > 0) chosen.push(...this.#enumerationContinuation(best, candidates));
    else if (question.type === 'list') chosen.push(...this.#listContinuation(question, best, candidates));
    for (const c of eligible.slice(1)) {
      if (chosen.length >= limit) break;
      if (chosen.some((x) => x.paragraph.id === c.paragraph.id && x.index === c.index)) continue;
      const otherStory = !chosen.some((x) => x.article.docId === c.article.docId);
      // A comparison gathers one sentence per story; any other answer stays within the best sentence's story.
      if (question.comparative ? otherStory || c.score >= SECONDARY_RATIO * best.score : !otherStory && c.score >= SECONDARY_RATIO * best.score) chosen.push(c);
    }
    return chosen.slice(0, Math.max(limit, chosen.length));
  }

  /** The sentences after one that opens an enumeration (一是…) that go on with it (二是…, 三是…), in order. */
  #enumerationContinuation(best: Candidate, candidates: Candidate[]): Candidate[] {
    const following = candidates
      .filter((c) => c.paragraph.id === best.paragraph.id && c.index > best.index && c.index <= best.index + MAX_ENUMERATION_SENTENCES)
      .sort((a, b) => a.index - b.index);
    const out: Candidate[] = [];
    let previous = best.index;
    for (const c of following) {
      // One sentence of explanation may stand between two items (二是…。这是…。三是…).
      if (c.index > previous + 2) break;
      if (!continuesEnumeration(c.text)) continue;
      out.push(c);
      previous = c.index;
    }
    return out;
  }

  /** The sentences right after a list that go on listing the same kind of item (还参观了…, 随后来到…). */
  #listContinuation(question: QuestionAnalysis, best: Candidate, candidates: Candidate[]): Candidate[] {
    const following = candidates
      .filter((c) => c.paragraph.id === best.paragraph.id && c.index > best.index && c.index <= best.index + LIST_CONTINUATION_SENTENCES)
      .sort((a, b) => a.index - b.index);
    const out: Candidate[] = [];
    let previous = best;
    for (const c of following) {
      if (c.index !== previous.index + 1 || c.filling.length === 0) break;
      out.push(c);
      previous = c;
    }
    return out;
  }

  /**
   * Places and people the question names must be in the candidate's story (its title or text): a question about
   * a place the article never names is not answered by it. A comparison needs only one of them per story.
   */
  #namedThingsPresent(question: QuestionAnalysis, article: Article): boolean {
    const named = [...question.places, ...question.people];
    const story = this.#storyOf(article);
    // A name the segmenter does not know (a company, a project) must be in the story word for word.
    if (!question.anchors.every((anchor) => story.includes(anchor))) return false;
    if (named.length === 0) return true;
    // A local report from 海东 that names no province at all is still about 青海: there a place counts where a place
    // inside it stands. A story that names provinces must name the asked one.
    const local = !PROVINCES.some((p) => story.includes(p.common));
    // (A county's own site writes 我县: its place is the report's home, named in its masthead.)
    const home = this.#reportHomeOf(article);
    const present = named.filter((p) => mentions(story, p) || (home !== null && (mentions(home, p) || mentions(p, home))) || (local && question.places.includes(p) && placesWithin(p).some((inner) => story.includes(inner))));
    return question.comparative ? present.length > 0 : present.length === named.length;
  }
}

/** The homes of the delegations a sentence names (率汕头市党政代表团一行… → 汕头), each read from the words before it. */
function delegationsNamed(view: string): string[] {
  const homes: string[] = [];
  for (const match of view.matchAll(NAMED_DELEGATION)) {
    const home = delegationHome(view.slice(Math.max(0, match.index! - 8), match.index! + match[0].length));
    // (Only a place name: 率我市代表团 names the report's own place, which the article's home already covers.)
    if (home && (provinceOf(home) || isPlaceName(stripAdminSuffix(home)) || isPlaceName(home))) homes.push(home);
  }
  return homes;
}

const NAMED_DELEGATION = new RegExp(`(?:党政)?(?:${GROUP_NOUNS.delegation.join('|')})`, 'g');

/**
 * A question about 2024 is not answered by a sentence that speaks only of other years (自2021年以来累计…): when the
 * question names a year, the sentence's own years — or else the last ones written before it in its paragraph
 * (2016年，两市结对。此后累计…) — must include the asked one. `upToSentence` is the paragraph up to the sentence's end.
 */
function ofTheAskedYear(question: QuestionAnalysis, upToSentence: string, article: Article): boolean {
  if (question.years.length === 0) return true;
  // (A paragraph that writes no year is of the story's own year — its title's or opening's, else its date's: a report
  // of this year's visit answers nothing about the one two years before that it recalls further on. 今年 is that year.)
  const own = storyYear(article) ?? openingYear(article) ?? /^(\d{4})/.exec(article.meta.publishedAt ?? '')?.[1];
  const ofOwnYear = own === undefined || own === null || question.years.includes(String(own));
  const sentences = splitSentences(toHalfWidth(upToSentence)).map((s) => s.text).reverse();
  for (const sentence of sentences) {
    const written = [...sentence.matchAll(/((?:19|20)\d{2})年/g)].map((m) => m[1]!);
    if (written.length > 0) return written.some((year) => question.years.includes(year));
    if (/今年/.test(sentence)) return ofOwnYear;
  }
  return ofOwnYear;
}

/**
 * 今年卖了多少 / 今年签了几个: 今年 is the story's own year; a sentence under another year written before it in its
 * paragraph (2023年…当时签约项目6个) is that year's.
 */
function ofThisYearIfAsked(question: QuestionAnalysis, candidate: Candidate): boolean {
  if (question.years.length > 0 || !/今年/.test(question.folded)) return true;
  const own = storyYear(candidate.article) ?? openingYear(candidate.article) ?? Number(/^(\d{4})/.exec(candidate.article.meta.publishedAt ?? '')?.[1] ?? NaN);
  if (!Number.isFinite(own)) return true;
  return ofTheAskedYear({ ...question, years: [String(own)] }, candidate.paragraph.text.slice(0, candidate.start + candidate.text.length), candidate.article);
}

/** The year the first body paragraph writes (2023年8月…率代表团…), or null. */
function openingYear(article: Article): number | null {
  const first = article.paragraphs.find((p) => p.kind === 'body')?.text ?? '';
  const year = /((?:19|20)\d{2})年/.exec(toHalfWidth(first))?.[1];
  return year ? Number(year) : null;
}

const LAST_YEAR_WRITTEN = /去年|上年|上一年/;

/**
 * 去年那次是谁带队 / 去年签了几个: 去年 is the year before the article's date. A sentence is of the year it writes — or
 * else the one last written before it in its paragraph (去年 there is the year before the article's own year) — and a
 * sentence with none is of the article's own year: the year its title or opening names (a year-end review published
 * in January), else its date's. Articles without a date are not judged.
 */
function ofLastYearIfAsked(question: QuestionAnalysis, candidate: Candidate): boolean {
  if (question.years.length > 0 || !question.asksLastYear) return true;
  const published = /^(\d{4})/.exec(candidate.article.meta.publishedAt ?? '')?.[1];
  if (!published) return true;
  const asked = Number(published) - 1;
  const ownYear = storyYear(candidate.article) ?? Number(published);
  const upToSentence = toHalfWidth(candidate.paragraph.text.slice(0, candidate.start + candidate.text.length));
  for (const sentence of splitSentences(upToSentence).map((s) => s.text).reverse()) {
    if (LAST_YEAR_WRITTEN.test(sentence)) return ownYear - 1 === asked;
    const written = [...sentence.matchAll(/((?:19|20)\d{2})年/g)].map((m) => Number(m[1]));
    if (written.length > 0) return written.includes(asked);
  }
  return ownYear === asked;
}

/** A numbered part opening a paragraph (第四批：…, 第二组,). */
const PART_HEADING = /^第([一二三四五六七八九十两\d]{1,3})([批组站轮队])[:：,，]/;

/**
 * 第三批…签了多少 is not answered from the paragraph of 第二批：…: a question naming one numbered part of a report
 * written in parts is answered only from that part's paragraphs.
 */
function ofAnotherPart(question: QuestionAnalysis, candidate: Candidate): boolean {
  const asked = question.ordinals.map((o) => /^第(\d+)(.)/.exec(o)).filter((m): m is RegExpExecArray => m !== null);
  if (asked.length === 0) return false;
  // The part a paragraph belongs to: the last heading of the asked kind at or before it (none before the first).
  const headings = candidate.article.paragraphs.map((p) => PART_HEADING.exec(toHalfWidth(matchView(p.text.slice(0, 8)))));
  for (const { 2: counter } of asked) {
    if (!headings.some((h) => h?.[2] === counter)) continue;
    const governing = headings.slice(0, candidate.paragraph.n).filter((h) => h?.[2] === counter).at(-1);
    const number = governing ? (/^\d+$/.test(governing[1]!) ? Number(governing[1]) : parseChineseNumber(governing[1]!)) : null;
    // (Before the first part, the report speaks of all of them together: 3批代表团共… is no 第三批.)
    if (!asked.some((m) => m[2] === counter && Number(m[1]) === number)) return true;
  }
  return false;
}

/** 这回签了什么: a sentence recalling an earlier event (时任市长…, 当时…) is not about this trip. */
function recalledIfThisTime(question: QuestionAnalysis, candidate: Candidate): boolean {
  return question.asksThisTime && RECALL_MARKERS.some((marker) => matchView(candidate.text).includes(marker));
}

/** The year an article's title or opening words name (2024年多省党政代表团…), or null. */
function storyYear(article: Article): number | null {
  const opening = `${article.meta.title} ${(article.paragraphs.find((p) => p.kind === 'body')?.text ?? '').slice(0, 12)}`;
  const year = /((?:19|20)\d{2})年/.exec(toHalfWidth(opening))?.[1];
  return year ? Number(year) : null;
}

/** Whether a candidate sentence, or the sentence before it in its paragraph, names a thing (its head noun). */
function namesThing(candidate: Candidate, head: string): boolean {
  const before = splitSentences(candidate.paragraph.text.slice(0, candidate.start)).at(-1)?.text ?? '';
  const names = [head, ...synonymsOf(head).filter((w) => w.length >= 2)];
  return names.some((name) => matchView(candidate.text).includes(name) || matchView(before).includes(name));
}

/** Whether a candidate names the asked agreement by its words, or names no agreement at all (两省签署协议后…). */
function namesAgreement(candidate: Candidate, words: string): boolean {
  const documents = candidate.facts.filter((f): f is DocumentFact => f.kind === 'document');
  return documents.length === 0 || documents.some((d) => matchView(d.name).includes(words));
}

/** The parties an agreement's name opens with (《河南省人民政府 辽宁省人民政府…》 → 河南, 辽宁). */
function partiesOf(documentName: string): string[] {
  const parties: string[] = [];
  let rest = matchView(documentName).replace(/^《/, '');
  for (let match = PARTY.exec(rest); match; match = PARTY.exec(rest)) {
    parties.push(match[1]!);
    rest = rest.slice(match[0].length);
  }
  return parties;
}
const PARTY = /^([\u4e00-\u9fa5]{2,4}?)(?:省|市|县|区|自治区)?(?:人民政府|政府)?[\s、·]?(?=[\u4e00-\u9fa5])/;

/** Whether every agreement a candidate names is between other parties than the two or more the question names. */
function signedByOtherParties(candidate: Candidate, places: readonly string[]): boolean {
  const documents = candidate.facts.filter((f): f is DocumentFact => f.kind === 'document');
  if (documents.length === 0) return false;
  return documents.every((d) => {
    const parties = partiesOf(d.name).filter((p) => provinceOf(p) || isPlaceName(p));
    return parties.length >= 2 && places.some((place) => !parties.some((p) => mentions(p, place) || mentions(place, p)));
  });
}

/** Whether a candidate sentence says the asked event (设立, or 组建/挂牌 of its lexicon group); true when none is asked. */
function saysEvent(candidate: Candidate, event: string | null): boolean {
  if (!event) return true;
  const view = matchView(candidate.text);
  // (A one-character verb stands for the words of the lexicon holding it: 开 for 召开, so for 举行 too.)
  const holding = event.length === 1 ? SYNONYM_GROUPS.filter((group) => group.some((word) => word.length === 2 && word.includes(event))).flat() : [];
  return [event, ...synonymsOf(event), ...holding].some((word) => view.includes(word));
}

function isSpan(date: DateFact): boolean {
  return JSON.stringify(date.from) !== JSON.stringify(date.to);
}
