/**
 * The one fact extractor: typed facts (people with titles and roles, dates and ranges, quantities with their
 * counted noun, places, organisations and sites, documents and agreements, meetings) read out of a sentence, each
 * with its verbatim span. Pattern- and lexicon-based, so it works on articles never seen: people are found by the
 * official title before their name and by the segmenter's name tags, never from a list of known names.
 *
 * Matching runs on a length-preserving view of the sentence (half-width, simplified characters); offsets are then
 * valid in the original sentence, which is what spans are cut from.
 */
import {
  ACTIVITY_WORDS,
  COMPOUND_SURNAMES,
  GENERIC_PLACES,
  isPlaceName,
  MEETING_HEADS,
  NUMERAL_CHARS,
  PROVINCES,
  QUANTITY_MEASURES,
  ROLE_VERBS,
  SITE_HEADS,
  TITLES,
  TOTAL_ADVERBS,
  escapeRegExp,
  foldScript,
  parseChineseNumber,
  splitSentences,
  stripAdminSuffix,
  synonymsOf,
  tagWords,
  toHalfWidth,
  type TaggedWord,
} from '../text/index.ts';
import type {
  DateFact,
  DatePoint,
  DocumentFact,
  Fact,
  FactContext,
  MeetingFact,
  OrgFact,
  PersonFact,
  PersonRole,
  PlaceFact,
  QuantityBound,
  QuantityFact,
  TermFact,
} from './types.ts';

/** The matching view: same length as the input, half-width, simplified. */
export function matchView(text: string): string {
  return foldScript(toHalfWidth(text));
}

const NUM = `(?:\\d+(?:\\.\\d+)?|[${NUMERAL_CHARS}]+)`;
const MONTH = `(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])`;
const DAY = `(?:3[01]|[12]\\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])`;
const YEAR = `(?:\\d{4}|[零〇一二三四五六七八九]{4})`;
const JOIN = `(?:至|到|-|—|－|~|～|–)`;
const DATE_PATTERN = new RegExp(
  `(?<![\\d.])(?:(${YEAR})年)?(?:(${MONTH})月份?)?(?:(${DAY})[日号])?(?:${JOIN}(?:(${YEAR})年)?(?:(${MONTH})月)?(?:(${DAY})[日号]))?`,
  'g',
);

function numberOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  // 半个工作日, 半天: a half (一半, 过半 are shares, read elsewhere).
  if (text === '半') return 0.5;
  const value = /^\d+$/.test(text) ? Number(text) : parseChineseNumber(text);
  return value === null ? undefined : value;
}

function validPoint(point: DatePoint): boolean {
  if (point.month !== undefined && (point.month < 1 || point.month > 12)) return false;
  if (point.day !== undefined && (point.day < 1 || point.day > 31)) return false;
  return point.year !== undefined || point.month !== undefined || point.day !== undefined;
}

function definedPoint(point: DatePoint): DatePoint {
  const out: DatePoint = {};
  if (point.year !== undefined) out.year = point.year;
  if (point.month !== undefined) out.month = point.month;
  if (point.day !== undefined) out.day = point.day;
  return out;
}

/** Dates and ranges (2023年9月23日至28日, 九月二十三日, 11月9日-11日, 2016年); a bare day takes the context's month. */
/** Parts of a month or year (底, 初, 中旬, 下旬, 末). */
const PERIOD_PART = /(?:底|初|上旬|中旬|下旬|末)/;
/** A part of a month or year written after it, with 前 when it is a deadline (7月底前). */
const PART_OF_PERIOD = new RegExp(`^${PERIOD_PART.source}(?:以前|前)?`);

/** The part of its month a date names (5月上旬 → 上旬), or ''. */
export function partOfPeriod(date: DateFact): string {
  return PERIOD_PART.exec(date.text)?.[0] ?? '';
}

/** What may follow a day written 一号 when it is a date (一号上午, 一号至三号, 一号召开): anything else names a thing. */
const NAMED_BY_NUMBER = /^(?!上午|下午|晚|早|中午|当天|起|至|到|前|后|召开|举行|出发|抵达|开幕|[，,。；;、）)\s]|$)[\u3400-\u9fff]/;

function findDates(view: string, sentence: string, context: DatePoint): DateFact[] {
  const dates: DateFact[] = [];
  let carried = { ...context };
  for (const match of view.matchAll(DATE_PATTERN)) {
    if (!match[0]) continue;
    const [whole, y1, m1, d1, y2, m2, d2] = match;
    // 3年 (a duration) is no date: a year needs four digits, which the pattern already demands.
    if (y1 === undefined && m1 === undefined && d1 === undefined) continue;
    const start = match.index!;
    // 个月 is a duration (3个月), not a month.
    if (m1 !== undefined && d1 === undefined && y1 === undefined && view[start - 1] === '个') continue;
    // “一号专班”, 一号工程: a day alone, in numerals, right before a noun names a thing, not a date.
    if (y1 === undefined && m1 === undefined && d2 === undefined && !/^\d/.test(d1 ?? '') && /号$/.test(whole) && NAMED_BY_NUMBER.test(view.slice(start + whole.length))) continue;
    const from: DatePoint = { year: numberOf(y1), month: numberOf(m1), day: numberOf(d1) };
    if (!validPoint(from)) continue;
    let inherited = false;
    if (from.day !== undefined && from.month === undefined && carried.month !== undefined) {
      from.month = carried.month;
      inherited = true;
    }
    if (from.year === undefined && carried.year !== undefined && (from.month !== undefined || from.day !== undefined)) {
      from.year = carried.year;
      inherited = true;
    }
    let to = { ...from };
    if (d2 !== undefined) {
      const end: DatePoint = { year: numberOf(y2) ?? from.year, month: numberOf(m2) ?? from.month, day: numberOf(d2) };
      if (validPoint(end)) to = end;
    }
    // 7月底, 9月中旬, 年底前: the part of the month (or year) belongs to the date's text.
    const part = d1 === undefined && d2 === undefined ? (PART_OF_PERIOD.exec(view.slice(start + whole.length))?.[0] ?? '') : '';
    const length = whole.length + part.length;
    dates.push({
      kind: 'date',
      text: sentence.slice(start, start + length),
      start,
      end: start + length,
      from: definedPoint(from),
      to: definedPoint(to),
      inherited,
      ...(/^(?:讯|电)/.test(view.slice(start + length)) ? { dateline: true } : {}),
    });
    carried = { year: to.year ?? carried.year, month: to.month ?? carried.month };
  }
  return dates;
}

const QUANTITY_PATTERN = new RegExp(
  `(第)?(${NUM}|(?<![一两大过多])半(?=个|天|年|小时))(多|余)?(万|亿)?(多|余)?(${QUANTITY_MEASURES.map(escapeRegExp).join('|')})`,
  'g',
);
/** (多达 "as many as" states the number itself: 考察点多达36个 is 36.) */
const BEFORE_AT_LEAST = /(?:超过|突破|逾|超|不少于|以上)了?$/;
const AFTER_AT_LEAST = /^(?:及)?以上/;
/** 约 is "about" unless it ends a word (签约, 预约, 节约 — 现场签约9个项目 is exact). */
const BEFORE_APPROX = /(?:(?<![签预节合公条制违履相邀])约|近|大约|将近|接近)$/;
/** Characters that end a counted noun (particles, prepositions, conjunctions). */
const NOUN_STOP = /[的了是在有为到从向对把被将并而且于以及或等里中后前时和与、，,。；;：:！？!?（）()“”"\s]/;
const NOUN_TAG = /^(?:n|vn|j|an|l)/;

/** The noun counted by a quantity: the words right after the measure word (36个考察点 → 考察点). */
function countedNoun(view: string, from: number): string {
  let end = from;
  while (end < view.length && end - from < 8 && /[\u3400-\u9fff]/.test(view[end]!) && !NOUN_STOP.test(view[end]!)) end += 1;
  const run = view.slice(from, end);
  if (!run) return '';
  // 35人组成, 3人组织: a verb of two characters after the measure is the predicate, not a counter noun.
  const opening = tagWords(run)[0];
  if (opening && opening.tag === 'v' && opening.word.length >= 2 && /^[点组项批场站]/.test(run)) return '';
  // 13个点, 4个组, 5个镇12个村: a lone counter noun (a division down to the village) is the counted thing.
  if (run.length === 1 || /^[点组项批场站]/.test(run) && !NOUN_TAG.test(tagWords(run)[0]?.tag ?? '')) return /^[点组省市县区镇乡村项批场站]/.test(run) ? run[0]! : '';
  // 120名桐溪籍员工: a place of origin with 籍 is part of the counted noun, whatever the segmenter makes of the place.
  const origin = /^[\u3400-\u9fff]{1,5}?籍(?=[\u3400-\u9fff])/.exec(run)?.[0] ?? '';
  let noun = origin;
  const words = tagWords(run.slice(origin.length));
  for (const [i, { word, tag }] of words.entries()) {
    // A verb that modifies the noun after it is part of the counted thing (500个就业岗位, 9个签约项目).
    // (A one-character verb is the predicate instead: 46人赴外地.)
    // So does a word of place or kind before it (134家沿江化工企业, 3家大型企业).
    const modifier = i === 0 && ((tag === 'v' && word.length >= 2) || /^(?:f|s|b)$/.test(tag)) && /^(?:n|vn|nz)$/.test(words[1]?.tag ?? '');
    if (TOTAL_ADVERBS.includes(word)) break;
    if (!modifier && !NOUN_TAG.test(tag) && !(noun && tag.startsWith('n'))) break;
    noun += word;
    if (noun.length >= 6) break;
  }
  return noun;
}

/** Quantities: a number, its measure word and what it counts (36个考察点, 2000多公里, 八十八名团员, 第二组). */
function findQuantities(view: string, sentence: string, dates: readonly DateFact[]): QuantityFact[] {
  const quantities: QuantityFact[] = [];
  for (const match of view.matchAll(QUANTITY_PATTERN)) {
    const [whole, ordinal, digits, more1, big, more2, measure] = match;
    const start = match.index!;
    const end = start + whole.length;
    if (/[\d.]/.test(view[start - 1] ?? '')) continue;
    if (dates.some((d) => d.start < end && d.end > start)) continue;
    const base = numberOf(digits);
    if (base === undefined) continue;
    // 一个/一名 is an article far more often than a count; Arabic 1 is kept.
    if (digits === '一' && !ordinal) continue;
    // Run-on numerals such as 十四五 are names of plans, not quantities.
    if (!/^\d/.test(digits!) && digits !== '半' && parseChineseNumber(digits!) === null) continue;
    const value = Number((base * (big === '万' ? 1e4 : big === '亿' ? 1e8 : 1)).toPrecision(15));
    const before = view.slice(Math.max(0, start - 4), start);
    // (20万元以上 is at least 20万元, as 超过20万元 is.)
    const bound: QuantityBound = more1 || more2 ? 'more' : BEFORE_AT_LEAST.test(before) || AFTER_AT_LEAST.test(view.slice(end)) ? 'atLeast' : BEFORE_APPROX.test(before) ? 'approx' : 'exact';
    quantities.push({
      kind: 'quantity',
      text: sentence.slice(start, end),
      start,
      end,
      value,
      bound,
      ordinal: Boolean(ordinal),
      measure: measure!,
      noun: countedNoun(view, end),
    });
  }
  // 30万电子商务人才, 1750亿: a scaled number needs no measure word.
  for (const match of view.matchAll(SCALED_NUMBER)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (/[\d.]/.test(view[start - 1] ?? '') || quantities.some((q) => q.start < end && q.end > start)) continue;
    const base = numberOf(match[1]);
    if (base === undefined) continue;
    const value = Number((base * (match[3] === '万' ? 1e4 : 1e8)).toPrecision(15));
    const bound: QuantityBound = match[2] || match[4] ? 'more' : 'exact';
    quantities.push({ kind: 'quantity', text: sentence.slice(start, end), start, end, value, bound, ordinal: false, measure: '', noun: countedNoun(view, end) });
  }
  // A bare ordinal (居全国第二, 排名第3) is a rank: a quantity without a measure word.
  for (const match of view.matchAll(BARE_ORDINAL)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (quantities.some((q) => q.start < end && q.end > start)) continue;
    const value = numberOf(match[1]);
    if (value === undefined) continue;
    quantities.push({ kind: 'quantity', text: sentence.slice(start, end), start, end, value, bound: 'exact', ordinal: true, measure: '', noun: '' });
  }
  return quantities.sort((a, b) => a.start - b.start);
}

const SCALED_NUMBER = /(\d+(?:\.\d+)?)(多|余)?(万|亿)(多|余)?/g;
const BARE_ORDINAL = new RegExp(`第(\\d+|[${NUMERAL_CHARS}]+)`, 'g');

const TITLE_PATTERN = new RegExp(TITLES.map(escapeRegExp).join('|'), 'g');
/** What may follow a name: punctuation, the end, or a verb/particle that starts the rest of the clause (致辞; 作了致辞, but not 作了城市推介: a name glued to 作 there is read by substitution). */
const AFTER_NAME = /^(?:$|以及|[,，、:：;；。(（\s)）]|[率主出在来赴说指表强讲介一再向到去前与和及等陪会参代同带分先就对为也还都将又已亲深详一担则曾亦便各均共随任全致]|[作做]了?(?:致辞|讲话|发言|报告)|的(?:带领|率领|陪同|主持|邀请))/;
/** Characters a name never contains (they start or end phrases). */
/** (民 may end a given name — 张新民, 祝树民; 人 alone keeps 人民 out.) */
const NOT_IN_NAME = /[的了是在和与及等为对向把被将从到赴去来说率带主陪会议委省市县区州长记团组员部厅局处党政府人]/;
const NAME = /^[\u3400-\u9fff]{2,5}/;
/**
 * A given name may end in 和 (张建和) though 和 usually joins two names: only when a verb or punctuation follows it
 * (省长张建和率领 → 张建和; 省长张建和李强 → 张建), never another name or noun.
 */
const NAME_ENDING_IN_HE = /^[\u3400-\u9fff]{2}和$/;
const AFTER_NAME_ENDING_IN_HE = /^(?:$|[,，、:：;；。\s]|[率带主陪出参会讲介表说指强])/;

/** Numerals do not start a name (省长一同带队: 一同 is an adverb the segmenter may tag as a noun). */
const NUMERAL_START = /^[一二三四五六七八九十两几零]/;

/** Adverbs that start with 一 (副厅长张青一同前往): their 一 never ends the name before them. */
const YI_ADVERB = /^一[同起道行并齐]$/;

function nameFits(view: string, at: number, name: string): boolean {
  if (NUMERAL_START.test(name)) return false;
  const after = view.slice(at + name.length);
  if (YI_ADVERB.test(`${name.at(-1)}${after[0] ?? ''}`)) return false;
  // 王明以及: 以及 joins, it never ends a name.
  if (name.endsWith('以') && after.startsWith('及')) return false;
  // 郑安分赴, 李明分别: 分赴/分别 follow a name, their 分 never ends it.
  if (name.endsWith('分') && /^[赴别头]/.test(after)) return false;
  if (NAME_ENDING_IN_HE.test(name)) return AFTER_NAME_ENDING_IN_HE.test(after) && !NOT_IN_NAME.test(name.slice(0, 2)) && !isCommonWord(name);
  // 长 ends titles (厅长) but may stand inside a given name (范长河): only the middle of three is allowed.
  // 为 may end one (殷可为) when the clause goes on with the person's act (殷可为率…), not with 为 meaning "for".
  // (So it does before a list's separator: 书记殷可为、市长…)
  const endsInWei = name.length === 3 && name[2] === '为' && /^(?:[、，,]|率|主持|出席|陪同|会见|讲话|致辞|指出|强调|介绍|表示|在)/.test(after);
  // 区 is a surname too (市长区德荣): it may open a name of three that is no place.
  const opensWithQu = name.length === 3 && name[0] === '区' && !isPlaceName(name);
  const checked = name.length === 3 && name[1] === '长' ? `${name[0]}${name[2]}` : endsInWei ? name.slice(0, 2) : opensWithQu ? name.slice(1) : name;
  return AFTER_NAME.test(after) && !NOT_IN_NAME.test(checked) && !isCommonWord(name) && !startsWithVerb(name);
}

/**
 * 领导座谈后, 领导调研时: a name does not open with a word the segmenter knows as a verb, nor read as a word plus a
 * locative or particle (座谈+后); a surname starts it.
 */
function startsWithVerb(name: string): boolean {
  const words = tagWords(name);
  const first = words[0];
  if (!first || first.word.length < 2 || first.tag.startsWith('nr')) return false;
  if (first.word.length >= name.length) return synonymsOf(first.word).length > 0;
  // (The domain's own verbs — 调研, 座谈 — are in the segmenter's dictionary as nouns; the lexicon knows them.)
  return /^(?:v|vd|vn|d|p|c)$/.test(first.tag) || /^(?:f|u|uj|ul|p)$/.test(words.at(-1)!.tag) || synonymsOf(first.word).length > 0;
}

/** A word the segmenter knows as a verb, adverb or the like (下沉, 分别) is no name. */
function isCommonWord(word: string): boolean {
  const tagged = tagWords(word);
  return tagged.length === 1 && /^(?:v|vd|vn|a|ad|d|p|c|u|m|q|f|r|t)/.test(tagged[0]!.tag);
}

interface TitleSpan {
  start: number;
  end: number;
}

/** Walks back from a name over titles and 、 to the start of its title chain (市委副书记、代市长). */
/** The longest place name read before a title's office (呼和浩特市 + 市委书记). */
const MAX_PLACE_PREFIX_CHARS = 6;

function titleChain(view: string, titles: readonly TitleSpan[], nameStart: number): { start: number; last: TitleSpan } | null {
  const last = titles.find((t) => t.end === nameStart);
  if (!last) return null;
  let start = last.start;
  for (;;) {
    const sep = view[start - 1];
    const sepLen = sep === '、' || sep === ',' || sep === '，' ? 1 : 0;
    const previous = titles.find((t) => t.end === start - sepLen);
    if (!previous) break;
    start = previous.start;
  }
  // A place or body written right before the title (湖南省委书记, 郴州市委副书记) belongs to it.
  // (在长沙市委书记: the longest tail of the words before that is a place.)
  if (/^(?:(?:省|市|县|区|州)委|政府|人大|政协)/.test(view.slice(start, start + 4))) {
    const before = view.slice(Math.max(0, start - MAX_PLACE_PREFIX_CHARS), start);
    const isPlace = (tail: string) => {
      if (!/^[\u3400-\u9fff]+$/.test(tail)) return false;
      const words = tagWords(tail);
      return (words.length === 1 && words[0]!.tag.startsWith('ns')) || isPlaceName(tail) || isPlaceName(tail.replace(/[省市县区州]$/, ''));
    };
    const tail = [...Array(Math.max(0, before.length - 1)).keys()].map((i) => before.slice(i)).find(isPlace);
    if (tail) start -= tail.length;
  }
  return { start, last };
}

/** Role verbs, strongest first: when a sentence says both, 签署 outranks 介绍 (介绍了情况，随后代表双方签下…). */
const rolePattern = (words: readonly string[], ...extra: string[]) => new RegExp(`^(?:${[...words, ...extra].join('|')})`);
const ROLE_PATTERNS: ReadonlyArray<readonly [RegExp, Exclude<PersonRole, null>]> = [
  // 签约项目/签约仪式 are nouns (the projects signed), not someone signing. (代表双方签 is; 代表团 is no 代表.)
  [rolePattern(ROLE_VERBS.sign.filter((v) => v !== '签约'), '签约(?!项目|仪式|金额|额|活动|总)', '代表(?!团)[^，,。；;]{0,8}签'), 'sign'],
  [rolePattern(ROLE_VERBS.chair), 'chair'],
  [rolePattern(ROLE_VERBS.lead, '(?:担)?任(?:副)?(?:组长|团长|队长)'), 'lead'],
  // 同考察团一行举行座谈: talks held with the guests are a meeting (座谈会 is attended, not held with someone).
  [rolePattern(ROLE_VERBS.meet, '(?:举行)?(?:座谈|会谈)(?!会)'), 'meet'],
  [rolePattern(ROLE_VERBS.accompany), 'accompany'],
  [rolePattern(ROLE_VERBS.speak, '说'), 'speak'],
  [rolePattern(ROLE_VERBS.attend, '参观', '考察', '调研'), 'attend'],
];
/** How far after a list of people its verb may stand: the clause, or the next one for the strongest roles. */
const ROLE_WINDOW_CHARS = 14;
const STRONG_ROLE_WINDOW_CHARS = 40;

/** Witnessing right before a signing verb (见证签约, 见证了签署). */
const WITNESSED = /见证[^，,。；;]{0,6}$/;
/** A clause whose subject is the places (两市, 两省, 双方): what it does, they do. */
const PLACES_AS_SUBJECT = /^(?:两|双|三)(?:市|省|县|区|地|国|镇|乡|方)/;

/** The role of a list of people: the strongest verb that follows the list (…沈晓明、毛伟明率领). */
function roleAfter(view: string, from: number): PersonRole {
  const sentence = view.slice(from, from + STRONG_ROLE_WINDOW_CHARS).split(/[。；;！？!?]/)[0]!;
  const clauseEnd = /[,，]/.exec(sentence.slice(1))?.index;
  const clause = sentence.slice(0, Math.min(ROLE_WINDOW_CHARS, clauseEnd === undefined ? sentence.length : clauseEnd + 1));
  let best: { rank: number; role: Exclude<PersonRole, null> } | null = null;
  for (let i = 0; i < sentence.length; i += 1) {
    const rest = sentence.slice(i);
    // Beyond its own clause a list takes only a signing (两人代表双方，签下了…), and not one the places themselves
    // make (某某率团到访，两市签署…: he led; the two cities signed).
    const signingClause = sentence.slice(0, i).split(/[,，]/).at(-1)!;
    ROLE_PATTERNS.forEach(([pattern, role], rank) => {
      if (i >= clause.length && (role !== 'sign' || PLACES_AS_SUBJECT.test(signingClause))) return;
      // 共同见证签约: who witnessed the signing did not sign.
      if (role === 'sign' && WITNESSED.test(sentence.slice(0, i))) return;
      if (pattern.test(rest) && (!best || rank < best.rank)) best = { rank, role };
    });
  }
  return (best as { role: Exclude<PersonRole, null> } | null)?.role ?? null;
}

/** Verbs of two characters or more that follow a name (率领, 代表, 讲话): where they start, the name has ended. */
const VERBS_AFTER_NAME: readonly string[] = [...Object.values(ROLE_VERBS).flat(), '代表'].filter((verb) => verb.length >= 2);

/** People: an official title right before a 2–3 character name, or a name the segmenter tags, in a list. */
function findPersons(view: string, sentence: string, known: ReadonlyMap<string, string> = new Map(), tagged: readonly TaggedWord[] = tagWords(view)): PersonFact[] {
  const titles: TitleSpan[] = [];
  // A title whose last character the segmenter reads into the next word (县长期以来: 长期) is no title there.
  const words = wordSpans(view, tagged);
  const splitsWord = (start: number, end: number) => words.some((w) => w.start > start && w.start < end && w.end > end);
  // 辽宁省长栾清河: the segmenter reads the title's 省 into the place (辽宁省|长栾); a title opening with the place's
  // suffix after a place name stands.
  const afterPlace = (start: number) => words.some((w) => w.start < start && w.end === start + 1 && /^ns/.test(w.tag) && /[省市县区州]$/.test(w.word));
  for (const match of view.matchAll(TITLE_PATTERN)) {
    const start = match.index!;
    if (!splitsWord(start, start + match[0].length) || afterPlace(start)) titles.push({ start, end: start + match[0].length });
  }
  const persons: PersonFact[] = [];
  const taken = (start: number, end: number) => persons.some((p) => p.start < end && p.end > start);
  for (const title of titles) {
    let at = title.end;
    if (view[at] === ' ') at += 1;
    // 市领导有A、B: 有 after a title introduces the names.
    if (view[at] === '有' && NAME.test(view.slice(at + 1))) at += 1;
    // 买买提江·吐尔逊, 艾力·吐尔地: a name of parts joined by · is taken whole.
    const dottedRun = DOTTED_NAME.exec(view.slice(at))?.[0];
    // The last part ends where the clause goes on (…吐尔逊率领): two to four characters, the best fit first.
    const lastDot = dottedRun ? Math.max(...['·', '•', '・'].map((d) => dottedRun.lastIndexOf(d))) : -1;
    const dotted = dottedRun
      ? [3, 2, 4].map((n) => dottedRun.slice(0, lastDot + 1 + n)).find((n) => n.length > lastDot + 2 && AFTER_NAME.test(view.slice(at + n.length)))
      : undefined;
    if (dotted && !taken(at, at + dotted.length)) {
      const chain = titleChain(view, titles, title.end) ?? { start: title.start, last: title };
      persons.push({ kind: 'person', text: sentence.slice(at, at + dotted.length), start: at, end: at + dotted.length, name: dotted, title: view.slice(title.start, title.end), titles: view.slice(chain.start, title.end).trim(), role: null });
      continue;
    }
    const candidate = NAME.exec(view.slice(at))?.[0];
    if (!candidate) continue;
    // Prefer the length after which the clause goes on naturally (沈晓明率领 → 3; 王浩讲话 → 2); a two-character
    // surname makes a name of four or three (欧阳青峰).
    // Four characters only when no shorter name fits (巴音朝鲁在…: names of other nationalities).
    // Five only when nothing shorter fits (敖登格日勒率…: names of other nationalities written without a dot), and never
    // over a word that goes on the clause (韩雪松全程陪同); a word the segmenter reads as part of a name may end it.
    // (钱红代表双方, 王浩讲话: a role verb of two characters right after two of them ends the name there.)
    const verbAfterTwo = VERBS_AFTER_NAME.some((verb) => view.startsWith(verb, at + 2));
    const lengths = COMPOUND_SURNAMES.some((s) => candidate.startsWith(s)) ? [4, 3] : verbAfterTwo ? [2, 3, 4, 5] : [3, 2, 4, 5];
    const name = lengths.map((n) => candidate.slice(0, n)).find((n) => n.length >= 2 && nameFits(view, at, n) && (n.length < 5 || !words.some((w) => w.start === at + 3 && w.end - w.start >= 2 && w.tag !== 'x' && !w.tag.startsWith('nr'))));
    if (!name || taken(at, at + name.length) || titles.some((t) => t.start >= at && t.start < at + name.length)) continue;
    const chain = titleChain(view, titles, title.end) ?? { start: title.start, last: title };
    const chainText = view.slice(chain.start, title.end).trim();
    persons.push({
      kind: 'person',
      text: sentence.slice(at, at + name.length),
      start: at,
      end: at + name.length,
      name,
      title: view.slice(title.start, title.end),
      titles: chainText,
      role: null,
    });
  }
  // 副主席A、B和C: a name listed right after a titled person shares the title, though the segmenter may not know it.
  for (let i = 0; i < persons.length; i += 1) {
    const previous = persons[i]!;
    if (previous.title === null || !LIST_COMMA.test(view[previous.end] ?? '')) continue;
    const at = previous.end + 1;
    const candidate = NAME.exec(view.slice(at))?.[0]?.slice(0, 4);
    if (!candidate || titles.some((t) => t.start >= at && t.start < at + candidate.length)) continue;
    const name = [3, 2, 4].map((n) => candidate.slice(0, n)).find((n) => n.length >= 2 && nameFits(view, at, n) && !isPlaceName(n));
    if (!name || taken(at, at + name.length)) continue;
    persons.push({ ...previous, text: sentence.slice(at, at + name.length), start: at, end: at + name.length, name });
    persons.sort((a, b) => a.start - b.start);
  }
  // Untitled names the segmenter recognises, when they stand in a list with a titled one or before 同志/等.
  for (const { word, tag, start: at, end: cursor } of wordSpans(view, tagged)) {
    if (!tag.startsWith('nr') || word.length < 2 || word.length > 3 || NOT_IN_NAME.test(word) || taken(at, cursor)) continue;
    const next = view.slice(cursor, cursor + 2);
    // 孙中山故居, 鲁迅公园: a name heading a site is part of the site's name.
    if (SITE_AFTER_NAME.test(view.slice(cursor))) continue;
    const listed = /^[、和与及]/.test(next) || /[、和与及]$/.test(view.slice(at - 1, at)) || /^(?:同志|等)/.test(next);
    if (listed) persons.push({ kind: 'person', text: sentence.slice(at, cursor), start: at, end: cursor, name: word, title: null, titles: null, role: null });
  }
  // 由阿尔斯楞主持: a name the segmenter does not know, between 由 and a role verb, is who played the role.
  for (const match of view.matchAll(BY_NAME_ROLE)) {
    const at = match.index! + 1;
    const name = match[1]!;
    if (taken(at, at + name.length) || NOT_A_BARE_NAME.test(name) || isPlaceName(name)) continue;
    persons.push({ kind: 'person', text: sentence.slice(at, at + name.length), start: at, end: at + name.length, name, title: null, titles: null, role: null });
  }
  // Names the article gives a title elsewhere.
  for (const [name, title] of known) {
    for (let at = view.indexOf(name); at !== -1; at = view.indexOf(name, at + 1)) {
      if (!taken(at, at + name.length)) persons.push({ kind: 'person', text: sentence.slice(at, at + name.length), start: at, end: at + name.length, name, title: null, titles: title, role: null });
    }
  }
  persons.sort((a, b) => a.start - b.start);
  // A role read after a list applies to the whole list: 书记A、省长B率领 → both lead.
  for (let i = 0; i < persons.length; ) {
    let j = i;
    while (j + 1 < persons.length && inOneList(view.slice(persons[j]!.end, persons[j + 1]!.start))) j += 1;
    const role = roleAfter(view, persons[j]!.end) ?? roleBefore(view, persons[i]!.start);
    for (let k = i; k <= j; k += 1) persons[k]!.role = role;
    i = j + 1;
  }
  return persons;
}

/** 由X主持 / 由X率领: what stands between 由 and a verb of a role. */
const BY_NAME_ROLE = /由([\u4e00-\u9fa5]{2,5}?)(?:同志)?(?=主持|率领|带队|率队|带领|致辞|签署)/g;
/** Words that make such a run no bare name: titles, groups, places, sides, offices. */
const NOT_A_BARE_NAME = /书记|长|主任|主席|委员|部长|组|团|班|[省市县区州镇村乡]$|我|双方|两|各|有关|政府|部门|单位|领导|负责|同志|党委|人大|政协/;

/** The enumeration comma: only it (not 和) carries a title on to the next name of a list. */
const LIST_COMMA = /^、$/;

/** A name of two or three parts joined by a middle dot (names of other nationalities). */
const DOTTED_NAME = /^[\u4e00-\u9fa5]{1,7}(?:[·•・][\u4e00-\u9fa5]{1,8}){1,2}/;

/** Words after a name that make it part of a site's name. */
const SITE_AFTER_NAME = /^(?:故居|旧居|纪念|广场|公园|大道|路|街|铜像|雕像|塑像|中学|小学|大学|学院|医院|图书馆|博物馆|陵园|墓)/;

/** Two people stand in one list when only separators and titles part them — no verb (在长春会见了台州市委书记). */
function inOneList(gap: string): boolean {
  if (gap.length > 24 || !LIST_GAP.test(gap)) return false;
  return ![...gap].some((_, i) => ROLE_PATTERNS.some(([pattern]) => pattern.test(gap.slice(i))));
}

/** What may stand between two people of one list: separators and the next person's titles. */
const LIST_GAP = /^[、和及与,，\s]*(?:[\u3400-\u9fff]{0,12}?(?:书记|长|主任|主席|常委|委员|部长)[、，,\s]*)*$/;

/** A role verb written before the list (在X陪同下 is after; 由X率领 after; 陪同人员有X is before). */
function roleBefore(view: string, at: number): PersonRole {
  const before = view.slice(Math.max(0, at - 12), at);
  if (/陪同(?:人员)?(?:有|:|：)?[^。；]*$/.test(before) && !/[。；]/.test(before)) return 'accompany';
  return null;
}

const DESTINATION_BEFORE = /(?:前往|来到|抵达|转赴|再赴|走进|奔赴|远赴|赴|到|去|在|于|至)(?:了)?$/;

/** The segmenter's words with where each stands in `view` (words it cannot place are skipped). */
function wordSpans(view: string, tagged: readonly TaggedWord[]): Array<TaggedWord & { start: number; end: number }> {
  const spans: Array<TaggedWord & { start: number; end: number }> = [];
  let cursor = 0;
  for (const word of tagged) {
    const at = view.indexOf(word.word, cursor);
    if (at < 0) continue;
    cursor = at + word.word.length;
    spans.push({ ...word, start: at, end: cursor });
  }
  return spans;
}

/** Places: provinces and the segmenter's place tags (not generic words such as 全省, 当地). */
/**
 * Lists of divisions written without their suffix (赴喀什地区莎车、泽普、叶城、巴楚四县): around each 、, the longest
 * two-to-four-character name the gazetteer knows. Two names in a row at least, so a lone word (平安) is never
 * taken for the county it shares a name with.
 */
function findDivisionLists(view: string, sentence: string): PlaceFact[] {
  const found: PlaceFact[] = [];
  const add = (start: number, end: number) => {
    if (found.some((f) => f.start === start)) return;
    const name = view.slice(start, end);
    found.push({ kind: 'place', text: sentence.slice(start, end), start, end, name, canonical: stripAdminSuffix(name), destination: false });
  };
  const nameBefore = (at: number) => [4, 3, 2].map((n) => at - n).find((start) => start >= 0 && /^[\u4e00-\u9fa5]+$/.test(view.slice(start, at)) && isPlaceName(view.slice(start, at)));
  const nameAfter = (at: number) => [4, 3, 2].map((n) => at + n).find((end) => end <= view.length && /^[\u4e00-\u9fa5]+$/.test(view.slice(at, end)) && isPlaceName(view.slice(at, end)));
  for (let at = view.indexOf('、'); at !== -1; at = view.indexOf('、', at + 1)) {
    const start = nameBefore(at);
    const end = nameAfter(at + 1);
    if (start === undefined || end === undefined) continue;
    add(start, at);
    add(at + 1, end);
  }
  return found.sort((a, b) => a.start - b.start);
}

function findPlaces(view: string, sentence: string, tagged: readonly TaggedWord[] = tagWords(view)): PlaceFact[] {
  const places: PlaceFact[] = [];
  for (const { word, tag, start: at, end: cursor } of wordSpans(view, tagged)) {
    const province = PROVINCES.some((p) => p.name === word || p.common === word);
    // 罗甸县, 新墩镇: a word ending in an administrative suffix is a place whatever the segmenter's tag.
    const suffixed = word.length >= 3 && word.length <= 7 && /[县区镇乡市州]$/.test(word) && !/[的了和与及在]/.test(word) && tag !== 'v';
    if (!province && !suffixed && (!tag.startsWith('ns') || word.length < 2)) continue;
    if (GENERIC_PLACES.has(word)) continue;
    places.push({
      kind: 'place',
      text: sentence.slice(at, cursor),
      start: at,
      end: cursor,
      name: word,
      canonical: stripAdminSuffix(word),
      destination: DESTINATION_BEFORE.test(view.slice(Math.max(0, at - 3), at)),
    });
  }
  // A list continues the role of its first member: 赴广东、江西、湖北 makes all three destinations.
  for (let i = 1; i < places.length; i += 1) {
    const gap = view.slice(places[i - 1]!.end, places[i]!.start);
    if (places[i - 1]!.destination && /^[、和及与]$/.test(gap)) places[i]!.destination = true;
  }
  return places;
}

const SITE_HEAD_PATTERN = new RegExp(`(?:${[...SITE_HEADS].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`, 'g');
/** Words that end the phrase before a name: verbs of visiting, prepositions, conjunctions. */
const NAME_LEFT_BOUNDARY =
  /(?:考察了|考察|参观了|参观|走进|走访|来到|前往|抵达|到达|转赴|赶赴|直奔|了解|调研|察看|观摩|深入|签署|签订|会见|主办|承办|举办|召开|包括|看了|去了|实地|先后|分别|依次|重点|\d日|[\d一二三四五六七八九十两][个家座所处项]|上午|下午|之行|此次|本次|这次|了|的|在|到|赴|与|和|及|同|对|向|从|由|被|把|是|有|为|等|并|还)$/;
const VISIT_BEFORE = /(?:考察|参观|走进|走访|来到|察看|观摩|调研|深入|实地|看了|去了|先后到|先后来到|到)(?:了)?[^，。；]{0,30}$/;
const MAX_NAME_CHARS = 24;

/** Organisations and sites: names that end like institutions (…运行中心, …有限公司, …纪念馆). */
function findOrgs(view: string, sentence: string): OrgFact[] {
  const orgs: OrgFact[] = [];
  for (const match of view.matchAll(SITE_HEAD_PATTERN)) {
    const end = match.index! + match[0].length;
    // Extend a head that is part of a longer word (中心区, 公司化) no further: the next char must not be Han
    // unless it is a separator or a particle.
    const next = view[end] ?? '';
    if (/[\u3400-\u9fff]/.test(next) && !/[、和及与的等在,，。；;：:]/.test(next) && !/^(?:考察|参观|调研|等|项目)/.test(view.slice(end))) continue;
    let start = match.index!;
    while (start > 0 && end - start < MAX_NAME_CHARS && /[\u3400-\u9fffA-Za-z0-9“”"·]/.test(view[start - 1]!)) {
      if (NAME_LEFT_BOUNDARY.test(view.slice(Math.max(0, start - 3), start))) break;
      start -= 1;
    }
    while (start < match.index! && /[“”"]/.test(view[start]!)) start += 1;
    const name = view.slice(start, end);
    if (name.length <= match[0].length || name.length < 3) continue;
    if (orgs.some((o) => o.start <= start && o.end >= end)) continue;
    // 签约项目, 合作项目, 培训中心: an activity before the head describes a kind of thing; it names none.
    if (describesKind(view.slice(start, match.index!))) continue;
    orgs.push({
      kind: 'org',
      text: sentence.slice(start, end),
      start,
      end,
      name,
      visited: VISIT_BEFORE.test(view.slice(Math.max(0, start - 40), start)),
    });
  }
  return orgs;
}

/** Whether the words before a site head are only activities (签约, 合作, 培训): a description, not a name. */
function describesKind(modifier: string): boolean {
  const words = tagWords(modifier);
  // (共签约项目: an adverb before the activity changes nothing.)
  return words.length > 0 && words.every(({ word, tag }, i) => ACTIVITY_WORDS.includes(word) || /^v[nd]?$/.test(tag) || (i === 0 && tag === 'd' && words.length > 1));
}

const AGREEMENT = /(?:协议|协议书|备忘录|合同|协定|意向书|合作书|框架)$/;
// (签的是一份…协议 names what was signed as well as 签署了…协议 does.)
const SIGN_OBJECT = /(?:签署|签订|签约|签下|签的是|签了)(?:了|的)?是?(?:一份|一个|两份|一项|的是)?([\u3400-\u9fff“”]{2,30}?(?:协议书|协议|备忘录|合同|协定|意向书))/g;

/** Documents: 《titles》 and agreement phrases after 签署 (签署了战略合作框架协议). */
function findDocuments(view: string, sentence: string): DocumentFact[] {
  const documents: DocumentFact[] = [];
  for (const match of view.matchAll(/《([^《》]{1,60})》/g)) {
    const start = match.index!;
    documents.push({
      kind: 'document',
      text: sentence.slice(start, start + match[0].length),
      start,
      end: start + match[0].length,
      name: match[1]!,
      agreement: AGREEMENT.test(match[1]!) || /签/.test(view.slice(Math.max(0, start - 8), start)),
    });
  }
  for (const match of view.matchAll(SIGN_OBJECT)) {
    const start = match.index! + match[0].length - match[1]!.length;
    const end = start + match[1]!.length;
    if (documents.some((d) => d.start < end && d.end > start)) continue;
    documents.push({ kind: 'document', text: sentence.slice(start, end), start, end, name: match[1]!, agreement: true });
  }
  return documents;
}

const MEETING_PATTERN = new RegExp(`[\\u3400-\\u9fff“”·•A-Za-z0-9]{2,24}?(?:${MEETING_HEADS.join('|')})`, 'g');
const MEETING_LEFT_BOUNDARY = /(?:召开|举行|举办|出席|参加|主持|在|了|的|与|和|并|还|期间|双方|分别)$/;

/** Named meetings (两省经济社会发展交流座谈会, 签约仪式). */
function findMeetings(view: string, sentence: string): MeetingFact[] {
  const meetings: MeetingFact[] = [];
  for (const match of view.matchAll(MEETING_PATTERN)) {
    let start = match.index!;
    let name = match[0];
    // Cut at the last verb or particle that still leaves a name of a few characters before the head.
    for (let cut = name.length - 3; cut > 0; cut -= 1) {
      if (MEETING_LEFT_BOUNDARY.test(name.slice(0, cut))) {
        start += cut;
        name = name.slice(cut);
        break;
      }
    }
    const quote = /^[“”]+/.exec(name)?.[0].length ?? 0;
    start += quote;
    name = name.slice(quote);
    // A bare 座谈会 names no particular meeting.
    if (name.length < 5) continue;
    meetings.push({ kind: 'meeting', text: sentence.slice(start, start + name.length), start, end: start + name.length, name });
  }
  return meetings;
}

const ENUMERATION = /[\u3400-\u9fff“”·A-Za-z0-9]{2,14}(?:、[\u3400-\u9fff“”·A-Za-z0-9]{2,14})+(?:(?:和|及|与|以及)[\u3400-\u9fff“”·A-Za-z0-9]{2,14})?/g;

/** A count closing a list (4个村, 3家企业, 十余处). */
const TRAILING_COUNT = new RegExp(`[\\d${NUMERAL_CHARS}]+余?[个家座所处项名位条批]`);

/** Items of enumerations (政治站位、行动自觉和务实举措): the first item is cut at the verb before it. */
function findTerms(view: string, sentence: string, typed: readonly Fact[]): TermFact[] {
  const terms: TermFact[] = [];
  for (const match of view.matchAll(ENUMERATION)) {
    let offset = match.index!;
    const parts = match[0].split(/(、|以及|和|及|与)/);
    for (let i = 0; i < parts.length; i += 2) {
      let item = parts[i]!;
      let start = offset;
      if (i === 0) {
        for (let cut = item.length - 2; cut > 0; cut -= 1) {
          if (NAME_LEFT_BOUNDARY.test(item.slice(0, cut))) {
            start += cut;
            item = item.slice(cut);
            break;
          }
        }
      }
      // 医药健康、智能制造等领域、合作领域拓得更宽: 等 closes the list; what follows is another clause.
      const closes = item.includes('等');
      item = item.split('等')[0]!;
      // …和芒景村4个村: the count after the last item sums the list up; it is no part of the item.
      const count = TRAILING_COUNT.exec(item);
      if (count && count.index >= 2) item = item.slice(0, count.index);
      const end = start + item.length;
      if (item.length >= 2 && !typed.some((f) => f.start <= start && f.end >= end)) {
        terms.push({ kind: 'term', text: sentence.slice(start, end), start, end, name: item });
      }
      if (closes) break;
      offset += parts[i]!.length + (parts[i + 1]?.length ?? 0);
    }
  }
  return terms;
}

/** Every fact of one sentence, in text order. Pure; offsets are into `sentence`. */
export function extractFacts(sentence: string, context: FactContext = {}): Fact[] {
  const view = matchView(sentence);
  // One segmentation serves people and places alike.
  const tagged = tagWords(view);
  const dates = findDates(view, sentence, context.date ?? {});
  const divisions = findDivisionLists(view, sentence);
  // 莎车、泽普、叶城: an untitled "name" in a list of divisions is one of them.
  const persons = findPersons(view, sentence, context.people, tagged).filter((p) => p.title !== null || p.titles !== null || !divisions.some((d) => d.start < p.end && d.end > p.start));
  const places = findPlaces(view, sentence, tagged);
  const facts: Fact[] = [
    ...dates,
    ...findQuantities(view, sentence, dates),
    ...persons,
    // 启东 inside 马启东 (a person the article gives a title) is part of a name, not a place. An untitled "name" in
    // a list may itself be a place the segmenter misreads (景德镇), so it takes nothing away.
    ...places.filter((place) => !persons.some((p) => (p.titles ?? p.title) !== null && p.start <= place.start && p.end >= place.end && p.name !== place.name)),
    ...divisions.filter((d) => !places.some((p) => p.start < d.end && p.end > d.start)),
    ...findOrgs(view, sentence),
    ...findDocuments(view, sentence),
    ...findMeetings(view, sentence),
  ];
  facts.push(...findTerms(view, sentence, facts));
  return facts.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A sentence of a paragraph with its facts. */
export interface SentenceFacts {
  text: string;
  start: number;
  end: number;
  facts: Fact[];
}

/**
 * Facts of every sentence of a paragraph, with the date context carried from sentence to sentence (a bare 25日
 * after 9月23日 is 9月25日). `context` is what holds before the paragraph (the article's date line).
 */
export function extractParagraphFacts(paragraph: string, context: FactContext = {}): { sentences: SentenceFacts[]; date: DatePoint } {
  let date = { ...(context.date ?? {}) };
  const sentences = splitSentences(paragraph).map((span) => {
    const facts = extractFacts(span.text, { date });
    for (const fact of facts) {
      if (fact.kind === 'date') date = { year: fact.to.year ?? date.year, month: fact.to.month ?? date.month };
    }
    return { ...span, facts };
  });
  return { sentences, date };
}

/** People an article names with a title anywhere (name → title chain), for `FactContext.people`. */
export function titledPeopleOf(paragraphs: readonly string[]): Map<string, string> {
  const people = new Map<string, string>();
  for (const paragraph of paragraphs) {
    const view = matchView(paragraph);
    for (const person of findPersons(view, paragraph)) {
      if (person.title && !people.has(person.name)) people.set(person.name, person.titles ?? person.title);
    }
  }
  return people;
}

/** The year and month an article's publish date gives to dates that omit them. */
export function dateContextOf(publishedAt: string | null): DatePoint {
  const match = /^(\d{4})-(\d{2})/.exec(publishedAt ?? '');
  return match ? { year: Number(match[1]), month: Number(match[2]) } : {};
}
