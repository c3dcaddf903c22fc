/**
 * Question analysis: what kind of answer is asked for (a person, a date, a count, a place, a list, a reason…),
 * which slot of a fact fills it (the counted noun, the asked title, the measure word) and which words the evidence
 * must be about. Pure; reads generic vocabulary from the lexicon only.
 */
import {
  ACTIVITY_WORDS,
  CHANGE_VERBS,
  DOMAIN_TERMS,
  GENERIC_PLACES,
  GROUP_NOUNS,
  GROUP_NOUN_ALTERNATION,
  LONE_GROUP_CHAR,
  PROVINCES,
  provinceOf,
  canonicalWord,
  expandRegionAlias,
  NUMERAL_CHARS,
  MONEY_NOUNS,
  QUESTION_FILLERS,
  TITLES,
  escapeRegExp,
  MEETING_HEADS,
  foldScript,
  isPlaceName,
  measureGroup,
  outletsIn,
  synonymsOf,
  tagWords,
  toHalfWidth,
  tokenizeForIndex,
} from '../text/index.ts';
import type { QuestionType } from './types.ts';
import { askedDay, extractFacts, type AskedDay, type QuantityFact } from '../facts/index.ts';

/** What the answerer needs to know about a question before it looks at evidence. */
export interface QuestionAnalysis {
  type: QuestionType;
  /** The distinctive words of an agreement the question names (战略 of 战略合作协议), or null. */
  agreement: string | null;
  /** 去年 / 上年 asked as the time of the fact (not 比去年 or 去年同期, which compare). */
  asksLastYear: boolean;
  /** The question folded to simplified, half-width characters (what all patterns run on). */
  folded: string;
  /** The question with interrogatives and fillers removed: what the evidence must talk about. */
  content: string;
  /** Places the question names (湖南, 郴州市…). */
  places: string[];
  /** People the question names (by the segmenter's name tags). */
  people: string[];
  /** Other names the evidence must contain (words the segmenter does not know: companies, projects). */
  anchors: string[];
  /** The region a delegation is named after (江西那个团, 营口代表团 → 江西, 营口), or null. */
  home: string | null;
  /** Measure word of a quantity question (多少个 → 个, 几场 → 场); null when none is given. */
  measure: string | null;
  /** The noun a quantity question counts (多少个考察点 → 考察点) or the kind a list/what question asks for. */
  focus: string | null;
  /** Further kinds asked together with the focus (哪些企业和园区 → 园区): an item of any of them answers. */
  alsoKinds: string[];
  /** An official title asked about (哪位省委书记…): a person answer must hold it. */
  title: string | null;
  /** The question asks who led (带队, 率领…): a person in the 'lead' role answers it best. */
  asksLeader: boolean;
  /** The question asks for a span (几号到几号, 从哪天到哪天, 起止). */
  asksSpan: boolean;
  /** 哪天 / 几号: only a date naming its day answers. */
  asksDay: boolean;
  /** 哪三点建议 / 提了哪些要求: answered by an enumeration (一是…二是…). */
  asksEnumeration: boolean;
  /** 哪年: only a date with its year written answers. */
  asksYear: boolean;
  /** Years the question names (2019年 → 2019): a sentence about other years does not answer it. */
  years: string[];
  /** Places used as a scope (在江西…): the answer should be about that part of the story. */
  scoped: string[];
  /** Ordinals named (第二组 → 第2组): the item the question is about. */
  ordinals: string[];
  /**
   * The thing whose date a when-question asks (劳务工作站是哪一年设立的 → 工作站): only a sentence naming it (or
   * following one that does) dates it. Null when the question asks about a delegation, a person or nothing named.
   */
  datedThing: string | null;
  /** What a how-much question measures when it counts no noun (青石大米…卖了多少吨 → 大米): an answer names one of them. */
  measured: string[];
  /** The place whose figure a how-many question asks (长治2018年地区生产总值 → 长治), or null. */
  owner: string | null;
  /** What happened to the dated thing (设立, 开张, 建): the sentence that dates it says so. */
  datedEvent: string | null;
  /** The day of the trip asked about (第二天上午, 最后一天, 15日); null for when-questions, which ask the day. */
  day: AskedDay | null;
  /** The question gathers or compares facts across parts or stories (都, 分别, 各, 最…). */
  comparative: boolean;
  /** The question asks about this trip (这回, 这次, 此次): a sentence recalling an earlier one (时任, 当时) does not answer. */
  asksThisTime: boolean;
  /** A how-many question asks for a total (一共, 总共, 合计, 加起来…). */
  asksTotal: boolean;
  /** Counts the question states of what it is about (这5批代表团 → 5批): a sentence stating them is about that set. */
  statedCounts: Array<{ value: number; measure: string; noun: string }>;
  /** News outlets the question names (河南日报说…, 据新华社…): the answer should come from their reports. */
  outlets: string[];
}

/** Ordered: the first matching rule wins (哪几个 is a list, not a count; 几号 is a date, not a count). */
const TYPE_RULES: ReadonlyArray<readonly [QuestionType, RegExp]> = [
  ['why', /为什么|为何|为啥|什么原因|原因是|缘何|何以|目的是|why/i],
  ['when', /什么时候|何时|哪天|哪一天|哪[几两三]天|哪些天|几号|几月|哪年|哪一年|哪个月|哪一月|哪月|什么时间|哪个时间|几日|日期|时间是|\bwhen\b/i],
  // 那两个村叫什么名字: the name of a thing, not of a person.
  ['list', /(?:村|镇|乡|企业|公司|园区?|馆|中心|项目|协议|文件|会议?|基地|景点|社区|街道|工厂|学校|医院)(?:的)?(?:名字|名称)?(?:叫|是)(?:什么|啥)(?:名字|名称)?/],
  ['who', /谁|哪位|哪几位|哪两位|哪[些个]人|什么人|哪些领导|哪[位个]领导|哪个人|叫什么名字|(?:书记|长|主任|主席|组长|团长)(?:是|叫)(?:什么|啥)|\bwho\b/i],
  ['list', /哪些|哪几|分别|都有|包括什么|有什么|有哪/],
  ['howMany', new RegExp(`多少|几[个场家座名位次项组条所人年天处批轮点省市县区]|第几|多大|多长|多高|多远|多久|几成|\\bhow many\\b|\\bhow much\\b`, 'i')],
  ['where', /哪里|哪儿|何地|何处|哪个(?:市|省|县|区|地方|城市|单位|国家|地|企业|公司)|哪座|哪家|哪所|在哪|去哪|什么地方|\bwhere\b/i],
  ['how', /怎么|怎样|如何|\bhow\b/i],
];

const FILLER = new RegExp(`${[...QUESTION_FILLERS].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')}|[？?。！!，,]`, 'g');

const TOTAL = /一共|总共|共计|合计|总计|累计|加起来|总数|总额|总金额|共[有看去走考跑签]/;

const COMPARATIVE = /都|分别|各[占有自是个]|哪个.{0,6}最|最[多少大小高低早晚]|比较|相比|共同|相同|两篇|区别|不同|各自|(?:哪个|哪一个|谁)(?:团|代表团)?[先后早晚]/;

// (这几年, 近几天: 几 after a demonstrative counts nothing asked.)
const MEASURE = new RegExp(
  `(?:多少|(?<![这近前那])几)(个月|万元|亿元|万吨|公里|千米|平方米|平方公里|元|钱|吨|亩|米|年(?![轻级代])|[个场家座名位次项组条所人天处批轮点户省市县区])`,
);

const TITLE = new RegExp(TITLES.filter((t) => /(?:书记|长|主任|主席)$/.test(t) && t.length >= 2).map(escapeRegExp).join('|'));

/** Two titles asked together (组长和副组长, 书记、市长). */
const TWO_TITLES = new RegExp(`(?:${TITLE.source})(?:和|与|、|及|以及)(?:${TITLE.source})`);

/** A delegation word and what may stand between it and its home (江西那个团, 营口市党政代表团, 去张掖的观摩团). */
// (渔业集团 names a company, not a home 业集: the lexicon's lone 团 is no part of 集团.)
const DELEGATION_WORD = new RegExp(`(省|市|县|区|州)?(?:党政)?(?:的)?(?:那个|这个|那|这)?(?:${GROUP_NOUNS.delegation.join('|')}|${LONE_GROUP_CHAR})`, 'g');
const POINTED_LEVEL = new RegExp(`(?:那个|这个)([省市县区州])的?(?=(?:党政)?(?:${GROUP_NOUNS.delegation.join('|')}|团))`, 'g');
const NOT_A_HOME = /^(?:这|那|该|我|他|她|本|此|党政|考察|学习|代表|访问|观摩|整个|[一两三四五六七八九几哪]个|什么|的)|[的了个]$/;

/**
 * The home a delegation is named after: the place written right before the first delegation word. Of the two to
 * four characters there, the longest that the segmenter knows as a place wins (…昆明起飞的云南 → 云南), else two.
 */
/** X去Y(考察)的代表团: a delegation named by its trip. */
const TRIP_OF_HOME = new RegExp(`([\\u4e00-\\u9fa5]{2,6}?)(?:去|赴|到)[\\u4e00-\\u9fa5]{2,8}?(?:考察|学习|调研|参观|观摩)?(?:那次|那趟)?的(?:那个|这个)?(?:党政)?(?:${GROUP_NOUNS.delegation.join('|')}|团)`);

export function delegationHome(written: string): string | null {
  // 青石那个县的代表团 is 青石县代表团.
  const folded = written.replace(POINTED_LEVEL, '$1');
  // 小店区去江汉区的代表团: the place before the verb of going is the home, the one after it the destination.
  const trip = TRIP_OF_HOME.exec(folded)?.[1];
  // (The words before it may run into the name: 9月郴州去… → 郴州.)
  const tripHome = trip ? [...trip].map((_, i) => trip.slice(i)).find((tail) => tail.length >= 2 && (provinceOf(tail) || isPlaceName(tail))) : undefined;
  if (tripHome) return tripHome;
  for (const match of folded.matchAll(DELEGATION_WORD)) {
    const suffixed = match[1] !== undefined;
    // 台州代表团: the 州 the pattern took as a suffix may end the name itself.
    const ends = suffixed ? [match.index! + 1, match.index!] : [match.index!];
    const options = ends.flatMap((end) => [4, 3, 2].map((n) => folded.slice(Math.max(0, end - n), end)))
      .filter((w) => w.length >= 2 && /^[\u4e00-\u9fa5]+$/.test(w) && !NOT_A_HOME.test(w));
    const known = options.find((w) => provinceOf(w) || isPlaceName(w)) ?? options.find((w) => tagWords(w).every(({ tag }) => tag.startsWith('ns')));
    // 豫团, 说湘团: a province's one-character abbreviation right before the delegation word is its home.
    const abbreviated = PROVINCES.find((p) => p.abbreviations.includes(folded[(ends[0] ?? 0) - 1] ?? ''));
    if (!known && abbreviated && !suffixed) return abbreviated.common;
    // An unknown name counts only with an administrative suffix (青溪县考察团) or as a name the segmenter knows
    // standing right before the delegation word (常德团, 竹溪那个团), not before any noun (高规格代表团).
    const pointed = /^(?:那个|这个|那|这)?(?:代表团|考察团|团)$/.test(match[0]);
    const namedTwo = options.filter((w) => w.length === 2).at(-1);
    const nameLike = namedTwo !== undefined && tagWords(namedTwo).every(({ tag }) => /^(?:nr|ns|nz|x)/.test(tag));
    const home = known ?? (suffixed || (pointed && nameLike) ? namedTwo : undefined);
    if (home) return home;
  }
  return null;
}
const DOMAIN_WORDS: ReadonlySet<string> = new Set(DOMAIN_TERMS.map((t) => t.word));

/** Runs of one-character province abbreviations (闽赣, 赣闽粤). */
const ABBREVIATION_RUN = new RegExp(`[${PROVINCES.flatMap((p) => p.abbreviations).join('')}]{2,4}`, 'g');

const LEADER = /带队|率领|带领|率队|领队|牵头|领衔|率团|谁带|带的|率的|领导是/;

/** 哪天到的 / 几号签的: the answer is a day, not a month or a year. */
const DAY_ASKED = /哪一?天|几[号日]|哪日|几月几[号日]/;
/**
 * 哪三点建议 / 四个"抓"都是什么 / 提了哪些要求: the answer is an enumeration (一是…二是…), one item per marker.
 */
const ENUMERATION_ASKED = new RegExp(
  '(?:[一二三四五六七八九十两几]|哪[几一二三四五六七八九十两]?)(?:点|个方面|方面|条|项|件|大|个[“"「])|[“"「][一二三四五六七八九十两]个' +
    '|(?:建议|希望|要求|意见|举措|措施|任务|打算|思路)(?:是|有|都|都是|分别是)?(?:什么|啥|哪些)' +
    '|(?:哪些|什么|啥)(?:建议|希望|要求|意见|举措|措施|任务|打算|思路)',
);
/** 哪年 / 哪一年: only a date that writes its year answers. */
const YEAR_ASKED = /哪一?年|几几年|什么年份|哪个年份/;
const SPAN = /几[号日]到几[号日]|几[号日]至几[号日]|哪天到哪天|从哪天|起止|到哪天|至哪天|从几[号日]|哪[几两三]天|哪些天/;

const QUANTITY_WORD = /(?:多少|(?<![这近前那])几)[个场家座名位次项组条所人年天处批轮点户]?/;

const NOUN = /^(?:n|vn|j)/;
/** Last characters of place names that given names hardly ever end in. */
const PLACE_ENDING = /[口港州市县区镇村湾旗盟]$/;

/** The noun a quantity question counts: the first noun after 多少/几, else the last one before it. */
/**
 * Whether the one-character measure right after 多少/几 at `at` starts a longer noun of the question (多少项目,
 * 多少人员, 几个点位 are 多少 + a noun; 多少人参加 is 多少人 + a verb), read from the whole question's segmentation.
 */
function measureStartsNoun(question: string, at: number): boolean {
  let offset = 0;
  for (const { word, tag } of tagWords(question)) {
    if (offset === at) return word.length >= 2 && NOUN.test(tag);
    if (offset > at) return false;
    offset += word.length;
  }
  return false;
}

/** The measure word a quantity question asks in (多少公里 → 公里), or null (多少项目 asks for a count of 项目). */
/** A money noun right before the quantity word (收入有多少, 总额是多少, 投资了多少). */
const MONEY_ASKED = new RegExp(`(?:${MONEY_NOUNS.join('|')})(?:了|是|有|为|达|达到|共|约|一共|总共|大概|大约|能)*(?:多少|几)`);

function askedMeasure(folded: string): string | null {
  const match = MEASURE.exec(folded);
  if (!match) return null;
  const measure = match[1]!;
  return measure.length === 1 && measureStartsNoun(folded, match.index + match[0].length - 1) ? null : measure;
}

export function quantityFocus(question: string): string | null {
  const found = QUANTITY_WORD.exec(question);
  if (!found) return null;
  // 多少项目: the 项 starts the counted noun, it is no measure word.
  const asked = found[0].startsWith('几') ? '几' : '多少';
  const text = found[0].length > asked.length && measureStartsNoun(question, found.index + asked.length) ? asked : found[0];
  const match = { index: found.index, 0: text };
  const isNoun = (tag: string) => NOUN.test(tag) && !/^(?:nr|ns|nt)/.test(tag);
  // (多少个企业、园区和平台: the first of nouns listed with 、 names the count; tagging would run them together.)
  const after = question.slice(match.index + match[0].length).split(/[，。？！?,;；、]/)[0] ?? '';
  // (加起来, 合计 say a total is asked; they count nothing.)
  const isFocus = (word: string, tag: string) => isNoun(tag) && !QUESTION_FILLERS.includes(word) && !ACTIVITY_WORDS.includes(word) && !/^(?:吗|呢)$/.test(word) && !TOTAL.test(word);
  // 多少电子商务人才: the run of nouns after the quantity word is the counted thing, its head at the end.
  const afterWords = tagWords(after);
  const first = afterWords.findIndex(({ word, tag }) => isFocus(word, tag));
  if (first >= 0) {
    let noun = afterWords[first]!.word;
    for (const { word, tag } of afterWords.slice(first + 1)) {
      if (!isFocus(word, tag) || noun.length + word.length > 6) break;
      noun += word;
    }
    return noun;
  }
  // 多少个点, 几个组: a one-character counter noun right after the measure word is the counted thing.
  const counter = /^[点组项批场站省市县区镇村人]/.exec(after)?.[0];
  if (counter) return counter;
  // 推介会上签了几个: after an action verb the counted thing is the verb's object, left unsaid; the noun before the
  // verb is where or who (考察点有几个 still counts 考察点).
  // 比上年多了多少 / 同比增长了多少: a change is asked, of the figure named before it, not a count of a noun.
  const beforeAsked = question.slice(0, match.index).replace(/了$/, '');
  if (/(?<![多少])[多少]$/.test(beforeAsked) || [...CHANGE_VERBS.up, ...CHANGE_VERBS.down].some((verb) => beforeAsked.endsWith(verb))) return null;
  const lastWord = tagWords(beforeAsked).at(-1);
  if (lastWord && lastWord.tag === 'v' && !/^(?:有|是|为|达|共|共有|多达|计|合计|总计)$/.test(lastWord.word)) return null;
  const before = question.slice(0, match.index).split(/[，。？！?,;；]/).reverse();
  for (const clause of before) {
    const nouns = tagWords(clause).filter(({ word, tag }) => isFocus(word, tag) && word.length >= 2);
    if (nouns.length > 0) return nouns.at(-1)!.word;
    if (clause.trim().length > 2) return null;
  }
  return null;
}

/** The counted noun of a quantity question; a head count (多少人参加) counts people, whatever verb follows. */
function countedFocus(question: string, measure: string | null): string | null {
  const focus = quantityFocus(question);
  if (measure && measureGroup('人').includes(measure) && focus && !/(?:员|人|者|干部|代表|领导|书记|嘉宾|群众)$/.test(focus)) return null;
  return focus;
}

const ASKED_KIND = /(?:什么|啥|哪些|哪[几两三四五六七八九十]*[个座家所位项处条名种类场份]?)([\u4e00-\u9fa5]{1,6})/;
/** 那个会叫什么 / 场馆的名字是: the noun before the naming question. */
const NAMED_KIND = /([\u4e00-\u9fa5]{1,4})(?:叫什么|叫啥|的名字|的名称|名称是|名字是)/;
/** Category words that articles rarely repeat next to the answer (哪几个方面 is answered by a list, not by 方面). */
const GENERIC_KINDS = new Set(['东西']);

/** The phrase before the when-question word (X是哪一年设立的, X什么时候开张的). */
const DATED_PHRASE = /(?:^|[，,])([\u4e00-\u9fa5（）()·]{3,20}?)(?:是|于|在)?(?:哪一?年|什么时候|何时|哪一?天|几月|哪个月)/;
/** The verb of the dated event: the first verb after the when-question word (正式建立协作关系的 → 建立). */
function datedEvent(folded: string): string | null {
  const tail = DATED_TAIL.exec(folded)?.[1];
  if (!tail) return null;
  const verb = tagWords(tail).find((w) => /^v/.test(w.tag));
  // (开张 may be tagged a noun: a two-character word that is no place, time or particle still names the event.)
  // (So may a word of the lexicon's verb groups: 结成友好城市.)
  const lone = tagWords(tail);
  if (!verb && lone[0] && synonymsOf(lone[0].word).length > 0 && !/^(?:f|m|q|t|ns|nr)/.test(lone[0].tag)) return lone[0].word;
  return verb?.word ?? (tail.length === 2 && lone.length === 1 && !/^(?:f|m|q|p|u|r|d|c|t|ns|nr)/.test(lone[0]!.tag) ? tail : null);
}
/** What follows the when-question word, up to 的/了 or the end. */
const DATED_TAIL = /(?:哪一?年|什么时候|何时|哪一?天|几月|哪个月|几号)(?:被|才|正式|开始|首次|第一次)?([\u4e00-\u9fa5]{1,8}?)(?=的|了|[？?]|$)/;
/** Phrases about the trip or its people, dated by the answerer's other rules. */
/**
 * 督导组在青石的反馈会是哪天开的: a meeting of the trip is the thing dated, whoever held it — by its act, which a
 * report may write as a verb (巡察组向县委反馈巡察情况); holding it is that act, so no other event is asked.
 */
function datedMeeting(folded: string): string | null {
  const phrase = DATED_PHRASE.exec(folded)?.[1];
  return phrase ? (MEETING_AT_END.exec(phrase)?.[0] ?? null) : null;
}

const MEETING_AT_END = new RegExp(`(?:${MEETING_HEADS.filter((head) => head !== '大会').map(escapeRegExp).join('|')})$`);
const NOT_A_THING = /团|组|班|一行|他们|她们|我们|考察|学习|调研|督导|出发|返回|回来|到达|抵达/;

/**
 * The place a how-much figure belongs to: written right before the money noun it asks (长治2018年地区生产总值是多少),
 * with nothing between but a year or a qualifier. A place after 在/去/给 is where, not whose.
 */
function figureOwner(folded: string, places: readonly string[]): string | null {
  const money = new RegExp(`(?:${MONEY_NOUNS.join('|')})`).exec(folded);
  if (!money) return null;
  // Nearest first: a name of 2–4 characters ending where only a suffix, a year or a short qualifier is left.
  for (let end = money.index; end >= Math.max(2, money.index - 12); end -= 1) {
    if (!OWNER_GAP.test(folded.slice(end, money.index))) continue;
    for (const length of [4, 3, 2]) {
      const name = folded.slice(Math.max(0, end - length), end);
      if (name.length < 2 || !/^[\u4e00-\u9fa5]+$/.test(name)) continue;
      if (!(places.includes(name) || provinceOf(name) || isPlaceName(name))) continue;
      if (/[在去到赴给向对与和跟]$/.test(folded.slice(0, end - length))) return null;
      return name;
    }
  }
  return null;
}
/** What may stand between a figure's owner and its money noun (市, 2018年, 的, 地区). */
const OWNER_GAP = /^(?:市|省|县|区)?(?:的)?(?:\d{4}年|去年|今年|全年|上半年)?(?:的)?(?:全市|全县|全区|地区|全省)?$/;

/** Whether a how-many question's focus counts a noun (多少个企业), not its measure again (多少钱 → 钱). */
function countsNoun(focus: string | null, measure: string | null): boolean {
  return focus !== null && focus !== measure && !MONEY_NOUNS.includes(focus) && focus !== '钱';
}

/** Words of a how-much question that say where, when, who or how much, not what is measured. */
const NOT_MEASURED = new Set([...MONEY_NOUNS, ...ACTIVITY_WORDS, ...DOMAIN_TERMS, '项目', '现场', '对口合作', '合作', '数量', '规模', '总量', '总数', '钱', '同比']);
/** Tags of words that may name the measured thing (nouns, and words the segmenter does not know or tags oddly: 大米/m). */
const MEASURED_TAG = /^(?:n|nz|nl|ng|x|vn|m|j)$/;

/**
 * The things a how-much question with no counted noun measures: the nouns before 多少/几 that name no place, time,
 * group or money (远洋渔业在青石建的饲料项目投资多少 → 饲料; 青石大米今年一季度卖了多少吨 → 大米). Empty when none.
 */
function measuredThings(folded: string, places: readonly string[]): string[] {
  const at = folded.search(/多少|几/);
  if (at < 0) return [];
  const things = tagWords(folded.slice(0, at))
    .filter(({ word, tag }) => MEASURED_TAG.test(tag) && word.length >= 2 && /^[\u4e00-\u9fa5]+$/.test(word))
    .map(({ word }) => word)
    // (三个市加起来: a fragment opening with a counted place, 市加, is no noun.)
    .filter((word) => !new RegExp(`^[${NUMERAL_CHARS}省市县区州]`).test(word) && !/[年月日季度]$|^(?:今年|去年|明年|上半年|下半年)$/.test(word))
    // (A meeting is where a figure was given, 座谈会上; 考察学习 is the trip; 投了 a verb.)
    .filter((word) => !/[会了]$/.test(word) && !ACTIVITY_WORDS.some((a) => word.startsWith(a)) && !GENERIC_PLACES.has(word))
    .filter((word) => !NOT_MEASURED.has(word) && !TOTAL.test(word) && !places.some((p) => p.includes(word) || word.includes(p)) && !isPlaceName(word) && !provinceOf(word))
    .filter((word) => !new RegExp(`(?:${GROUP_NOUN_ALTERNATION})$`).test(word) && !/团/.test(word));
  return [...new Set(things)];
}

/** The head noun of a named thing a when-question dates (定西驻天津劳务工作站 → 工作站), or null. */
function datedThing(folded: string): string | null {
  const phrase = DATED_PHRASE.exec(folded)?.[1];
  const meeting = datedMeeting(folded);
  if (meeting) return meeting.length >= 3 && meeting.endsWith('会') ? meeting.slice(0, -1) : meeting;
  if (!phrase || NOT_A_THING.test(phrase) || TITLE.test(phrase)) return null;
  const words = tagWords(phrase);
  const head = words.at(-1);
  // (A thing named by two words or more: 工作站 alone, or 时间, names nothing to look for.)
  if (words.length < 2 || !head || head.word.length < 2 || !/^n/.test(head.tag) || /^(?:nr|ns)/.test(head.tag) || GENERIC_KINDS.has(head.word)) return null;
  return head.word;
}

/** The noun right after 什么/哪些/哪几个 (什么协议 → 协议, 哪几个城市 → 城市). */
function askedKind(question: string): string | null {
  const named = NAMED_KIND.exec(question)?.[1];
  // 村叫什么名字: 名字 is what is asked of the 村, not the kind.
  const asked = ASKED_KIND.exec(question);
  const match = asked && /^(?:名字|名称)/.test(asked[1]!) && named ? null : asked;
  const phrase = match?.[1] ?? (named ? named.replace(/^(?:那个|这个|那|这|个)/, '') : null);
  if (!phrase) return null;
  const words = tagWords(phrase);
  const first = named && !match ? words.at(-1) : words[0];
  if (!first || GENERIC_KINDS.has(first.word)) return null;
  // 哪些市领导 / 哪几位县领导: the level names whose leaders; the people are asked.
  const next = words[words.indexOf(first) + 1];
  if (first.word.length === 1 && /[市省县区镇乡村]/.test(first.word) && next && /^(?:领导|干部|负责人|官员)$/.test(next.word)) return canonicalWord(next.word);
  // 哪几个市 and 哪几个城市 ask the same: kinds are compared in their lexicon form.
  if (first.word.length === 1 && /[会馆厂园市省县区点村镇乡]/.test(first.word)) return canonicalWord(first.word);
  if (!NOUN.test(first.tag)) return null;
  // 哪两处革命旧址: the head of a noun compound is its last noun (旧址), the words before it qualify it.
  let head = first;
  for (const word of words.slice(words.indexOf(first) + 1)) {
    // (考察学习 is tagged a noun: an activity after the kind is what was done there, not the kind.)
    if (!/^n(?![rs])/.test(word.tag) || word.word.length < 2 || ACTIVITY_WORDS.some((activity) => word.word.includes(activity))) break;
    head = word;
  }
  return canonicalWord(head.word);
}

/** The kinds coordinated after the asked one (哪些企业和园区 → [园区]; 哪些企业、园区和学校 → [园区, 学校]). */
function coordinatedKinds(question: string): string[] {
  const match = ASKED_KIND.exec(question);
  const first = match ? tagWords(match[1]!)[0]?.word : undefined;
  if (!match || !first) return [];
  let rest = question.slice(match.index + match[0].length - match[1]!.length + first.length);
  const out: string[] = [];
  for (let next = COORDINATED_KIND.exec(rest); next; next = COORDINATED_KIND.exec(rest)) {
    const words = tagWords(next[1]!);
    if (words.length !== 1 || !NOUN.test(words[0]!.tag) || GENERIC_KINDS.has(words[0]!.word)) break;
    out.push(canonicalWord(words[0]!.word));
    rest = rest.slice(next[0].length);
  }
  return out;
}
/** 、园区 / 和学校: one more kind coordinated with the one before (up to the next conjunction or the question's end). */
const COORDINATED_KIND = /^[和及与、]([\u4e00-\u9fa5]{1,4}?)(?=[和及与、]|[^\u4e00-\u9fa5]|$)/;

/** Whether the first occurrences of two words in a text overlap. */
function overlaps(text: string, a: string, b: string): boolean {
  const at = text.indexOf(a);
  const bt = text.indexOf(b);
  return at >= 0 && bt >= 0 && at < bt + b.length && bt < at + a.length;
}

/** Whether a clause asks something (a question word of any type, 什么/啥 included); 吗-questions do not count. */
export function asksSomething(clause: string): boolean {
  const folded = foldScript(toHalfWidth(clause.normalize('NFKC')));
  return /什么|啥|哪/.test(folded) || TYPE_RULES.some(([, pattern]) => pattern.test(folded));
}

/**
 * A two- or three-character name with an administrative suffix right after a verb of place or motion (去年 is no
 * going: 去年钦州市 names 钦州市, not 年钦州).
 */
const SUFFIXED_PLACE_AFTER_MOTION = /[在到去赴来于](?![年])([\u4e00-\u9fa5]{2,3}?[县区市州旗盟])(?![委长政])/g;
/** Words that start or run through a phrase, not a place name (在三个县, 到这个区, 去全市, 去了几个市). */
const NOT_A_PLACE_START = /^(?:[一二三四五六七八九十两几多各全本该此这那每哪某]|当地|其他|有关|相关)|[了过的个几多少这那哪些]/;

/** After a destination, words that make it the name of the whole trip (去X考察的代表团, 去X那次). */
const TRIP_NAMED_AFTER_PLACE = new RegExp(`[^,，。?？]{0,6}?(?:的(?:党政)?(?:${GROUP_NOUN_ALTERNATION}|团)|那次|那趟|这次|这趟|那回)`);

/** A day of the month said with 号 (6号, 23号上午), not a number of something (3号楼, 1号线, 2号文件). */
const DAY_WRITTEN_HAO = /(?<![\d号])([1-9]|[12]\d|3[01])号(?![楼线馆院文令码位台车])/g;

/** A place right before the office it owns (浙江省政协, 黄岩区政府, 吉林省委). */
const PLACE_OF_OFFICE = /([\u4e00-\u9fa5]{2,4}?)(?:省|市|县|区|州)(?=委|政府|政协|人大)/g;

/** Classifies a question and pulls out what the evidence must contain. Pure. */
export function analyseQuestion(question: string): QuestionAnalysis {
  // 17号上午 is how people say 17日上午: articles write 日.
  const whole = foldScript(toHalfWidth(question.trim().normalize('NFKC'))).replace(DAY_WRITTEN_HAO, '$1日');
  const type = TYPE_RULES.find(([, pattern]) => pattern.test(whole))?.[0] ?? 'what';
  // An outlet's name (重庆日报) names no place or thing the evidence must hold: it is read apart and left out.
  const outlets = outletsIn(whole);
  const folded = outlets.reduceRight((text, o) => text.slice(0, o.start) + '，' + text.slice(o.end), whole);
  const tagged = tagWords(folded);
  const home = delegationHome(folded);
  const aliases = [...folded.matchAll(ABBREVIATION_RUN)].map((m) => m[0]).filter((run) => expandRegionAlias(run));
  const places = [
    ...new Set([
      ...tagged.filter(({ word, tag }) => tag.startsWith('ns') && word.length >= 2 && !GENERIC_PLACES.has(word) && !aliases.some((a) => a.includes(word) || word.includes(a))).map((w) => w.word),
      ...aliases,
      ...(home && !GENERIC_PLACES.has(home) ? [home] : []),
    ]),
  ];
  // A place the segmenter reads as another word (a verb, a plain noun) is one when the gazetteer knows it. It must be in the
  // story like any place named; it scopes a question about one trip (在X考察了哪些点), not a comparison of two.
  const gazetteerOnly: string[] = [];
  for (const { word, tag } of tagged) {
    if (word.length >= 2 && /^(?:nz|x|v|n|j)$/.test(tag) && isPlaceName(word) && !GENERIC_PLACES.has(word) && !places.some((p) => p.includes(word) || word.includes(p))) gazetteerOnly.push(word);
  }
  places.push(...gazetteerOnly);
  const anchors = [
    ...new Set(
      tagged
        .filter(({ word, tag }) => /^(?:x|nz)$/.test(tag) && word.length >= 3 && /^[\u4e00-\u9fa5A-Za-z0-9]+$/.test(word) && !places.includes(word) && !DOMAIN_WORDS.has(word) && !/[团组班会]$/.test(word))
        // (权世昌带的代表团: the verb of leading after an unknown name is no part of it.)
        .map((w) => (/[带率领陪]$/.test(w.word) && folded.includes(`${w.word}的`) ? w.word.slice(0, -1) : w.word))
        // A fragment the segmenter cut across a place (鄂三省 of 粤赣鄂三省) is no name.
        .filter((word) => !places.some((place) => overlaps(folded, word, place))),
    ),
  ];
  // The segmenter tags some place names as people by their first character (张家口, 张家港): a "name" that ends
  // like a place does is taken as a place.
  // 在吕梁, 去张掖: a "name" right after a verb of place or motion is a place.
  const afterMotion = (word: string) => new RegExp(`[在到去赴来于]${escapeRegExp(word)}`).test(folded);
  // (齐齐哈尔: a name the gazetteer knows is a place whatever its first character.)
  const placeLike = (word: string) => (word.length >= 3 && PLACE_ENDING.test(word)) || afterMotion(word) || isPlaceName(word);
  const namedPeople = tagged.filter(({ word, tag }) => tag.startsWith('nr') && word.length >= 2 && !/[多少几哪什谁]/.test(word)).map((w) => w.word);
  // A delegation's home is a place, whatever the segmenter tagged it (常德团).
  const people = [...new Set(namedPeople.filter((w) => !placeLike(w) && w !== home))];
  for (const word of namedPeople) if ((placeLike(word) || word === home) && !places.includes(word)) places.push(word);
  // 在青石县安排了: a name the segmenter does not know, with an administrative suffix, right after 在/到/去.
  for (const match of folded.matchAll(SUFFIXED_PLACE_AFTER_MOTION)) {
    const name = match[1]!;
    if (!NOT_A_PLACE_START.test(name) && !GENERIC_PLACES.has(name) && !places.some((p) => p.includes(name) || name.includes(p))) places.push(name);
  }
  // 浙江省政协哪两位, 黄岩区政府有哪些人: the place owning an office named in the question.
  for (const match of folded.matchAll(PLACE_OF_OFFICE)) {
    const name = isPlaceName(match[0]) ? match[0] : match[1]!;
    if (isPlaceName(name) && !GENERIC_PLACES.has(name) && !places.some((p) => p.includes(match[1]!) || match[1]!.includes(p))) places.push(name);
  }
  // 村集体收入有多少 / 项目总额是多少: a sum of money is asked, in 元, of no counted noun.
  const money = type === 'howMany' && !askedMeasure(folded) && MONEY_ASKED.test(folded);
  const measure = money ? '元' : askedMeasure(folded);
  return {
    type,
    folded,
    content: folded.replace(FILLER, ' ').replace(/\s+/g, ' ').trim(),
    places,
    people,
    anchors,
    home: home && places.includes(home) ? home : null,
    measure,
    focus: type === 'howMany' ? (money ? null : countedFocus(folded, measure)) : type === 'list' || type === 'what' || type === 'where' ? askedKind(folded) : null,
    alsoKinds: type === 'list' || type === 'what' || type === 'where' ? coordinatedKinds(folded) : [],
    // 组长和副组长分别是谁: two titles asked together filter no one out.
    title: type === 'who' && !TWO_TITLES.test(folded) ? (TITLE.exec(folded)?.[0] ?? null) : null,
    asksLeader: LEADER.test(folded),
    asksSpan: SPAN.test(folded),
    asksDay: type === 'when' && DAY_ASKED.test(folded),
    asksYear: type === 'when' && YEAR_ASKED.test(folded),
    // (在哪三个方面下功夫 reads as a where-question; it asks for an enumeration all the same.)
    asksEnumeration: ['list', 'what', 'how', 'where'].includes(type) && ENUMERATION_ASKED.test(folded),
    years: [...new Set([...folded.matchAll(/((?:19|20)\d{2})年/g)].map((m) => m[1]!))],
    // 在江西 scopes the question; 在广东、江西、湖北 lists the whole trip and scopes nothing.
    // 去浙江福建 (two places run together) names the trip's destinations, not one part of it.
    // 去苏南考察的代表团, 去重庆那次: a destination that names the trip itself scopes nothing within it.
    scoped: places.filter((p) => !gazetteerOnly.includes(p) || !COMPARATIVE.test(folded)).filter((p) => new RegExp(`(?:在|于|到|去|赴|前往)${escapeRegExp(p)}(?![、和与及]|${places.filter((q) => q !== p).map(escapeRegExp).join('|') || '$^'})(?!${TRIP_NAMED_AFTER_PLACE.source})`).test(folded)),
    ordinals: [...new Set(tokenizeForIndex(folded).filter((t) => new RegExp(`^第[\\d${NUMERAL_CHARS}]+[^\\d]`).test(t)))],
    day: type === 'when' ? null : askedDay(folded),
    datedThing: type === 'when' ? datedThing(folded) : null,
    measured: type === 'howMany' && !countsNoun(money ? null : countedFocus(folded, measure), measure) && !(measure && measureGroup('人').includes(measure)) ? measuredThings(folded, places) : [],
    owner: type === 'howMany' ? figureOwner(folded, places) : null,
    datedEvent: type === 'when' && !datedMeeting(folded) ? datedEvent(folded) : null,
    comparative: COMPARATIVE.test(folded),
    asksTotal: type === 'howMany' && TOTAL.test(folded),
    statedCounts: type === 'howMany' ? statedCounts(folded) : [],
    outlets: outlets.map((o) => o.text),
    agreement: agreementNamed(folded, places),
    asksLastYear: LAST_YEAR_ASKED.test(folded),
    asksThisTime: THIS_TIME_ASKED.test(folded) && !EARLIER_ASKED.test(folded) && !LAST_YEAR_ASKED.test(folded) && !/(?:19|20)\d{2}年/.test(folded),
  };
}

/** The counts a question writes (这5批代表团, 那3个项目): number and measure, ordinals and years left out. */
function statedCounts(folded: string): Array<{ value: number; measure: string; noun: string }> {
  return extractFacts(folded)
    // (两地, 两市: a pair of places names who, not a counted set.)
    .filter((f): f is QuantityFact => f.kind === 'quantity' && !f.ordinal && f.measure !== '' && f.measure !== '年' && !/^[地市省县区国方镇乡村]$/.test(f.measure))
    .map((f) => ({ value: f.value, measure: f.measure, noun: f.noun }));
}

const THIS_TIME_ASKED = /这回|这次|此次|本次|这一次|这趟/;
/** An earlier trip named beside it (这次…前年那次): the question is not about this trip alone. */
const EARLIER_ASKED = /前年|去年|上年|上次|上回|[两三四五]年前|当年|此前|以前|首次|第一次/;
const LAST_YEAR_ASKED = /(?<![比较同])(?:去年|上年|上一年)(?!同期)/;

/** An agreement a question names by its words (辽宁与河南的战略合作协议, 签的文旅合作框架协议). */
const NAMED_AGREEMENT = /([\u4e00-\u9fa5]{2,20}?)(?:框架协议|协议书|协议|备忘录|协定)/;
/** Words that name no particular agreement: interrogatives, pointers, and what every cooperation agreement says. */
const NOT_AN_AGREEMENT_NAME = /什么|哪|啥|几|这|那|该|此|两份|一份|有关|相关/;

/**
 * The distinctive words of an agreement the question names (战略 of 战略合作协议, 深化全面 of 深化全面合作框架协议):
 * the name before its kind word, without the places signing it and the 合作 every agreement has; null when none.
 */
function agreementNamed(folded: string, places: readonly string[]): string | null {
  const match = NAMED_AGREEMENT.exec(folded);
  if (!match) return null;
  let name = match[1]!.split(/[的了签与和跟同及、，,]/).at(-1)!;
  for (const place of [...places].sort((a, b) => b.length - a.length)) name = name.replaceAll(place, '');
  name = name.replace(/(?:[省市县区])?(?:人民政府|政府)/g, '').replace(/合作$/, '');
  return name.length >= 2 && !NOT_AN_AGREEMENT_NAME.test(name) ? name : null;
}

/** Measure words that answer a quantity question asked with `measure` (多少钱 is answered by 元). */
export function acceptedMeasures(measure: string | null): readonly string[] | null {
  if (!measure) return null;
  if (measure === '钱') return measureGroup('元');
  return measureGroup(measure);
}
