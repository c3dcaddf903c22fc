import { tagWords } from '../text/index.ts';
import type { QuestionType } from './types.ts';

/** What the answerer needs to know about a question before it looks at evidence. */
export interface QuestionAnalysis {
  type: QuestionType;
  /** The question with interrogative and filler words removed: what the evidence must talk about. */
  content: string;
  /** Named people and places in the question (organisation words like 党政代表团 are too generic to require). */
  entities: string[];
  /** The subset of `entities` that are people. */
  people: string[];
  /** Measure word of a quantity question (多少个 → 个, 几场 → 场); null when none is given. */
  measure: string | null;
  /** Questions that compare or gather several facts (都/分别/各/最…) may be answered from several articles. */
  comparative: boolean;
  /**
   * What the answer must mention. Quantity questions: the thing counted (多少个考察点 → 考察点, 储量有多少 → 储量).
   * 什么/哪些 questions: the kind of thing asked for (签了什么协议 → 协议, 哪几个市 → 市).
   */
  focus: string | null;
  /** `X方面`/`X一方`: the answer must concern X's side specifically (e.g. 广州方面是谁签的字). */
  side: string | null;
}

/** Ordered: the first matching rule wins (哪几个 is a list, not a count; 几号 is a date, not a count). */
const TYPE_RULES: ReadonlyArray<readonly [QuestionType, RegExp]> = [
  ['why', /为什么|为何|为啥|什么原因|原因是|缘何|why/i],
  ['when', /什么时候|何时|哪天|哪一天|几号|几月|哪年|哪一年|什么时间|哪个时间|几日|日期/],
  ['who', /谁|哪位|哪几位|哪两位|哪[些个]人|什么人|哪些领导|哪位领导|叫什么名字|他叫什么|她叫什么/],
  ['list', /哪些|哪几|分别/],
  ['howMany', /多少|几[个场家座名位次项组条所人年天处批轮]|第几|多大|多长|多高|多远|多久|几成/],
  ['where', /哪里|哪儿|何地|何处|哪个(?:市|省|县|区|地方|城市|单位|国家|地)|哪座|哪家|哪所|在哪|什么地方/],
  ['how', /怎么|怎样|如何/],
];

/** Interrogatives and fillers that say nothing about the subject matter. */
const FILLER =
  /什么时候|为什么|为何|为啥|怎么样|怎么|怎样|如何|哪些|哪几|哪个|哪位|哪两位|哪里|哪儿|哪家|哪座|哪所|哪天|哪一天|哪年|几号|多少|第几|什么|请问|一共|总共|大概|大约|到底|究竟|分别|是谁|谁|哪|几|吗|呢|吧|啊|呀|？|\?/g;

/** Words the segmenter tags as places that name no particular place. */
const GENERIC_PLACES = new Set(['城市', '地方', '省份', '地区', '国家', '全国', '全省', '全市', '当地', '沿海', '基层', '外省', '本地', '两省', '三省']);

const COMPARATIVE = /都|分别|各[占有自是]|各个|哪个.{0,6}最|最[多少大小高低早晚]|比较|相比|共同|相同|两篇|那篇和|区别|不同/;

const MEASURE = /(?:多少|几)([个场家座名位次项组条所人年天处批轮点])/;

const SIDE = /([\u4e00-\u9fa5]{2,6}?)(?:方面|一方|那一方|那边)/;

/** Classifies a question and pulls out what the evidence must contain. Pure. */
export function analyseQuestion(question: string): QuestionAnalysis {
  const text = question.trim();
  const type = TYPE_RULES.find(([, pattern]) => pattern.test(text))?.[0] ?? 'what';
  const named = tagWords(text).filter(({ word, tag }) => /^(nr|ns)/.test(tag) && word.length >= 2 && !GENERIC_PLACES.has(word));
  const entities = [...new Set(named.map(({ word }) => word))];
  const people = [...new Set(named.filter(({ tag }) => tag.startsWith('nr')).map(({ word }) => word))];
  const sidePhrase = SIDE.exec(text)?.[1];
  return {
    type,
    content: text.replace(FILLER, ' ').replace(/\s+/g, ' ').trim(),
    entities,
    people,
    measure: MEASURE.exec(text)?.[1] ?? null,
    comparative: COMPARATIVE.test(text),
    focus: type === 'howMany' ? quantityFocus(text) : type === 'what' || type === 'list' ? askedKind(text) : null,
    // Only a named party has a side: 广州方面 does, 哪几个方面 does not.
    side: sidePhrase ? (entities.filter((e) => sidePhrase.includes(e)).pop() ?? null) : null,
  };
}

const QUANTITY_WORD = /(?:多少|几)[个场家座名位次项组条所人年天处批轮点]?/;

/**
 * The noun a quantity question counts: the first noun after 多少/几 (多少个考察点), else the last noun before it in
 * the same clause (储量大概有多少). Verbs (排第几, 各占几个) give no focus.
 */
export function quantityFocus(question: string): string | null {
  const match = QUANTITY_WORD.exec(question);
  if (!match) return null;
  const isNoun = (tag: string) => /^(n|vn|j)/.test(tag) && !/^(nr|ns|nt)/.test(tag);
  const after = question.slice(match.index + match[0].length).split(/[，。？！?,;；]/)[0] ?? '';
  const afterNoun = tagWords(after).find(({ word, tag }) => isNoun(tag) && word.length >= 2);
  if (afterNoun) return afterNoun.word;
  const before = question.slice(0, match.index).split(/[，。？！?,;；]/).pop() ?? '';
  const beforeNouns = tagWords(before).filter(({ word, tag }) => isNoun(tag) && word.length >= 2);
  return beforeNouns.at(-1)?.word ?? null;
}

const ASKED_KIND = /(?:什么|哪些|哪几[个座家所位]?|哪[个座家所])([\u4e00-\u9fa5]{1,4})/;

/** The noun right after 什么/哪些/哪几个 (什么协议 → 协议, 哪几个县市 → 县市); null for 叫什么 and the like. */
export function askedKind(question: string): string | null {
  const match = ASKED_KIND.exec(question);
  if (!match?.[1]) return null;
  const first = tagWords(match[1])[0];
  if (!first || !/^(n|vn|j)/.test(first.tag) || GENERIC_KINDS.has(first.word)) return null;
  return first.word;
}

/** Category words that articles rarely repeat next to the answer (哪几个方面 is answered by a list, not by 方面). */
const GENERIC_KINDS = new Set(['方面', '领域', '内容', '事情', '东西', '问题', '情况', '工作', '措施', '举措', '做法', '经验', '地方', '部分']);
