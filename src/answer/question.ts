import { tagWords, tokenizeForIndex } from '../text/index.ts';
import { escapeRegExp } from './entities.ts';
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
  /**
   * Entities the question uses as a scope inside a story (在江西考察了多少个点): the answer must be about that part,
   * so the entity must be in the sentence or open the passage, not merely appear in the article's title.
   */
  scoped: string[];
  /**
   * The question asks what several stories have in common (两篇都提到的…, 都去过的…): the answer is an item that
   * sentences from different articles share.
   */
  shared: boolean;
  /** 哪个…最少/最多: the answer is the scope (a place) with the smallest or largest count. */
  superlative: 'min' | 'max' | null;
  /** Ordinals the question names (第二组 → 第2组): the answer must be about that very item, not a sibling. */
  ordinals: string[];
  /** An official title asked about (哪位省委书记…): a who-answer must name a holder of that title. */
  title: string | null;
  /** The question asks for a span of dates (几号到几号, 从哪天到哪天): one date alone does not answer it. */
  dateRange: boolean;
  /**
   * `那个…场馆叫什么`: the name asked for ends like the noun (馆, 中心, 公司…), so the answer must contain such a name.
   */
  nameHead: string | null;
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
  /什么时候|为什么|为何|为啥|怎么样|怎么|怎样|如何|哪些|哪几|哪个|哪位|哪两位|哪里|哪儿|哪家|哪座|哪所|哪天|哪一天|哪年|几号|多少|第几|什么|请问|一共|总共|大概|大约|到底|究竟|是谁|谁|哪|几|吗|呢|吧|啊|呀|？|\?/g;

/** Words the segmenter tags as places that name no particular place. */
const GENERIC_PLACES = new Set(['城市', '地方', '省份', '地区', '国家', '全国', '全省', '全市', '当地', '沿海', '基层', '外省', '本地', '两省', '三省']);

const COMPARATIVE = /都|分别|各[占有自是]|各个|哪个.{0,6}最|最[多少大小高低早晚]|比较|相比|共同|相同|两篇|那篇和|区别|不同/;

/** Multi-character units first, so 多少万元 is measured in 万元, not in 万. */
const SHARED = /都|共同|同样|均/;

const MEASURE = /(?:多少|几)(万元|亿元|万吨|公里|千米|平方米|平方公里|元|钱|吨|亩|米|[个场家座名位次项组条所人年天处批轮点])/;

const SIDE = /([\u4e00-\u9fa5]{2,6}?)(?:方面|一方|那一方|那边)/;

/** Classifies a question and pulls out what the evidence must contain. Pure. */
export function analyseQuestion(question: string): QuestionAnalysis {
  const text = question.trim();
  const type = TYPE_RULES.find(([, pattern]) => pattern.test(text))?.[0] ?? 'what';
  // The segmenter sometimes tags interrogative compounds (多少钱) as names; they never are.
  const named = tagWords(text).filter(
    ({ word, tag }) => /^(nr|ns)/.test(tag) && word.length >= 2 && !GENERIC_PLACES.has(word) && !INTERROGATIVE.test(word),
  );
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
    // 在广东 scopes; 在广东、江西、湖北 lists the whole trip and scopes nothing.
    scoped: entities.filter((e) => new RegExp(`(?:在|于)${escapeRegExp(e)}(?![、和与及])`).test(text)),
    shared: SHARED.test(text) && COMPARATIVE.test(text),
    superlative: /最少|最低|最小|最短/.test(text) ? 'min' : /最多|最高|最大|最长/.test(text) ? 'max' : null,
    ordinals: [...new Set(tokenizeForIndex(text).filter((token) => /^第\d+[^\d]/.test(token)))],
    title: type === 'who' ? (TITLE.exec(text)?.[0] ?? null) : null,
    dateRange: type === 'when' && DATE_RANGE.test(text),
    nameHead: nameHeadOf(text),
  };
}

const INTERROGATIVE = /多少|几|哪|什么|谁/;

/** Titles specific enough to tell people apart (a 省委书记 is not a 县委书记). */
const TITLE = /(?:省|市|县|区|州)委(?:副)?书记|(?:副|代)?(?:省长|市长|县长|区长|州长)/;

const DATE_RANGE = /几[号日]到几[号日]|几[号日]至几[号日]|哪天到哪天|从哪天|起止|从几[号日]/;

/** Heads of institution names: 纪念馆, 运行中心, 净水有限公司, 示范园… */
const NAME_HEADS = ['中心', '公司', '集团', '基地', '大学', '学院', '医院', '工厂', '社区', '馆', '院', '园', '厂', '港', '站', '村', '所'];

function nameHeadOf(question: string): string | null {
  const match = /([\u4e00-\u9fa5]{1,8})(?:叫什么|叫啥|是什么名字|的名字|的名称|名称是)/.exec(question);
  if (!match?.[1]) return null;
  return NAME_HEADS.find((head) => match[1]!.endsWith(head)) ?? null;
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
  // 考察点最少？有几个？ — the counted noun may sit in an earlier clause than a bare 几个.
  const clauses = question.slice(0, match.index).split(/[，。？！?,;；]/).reverse();
  for (const clause of clauses) {
    const nouns = tagWords(clause).filter(({ word, tag }) => isNoun(tag) && word.length >= 2);
    if (nouns.length > 0) return nouns.at(-1)!.word;
    // Only bare clauses (有, 共) are skipped; a clause with content but no noun ends the search.
    if (clause.trim().length > 2) return null;
  }
  return null;
}

const ASKED_KIND = /(?:什么|哪些|哪几[个座家所位]?|哪[个座家所])([\u4e00-\u9fa5]{1,4})/;

/** The noun right after 什么/哪些/哪几个 (什么协议 → 协议, 哪几个县市 → 县市); null for 叫什么 and the like. */
export function askedKind(question: string): string | null {
  const match = ASKED_KIND.exec(question);
  if (!match?.[1]) return null;
  // 什么会 asks for a named meeting (…座谈会); the segmenter tags a lone 会 as a verb.
  const head = SINGLE_CHARACTER_KINDS.find((kind) => match[1]!.startsWith(kind) && !/^会[议见谈上]/.test(match[1]!));
  if (head) return head;
  const first = tagWords(match[1])[0];
  if (!first || !/^(n|vn|j)/.test(first.tag) || GENERIC_KINDS.has(first.word)) return null;
  return PLACE_KIND_WORDS[first.word] ?? first.word;
}

/** One-character kinds that end the names they ask for (什么会 → 座谈会, 哪个馆 → 纪念馆). */
export const SINGLE_CHARACTER_KINDS = ['会', '馆', '厂', '园'];

/** Place kinds asked in full words are matched like their one-character forms (哪几个城市 ≈ 哪几个市). */
const PLACE_KIND_WORDS: Readonly<Record<string, string>> = { 城市: '市', 省份: '省', 县城: '县', 地市: '市', 市州: '市州' };

/** Category words that articles rarely repeat next to the answer (哪几个方面 is answered by a list, not by 方面). */
export const GENERIC_KINDS = new Set(['方面', '领域', '内容', '事情', '东西', '问题', '情况', '工作', '措施', '举措', '做法', '经验', '地方', '部分', '单位', '地点', '点位']);
