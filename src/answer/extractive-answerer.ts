import type { AnswerSettings } from '../config.ts';
import type { Article, Paragraph } from '../domain.ts';
import type { CorpusView, RetrievedChunk } from '../retrieve/index.ts';
import { normaliseForIndex, splitSentences, tokenizeForIndex } from '../text/index.ts';
import { CitationBook } from './citations.ts';
import { entityVariants, escapeRegExp } from './entities.ts';
import { analyseQuestion, type QuestionAnalysis } from './question.ts';
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
}

/** Weights of the sentence score; coverage of the question by the sentence itself dominates. */
const WEIGHTS = { sentence: 0.55, context: 0.3, rank: 0.15 } as const;
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

  constructor(options: ExtractiveAnswererOptions) {
    this.#corpus = options.corpus;
    this.#idf = options.idf;
    this.#settings = options.settings;
    this.#evidenceChunks = options.evidenceChunks ?? 10;
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
        const contextCoverage = coverage(new Set(tokenizeForIndex(`${article.meta.title}\n${paragraph.text}`)));
        const entitiesFound = this.#entitiesAround(question, article, paragraph);
        const sentences = this.#sentencesOf(paragraph);
        sentences.forEach((sentence, index) => {
          // An article's own question (为什么是赴广东…?) is answered by what follows it, so that continuation is
          // the candidate, credited with the question's match.
          const isQuestion = /[?？]$/.test(sentence.text);
          const answer = isQuestion ? this.#continuation(sentence, sentences) : sentence;
          if (!answer) return;
          const sentenceCoverage = coverage(new Set(tokenizeForIndex(sentence.text)));
          const answerCoverage = isQuestion ? Math.max(sentenceCoverage, coverage(new Set(tokenizeForIndex(answer.text)))) : sentenceCoverage;
          const score =
            WEIGHTS.sentence * answerCoverage + WEIGHTS.context * contextCoverage + WEIGHTS.rank / (1 + 0.25 * (rank - 1));
          candidates.push({
            ...answer,
            article,
            rank,
            sentenceCoverage: answerCoverage,
            contextCoverage,
            score,
            fillsSlot: sentenceFillsSlot(answer.text, question) && fitsFocus(answer.text, question) && fitsSide(answer.text, question),
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
    const eligible = candidates.filter((c) => c.fillsSlot && (question.comparative || coversAllEntities(c)));
    const best = eligible[0];
    if (!best || best.score < this.#settings.refusalFloor) return null;

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
   * Question entities named around a paragraph: in it, the one before it (speakers are often introduced there:
   * "沈晓明强调：" then the points) or the article title.
   */
  #entitiesAround(question: QuestionAnalysis, article: Article, paragraph: Paragraph): Set<string> {
    const previous = this.#corpus.getParagraph(`${paragraph.docId}#p${paragraph.n - 1}`)?.text ?? '';
    const near = normaliseForIndex(`${article.meta.title}\n${previous}\n${paragraph.text}`);
    const mentions = (text: string, entity: string) => entityVariants(entity).some((v) => text.includes(normaliseForIndex(v)));
    // People are often named once and then quoted for paragraphs on end, so for them the article is the context.
    const whole = question.people.length > 0 ? normaliseForIndex(article.paragraphs.map((p) => p.text).join('\n')) : '';
    return new Set(question.entities.filter((e) => mentions(near, e) || (question.people.includes(e) && mentions(whole, e))));
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
  return normaliseForIndex(sentence).includes(normaliseForIndex(question.focus));
}

/** `广州方面是谁…`: the sentence must name that side, and for 谁 a titled person of that side. */
function fitsSide(sentence: string, question: QuestionAnalysis): boolean {
  if (!question.side) return true;
  const variants = entityVariants(question.side);
  if (question.type !== 'who') return variants.some((v) => sentence.includes(v));
  return variants.some((v) => new RegExp(`${escapeRegExp(v)}[\\u4e00-\\u9fa5]{0,8}?(?:书记|省长|市长|县长|区长|部长|主任|主席)\\s?[\\u4e00-\\u9fa5]{2,3}`).test(sentence));
}

/** The best-ranked distinct paragraphs, offered when the answer is "not found". */
function nearestParagraphs(candidates: CandidateSentence[], count = 3): CandidateSentence[] {
  const byParagraph = new Map<string, CandidateSentence>();
  for (const c of [...candidates].sort((a, b) => a.rank - b.rank)) {
    if (!byParagraph.has(c.paragraph.id)) byParagraph.set(c.paragraph.id, c);
  }
  return [...byParagraph.values()].slice(0, count);
}
