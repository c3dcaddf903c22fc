import type { AnswerSettings } from '../config.ts';
import type { Article, Paragraph } from '../domain.ts';
import type { CorpusView, RetrievedChunk } from '../retrieve/index.ts';
import { normaliseForIndex, PROVINCES, splitSentences, tagWords, tokenizeForIndex } from '../text/index.ts';
import { CitationBook } from './citations.ts';
import { entityVariants, escapeRegExp } from './entities.ts';
import { analyseQuestion, GENERIC_KINDS, SINGLE_CHARACTER_KINDS, type QuestionAnalysis } from './question.ts';
import { sentenceFillsSlot } from './slots.ts';
import type { Answer, Answerer } from './types.ts';

/** A sentence of a paragraph and its position there (for finding what follows it). */
interface SentenceRef {
  text: string;
  index: number;
  paragraph: Paragraph;
}

/** A sentence of a retrieved paragraph, scored as a possible answer. */
interface CandidateSentence extends SentenceRef {
  article: Article;
  /** 1-based rank of the best retrieved chunk that holds this paragraph. */
  rank: number;
  /** Share of the question's (IDF-weighted) terms found in the sentence itself. */
  sentenceCoverage: number;
  /** The same over the sentence's paragraph and article title. */
  contextCoverage: number;
  score: number;
  fillsSlot: boolean;
  /** The sentence names the kind of thing asked for (协议, 战略…); part of `fillsSlot`. */
  fitsFocus: boolean;
  /** Question entities present in the sentence's paragraph or article title. */
  entitiesFound: Set<string>;
}

export interface ExtractiveAnswererOptions {
  corpus: CorpusView;
  /** Inverse document frequency of an index token: rare question words matter more. */
  idf: (token: string) => number;
  settings: AnswerSettings;
  /** How many retrieved chunks to read sentences from. */
  evidenceChunks?: number;
  /**
   * In how many chunks an index token occurs. When given, a question word found in only a chunk or two (散裂中子源)
   * anchors the question: evidence must come from a paragraph that contains it.
   */
  documentFrequency?: (token: string) => number;
}

/**
 * Weights of the sentence score; coverage of the question by the sentence itself dominates. Bonuses go to
 * sentences shaped like the answer: a reason for why-questions (为了, 因为, 是…的有效办法), the very item an ordinal
 * names (第二组), and for list questions an enumeration of the kind asked for (A座谈会、B座谈会、C座谈会).
 */
const WEIGHTS = { sentence: 0.55, context: 0.3, rank: 0.15, reason: 0.15, ordinal: 0.15, enumeration: 0.15 } as const;
/** A question word this rare names the very thing asked about; see `documentFrequency`. */
const ANCHOR_MAX_DF = 2;
/** For 哪个…最少 questions: how many of the best candidates' articles are read in full for scoped counts. */
const SUPERLATIVE_ARTICLES = 3;
/** How many top candidates a 都-question compares pairwise. */
const COMMON_GROUND_POOL = 30;
/** A shared item must carry this much IDF weight beyond the question's own words (not just 高质量发展). */
const MIN_SHARED_SPECIFICITY = 3;
const LIST_ITEM_CHARS = { min: 3, max: 24 } as const;
/** How much of a paragraph's start counts as its opening (在江西,代表团… names the scope early). */
const SCOPE_OPENING_CHARS = 12;
/** Wordings that state a reason or purpose. */
const REASON = /为了|因为|由于|旨在|目的|之所以|原因|才能|意义|是[^。；，,]{0,24}(?:办法|方式|需要|要求|途径|关键|抓手|选择|必然)/;
/** A further sentence joins the answer only if it is nearly as good as the best one. */
const SECONDARY_RATIO = 0.8;
/** Sentences that end like this announce what follows (a list after a colon). */
const ANNOUNCES_CONTINUATION = /[：:—]$/;

/**
 * Answers by quoting: picks the article sentences that best answer the question and cites each one. Offline,
 * deterministic, and unable to state anything that is not verbatim in a cited paragraph.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly #corpus: CorpusView;
  readonly #idf: (token: string) => number;
  readonly #settings: AnswerSettings;
  readonly #evidenceChunks: number;
  readonly #documentFrequency: ((token: string) => number) | undefined;

  constructor(options: ExtractiveAnswererOptions) {
    this.#corpus = options.corpus;
    this.#idf = options.idf;
    this.#settings = options.settings;
    this.#evidenceChunks = options.evidenceChunks ?? 10;
    this.#documentFrequency = options.documentFrequency;
  }

  async answer(question: string, retrieved: RetrievedChunk[]): Promise<Answer> {
    const analysis = analyseQuestion(question);
    const candidates = this.#candidates(analysis, retrieved.slice(0, this.#evidenceChunks));
    const chosen = this.#choose(analysis, candidates);
    const book = new CitationBook();
    if (!chosen) {
      for (const c of nearestParagraphs(candidates)) book.cite(c.paragraph, c.article, '');
      return { question, questionType: analysis.type, found: false, sentences: [], citations: [], nearest: book.citations() };
    }
    const sentences = chosen.map((c) => ({ text: c.text, citations: [book.cite(c.paragraph, c.article, c.text)] }));
    return { question, questionType: analysis.type, found: true, sentences, citations: book.citations(), nearest: [] };
  }

  #candidates(question: QuestionAnalysis, retrieved: RetrievedChunk[]): CandidateSentence[] {
    const terms = [...new Set(tokenizeForIndex(question.content))];
    const weights = new Map(terms.map((t) => [t, this.#idf(t)]));
    const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
    const coverage = (tokens: Set<string>) => {
      let found = 0;
      for (const [term, weight] of weights) if (tokens.has(term)) found += weight;
      return found / totalWeight;
    };

    const anchors = this.#anchorsOf(question);
    const seen = new Set<string>();
    const candidates: CandidateSentence[] = [];
    retrieved.forEach((hit, i) => {
      const rank = i + 1;
      const article = this.#corpus.getArticle(hit.chunk.docId);
      if (!article) return;
      for (const n of hit.chunk.paragraphNumbers) {
        const paragraph = this.#corpus.getParagraph(`${hit.chunk.docId}#p${n}`);
        if (!paragraph || paragraph.kind !== 'body' || seen.has(paragraph.id)) continue;
        seen.add(paragraph.id);
        const contextTokens = new Set(tokenizeForIndex(`${article.meta.title}\n${paragraph.text}`));
        if (anchors.length > 0 && !anchors.some((a) => contextTokens.has(a))) continue;
        const contextCoverage = coverage(contextTokens);
        const entitiesFound = this.#entitiesAround(question, article, paragraph);
        const sentences = this.#sentencesOf(paragraph);
        const opening = this.#passageOpening(paragraph);
        // "第二组:" then the route: the announcing line is part of what each following sentence says.
        const announced = this.#previousBody(paragraph, true);
        const lead = announced && ANNOUNCES_CONTINUATION.test(announced.text.trim()) ? `${announced.text}\n` : '';
        sentences.forEach((sentence, index) => {
          // An article's own question (为什么是赴广东…?) is answered by what follows it, so that continuation is
          // the candidate, credited with the question's match.
          const isQuestion = /[?？]$/.test(sentence.text);
          const answer = isQuestion ? this.#continuation(sentence, sentences) : sentence;
          if (!answer) return;
          const sentenceCoverage = coverage(new Set(tokenizeForIndex(lead + sentence.text)));
          const answerCoverage = isQuestion ? Math.max(sentenceCoverage, coverage(new Set(tokenizeForIndex(answer.text)))) : sentenceCoverage;
          const passage = `${lead}${opening}\n${answer.text}`;
          const passageTokens = question.ordinals.length > 0 ? new Set(tokenizeForIndex(passage)) : undefined;
          const namesOrdinals = question.ordinals.length > 0 && question.ordinals.every((o) => passageTokens?.has(o));
          const normalisedPassage = question.scoped.length > 0 ? normaliseForIndex(passage) : '';
          const inScope = question.scoped.every((e) => namesEntity(normalisedPassage, e)) && (question.ordinals.length === 0 || namesOrdinals);
          const focusNamed = fitsFocus(answer.text, question);
          const bonus =
            (question.type === 'why' && REASON.test(answer.text) ? WEIGHTS.reason : 0) +
            (namesOrdinals ? WEIGHTS.ordinal : 0) +
            (question.type === 'list' && enumeratesFocus(answer.text, question.focus) ? WEIGHTS.enumeration : 0);
          const score =
            WEIGHTS.sentence * answerCoverage + WEIGHTS.context * contextCoverage + WEIGHTS.rank / (1 + 0.25 * (rank - 1)) + bonus;
          candidates.push({
            ...answer,
            article,
            rank,
            sentenceCoverage: answerCoverage,
            contextCoverage,
            score,
            fillsSlot: inScope && sentenceFillsSlot(answer.text, question) && focusNamed && fitsSide(answer.text, question),
            fitsFocus: focusNamed,
            entitiesFound: isQuestion ? new Set([...entitiesFound, ...this.#entitiesAround(question, article, answer.paragraph)]) : entitiesFound,
          });
        });
      }
    });
    return candidates.sort((a, b) => b.score - a.score || a.rank - b.rank || a.index - b.index);
  }

  /** Picks the answer sentences, or null when the evidence does not answer the question. */
  #choose(question: QuestionAnalysis, candidates: CandidateSentence[]): CandidateSentence[] | null {
    const coversAllEntities = (c: CandidateSentence) => c.entitiesFound.size === question.entities.length;
    // A comparison may draw on several stories, but each sentence must concern one of the things compared.
    const concernsAnEntity = (c: CandidateSentence) => question.entities.length === 0 || c.entitiesFound.size > 0;
    const eligible = candidates.filter((c) => c.fillsSlot && (coversAllEntities(c) || (question.comparative && concernsAnEntity(c))));
    const best = eligible[0];
    if (!best || best.score < this.#settings.refusalFloor) return null;
    if (question.superlative && question.type === 'howMany') {
      const extreme = this.#extremeCount(question, eligible);
      if (extreme) return extreme;
    }
    if (question.shared) {
      // One of the two articles may name the shared thing without the kind word (“三高四新”美好蓝图 vs …战略).
      const slotApartFromFocus = (c: CandidateSentence) => c.fillsSlot || (!c.fitsFocus && sentenceFillsSlot(c.text, question));
      const common = this.#commonGround(question, candidates.filter((c) => slotApartFromFocus(c) && concernsAnEntity(c)));
      if (common) return common;
    }

    const limit = ['list', 'why', 'how'].includes(question.type) || question.comparative ? this.#settings.maxSentences : Math.min(2, this.#settings.maxSentences);
    const chosen = [best];
    const covered = new Set(best.entitiesFound);
    for (const c of eligible.slice(1)) {
      if (chosen.length >= limit) break;
      if (chosen.some((x) => x.text === c.text)) continue;
      const addsEntity = question.comparative && [...c.entitiesFound].some((e) => !covered.has(e));
      if (addsEntity || c.score >= SECONDARY_RATIO * best.score) {
        chosen.push(c);
        c.entitiesFound.forEach((e) => covered.add(e));
      }
    }
    if (question.comparative && covered.size < question.entities.length) return null;
    return this.#withContinuations(chosen, candidates);
  }

  /**
   * For 都-questions: the pair of sentences from different articles that share the most specific item (a list
   * entry such as 广州市智慧城市运行中心, a quoted term such as “三高四新”). Items the question already names do
   * not count: the shared thing is what is asked for. Null when no pair shares anything specific.
   */
  #commonGround(question: QuestionAnalysis, eligible: CandidateSentence[]): CandidateSentence[] | null {
    const asked = new Set(tokenizeForIndex(question.content));
    const pool = eligible.slice(0, COMMON_GROUND_POOL).map((c) => ({ candidate: c, items: listItems(c.text) }));
    let best: { pair: CandidateSentence[]; score: number } | null = null;
    for (const [i, a] of pool.entries()) {
      for (const b of pool.slice(i + 1)) {
        if (a.candidate.article.docId === b.candidate.article.docId) continue;
        const covered = new Set([...a.candidate.entitiesFound, ...b.candidate.entitiesFound]);
        if (covered.size < question.entities.length || !(a.candidate.fitsFocus || b.candidate.fitsFocus)) continue;
        for (const item of a.items) {
          if (!b.items.has(item)) continue;
          const specificity = tokenizeForIndex(item)
            .filter((t) => !t.startsWith('~') && !asked.has(t))
            .reduce((sum, t) => sum + this.#idf(t), 0);
          const score = specificity + a.candidate.score + b.candidate.score;
          if (specificity >= MIN_SHARED_SPECIFICITY && (!best || score > best.score)) {
            best = { pair: [a.candidate, b.candidate], score };
          }
        }
      }
    }
    return best?.pair ?? null;
  }

  /**
   * 哪个省安排的考察点最少: counts in passages scoped by a place ("在广东,代表团…" then "…等10个点") are compared and
   * the smallest (or largest) is answered with the sentence naming the scope and the one giving the count. Needs
   * at least two scoped counts; otherwise there is nothing to compare.
   */
  #extremeCount(question: QuestionAnalysis, eligible: CandidateSentence[]): CandidateSentence[] | null {
    const counts = new Map<string, { count: number; sentence: CandidateSentence }>();
    // The parts being compared are spread over the story, and retrieval rarely returns all of them: read the
    // whole articles the best evidence comes from, after the retrieved sentences themselves.
    const articles = [...new Map(eligible.slice(0, SUPERLATIVE_ARTICLES).map((c) => [c.article.docId, c])).values()];
    const wholeStories = articles.flatMap((best) =>
      best.article.paragraphs
        .filter((p) => p.kind === 'body')
        .flatMap((p) => this.#sentencesOf(p).map((sentence) => ({ ...best, ...sentence }))),
    );
    for (const c of [...eligible, ...wholeStories]) {
      const scope = this.#scopeOf(c.paragraph);
      const count = countIn(c.text, question.measure, question.focus);
      if (!scope || count === null || counts.has(scope.place)) continue;
      counts.set(scope.place, { count, sentence: c });
    }
    if (counts.size < 2) return null;
    const pick = [...counts.values()].reduce((a, b) => ((question.superlative === 'min' ? b.count < a.count : b.count > a.count) ? b : a));
    const scope = this.#scopeOf(pick.sentence.paragraph)!;
    const opening = { ...pick.sentence, text: scope.sentence, paragraph: scope.paragraph, index: 0 };
    return scope.paragraph.id === pick.sentence.paragraph.id && scope.sentence === pick.sentence.text ? [pick.sentence] : [opening, pick.sentence];
  }

  /** The place a passage is about, when its paragraph or the body paragraph before it opens with 在X, (在广东,…). */
  #scopeOf(paragraph: Paragraph): { place: string; paragraph: Paragraph; sentence: string } | null {
    for (const p of [paragraph, this.#previousBody(paragraph)]) {
      const match = p && SCOPE_OPENER.exec(p.text);
      if (p && match?.[1] && isPlaceName(match[1])) return { place: match[1], paragraph: p, sentence: this.#sentencesOf(p)[0]?.text ?? p.text };
    }
    return null;
  }

  /** Body sentences of a paragraph, trimmed, with their position. */
  #sentencesOf(paragraph: Paragraph): SentenceRef[] {
    return splitSentences(paragraph.text)
      .map((s) => s.text.trim())
      .filter(Boolean)
      .map((text, index) => ({ text, index, paragraph }));
  }

  /** The sentence after `sentence`: the next one in its paragraph, else the first of the next body paragraph. */
  #continuation(sentence: SentenceRef, sentences: SentenceRef[]): SentenceRef | undefined {
    const next = sentences[sentence.index + 1];
    if (next) return next;
    const following = this.#corpus.getParagraph(`${sentence.paragraph.docId}#p${sentence.paragraph.n + 1}`);
    return following && following.kind === 'body' ? this.#sentencesOf(following)[0] : undefined;
  }

  /**
   * Nouns of the question (tagged in context) that occur in at most `ANCHOR_MAX_DF` chunks of the whole index and
   * in at least one. Verbs (回来 vs 归来) are paraphrased too freely to demand verbatim, and a rare compound of
   * common words (党政考察团 ⊃ 考察团) is a wording, not a rare thing. None for comparisons: they draw on several
   * stories, and no one of them need hold every rare word of the question.
   */
  #anchorsOf(question: QuestionAnalysis): string[] {
    const df = this.#documentFrequency;
    if (!df || question.comparative) return [];
    const rare = (t: string) => df(t) >= 1 && df(t) <= ANCHOR_MAX_DF;
    const nouns = tagWords(question.content)
      // Two-character plain nouns are too often generic or mis-tagged (专门 → n) to anchor on.
      .filter(({ word, tag }) => (word.length >= 3 ? /^(n|j|eng)/.test(tag) : /^(nz|nr|ns|nt|eng)/.test(tag) && word.length >= 2))
      // Named people and places have their own, passage-aware rules (entitiesFound, scoped).
      .filter(({ word }) => !GENERIC_KINDS.has(word) && word !== question.focus && !question.entities.includes(word))
      .map(({ word }) => normaliseForIndex(word));
    const words = tokenizeForIndex(question.content).filter((t) => !t.startsWith('~') && t.length >= 2);
    return nouns.filter((t) => rare(t) && !words.some((w) => w !== t && t.includes(w) && !rare(w)));
  }

  /** The body (or heading) paragraph before this one, skipping photo captions (they interrupt the story, not scope it). */
  #previousBody(paragraph: Paragraph, headingsToo = false): Paragraph | undefined {
    for (let n = paragraph.n - 1; n >= 1; n--) {
      const previous = this.#corpus.getParagraph(`${paragraph.docId}#p${n}`);
      if (!previous) return undefined;
      if (previous.kind === 'body' || (headingsToo && previous.kind === 'heading')) return previous;
    }
    return undefined;
  }

  /**
   * Where a passage says what it is about: the start of the paragraph and of the body paragraph before it
   * ("在江西,代表团先后赴南昌…" then the list of sites), and a caption just above. A scope named there covers the
   * sentences that follow.
   */
  #passageOpening(paragraph: Paragraph): string {
    const head = (p: Paragraph | undefined) => (p ? p.text.slice(0, SCOPE_OPENING_CHARS) : '');
    return `${head(this.#previousBody(paragraph))}\n${this.#captionAbove(paragraph)}\n${head(paragraph)}`;
  }

  /**
   * A photo caption right above a paragraph pictures the same event ("…在江苏南京考察"), so it scopes it too —
   * unless it lists several provinces (赴广东江西湖北…总结会): then it is about the whole trip, not this part.
   */
  #captionAbove(paragraph: Paragraph): string {
    const above = this.#corpus.getParagraph(`${paragraph.docId}#p${paragraph.n - 1}`);
    return above?.kind === 'caption' && !PROVINCE_RUN.test(above.text) ? above.text : '';
  }

  /**
   * Question entities named around a paragraph: in it, the one before it (speakers are often introduced there:
   * "沈晓明强调：" then the points) or the article title.
   */
  #entitiesAround(question: QuestionAnalysis, article: Article, paragraph: Paragraph): Set<string> {
    const previous = this.#previousBody(paragraph)?.text ?? '';
    const near = normaliseForIndex(`${article.meta.title}\n${previous}\n${this.#captionAbove(paragraph)}\n${paragraph.text}`);
    // People are often named once and then quoted for paragraphs on end, so for them the article is the context.
    const whole = question.people.length > 0 ? normaliseForIndex(article.paragraphs.map((p) => p.text).join('\n')) : '';
    return new Set(
      question.entities.filter((e) => namesEntity(near, e) || (question.people.includes(e) && namesEntity(whole, e))),
    );
  }

  /** A chosen sentence ending in a colon is followed by what it announces (the next sentence or paragraph). */
  #withContinuations(chosen: CandidateSentence[], candidates: CandidateSentence[]): CandidateSentence[] {
    const result: CandidateSentence[] = [];
    for (const c of chosen) {
      result.push(c);
      if (!ANNOUNCES_CONTINUATION.test(c.text)) continue;
      const next = this.#continuation(c, this.#sentencesOf(c.paragraph));
      if (next && !result.some((x) => x.text === next.text)) result.push({ ...c, ...next });
    }
    return result;
  }
}

/**
 * The sentence must mention what is asked about: 36个 alone does not say 36 of what, and a sentence without 协议
 * does not say which agreement. Place kinds (哪几个县市) are satisfied by any of their characters (嘉善县, 昆山市).
 */
function fitsFocus(sentence: string, question: QuestionAnalysis): boolean {
  if (!question.focus) return true;
  if (/^[省市县区州]+$/.test(question.focus)) return [...question.focus].some((ch) => sentence.includes(ch));
  // 考察点 counted as 10个点: the sentence's counted noun may be the focus's head character.
  if (question.type === 'howMany' && new RegExp(`\\d\\s*个?${escapeRegExp(question.focus.slice(-1))}`).test(normaliseForIndex(sentence))) return true;
  if (SINGLE_CHARACTER_KINDS.includes(question.focus)) return new RegExp(`[\\u4e00-\\u9fa5]{2}${question.focus}`).test(sentence);
  return normaliseForIndex(sentence).includes(normaliseForIndex(question.focus));
}

/** `广州方面是谁…`: the sentence must name that side, and for 谁 a titled person of that side. */
function fitsSide(sentence: string, question: QuestionAnalysis): boolean {
  if (!question.side) return true;
  const variants = entityVariants(question.side);
  if (question.type !== 'who') return variants.some((v) => sentence.includes(v));
  return variants.some((v) => new RegExp(`${escapeRegExp(v)}[\\u4e00-\\u9fa5]{0,8}?(?:书记|省长|市长|县长|区长|部长|主任|主席)\\s?[\\u4e00-\\u9fa5]{2,3}`).test(sentence));
}

/** Entries of a sentence's lists and quoted terms, normalised (华为终端总部、广州市智慧城市运行中心等10个点 → two). */
function listItems(sentence: string): Set<string> {
  const items = normaliseForIndex(sentence)
    .split(/[、,，;；:：。!！?？"“”《》()（）\s…—]|等\d*[个家座处项点]?/)
    .map((item) => item.replace(/^(?:包括|以及|还有|和|及|与)/, '').trim())
    .filter((item) => item.length >= LIST_ITEM_CHARS.min && item.length <= LIST_ITEM_CHARS.max);
  return new Set(items);
}

/** A passage that opens by naming its place: 在广东, / 在江西， */
const SCOPE_OPENER = /^(?:[^，,。]{0,8}[,，])?在([\u4e00-\u9fa5]{2,6}?)[,，]/;

/**
 * The number counting the asked thing (考察点: 等10个点 → 10, 13个考察点 → 13), or null. Without a focus, any
 * quantity with the asked measure word.
 */
function countIn(sentence: string, measure: string | null, focus: string | null): number | null {
  const counted = focus ? `(?:${escapeRegExp(focus)}|${escapeRegExp(focus.slice(-1))})` : measure ? escapeRegExp(measure) : '[点个家座处项场]';
  const match = new RegExp(`(\\d+)\\s*(?:个|${measure ? escapeRegExp(measure) : '个'})?${counted}`).exec(normaliseForIndex(sentence));
  return match ? Number(match[1]) : null;
}

/** Two or more items of the asked kind (several …会, several …市), or a plain enumeration when no kind is given. */
function enumeratesFocus(sentence: string, focus: string | null): boolean {
  if (!focus) return (sentence.match(/、/g)?.length ?? 0) >= 2;
  if (/^[省市县区州]+$/.test(focus)) {
    return new Set(tagWords(sentence).filter(({ word, tag }) => tag.startsWith('ns') && word.length >= 2).map(({ word }) => word)).size >= 2;
  }
  return (sentence.match(new RegExp(`[\\u4e00-\\u9fa5]{2}${escapeRegExp(focus)}`, 'g'))?.length ?? 0) >= 2;
}

/** A province, or a word the segmenter knows as a place (在广东, 在南昌; not 在学习考察中). */
function isPlaceName(word: string): boolean {
  if (PROVINCES.some((p) => word === p.common || word === p.name)) return true;
  const tagged = tagWords(word);
  return tagged.length === 1 && tagged[0]!.tag.startsWith('ns');
}

/** Two or more provinces in a row (广东江西湖北, 广东、江西): a list of the trip's stops. */
const PROVINCE_RUN = (() => {
  const names = PROVINCES.map((p) => p.common).join('|');
  return new RegExp(`(?:${names})省?[、和及与]?(?:${names})`);
})();

/** Whether text already passed through `normaliseForIndex` names the entity (or one of its variants). */
function namesEntity(normalisedText: string, entity: string): boolean {
  return entityVariants(entity).some((v) => normalisedText.includes(normaliseForIndex(v)));
}

/** The best-ranked distinct paragraphs, offered when the answer is "not found". */
function nearestParagraphs(candidates: CandidateSentence[], count = 3): CandidateSentence[] {
  const byParagraph = new Map<string, CandidateSentence>();
  for (const c of [...candidates].sort((a, b) => a.rank - b.rank)) {
    if (!byParagraph.has(c.paragraph.id)) byParagraph.set(c.paragraph.id, c);
  }
  return [...byParagraph.values()].slice(0, count);
}
