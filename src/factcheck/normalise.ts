/**
 * Pure normalisation and comparison of the values facts carry: place names (湖南省/湖南), dates and date ranges
 * (9月23日至28日 covers 9月25日), quantities (三十六个/36个, 2000多公里, 1750亿元) and fuzzy phrase containment.
 * Both sides of every comparison are normalised with `normaliseForIndex`, so 三十六 and 36 meet as 36.
 */
import { MEASURE_WORDS, PROVINCES, normaliseForIndex, tagWords } from '../text/index.ts';
import type { DateMention, DatePoint, QuantityBound, QuantityMention } from './types.ts';

/** The normal form every comparison runs on (NFKC, half-width, lower case, Arabic quantities). */
export function normaliseClaimText(text: string): string {
  return normaliseForIndex(text).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Places

/** Administrative suffixes news text often drops (湖南省 → 湖南, 郴州市 → 郴州, 湘西州 stays: 湘西 is ambiguous). */
const ADMIN_SUFFIX = /(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|省|市|县|区)$/;

const PROVINCE_COMMON: ReadonlyMap<string, string> = new Map(PROVINCES.map((p) => [p.name, p.common]));

/** Collective names that stand for several provinces in headlines and claims (江浙 = 江苏 + 浙江). */
export const REGION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  江浙: ['江苏', '浙江'],
  苏浙: ['江苏', '浙江'],
  江浙沪: ['江苏', '浙江', '上海'],
  粤赣鄂: ['广东', '江西', '湖北'],
  京津冀: ['北京', '天津', '河北'],
  苏沪: ['江苏', '上海'],
};

/** The canonical short form of a place name: 湖南省 → 湖南, 郴州市 → 郴州, 余杭区 → 余杭. Names stay ≥ 2 characters. */
export function canonicalPlace(name: string): string {
  const trimmed = name.trim();
  const province = PROVINCE_COMMON.get(trimmed);
  if (province) return province;
  const short = trimmed.replace(ADMIN_SUFFIX, '');
  return short.length >= 2 ? short : trimmed;
}

/** Spellings under which a place may appear in a text: as given and its canonical short form. */
export function placeVariants(name: string): string[] {
  const canonical = canonicalPlace(name);
  return [...new Set([name, canonical])];
}

/** Whether `text` names the place (any spelling; a collective name like 江浙 counts when one member is named). */
export function textNamesPlace(text: string, place: string): boolean {
  const canonical = canonicalPlace(place);
  if (text.includes(canonical)) return true;
  const members = REGION_ALIASES[canonical];
  return members ? members.some((member) => text.includes(member)) : false;
}

/** Whether two place names denote the same place (湖南省 = 湖南, 郴州市 = 郴州). */
export function samePlace(a: string, b: string): boolean {
  return canonicalPlace(a) === canonicalPlace(b);
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const RANGE_JOINER = '(?:至|到|-|—|－|~|～|–)';
/** `[YYYY年][M月[份]][D日|号]` optionally followed by a range end and 起; matched on normalised text. */
const DATE_PATTERN = new RegExp(
  `(?:(\\d{4})年)?(?:(\\d{1,2})月份?)?(?:(\\d{1,2})[日号])?` +
    `(?:${RANGE_JOINER}(?:(\\d{4})年)?(?:(\\d{1,2})月)?(?:(\\d{1,2})[日号]))?(起)?`,
  'g',
);

function toNumber(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

function validPoint(point: DatePoint): boolean {
  if (point.month !== undefined && (point.month < 1 || point.month > 12)) return false;
  if (point.day !== undefined && (point.day < 1 || point.day > 31)) return false;
  return point.year !== undefined || point.month !== undefined || point.day !== undefined;
}

/**
 * Finds dates and date ranges in normalised text: `9月23日至28日`, `11月9日-11日`, `2024年`, `10月份`, `11月3日起`,
 * `21日至22日`. A day without a month takes the month (and year) of the latest earlier date in `text`, or of
 * `inherit` (the date in force from the preceding passage), so `21日至22日` after `10月8日至9日` is 10月21日–22日.
 * A range end takes the missing parts from its start.
 */
export function parseDates(text: string, inherit: DatePoint = {}): DateMention[] {
  const dates: DateMention[] = [];
  let context: DatePoint = { ...inherit };
  for (const match of text.matchAll(DATE_PATTERN)) {
    if (match[0] === '') continue;
    const [surface, y1, m1, d1, y2, m2, d2, open] = match;
    // A bare 4-digit year needs 年; a lone month needs 月 (the pattern guarantees it); a lone day must not be part
    // of a longer number (2000多 never reaches here because 日/号/月/年 is required).
    const from: DatePoint = { year: toNumber(y1), month: toNumber(m1), day: toNumber(d1) };
    if (!validPoint(from)) continue;
    if (from.day !== undefined && from.month === undefined) {
      from.month = context.month;
      if (from.year === undefined) from.year = context.year;
    } else if (from.month !== undefined && from.year === undefined) {
      from.year = context.year;
    }
    let to: DatePoint = { ...from };
    if (d2 !== undefined) {
      to = { year: toNumber(y2) ?? from.year, month: toNumber(m2) ?? from.month, day: toNumber(d2) };
      if (!validPoint(to)) to = { ...from };
    }
    const start = match.index ?? 0;
    dates.push({ from: clean(from), to: clean(to), openEnded: open !== undefined, surface, start, end: start + surface.length });
    context = { year: to.year ?? from.year ?? context.year, month: to.month ?? from.month ?? context.month };
  }
  return dates;
}

function clean(point: DatePoint): DatePoint {
  const out: DatePoint = {};
  if (point.year !== undefined) out.year = point.year;
  if (point.month !== undefined) out.month = point.month;
  if (point.day !== undefined) out.day = point.day;
  return out;
}

/** The date in force at the end of a text (what a following 21日 refers to). */
export function lastDateContext(dates: readonly DateMention[], inherit: DatePoint = {}): DatePoint {
  const last = dates.at(-1);
  if (!last) return inherit;
  return { year: last.to.year ?? last.from.year ?? inherit.year, month: last.to.month ?? last.from.month ?? inherit.month };
}

/** Result of comparing a claimed date with a source date. */
export type Comparison = 'same' | 'different' | 'unknown';

const DAYS_IN_MONTH_MAX = 31;

/** A day number within a year (month·32 + day) for interval comparison; month-only points span the month. */
function bounds(point: DatePoint, side: 'from' | 'to'): number | null {
  if (point.month === undefined) return null;
  const day = point.day ?? (side === 'from' ? 1 : DAYS_IN_MONTH_MAX);
  return point.month * (DAYS_IN_MONTH_MAX + 1) + day;
}

/**
 * Whether the source date covers the claimed one: `9月23日至28日` covers `9月25日` (same), `10月8日至9日` does not
 * cover `10月21日至22日` (different), `2024年` vs `2023年` is different. When the source lacks a part the claim
 * states (the claim says 10月21日, the source only 21日 with no month in force) the answer is unknown.
 */
export function compareDates(claim: DateMention, source: DateMention): Comparison {
  const claimYear = claim.from.year;
  const sourceYear = source.from.year;
  if (claimYear !== undefined && sourceYear !== undefined) {
    const sourceEndYear = source.to.year ?? sourceYear;
    if (claimYear < sourceYear || claimYear > sourceEndYear) return 'different';
  }
  const claimHasDayParts = claim.from.month !== undefined || claim.from.day !== undefined;
  if (!claimHasDayParts) {
    // Year-only claim: the year decides.
    return claimYear !== undefined && sourceYear !== undefined ? 'same' : 'unknown';
  }
  if (claimYear !== undefined && sourceYear === undefined && source.from.month === undefined) return 'unknown';
  if (claim.from.day !== undefined && source.from.day === undefined) {
    // 10月份 in the source does not confirm 10月21日, but a different month rules it out.
    if (claim.from.month !== undefined && source.from.month !== undefined && claim.from.month !== source.from.month) {
      return 'different';
    }
    return 'unknown';
  }
  const claimFrom = bounds(claim.from, 'from');
  const claimTo = bounds(claim.to, 'to');
  const sourceFrom = bounds(source.from, 'from');
  const sourceTo = source.openEnded ? Number.POSITIVE_INFINITY : bounds(source.to, 'to');
  if (claimFrom === null || claimTo === null || sourceFrom === null || sourceTo === null) {
    // Days without months on one side: compare days only when neither side knows its month.
    if (claim.from.month === undefined && source.from.month === undefined && claim.from.day !== undefined && source.from.day !== undefined) {
      const to = source.openEnded ? Number.POSITIVE_INFINITY : (source.to.day ?? source.from.day);
      const inside = claim.from.day >= source.from.day && (claim.to.day ?? claim.from.day) <= to;
      return inside ? 'same' : 'different';
    }
    return 'unknown';
  }
  const claimEnd = claim.openEnded ? Number.POSITIVE_INFINITY : claimTo;
  if (claimFrom >= sourceFrom && claimEnd <= sourceTo) return 'same';
  const sourceInsideClaim = sourceFrom >= claimFrom && sourceTo <= claimEnd;
  // A month-level claim (10月份) is confirmed by any day inside that month.
  if (claim.from.day === undefined && sourceInsideClaim) return 'same';
  if (claimEnd < sourceFrom || claimFrom > sourceTo) return 'different';
  // The source names one day inside a longer claimed span: it neither confirms nor refutes the span.
  if (sourceInsideClaim) return 'unknown';
  // Overlapping day ranges that differ (11月10日至12日 vs 11月9日-11日) state different dates.
  return source.from.day !== undefined && claim.from.day !== undefined ? 'different' : 'unknown';
}

/** The date context of an article's publication date (`2023-04-15` → 2023年4月), for day-only dates in its text. */
export function publicationDateContext(publishedAt: string | null): DatePoint {
  const match = /^(\d{4})-(\d{2})/.exec(publishedAt ?? '');
  return match ? { year: Number(match[1]), month: Number(match[2]) } : {};
}

// ---------------------------------------------------------------------------------------------------------------
// Quantities

/** Measure words, longest first (人次 before 人, 公里 before 公). 点 counts sites (36个点). */
const QUANTITY_MEASURES: readonly string[] = [...new Set(['人次', ...MEASURE_WORDS, '点', '地', '所', '户', '只', '头'])]
  .filter((word) => !['年', '月', '日'].includes(word))
  .sort((a, b) => b.length - a.length);

/** Single-character counter nouns that the generic 个 may precede: 4个组 means 4组, 37个点 means 37点. */
const COUNTER_NOUNS = new Set([...'组点省市县区项批场次'].concat(['城市']));

/** Words between a subject and its count that do not change it: 浙江有25个, 考察点多达36个. */
const COUNT_FILLERS = /(?:多达|共有|共计|总计|合计|达到|累计|一共|有|达|为|是|共|约|近|计|逾|超过|超|仅)$/;

/** Lower-bound and approximation markers before a number. */
const BEFORE_AT_LEAST = /(?:超过|逾|超|多达|不少于|以上)$/;
const BEFORE_APPROX = /(?:约|近|大约|将近|接近)$/;

const HAN = /[\u3400-\u9fff]/;
/** Characters that end a counted noun: function words and verbs that follow counts in news text. */
const NOUN_STOP = new Set([...'的了是在有为到从向对把被将并而且于以及或等里中上下后前时']);
/** After a number, 上 and 下 start nouns (60多家上市企业, 3家下属企业) rather than ending them. */
const NOUN_STOP_AFTER = new Set([...NOUN_STOP].filter((ch) => ch !== '上' && ch !== '下'));
const MAX_NOUN_CHARS = 10;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const QUANTITY_PATTERN = new RegExp(
  `(第)?(\\d+(?:\\.\\d+)?)(多|余)?(万|亿)?(多|余)?(${QUANTITY_MEASURES.map(escapeRegExp).join('|')})`,
  'g',
);

/**
 * Finds quantities in normalised text: `36个考察点`, `2000多公里`, `1750亿元`, `4个组` (= 4组), `第2组`, `浙江15个`
 * (owner 浙江), `考察点多达36个` (noun 考察点). Years and dates are not quantities (parse those with `parseDates`);
 * pass their spans in `exclude`. `isPlace` decides whether a word before the number is its owner.
 */
export function parseQuantities(
  text: string,
  exclude: ReadonlyArray<{ start: number; end: number }> = [],
  isPlace: (word: string) => boolean = () => false,
): QuantityMention[] {
  const found: QuantityMention[] = [];
  for (const match of text.matchAll(QUANTITY_PATTERN)) {
    const start = match.index ?? 0;
    const [surface, ordinalMark, digits, more1, scale, more2, measureWord] = match;
    const end = start + surface.length;
    if (exclude.some((span) => span.start < end && span.end > start)) continue;
    // Part of a longer number or a code (A380, 2064.47): skip when glued to a letter or digit before.
    if (start > 0 && /[\w.]/.test(text[start - 1]!)) continue;
    let value = Number(digits);
    if (scale === '万') value *= 1e4;
    if (scale === '亿') value *= 1e8;
    value = Number(value.toPrecision(15));
    const before = text.slice(Math.max(0, start - 4), start);
    let bound: QuantityBound = more1 || more2 ? 'more' : 'exact';
    if (BEFORE_AT_LEAST.test(before) && !/多达$/.test(before)) bound = 'atLeast';
    else if (BEFORE_APPROX.test(before)) bound = 'approx';
    let measure = measureWord!;
    let noun = readNoun(text, end);
    let nounEnd = end + noun.length;
    const nextChar = text[end] ?? '';
    if (measure === '个' && (COUNTER_NOUNS.has(noun) || (!noun && COUNTER_NOUNS.has(nextChar)))) {
      // 4个组 is 4组, 37个点 is 37点: the counter word is the measure.
      measure = noun || nextChar;
      nounEnd = end + measure.length;
      noun = '';
    }
    const previous = wordBefore(text, start);
    let owner: string | null = null;
    if (previous && isPlace(previous)) owner = canonicalPlace(previous);
    else if (!noun && previous && !ordinalMark && measure === '个' && isNounTag(previous)) noun = previous;
    found.push({
      value,
      bound,
      ordinal: ordinalMark === '第',
      measure,
      noun,
      owner,
      surface: text.slice(start, Math.max(end, nounEnd)),
      start,
      end: Math.max(end, nounEnd),
    });
  }
  return found;
}

/** Noun-like jieba tags: nouns, names, nominal verbs (考察点/n, 城市/ns, 调研/vn), abbreviations. */
const NOUN_TAG = /^(?:n|vn|j|l|an)/;
/** Words that may sit inside a counted noun phrase before its head (新/a 材料, 高新/b 企业). */
const MODIFIER_TAG = /^(?:a|b)/;

function isNounTag(word: string): boolean {
  const tagged = tagWords(word);
  return tagged.length > 0 && tagged.every(({ tag }) => NOUN_TAG.test(tag));
}

/**
 * The counted noun after a measure word: the leading noun words of the Han run that follows (36个考察点,这是 →
 * 考察点; 3天走了 → ''; 8家科技和新材料企业 → 科技和新材料企业, where 和 joins two nouns).
 */
function readNoun(text: string, from: number): string {
  let run = '';
  for (let i = from; i < text.length && run.length < MAX_NOUN_CHARS; i++) {
    const ch = text[i]!;
    if (!HAN.test(ch) || NOUN_STOP_AFTER.has(ch)) break;
    run += ch;
  }
  if (!run) return '';
  const words = tagWords(run);
  let lastNoun = -1;
  for (const [i, { word, tag }] of words.entries()) {
    if (NOUN_TAG.test(tag)) lastNoun = i;
    else if (!(MODIFIER_TAG.test(tag) || /^[和与及]$/.test(word))) break;
  }
  const noun = words.slice(0, lastNoun + 1).map((w) => w.word).join('');
  return noun;
}

/**
 * The word just before a number, skipping count fillers: 浙江有25个 → 浙江, 考察点多达36个 → 考察点,
 * 全国百强县里浙江有 → 浙江 (the run is cut at function characters like 里).
 */
function wordBefore(text: string, position: number): string | null {
  let run = '';
  for (let i = position - 1; i >= 0 && run.length < MAX_NOUN_CHARS; i--) {
    const ch = text[i]!;
    if (!HAN.test(ch)) break;
    run = ch + run;
  }
  run = run.replace(COUNT_FILLERS, '');
  let cut = -1;
  for (let i = run.length - 1; i >= 0; i--) {
    if (NOUN_STOP.has(run[i]!)) {
      cut = i;
      break;
    }
  }
  run = run.slice(cut + 1);
  if (run.length < 2) return null;
  const words = tagWords(run);
  const last = words.at(-1)?.word ?? '';
  return last.length >= 2 ? last : null;
}

/** The head of a counted noun phrase for comparison (科技和新材料企业 → compared by suffix, so 企业 matches). */
function nounsCompatible(a: string, b: string): boolean {
  if (!a || !b) return true;
  return a.endsWith(b) || b.endsWith(a) || lastTwo(a) === lastTwo(b);
}

function lastTwo(word: string): string {
  return word.slice(-2);
}

/** Measure words that count the same things (名/人/位 people; 个 with a noun counts whatever the noun is). */
const MEASURE_GROUPS: ReadonlyArray<ReadonlySet<string>> = [new Set(['人', '名', '位']), new Set(['公里', '千米'])];

/**
 * Whether two quantities count the same kind of thing (same slot apart from the owner): 37个点 and 36个考察点,
 * 4个组 and 3组, 5座城市 and 4座城市, 8家…企业 and 6家…企业. Different measure words (天 vs 座) never are.
 */
export function sameCountedThing(claim: QuantityMention, source: QuantityMention): boolean {
  if (claim.ordinal !== source.ordinal) return false;
  if (claim.measure === source.measure) return nounsCompatible(claim.noun, source.noun);
  if (MEASURE_GROUPS.some((group) => group.has(claim.measure) && group.has(source.measure))) {
    return nounsCompatible(claim.noun, source.noun);
  }
  // The generic 个 with a noun against a counter: 36个考察点 vs 37点 / 37个点.
  if (source.measure === '个' && source.noun && source.noun.endsWith(claim.measure)) return !claim.noun;
  if (claim.measure === '个' && claim.noun && claim.noun.endsWith(source.measure)) return !source.noun;
  return false;
}

/** The values a quantity allows: exact → [v, v]; 2000多 → [2000, 3000); 超过100万 → (100万, ∞). */
function interval(q: QuantityMention): { low: number; high: number; lowOpen: boolean; highOpen: boolean } {
  if (q.bound === 'more') return { low: q.value, high: q.value + magnitude(q.value), lowOpen: false, highOpen: true };
  if (q.bound === 'atLeast') return { low: q.value, high: Number.POSITIVE_INFINITY, lowOpen: true, highOpen: true };
  return { low: q.value, high: q.value, lowOpen: false, highOpen: false };
}

function disjoint(a: ReturnType<typeof interval>, b: ReturnType<typeof interval>): boolean {
  const aEndsBefore = a.high < b.low || (a.high === b.low && (a.highOpen || b.lowOpen));
  const bEndsBefore = b.high < a.low || (b.high === a.low && (b.highOpen || a.lowOpen));
  return aEndsBefore || bEndsBefore;
}

function inside(point: number, range: ReturnType<typeof interval>): boolean {
  const aboveLow = range.lowOpen ? point > range.low : point >= range.low;
  const belowHigh = range.highOpen ? point < range.high : point <= range.high;
  return aboveLow && belowHigh;
}

/**
 * Compares a claimed quantity with a source quantity of the same counted thing. Exact values must be equal;
 * `2000多` is confirmed by 2000多 or 2400 and contradicted by 3000多 or 1800; `超过100万` is confirmed by 2064万;
 * an exact claim inside a vague source range (36 vs 30多) is unknown; approximations only ever confirm equal values.
 */
export function compareQuantities(claim: QuantityMention, source: QuantityMention): Comparison {
  if (claim.value === source.value && claim.bound === source.bound) return 'same';
  if (claim.bound === 'approx' || source.bound === 'approx') return claim.value === source.value ? 'same' : 'unknown';
  const claimRange = interval(claim);
  const sourceRange = interval(source);
  if (disjoint(claimRange, sourceRange)) return 'different';
  if (source.bound === 'exact' && inside(source.value, claimRange)) return 'same';
  return 'unknown';
}

/** 2000 → 1000, 36 → 10, 6 → 1: the range "多" spans after a round number. */
function magnitude(value: number): number {
  if (value <= 0) return 1;
  return 10 ** Math.floor(Math.log10(value));
}

// ---------------------------------------------------------------------------------------------------------------
// Phrases

/**
 * Whether `text` contains `phrase` exactly, or its characters in order within a short span (战略合作协议 in
 * 战略合作框架协议). `slack` is how many extra characters the span may hold.
 */
export function containsPhrase(text: string, phrase: string, slack = 2): boolean {
  if (!phrase) return true;
  if (text.includes(phrase)) return true;
  if (phrase.length < 4) return false;
  const chars = [...phrase];
  for (let start = text.indexOf(chars[0]!); start !== -1; start = text.indexOf(chars[0]!, start + 1)) {
    let at = start;
    let ok = true;
    for (const ch of chars.slice(1)) {
      const next = text.indexOf(ch, at + 1);
      if (next === -1 || next - start >= phrase.length + slack) {
        ok = false;
        break;
      }
      at = next;
    }
    if (ok) return true;
  }
  return false;
}
