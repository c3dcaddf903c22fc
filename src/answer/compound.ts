/**
 * Compound questions: "座谈会在哪开的，哪天？", "看了几个点、跑了多少公里？". Each clause that asks something is
 * answered on its own (retrieval included), later clauses carrying the words of the first as context, and the
 * answers are joined into one. Pure functions; the composition root does the asking.
 */
import { foldScript, tagWords, toHalfWidth } from '../text/index.ts';
import { asksSomething } from './question.ts';
import { MAX_SHORT_CHARS } from './short-answer.ts';
import type { Answer, AnswerSentence, Citation } from './types.ts';

/** Where clauses of one question end. 和/与 are left alone: they join names far more often than questions. */
const CLAUSE_END = /[，,、？?；;]+/u;
/** Question words, removed from the first clause when its words serve as the next clauses' context. */
const QUESTION_WORDS = /哪[里儿个位些几天年]?|谁|什么|啥|多少|几[号个]?|怎么|如何|是否|吗|呢/gu;
/** Most parts one question is split into (more is a list of questions, answered as one). */
const MAX_PARTS = 3;

/** One part of a compound question: as the user wrote it, and as the stand-alone question that is answered. */
export interface CompoundPart {
  clause: string;
  question: string;
}

/**
 * The parts a compound question asks, in order; one part when it asks one thing. Clauses that ask nothing
 * (据报道，…) are context for the clause after them.
 */
export function splitCompound(question: string): CompoundPart[] {
  const clauses = question.replace(COUNTS_RUN_ON, '$1、').split(CLAUSE_END).map((c) => c.trim()).filter(Boolean);
  const parts: string[] = [];
  let pending = '';
  for (const clause of clauses) {
    if (!asksSomething(clause)) {
      pending += clause;
      continue;
    }
    parts.push(pending + clause);
    pending = '';
  }
  const whole = question.trim();
  if (parts.length < 2 || parts.length > MAX_PARTS) return [{ clause: whole, question: whole }];
  if (pending) parts[parts.length - 1] += pending;
  const first = foldScript(toHalfWidth(parts[0]!));
  const context = first.replace(QUESTION_WORDS, '');
  return parts.map((part, i) => ({ clause: part, question: i === 0 ? `${part}？` : `${laterPart(first, foldScript(toHalfWidth(part))) ?? context + part}？` }));
}

/** Two counts asked with nothing between them (跑了几个镇几个村): the first ends a clause of its own. */
const COUNTS_RUN_ON = /((?:几|多少)[个名家座所处项位条户批]?\p{Script=Han}{1,4}?)(?=(?:几|多少)[个名家座所处项位条户批])/gu;
/** A count of another kind asked alone (几个村, 多少家企业). */
const COUNT_ALONE = /^(?:一共|共|又)?(?:几|多少)[个名家座所处项位条户批]?\p{Script=Han}{1,5}$/u;
/** A count asked at the end of a clause, with its verb (开工了几个, 走了几个乡镇). */
const COUNT_ASKED_AT_END = /(?:几|多少)[个名家座所处项位条户批]?\p{Script=Han}{0,5}$/u;
const VERB_AND_COUNT_AT_END = /\p{Script=Han}{2}了?(?:几|多少)[个名家座所处项位条户批]?$/u;

/**
 * A later clause read against the first, where the first's words would garble it: 几个村 after 走了几个乡镇 asks
 * 走了几个村; 到位资金多少 after 开工了几个 asks the 到位资金 of the same projects (the first clause without its
 * verb and count). Null when the words of the first clause simply go before it.
 */
function laterPart(first: string, part: string): string | null {
  if (COUNT_ALONE.test(part)) {
    const asked = COUNT_ASKED_AT_END.exec(first);
    if (asked) return first.slice(0, asked.index) + part;
  }
  const words = tagWords(part);
  if (words.length >= 3 && words[0]!.tag === 'v' && /^n/.test(words[1]!.tag) && /^(?:多少|几)/.test(words.at(-1)!.word)) {
    const asked = VERB_AND_COUNT_AT_END.exec(first);
    if (asked) return first.slice(0, asked.index) + part;
  }
  return null;
}

/** The line that says which parts of a compound question the articles do not cover. */
export function uncoveredText(parts: readonly string[]): string {
  return `现有资料中未提及：${parts.map((p) => `「${p.replace(/[？?]$/u, '')}」`).join('、')}。`;
}

/**
 * One answer from the answers to a compound question's parts: sentences in order (a sentence two parts share once),
 * citations renumbered by paragraph, short answers joined with ；, and the parts not covered listed apart.
 */
export function mergeAnswers(question: string, parts: ReadonlyArray<CompoundPart & { answer: Answer }>): Answer {
  const found = parts.filter((p) => p.answer.found);
  if (found.length === 0) return { ...parts[0]!.answer, question };
  const citations: Citation[] = [];
  const byParagraph = new Map<string, number>();
  const sentences: AnswerSentence[] = [];
  const uncovered: string[] = [];
  const seen = new Set<string>();
  for (const { clause, answer } of parts) {
    if (!answer.found) {
      uncovered.push(clause);
      continue;
    }
    const renumber = new Map<number, number>();
    for (const citation of answer.citations) {
      let n = byParagraph.get(citation.paragraphId);
      if (n === undefined) {
        n = citations.length + 1;
        byParagraph.set(citation.paragraphId, n);
        citations.push({ ...citation, n });
      }
      renumber.set(citation.n, n);
    }
    for (const sentence of answer.sentences) {
      if (seen.has(sentence.text)) continue;
      seen.add(sentence.text);
      sentences.push({ text: sentence.text, citations: sentence.citations.map((n) => renumber.get(n) ?? n) });
    }
  }
  // Each part's short answer while the whole stays within the contract's length.
  const shorts: string[] = [];
  for (const short of new Set(found.map((p) => p.answer.short?.trim()).filter((s): s is string => Boolean(s)))) {
    if ([...shorts, short].join('；').length <= MAX_SHORT_CHARS) shorts.push(short);
  }
  return {
    question,
    questionType: found[0]!.answer.questionType,
    found: true,
    short: shorts.length > 0 ? shorts.join('；') : null,
    sentences,
    ...(uncovered.length > 0 ? { uncovered } : {}),
    citations,
    nearest: [],
  };
}
