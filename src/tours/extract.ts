/**
 * Tour extraction from one article, built on the fact extractor: who led (people in the role 'lead'), when (dates
 * in sentences about the visit), where (places named as destinations), what they saw (sites after visiting verbs),
 * counted (考察点), signed (agreements) and met (meetings). Every value keeps the sentence it was read from.
 */
import { GROUP_NOUNS, GROUP_NOUN_ALTERNATION, OUTLET_SUFFIXES, PROVINCES, REGION_GROUPS, GENERIC_PLACES, TITLES, escapeRegExp, foldScript, levelOf, provinceOf, stripAdminSuffix, tagWords } from '../text/index.ts';
import { matchView, partOfPeriod, type DateFact, type DatePoint, type PersonFact, type PlaceFact, type QuantityFact } from '../facts/index.ts';
import { readArticle, type ArticleFacts, type TourSentence } from './article-facts.ts';
import type { Article } from '../domain.ts';
import { sitesInSentence } from '../facts/index.ts';
import { delegationNames } from './delegation.ts';
import { overviewTrips, provinceHome, reportSections, type OverviewTrip, type SectionReader } from './overview.ts';
import type { TourCitation, TourLevel } from './types.ts';

/** A value with the sentence it was read from. */
export interface Cited<T> {
  value: T;
  citation: TourCitation;
}

/** One tour as one article reports it. */
export interface TourDraft {
  docId: string;
  /** Position of the trip in its article (0 for a single-trip report). */
  index: number;
  title: string;
  published: string | null;
  delegation: Cited<string> | null;
  from: Cited<string> | null;
  level: TourLevel | null;
  leaders: Array<Cited<{ name: string; title: string | null }>>;
  hosts: Array<Cited<{ name: string; title: string | null }>>;
  start: Cited<string> | null;
  end: Cited<string> | null;
  destinations: Array<Cited<string>>;
  sites: Array<Cited<string>>;
  siteCount: Cited<number> | null;
  agreements: Array<Cited<string>>;
  meetings: Array<Cited<string>>;
  figures: Array<Cited<{ value: string; what: string }>>;
}

const cite = (s: TourSentence): TourCitation => ({ paragraphId: s.paragraphId, quote: s.text });

/** The home region a delegation name or a title chain starts with (湖南省党政代表团 → 湖南省; 郴州市委书记 → 郴州市). */
export function homeOf(text: string): string | null {
  const province = PROVINCES.find((p) => text.startsWith(p.name) || text.startsWith(p.common));
  if (province) {
    const rest = text.slice(text.startsWith(province.name) ? province.name.length : province.common.length);
    // 浙江省台州市党政代表团: the most specific place written.
    const inner = /^([\u3400-\u9fff]{2,6}?[市州县区盟旗])(?![委长])/.exec(rest)?.[1];
    if (inner && !/^(?:党政|代表|考察|县市|市县)/.test(inner)) return text.slice(0, text.length - rest.length) + inner;
    return text.startsWith(province.name) ? province.name : province.common;
  }
  const words = tagWords(text);
  let place = '';
  for (const { word, tag } of words) {
    if (!tag.startsWith('ns') && !(place && /^[市州县区盟旗]$/.test(word))) break;
    place += word;
  }
  if (place.length >= 2 && !GENERIC_PLACES.has(place)) return place;
  const body = /^([\u3400-\u9fff]{2,6}?[市州县区盟旗])(?:委|人民政府|政府|人大|政协|党政|代表团|考察团)/.exec(text)?.[1];
  return body ?? null;
}

const LEVEL_OF_TITLE: ReadonlyArray<readonly [RegExp, TourLevel]> = [
  [/^(?:[\u3400-\u9fff]{0,8})(?:省委|省长|自治区党委|自治区主席|省政协|省人大)/, 'province'],
  [/^(?:[\u3400-\u9fff]{0,8})(?:市委|市长|州委|州长|市政协|市人大)/, 'city'],
  [/^(?:[\u3400-\u9fff]{0,8})(?:县委|县长|县政协|县人大)/, 'county'],
  [/^(?:[\u3400-\u9fff]{0,8})(?:区委|区长|区政协|区人大)/, 'district'],
];

/** The level a delegation travels at: the first administrative unit in its name, else its leader's title. */
function levelFrom(delegation: string | null, home: string | null, leaderTitles: readonly string[]): TourLevel | null {
  if (delegation) {
    const rest = home && delegation.startsWith(home) ? delegation.slice(home.length) : delegation;
    const unit = /^[(（]?([县市区])/.exec(rest)?.[1];
    if (unit === '县') return 'county';
    if (unit === '区') return 'district';
    if (unit === '市') return 'city';
  }
  if (home) {
    if (provinceOf(home)) return 'province';
    const level = levelOf(home);
    if (level) return level;
  }
  for (const title of leaderTitles) for (const [pattern, level] of LEVEL_OF_TITLE) if (pattern.test(title)) return level;
  return delegation ? 'other' : null;
}

/** Sentences about the visit itself (not background or speeches): they carry a visiting or leading verb. */
const TRIP_CUE = /考察|学习|调研|观摩|参观|督查|督导|访问|代表团|考察团|观摩团|率|带队|带领|赴|抵达|来到|走进|座谈|会见|培训|举办|举行|期间|一行/;
/** A sentence about what will happen (将举办, 拟于, 计划) dates a plan, not the visit. */
const PLAN = /将(?:于|在|举办|举行|召开|赴)|拟于|拟在|计划于|预计|即将|约定/;
/** A date that opens a dateline (…11月18日讯, 本报…电) is the report's date, not the visit's. */
const DATELINE_AFTER = /^(?:讯|电|消息|报道)/;

function isoOf(point: DatePoint): string | null {
  if (point.year === undefined || point.month === undefined || point.day === undefined) return null;
  return `${point.year}-${String(point.month).padStart(2, '0')}-${String(point.day).padStart(2, '0')}`;
}

/**
 * A year filled in from the date line points to the past: a December visit reported in January is last year's.
 */
function fixInheritedYear(point: DatePoint, fact: DateFact, context: DatePoint, explicitYear: boolean): DatePoint {
  if (explicitYear || context.year === undefined || context.month === undefined || point.month === undefined) return point;
  if (point.year === context.year && point.month > context.month) return { ...point, year: point.year - 1 };
  void fact;
  return point;
}

/** A sentence about the travelling group itself: it names the group, its members or its leaders. */
const GROUP_WORDS = new RegExp([...Object.values(GROUP_NOUNS).flat(), '一行', '学员', '团员', '党政正职'].join('|'));

/**
 * Start and end: the first range written for the visit is its span (9月23日至28日; later single days are events
 * in it or after it, such as a summary meeting); without a range, the earliest and latest days. Dates of sentences
 * about the group itself are preferred to dates of background sentences (2020年9月17日，总书记在此考察…).
 */
function tripDates(sentences: readonly TourSentence[], context: DatePoint, published: string | null, leaders: ReadonlySet<string>): {
  start: Cited<string> | null;
  end: Cited<string> | null;
  single: boolean;
} {
  const found: Array<{ from: string; to: string; sentence: TourSentence; group: boolean }> = [];
  for (const sentence of sentences) {
    if (!TRIP_CUE.test(sentence.view)) continue;
    const group = GROUP_WORDS.test(sentence.view) || sentence.facts.some((f) => f.kind === 'person' && leaders.has(f.name));
    for (const fact of sentence.facts) {
      if (fact.kind !== 'date' || fact.from.day === undefined) continue;
      if (DATELINE_AFTER.test(sentence.view.slice(fact.end))) continue;
      // 一号工程, 十号文件: a bare 号 without a month is a name, not a day.
      if (!/月/.test(fact.text) && /号$/.test(fact.text)) continue;
      const explicitYear = /年/.test(fact.text);
      const from = isoOf(fixInheritedYear(fact.from, fact, context, explicitYear));
      const to = isoOf(fixInheritedYear(fact.to, fact, context, explicitYear));
      if (!from || !to) continue;
      // A date after the report was published is a plan, not the visit.
      if (published && published.length === 10 && from > published) continue;
      if (PLAN.test(sentence.view.slice(Math.max(0, fact.start - 6), fact.end + 6))) continue;
      found.push({ from, to, sentence, group });
    }
  }
  const pool = found.some((d) => d.group) ? found.filter((d) => d.group) : found;
  const range = pool.find((d) => d.from !== d.to);
  if (range) return { start: { value: range.from, citation: cite(range.sentence) }, end: { value: range.to, citation: cite(range.sentence) }, single: false };
  let start: Cited<string> | null = null;
  let end: Cited<string> | null = null;
  for (const d of pool) {
    if (!start || d.from < start.value) start = { value: d.from, citation: cite(d.sentence) };
    if (!end || d.to > end.value) end = { value: d.to, citation: cite(d.sentence) };
  }
  return { start, end, single: pool.length === 1 };
}

/** The verbatim title chain before a person's name (市委副书记、代市长), cut from the original sentence. */
function titleAsWritten(sentence: TourSentence, person: PersonFact): string | null {
  if (!person.titles) return null;
  let at = sentence.view.lastIndexOf(person.titles, person.start);
  if (at < 0) return person.titles;
  // 由湖南省委书记X: the province written right before the title belongs to it.
  const before = sentence.view.slice(Math.max(0, at - 4), at);
  const province = PROVINCES.find((p) => before.endsWith(p.common) || before.endsWith(p.name));
  if (province && /^(?:省|市|自治区|党委)/.test(person.titles)) at -= before.endsWith(province.name) ? province.name.length : province.common.length;
  return sentence.text.slice(at, sentence.view.indexOf(person.titles, at) + person.titles.length);
}

/** After 由…率领： or 带队的是： the people listed are the leaders even without a verb after their names. */
const LEAD_INTRO = /(?:率领|带队|带领|领队|率团)(?:的是|的有)?[:：]|(?:率领|带队)(?:的|者)(?:是|为|有)/;

/** The group a 团长/组长 heads is the travelling one (代表团团长, 考察团副团长, 督查组组长). */
const GROUP_BEFORE_HEAD = new RegExp(`(?:${GROUP_NOUN_ALTERNATION})(?:副)?(?:团长|组长)`);
/** 副组长、X (after the group's name, or opening): the post written before the person's other titles. */
const POST_OPENING = new RegExp(`(?:(?:${GROUP_NOUN_ALTERNATION})(?:第[一二三四五六七八九十\\d]+组)?)?(?:副)?(?:组长|团长)[、，,][\\u3400-\\u9fff、]{0,20}$`);

/** 组长由中央统战部副部长X担任: the head of the group is named by the post it fills. */
const HEAD_POST = /(?:组长|团长|领队)由([^。；;]{2,40}?)担任/g;

/**
 * 由省政协副主席X任组长的督导组 / X担任团长: a person named right before taking the group's head post. A given name
 * ending in 和 keeps it here (X和任组长 can only be one name: a second person would stand between 和 and 任).
 */
const APPOINTED_HEAD = /由?([^。；;，,：:]{2,40}?)(?:担任|任)(?:副)?(?:组长|团长|领队)(?!的?(?:领导小组|小组))/g;
/** 以省人大常委会副主任X为组长的督查组: the same post written with 以…为. */
const HEAD_AS = /以?([^。；;，,：:]{2,40}?)为(?:副)?(?:组长|团长|领队)(?!的?(?:领导小组|小组))/g;
const TITLE_IN_POST = new RegExp(TITLES.map(escapeRegExp).join('|'), 'g');
/**
 * 副组长、省发展改革委副主任X / 组长、省政协副主席X: the post opens the clause (or follows the group's name) and the
 * person's other titles follow it. 领导小组组长, 村民小组组长 head other bodies.
 */
const HEAD_TITLE_BEFORE = new RegExp(`(?:^|[，,；;：:（(]|(?:${GROUP_NOUN_ALTERNATION})(?:第[一二三四五六七八九十\\d]+组)?)(?:副)?(?:组长|团长)(?:[、，,][\\u3400-\\u9fff、]{0,20})?$`);

/** The people posted as a group's head in a sentence: name span and title as written, from the post's own words. */
function appointedHeads(sentence: TourSentence): Array<{ start: number; end: number; title: string | null }> {
  const out: Array<{ start: number; end: number; title: string | null }> = [];
  const spans = [
    ...[...sentence.view.matchAll(HEAD_POST)].map((m) => ({ from: m.index! + m[0].indexOf(m[1]!), text: m[1]! })),
    ...[...sentence.view.matchAll(APPOINTED_HEAD)].map((m) => ({ from: m.index! + m[0].indexOf(m[1]!), text: m[1]! })),
    ...[...sentence.view.matchAll(HEAD_AS)].map((m) => ({ from: m.index! + m[0].indexOf(m[1]!), text: m[1]! })),
  ];
  for (const { from, text } of spans) {
    const titles = [...text.matchAll(TITLE_IN_POST)];
    const last = titles.at(-1);
    if (!last) continue;
    const nameStart = from + last.index! + last[0].length;
    const name = sentence.view.slice(nameStart, from + text.length);
    if (!/^[\u3400-\u9fff]{2,4}$/.test(name)) continue;
    // The title chain as written: from the first title (with the body before it, 省政协) to the name.
    const chainStart = from + Math.max(0, text.search(/[\u3400-\u9fff]/));
    out.push({ start: nameStart, end: from + text.length, title: sentence.text.slice(chainStart, nameStart) || null });
  }
  return out;
}

/**
 * 常州市委书记X率有关部门负责同志陪同考察团…: leading one's own officials to accompany or receive a delegation is
 * hosting it (在Y陪同下 is the visitor's clause and is left alone).
 */
/** A leading verb written right after a name (率团, 带队; not 率先). */
const LEADS_RIGHT_AFTER = /^(?:率领|带领|率团|率队|带队|率(?!先))/;
const HOSTING_AFTER = /^[^，,。；;]{0,3}(?:率|带领|带着|率领)[^，,。；;]{0,24}?(?:陪同|迎接|接待|会见)(?!下)/;

/**
 * A two-character name the reader stopped at 和 (王安和的带领下): 和 before 的 or a post (任, 担任) cannot join two
 * people, so it ends the given name.
 */
const HE_ENDS_NAME = /^和(?=的(?:带领|率领|陪同|主持)|担?任)/;

/** A person's name as the sentence writes it, with a given name ending in 和 kept whole. */
function personName(sentence: TourSentence, person: PersonFact): string {
  const end = person.end - person.start === 2 && HE_ENDS_NAME.test(sentence.view.slice(person.end)) ? person.end + 1 : person.end;
  return sentence.text.slice(person.start, end);
}

function leadersOf(sentences: readonly TourSentence[]): Array<Cited<{ name: string; title: string | null }>> {
  const leaders: Array<Cited<{ name: string; title: string | null }>> = [];
  const add = (sentence: TourSentence, name: string, title: string | null) => {
    if (leaders.some((l) => foldScript(l.value.name) === foldScript(name))) return;
    leaders.push({ value: { name, title }, citation: cite(sentence) });
  };
  for (const sentence of sentences) {
    const intro = LEAD_INTRO.exec(sentence.view);
    const posted = appointedHeads(sentence);
    for (const fact of sentence.facts) {
      if (fact.kind !== 'person') continue;
      const post = posted.find((p) => fact.start >= p.start && fact.start < p.end);
      if (post) {
        // The post's span is the whole name (邓文和 where the name reader stopped at 邓文).
        add(sentence, sentence.text.slice(post.start, Math.max(post.end, fact.end)), titleAsWritten(sentence, fact));
        continue;
      }
      const chainStart = fact.titles ? sentence.view.lastIndexOf(fact.titles, fact.start) : fact.start;
      // 代表团团长、市委书记X / 督导组组长X / 副组长、省发展改革委副主任X: heading the travelling group is leading it.
      const heads = ((fact.titles ?? '').split('、').some((t) => /^(?:副)?(?:团长|组长)$/.test(t)) && GROUP_BEFORE_HEAD.test(sentence.view.slice(Math.max(0, fact.start - (fact.titles?.length ?? 0) - 4), fact.start))) ||
        HEAD_TITLE_BEFORE.test(sentence.view.slice(0, chainStart < 0 ? fact.start : chainStart)) ||
        (fact.titles !== null && /^(?:副)?(?:组长|团长)(?:、|$)/.test(fact.titles) && HEAD_TITLE_BEFORE.test(sentence.view.slice(0, (chainStart < 0 ? fact.start : chainStart) + (/^副/.test(fact.titles) ? 3 : 2))));
      const after = sentence.view.slice(fact.end);
      const hosting = HOSTING_AFTER.test(after);
      // X率团在Y陪同下: the verb right after a name is that person's, whatever role a list around it was given.
      const leads = (fact.role === 'lead' && !/^率先/.test(after)) || LEADS_RIGHT_AFTER.test(after);
      const led = (leads && !hosting) || heads || (intro !== null && fact.start > intro.index && fact.title !== null);
      if (!led) continue;
      // 副组长、省农业农村厅副厅长X: the post is part of the title as written.
      const headPost = POST_OPENING.exec(sentence.view.slice(0, chainStart < 0 ? fact.start : chainStart));
      const title = headPost && HEAD_TITLE_BEFORE.test(sentence.view.slice(0, headPost.index + headPost[0].length)) ? sentence.text.slice(headPost.index, fact.start) : titleAsWritten(sentence, fact);
      add(sentence, personName(sentence, fact), title);
    }
    // A posted head the name reader did not find (a name with a character it distrusts, 胡建民).
    for (const post of posted) {
      if (sentence.facts.some((f) => f.kind === 'person' && f.start >= post.start && f.start < post.end)) continue;
      add(sentence, sentence.text.slice(post.start, post.end), post.title);
    }
  }
  return leaders;
}

function hostsOf(sentences: readonly TourSentence[], leaders: ReadonlySet<string>): Array<Cited<{ name: string; title: string | null }>> {
  const hosts: Array<Cited<{ name: string; title: string | null }>> = [];
  for (const sentence of sentences) {
    for (const fact of sentence.facts) {
      if (fact.kind !== 'person' || (fact.role !== 'meet' && fact.role !== 'accompany') || leaders.has(fact.name)) continue;
      if (hosts.some((h) => foldScript(h.value.name) === fact.name)) continue;
      hosts.push({ value: { name: sentence.text.slice(fact.start, fact.end), title: titleAsWritten(sentence, fact) }, citation: cite(sentence) });
    }
  }
  return hosts;
}

/** Whether a place can be a destination: a province, a name with an administrative suffix, or one named twice. */
function placeLike(name: string, mentions: ReadonlyMap<string, number>): boolean {
  if (provinceOf(name)) return true;
  if (REGION_GROUPS[name] || GENERIC_PLACES.has(name)) return false;
  if (/(?:省|市|县|区|州|盟|旗)$/.test(name) && name.length >= 3) return true;
  return (mentions.get(stripAdminSuffix(name)) ?? 0) >= 2;
}

/** A group moves into the place it supervises (督查组进驻赣州市, 莅临宜昌): the place is where it went. */
const ENTERING = /(?:进驻|入驻|莅临)$/;

/** 从广州、珠海到东莞再到深圳: every member of a 从…到… chain is a destination. */
const CHAIN_GAP = /^(?:[、,，和及与]|再?到|至|再赴|转赴|又到|然后到)$/;

/** 从南宁、柳州到X再到北海: a name between two links of a chain is a place even when the segmenter missed it. */
const CHAIN_HOLE = /^((?:[、,，和及与]|再?到|至))([\u3400-\u9fff]{2,3}?)(?:[、,，和及与]|再?到|至)$/;

const COMPOUND_TAIL = /^([\u3400-\u9fff]{1,3}?[县区市旗])(?=考察|学习|调研|参观|观摩|交流|[，,。；、])/;

function withChainGaps(sentence: TourSentence, places: PlaceFact[]): PlaceFact[] {
  const out: PlaceFact[] = [];
  places.forEach((place, i) => {
    out.push(place);
    const next = places[i + 1];
    // 苏州市吴江区考察: a county or district written right after a place, unknown to the segmenter.
    const tail = /(?:省|市|州)$/.test(place.name) && next?.start !== place.end ? COMPOUND_TAIL.exec(sentence.view.slice(place.end)) : null;
    if (tail) {
      const end = place.end + tail[1]!.length;
      out.push({ kind: 'place', text: sentence.text.slice(place.end, end), start: place.end, end, name: tail[1]!, canonical: stripAdminSuffix(tail[1]!), destination: false });
    }
    if (!next) return;
    const hole = CHAIN_HOLE.exec(sentence.view.slice(place.end, next.start));
    if (!hole || /[的了是在有]/.test(hole[2]!)) return;
    const start = place.end + hole[1]!.length;
    const end = start + hole[2]!.length;
    out.push({ kind: 'place', text: sentence.text.slice(start, end), start, end, name: hole[2]!, canonical: stripAdminSuffix(hole[2]!), destination: false });
  });
  return out;
}

/**
 * 安徽省合肥、芜湖两市 / 四川省成都、德阳、绵阳三市 / 河南省郑州、洛阳等地: a list of cities written right after a
 * province and closed by a count or 等 of the kind of place. The segmenter often misses such names (省合肥).
 */
const LIST_AFTER_PROVINCE = /^((?:[\u3400-\u9fff]{2,4}?[市县区]?)(?:[、和与及](?:[\u3400-\u9fff]{2,4}?[市县区]?))+)(?:[两二三四五六七八九十]个?|等)(?:城市|市|地|县|区)/;
/** 赴福建厦门、泉州考察 / 赴浙江义乌学习: short names right after a province the trip goes to, before a visiting verb. */
const OPEN_LIST_AFTER_PROVINCE = /^([\u3400-\u9fff]{2,3}?(?:[、和与及][\u3400-\u9fff]{2,3}?)*)(?=学习|考察|调研|参观|观摩|交流|督查|督导|开展|进行|[，,。；;])/;
/** Words that start no place name after a province (赴浙江学习考察, 赴广东省委党校). */
const NOT_A_PLACE_START = /^(?:学习|考察|调研|参观|观摩|交流|督查|督导|开展|进行|对接|招商|拜访|参加|出席|举办|召开|[省市县区委党政府人])/;
/** Segmenter tags a place name may carry when it stands alone (义乌 nz, 寿光 nr, 深圳 ns). */
const NAME_TAG = /^(?:ns|nz|nr|x|j)/;
const PROVINCE_NAMES = PROVINCES.flatMap((p) => [p.name, p.common]).sort((a, b) => b.length - a.length).join('|');
/** A province right after a verb of going, whether or not the segmenter split it from the city after it (福建厦门). */
const PROVINCE_AFTER_GOING = new RegExp(`(?:赴|前往|来到|抵达|奔赴|远赴|转赴|到|去)(${PROVINCE_NAMES})`, 'g');

/** Whether an open list of short place names starts the text (义乌学习…, 厦门、泉州考察). */
function startsWithName(text: string): boolean {
  const first = OPEN_LIST_AFTER_PROVINCE.exec(text)?.[1]?.split(/[、和与及]/)[0];
  if (!first || NOT_A_PLACE_START.test(first)) return false;
  const tagged = tagWords(first);
  return tagged.length === 1 && NAME_TAG.test(tagged[0]!.tag);
}

/** The members of a city list written right after a province, as places (they go where the province goes). */
function withQualifiedLists(sentence: TourSentence, places: PlaceFact[]): PlaceFact[] {
  const out = [...places];
  const provinces = places.filter((p) => provinceOf(p.name));
  for (const match of sentence.view.matchAll(PROVINCE_AFTER_GOING)) {
    const start = match.index! + match[0].length - match[1]!.length;
    const end = start + match[1]!.length;
    if (out.some((p) => p.start < end && p.end > start)) continue;
    // 赴浙江大学参观: a province name that starts a longer word is no destination; a name or a verb must follow.
    const rest = sentence.view.slice(end);
    if (!/^(?:[、，,。；;和及与]|学习|考察|调研|参观|观摩|交流)/.test(rest) && !(LIST_AFTER_PROVINCE.test(rest) || startsWithName(rest))) continue;
    const province: PlaceFact = { kind: 'place', text: sentence.text.slice(start, end), start, end, name: match[1]!, canonical: stripAdminSuffix(match[1]!), destination: true };
    out.push(province);
    provinces.push(province);
  }
  for (const province of provinces) {
    const rest = sentence.view.slice(province.end);
    const closed = LIST_AFTER_PROVINCE.exec(rest);
    const list = closed ?? (province.destination ? OPEN_LIST_AFTER_PROVINCE.exec(rest) : null);
    if (!list) continue;
    let at = province.end;
    for (const part of list[1]!.split(/([、和与及])/)) {
      const start = at;
      at += part.length;
      if (/^[、和与及]$/.test(part)) continue;
      const known = out.findIndex((p) => p.start < at && p.end > start);
      if (known >= 0) {
        if (out[known]!.start === start && out[known]!.end === at) out[known] = { ...out[known]!, destination: out[known]!.destination || province.destination };
        continue;
      }
      if (GENERIC_PLACES.has(part) || /[的了是在有]/.test(part) || NOT_A_PLACE_START.test(part)) continue;
      // An open list takes only what reads as a name on its own (义乌, 寿光), not a common noun (大学).
      if (!closed && (tagWords(part).length !== 1 || !NAME_TAG.test(tagWords(part)[0]!.tag))) break;
      out.push({ kind: 'place', text: sentence.text.slice(start, at), start, end: at, name: part, canonical: stripAdminSuffix(part), destination: province.destination });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A short name between a verb of going and a verb of visiting (来建德考察, 赴黄岩调研). */
const GOING_TO = /(?:赴|来|到|前往|去)([\u3400-\u9fff]{2,3}?)(?:考察|学习|调研|参观|观摩|督查|交流)/;
/** Destinations that name the writer's own place or nothing (我市, 当地, 外省). */
const GENERIC_DESTINATION = /^(?:我|本|当|外|该|此|各|全|省|市|县|两|这)/;

interface DestinationText {
  text: string;
  view: string;
  citation: TourCitation | null;
}

function destinationsOf(
  sentences: readonly TourSentence[],
  home: string | null,
  mentions: ReadonlyMap<string, number>,
  titleAndFirst: readonly DestinationText[],
  level: TourLevel | null,
): Array<Cited<string>> {
  const found: FoundPlace[] = [];
  const homeShort = home ? stripAdminSuffix(foldScript(home)) : null;
  const homeProvince = home ? PROVINCES.find((p) => foldScript(home).startsWith(p.common))?.common : undefined;
  for (const sentence of sentences) {
    if (!TRIP_CUE.test(sentence.view)) continue;
    const places = withQualifiedLists(sentence, withChainGaps(sentence, sentence.facts.filter((f): f is PlaceFact => f.kind === 'place')));
    const chosen = new Set<number>();
    places.forEach((place, i) => {
      if (place.destination || ENTERING.test(sentence.view.slice(Math.max(0, place.start - 2), place.start))) chosen.add(i);
    });
    // A compound place (浙江省台州市黄岩区) goes where its first part goes.
    for (let i = 0; i < places.length - 1; i += 1) {
      if (chosen.has(i) && places[i]!.end === places[i + 1]!.start && /[省市县区州旗盟]$/.test(places[i + 1]!.name)) chosen.add(i + 1);
    }
    // Extend chains both ways: 从A、B到C再到D.
    for (let i = 0; i < places.length - 1; i += 1) {
      const gap = sentence.view.slice(places[i]!.end, places[i + 1]!.start);
      if (!CHAIN_GAP.test(gap)) continue;
      if (chosen.has(i + 1) || chosen.has(i)) {
        chosen.add(i);
        chosen.add(i + 1);
      }
    }
    for (let i = places.length - 2; i >= 0; i -= 1) {
      const gap = sentence.view.slice(places[i]!.end, places[i + 1]!.start);
      if (CHAIN_GAP.test(gap) && chosen.has(i + 1)) chosen.add(i);
    }
    // …and so does a compound that a chain reached (江苏省南京市、浙江省杭州市).
    for (let i = 0; i < places.length - 1; i += 1) {
      if (chosen.has(i) && provinceOf(places[i]!.name) && places[i]!.end === places[i + 1]!.start && /[省市县区州旗盟]$/.test(places[i + 1]!.name)) chosen.add(i + 1);
    }
    const direct = new Set(places.flatMap((p, i) => (p.kind === 'place' && p.destination ? [i] : [])));
    const inChain = new Set<number>();
    for (let i = 0; i < places.length - 1; i += 1) {
      if (CHAIN_GAP.test(sentence.view.slice(places[i]!.end, places[i + 1]!.start))) inChain.add(i).add(i + 1);
    }
    for (const i of [...chosen].sort((a, b) => a - b)) {
      const place = places[i]!;
      // Members of a chain of three or more are destinations even when named once (从广州、珠海到东莞再到深圳).
      const chained = chosen.size >= 3 && (!direct.has(i) || inChain.has(i));
      if (place.kind !== 'place') continue;
      const short = place.canonical;
      if (short === homeShort || short === homeProvince) continue;
      // Part of an organisation's name (广州市智慧城市运行中心) is no destination of its own; a new area is a place
      // (山东省青岛市西海岸新区).
      if (/^[\u3400-\u9fff]/.test(sentence.view.slice(place.end)) && /(?:市|省)$/.test(place.name) && sentence.facts.some((f) => f.kind === 'org' && f.start <= place.start && f.end >= place.end && !/新区$/.test(f.name))) continue;
      // 浙江省台州市黄岩区: the places written together with a province are its detail and stay with it.
      const previous = places[i - 1];
      const gap = previous ? sentence.view.slice(previous.end, place.start) : null;
      // …and so do places listed after such detail (贵州省贵阳市、遵义市; 安徽省合肥、芜湖两市).
      const attached = !provinceOf(place.name) && previous !== undefined && (gap === '' || (/^[、和与及]$/.test(gap ?? '') && found.some((d) => d.detail && d.end === previous.end && d.sentence === sentence.order))) &&
        found.some((d) => d.province && d.end === previous.end && d.sentence === sentence.order);
      if (!chained && !attached && !placeLike(place.name, mentions)) continue;
      // 吉林省 and 吉林市 share a short form but are two places: only a province repeats a province.
      const isProvince = provinceOf(place.name) !== undefined;
      if (found.some((d) => stripAdminSuffix(foldScript(d.value)) === short && (provinceOf(foldScript(d.value)) !== undefined) === isProvince)) continue;
      found.push({
        value: sentence.text.slice(place.start, place.end),
        citation: cite(sentence),
        province: provinceOf(place.name) !== undefined || attached,
        detail: attached,
        joined: attached && gap === '',
        start: place.start,
        end: place.end,
        sentence: sentence.order,
        text: sentence.text,
      });
    }
  }
  // 来建德考察: a place the segmenter does not know, written between a verb of going and a verb of visiting.
  if (found.length === 0) {
    for (const text of titleAndFirst) {
      const match = GOING_TO.exec(text.view);
      if (!match || GENERIC_DESTINATION.test(match[1]!)) continue;
      const at = match.index + match[0].indexOf(match[1]!, 1);
      const value = text.text.slice(at, at + match[1]!.length);
      // A name read from the title is cited where the body writes it; never uncited.
      const body = sentences.find((s) => s.text.includes(value));
      const citation = text.citation ?? (body ? cite(body) : null);
      if (!citation) continue;
      found.push({ value, citation, province: false, detail: false, joined: false, start: -1, end: -1, sentence: -1, text: '' });
      break;
    }
  }
  // Provinces named as destinations make the cities inside them detail, not destinations of their own.
  const provinces = found.filter((d) => d.province);
  return qualifiedPlaces(provinces.length > 0 ? provinces : found, level);
}

/** A destination read from a sentence, with where it stands and how it relates to a province before it. */
interface FoundPlace extends Cited<string> {
  /** A province, or a place written with one (its detail). */
  province: boolean;
  /** Written right after a province (浙江省台州市) or in a list after such a place (贵阳市、遵义市). */
  detail: boolean;
  /** Written with no separator after the place before it (台州市 in 浙江省台州市). */
  joined: boolean;
  start: number;
  end: number;
  sentence: number;
  /** The sentence as written (to cut a compound place from). */
  text: string;
}

/**
 * Destinations at the level the trip works at. A province written right before a city qualifies it: a provincial
 * delegation went to the province; any other went to the city — one place written as one (江苏省苏州市吴江区, cut
 * as the article writes it), or the cities of a list (安徽省合肥、芜湖两市 → 合肥, 芜湖).
 */
function qualifiedPlaces(found: readonly FoundPlace[], level: TourLevel | null): Array<Cited<string>> {
  const groups: Array<{ head: FoundPlace; details: FoundPlace[] }> = [];
  for (const place of found) {
    const last = groups.at(-1);
    if (place.detail && last && last.head.sentence === place.sentence && provinceOf(foldScript(last.head.value))) last.details.push(place);
    else groups.push({ head: place, details: [] });
  }
  const out: Array<Cited<string>> = [];
  for (const { head, details } of groups) {
    if (details.length === 0 || level === 'province') out.push({ value: head.value, citation: head.citation });
    else if (details.every((d) => d.joined)) out.push({ value: head.text.slice(head.start, details.at(-1)!.end), citation: head.citation });
    else for (const d of details) out.push({ value: d.value, citation: d.citation });
  }
  // A province named alone elsewhere is the same place as the city written with it (赴江苏…在江苏省苏州市).
  if (level === 'province') return out;
  return out.filter((d) => {
    const province = provinceOf(foldScript(d.value));
    return !province || !groups.some((g) => g.details.length > 0 && provinceOf(foldScript(g.head.value)) === province);
  });
}

/** 来我市考察: the delegation came to the place the report is written in. */
const TO_OUR_PLACE = /(?:来|到|在|莅临)我(?:市|省|县|区|州)(?:考察|调研|学习|督查|督导|观摩|交流|参观)/;
/** A local outlet names the writer's place (张家口日报, and the column and account names 建德要闻, 某某发布). */
const OUTLET = new RegExp(`([\\u3400-\\u9fff]{2,4}?)(?:${[...OUTLET_SUFFIXES, '要闻', '发布'].join('|')})`);
/** Sentences near the top where the outlet line stands. */
const OUTLET_SENTENCES = 6;

/**
 * When a report says only 来我市考察, the destination is the writer's own place, named by the local outlet at the
 * top of the page (报纸名称：张家口日报): cited from that line.
 */
function withWriterPlace(found: Array<Cited<string>>, sentences: readonly TourSentence[], home: string | null): Array<Cited<string>> {
  if (found.length > 0 || !sentences.some((s) => TO_OUR_PLACE.test(s.view))) return found;
  const homeShort = home ? stripAdminSuffix(foldScript(home)) : null;
  for (const sentence of sentences.slice(0, OUTLET_SENTENCES)) {
    const match = OUTLET.exec(sentence.view);
    if (!match) continue;
    const place = match[1]!.replace(/^(?:来源|名称|报纸名称)[:：]?/, '');
    const at0 = match.index + match[0].indexOf(place);
    // The outlet's place must be a place the article itself names as one (张家口和乌兰察布…).
    const short = stripAdminSuffix(foldScript(place));
    const isPlace = provinceOf(place) !== undefined || sentences.some((t) => t.facts.some((f) => f.kind === 'place' && f.canonical === short)) ||
      sentences.filter((t) => t !== sentence && t.view.includes(place)).length >= 2;
    if (!isPlace || stripAdminSuffix(place) === homeShort) continue;
    return [{ value: sentence.text.slice(at0, at0 + place.length), citation: cite(sentence) }];
  }
  return found;
}

/** Paragraphs about visiting: a visiting verb or a count of sites. */
const VISIT_CUE = /考察|参观|走进|走访|来到|察看|调研|观摩|实地|看了|去了|到了|考察点|瞻仰/;

function sitesOf(sentences: readonly TourSentence[], home: string | null): Array<Cited<string>> {
  const sites: Array<Cited<string>> = [];
  const homeShort = home ? stripAdminSuffix(foldScript(home)) : null;
  const cueByParagraph = new Map<string, boolean>();
  for (const sentence of sentences) if (VISIT_CUE.test(sentence.view)) cueByParagraph.set(sentence.paragraphId, true);
  for (const sentence of sentences) {
    for (const site of sitesInSentence(sentence.view, sentence.facts, cueByParagraph.get(sentence.paragraphId) ?? false)) {
      if (homeShort && site.name.startsWith(homeShort) && !/[村镇乡]/.test(site.name)) continue;
      const value = sentence.text.slice(site.start, site.end);
      const folded = foldScript(value);
      if (sites.some((s) => foldScript(s.value) === folded)) continue;
      sites.push({ value, citation: cite(sentence) });
    }
  }
  return sites;
}

/** Nouns of a stated site count (36个考察点, 12个示范点, 17个参观点); 亮点/重点 are no sites. */
const SITE_NOUN = /^(?:[\u3400-\u9fff]{0,4}(?:考察|参观|观摩|示范|调研|学习|教学|走访)点(?:位)?|点位|点)$/;

function siteCountOf(sentences: readonly TourSentence[]): Cited<number> | null {
  let best: { value: number; rank: number; citation: TourCitation } | null = null;
  for (const sentence of sentences) {
    for (const fact of sentence.facts) {
      if (fact.kind !== 'quantity' || fact.ordinal || fact.bound !== 'exact') continue;
      if (!SITE_NOUN.test(fact.noun) || !/^[个处]$/.test(fact.measure)) continue;
      // The count of the whole trip is written with 考察点; bare 个点 are often per-stop counts.
      const rank = /考察|参观|观摩|示范/.test(fact.noun) ? 2 : 1;
      if (!best || rank > best.rank || (rank === best.rank && fact.value > best.value)) best = { value: fact.value, rank, citation: cite(sentence) };
    }
  }
  return best ? { value: best.value, citation: best.citation } : null;
}

function agreementsOf(sentences: readonly TourSentence[]): Array<Cited<string>> {
  const titled: Array<Cited<string>> = [];
  const phrases: Array<Cited<string>> = [];
  for (const sentence of sentences) {
    for (const fact of sentence.facts) {
      if (fact.kind !== 'document' || !fact.agreement) continue;
      const isTitled = fact.text.startsWith('《');
      const value = isTitled ? sentence.text.slice(fact.start + 1, fact.end - 1) : sentence.text.slice(fact.start, fact.end);
      (isTitled ? titled : phrases).push({ value, citation: cite(sentence) });
    }
  }
  // A titled agreement (《…框架协议》) is the one signed; bare phrases (签署了战略合作协议) only when none is titled.
  const chosen = titled.length > 0 ? titled : phrases.filter((p) => !/^(?:合作)?(?:协议|协议书|备忘录|合同)$/.test(p.value));
  const out: Array<Cited<string>> = [];
  for (const item of chosen) {
    const folded = foldScript(item.value);
    if (out.some((o) => foldScript(o.value).includes(folded))) continue;
    for (let i = out.length - 1; i >= 0; i -= 1) if (folded.includes(foldScript(out[i]!.value))) out.splice(i, 1);
    out.push(item);
  }
  return out;
}

function meetingsOf(sentences: readonly TourSentence[], year: string | null): Array<Cited<string>> {
  const out: Array<Cited<string>> = [];
  for (const sentence of sentences) {
    // Meetings of other years are background (继2023年召开…大会), not the trip's.
    if (!TRIP_CUE.test(sentence.view) || (year && /(?:19|20)\d{2}年/.test(sentence.view) && !sentence.view.includes(`${year}年`))) continue;
    for (const fact of sentence.facts) {
      if (fact.kind !== 'meeting') continue;
      const value = sentence.text.slice(fact.start, fact.end);
      if (value.length < 4 || /^(?:此次|这次|本次|该|会上)/.test(fact.name)) continue;
      const folded = foldScript(value);
      if (out.some((o) => foldScript(o.value).includes(folded))) continue;
      out.push({ value, citation: cite(sentence) });
    }
  }
  return out;
}

const FIGURE_WHAT: Readonly<Record<string, string>> = {
  天: '时间', 日: '时间', 公里: '路程', 千米: '路程', 里: '路程', 万元: '金额', 亿元: '金额', 元: '金额', 美元: '金额',
  名: '人数', 人: '人数', 位: '人数', 项: '项目', 个: '数量', 座: '数量', 家: '数量', 场: '场次',
};

function figuresOf(sentences: readonly TourSentence[], siteCount: Cited<number> | null): Array<Cited<{ value: string; what: string }>> {
  const out: Array<Cited<{ value: string; what: string }>> = [];
  for (const sentence of sentences) {
    if (!TRIP_CUE.test(sentence.view) && !/考察点|公里|天时间/.test(sentence.view)) continue;
    for (const fact of sentence.facts) {
      if (fact.kind !== 'quantity' || fact.ordinal || fact.measure === '%') continue;
      const kind = FIGURE_WHAT[fact.measure];
      // A bare 36个 or 三个省 says nothing without its noun; 6天, 2000多公里 do.
      if (!kind || fact.noun.length > 5 || (/^[个座家]$/.test(fact.measure) && fact.noun.length < 2)) continue;
      // 三元朱村: a small sum in plain 元 is a name more often than money.
      if (fact.measure === '元' && fact.value < 100) continue;
      const what = fact.noun || kind;
      if (siteCount && fact.value === siteCount.value && SITE_NOUN.test(fact.noun) && sentence.paragraphId === siteCount.citation.paragraphId) continue;
      const q = fact as QuantityFact;
      const value = sentence.text.slice(q.start, q.end) + (fact.noun ? sentence.text.slice(q.end, q.end + fact.noun.length) : '');
      if (out.some((o) => o.value.value === value)) continue;
      out.push({ value: { value, what }, citation: cite(sentence) });
    }
  }
  return out.slice(0, 12);
}

/** How often each place (short form) is named in the article: a destination named once in passing is noise. */
function placeMentions(facts: ArticleFacts): Map<string, number> {
  const mentions = new Map<string, number>();
  for (const sentence of facts.sentences) {
    for (const fact of sentence.facts) if (fact.kind === 'place') mentions.set(fact.canonical, (mentions.get(fact.canonical) ?? 0) + 1);
  }
  for (const { word, tag } of tagWords(facts.titleView)) if (tag.startsWith('ns')) mentions.set(stripAdminSuffix(word), (mentions.get(stripAdminSuffix(word)) ?? 0) + 1);
  return mentions;
}

/** The delegation an article is about: the name it writes most, first written first. */
function delegationOf(facts: ArticleFacts, sentences: readonly TourSentence[]): { name: string; citation: TourCitation | null } | null {
  const counts = new Map<string, { count: number; first: number; name: string; citation: TourCitation | null }>();
  const add = (name: string, order: number, citation: TourCitation | null) => {
    const key = foldScript(name);
    const entry = counts.get(key);
    if (entry) {
      entry.count += 1;
      if (!entry.citation && citation) entry.citation = citation;
    } else counts.set(key, { count: 1, first: order, name, citation });
  };
  for (const found of delegationNames(facts.titleView)) add(facts.title.slice(found.start, found.end), -1, null);
  for (const sentence of sentences) {
    for (const found of delegationNames(sentence.view)) {
      const name = sentence.text.slice(found.start, found.end);
      add(name, sentence.order, { paragraphId: sentence.paragraphId, quote: sentence.text });
      // The body's spelling (with citation) replaces the title's when they agree.
      const entry = counts.get(foldScript(name))!;
      if (!entry.citation) entry.citation = cite(sentence);
    }
  }
  // A short reference (专题培训班) counts for the full name it ends (湖南县…专题培训班).
  const entries = [...counts.entries()];
  const credited = entries.map(([key, entry]) => ({
    ...entry,
    count: entry.count + entries.filter(([other]) => other !== key && key.endsWith(other)).reduce((n, [, e]) => n + e.count, 0),
    length: key.length,
  }));
  const best = credited.sort((a, b) => b.count - a.count || b.length - a.length || a.first - b.first)[0];
  return best ? { name: best.name, citation: best.citation } : null;
}

/** The draft of one trip from a set of sentences of an article. */
function draftOf(facts: ArticleFacts, sentences: readonly TourSentence[], index: number, mentions: ReadonlyMap<string, number>): TourDraft {
  const delegation = delegationOf(facts, sentences);
  const leaders = leadersOf(sentences);
  const leaderNames = new Set(leaders.map((l) => foldScript(l.value.name)));
  const home = (delegation && homeOf(foldScript(delegation.name)) && delegation.name.slice(0, homeOf(foldScript(delegation.name))!.length)) ||
    leaders.map((l) => (l.value.title ? homeOf(foldScript(l.value.title)) && l.value.title.slice(0, homeOf(foldScript(l.value.title))!.length) : null)).find(Boolean) ||
    null;
  const homeCitation = delegation && home && delegation.name.startsWith(home) ? delegation.citation : leaders.find((l) => l.value.title?.startsWith(home ?? '\u0000'))?.citation ?? null;
  const dates = tripDates(sentences, facts.dateContext, facts.published, leaderNames);
  const figures = figuresOf(sentences, null);
  // One day written and a longer stay stated (在随后5天里): the end is not given, so it stays empty.
  const longer = figures.some((f) => /天|日/.test(f.value.value) && /[2-9两三四五六七八九十]/.test(f.value.value) && /时间|天/.test(f.value.what));
  // One day written as a departure or arrival (3月28日启程) says when the trip began, not when it ended.
  const departure = dates.single && dates.start !== null && /启程|出发|动身|抵达|飞抵/.test(matchView(dates.start.citation.quote));
  const end = dates.single && (longer || departure) ? null : dates.end;
  const siteCount = siteCountOf(sentences);
  const level = levelFrom(delegation ? foldScript(delegation.name) : null, home ? foldScript(home) : null, leaders.map((l) => foldScript(l.value.title ?? '')));
  return {
    docId: facts.docId,
    index,
    title: facts.title,
    published: facts.published,
    delegation: delegation?.citation ? { value: delegation.name, citation: delegation.citation } : delegation ? { value: delegation.name, citation: { paragraphId: '', quote: '' } } : null,
    from: home ? { value: home, citation: homeCitation ?? { paragraphId: '', quote: '' } } : null,
    level,
    leaders,
    hosts: hostsOf(sentences, leaderNames),
    start: dates.start,
    end,
    destinations: withWriterPlace(
      destinationsOf(sentences, home, mentions, [
        ...sentences.slice(0, 2).map((s) => ({ text: s.text, view: s.view, citation: cite(s) })),
        { text: facts.title, view: facts.titleView, citation: null },
      ], level),
      sentences,
      home,
    ),
    sites: sitesOf(sentences, home),
    siteCount,
    agreements: agreementsOf(sentences),
    meetings: meetingsOf(sentences, dates.start?.value.slice(0, 4) ?? null),
    figures: figuresOf(sentences, siteCount),
  };
}

/** A trip of an overview: its own sentences, leaders and destinations; nothing from the article's title. */
function overviewDraft(facts: ArticleFacts, trip: OverviewTrip, index: number, mentions: ReadonlyMap<string, number>): TourDraft {
  const draft = draftOf({ ...facts, title: '', titleView: '' }, trip.sentences, index, mentions);
  const leaders = trip.leaders.map(({ sentence, person }) => ({
    value: { name: sentence.text.slice(person.start, person.end), title: titleAsWritten(sentence, person) },
    citation: cite(sentence),
  }));
  for (const led of draft.leaders) if (provinceHome(led.value.title ?? '') === trip.home && !leaders.some((l) => l.value.name === led.value.name)) leaders.push(led);
  const delegation = draft.delegation && provinceHome(draft.delegation.value) === trip.home ? draft.delegation : null;
  // The home as the article writes it (雲南, in its own script), from the first sentence naming it.
  const homeSentence = trip.sentences.find((s) => s.view.includes(trip.home));
  const home = delegation && draft.from ? draft.from : homeSentence
    ? { value: homeSentence.text.slice(homeSentence.view.indexOf(trip.home), homeSentence.view.indexOf(trip.home) + trip.home.length), citation: cite(homeSentence) }
    : null;
  return {
    ...draft,
    title: facts.title,
    delegation,
    from: home,
    level: 'province',
    leaders,
    hosts: [],
    destinations: [...trip.destinations.values()].map((d) => ({ value: d.text, citation: cite(d.sentence) })),
  };
}

/** The short form of a home region, its most specific place (浙江省台州市 → 台州, 宜宾市 → 宜宾). */
function homeKey(home: string): string {
  const folded = foldScript(home);
  const province = PROVINCES.find((p) => folded.startsWith(p.name) || folded.startsWith(p.common));
  const rest = province ? folded.slice(folded.startsWith(province.name) ? province.name.length : province.common.length) : '';
  return stripAdminSuffix(rest.length >= 2 ? rest : folded);
}

/** The home of a titled person (宜宾市委书记 → 宜宾; 自治区党委常委、固原市委书记 → 固原), short form; null when none. */
function titleHome(title: string | null): string | null {
  for (const part of (title ? foldScript(title) : '').split('、').reverse()) {
    const home = homeOf(part);
    if (home && !GENERIC_PLACES.has(home)) return homeKey(home);
  }
  return null;
}

/** 宜宾、泸州两市党政代表团 names several delegations, not one. */
const SHARED_GROUP = /[、和与及]|[两二三四五六七八九十多各几][省市县区地]/;

/** Per-sentence readings asked again for every trip start a paragraph may have (sentences are read once). */
const homesBySentence = new WeakMap<TourSentence, Set<string>>();
const leadersBySentence = new WeakMap<TourSentence, Array<Cited<{ name: string; title: string | null }>>>();

function sentenceLeaders(sentence: TourSentence): Array<Cited<{ name: string; title: string | null }>> {
  let leaders = leadersBySentence.get(sentence);
  if (!leaders) leadersBySentence.set(sentence, (leaders = leadersOf([sentence])));
  return leaders;
}

/** The homes a sentence names travelling: its delegations' homes, else the homes in its leaders' titles. */
function travellingHomes(sentence: TourSentence): Set<string> {
  const known = homesBySentence.get(sentence);
  if (known) return known;
  const homes = new Set<string>();
  homesBySentence.set(sentence, homes);
  for (const group of delegationNames(sentence.view)) {
    const home = homeOf(group.name);
    if (home && !SHARED_GROUP.test(group.name)) homes.add(homeKey(home));
  }
  if (homes.size === 0) for (const leader of sentenceLeaders(sentence)) for (const home of [titleHome(leader.value.title)]) if (home) homes.add(home);
  return homes;
}

/**
 * How a report's sentences name its trips. A trip starts at a sentence naming one travelling delegation (or its
 * leaders' home) when that sentence, or the rest of its paragraph before another home is named, gives a date (a day
 * or a month) and the leaders (11月14日，乌兰察布市党政代表团赴北京考察。市委书记X带队。).
 */
const SECTION_READER: SectionReader = {
  startOf(sentences, at) {
    const homes = travellingHomes(sentences[at]!);
    if (homes.size !== 1) return null;
    const home = [...homes][0]!;
    // A day, or at least a month of its own (11月中旬): a year alone dates no trip.
    const dateOf = (s: TourSentence) => s.facts.find((f): f is DateFact => f.kind === 'date' && (f.from.day !== undefined || (f.from.month !== undefined && /月/.test(f.text))) && !DATELINE_AFTER.test(s.view.slice(f.end)));
    const span: TourSentence[] = [];
    let day: DateFact | undefined;
    const leaders: Array<Cited<{ name: string; title: string | null }>> = [];
    for (let j = at; j < sentences.length && sentences[j]!.paragraphId === sentences[at]!.paragraphId && !(day && leaders.length > 0); j += 1) {
      if (j > at && [...travellingHomes(sentences[j]!)].some((h) => h !== home)) break;
      span.push(sentences[j]!);
      day ??= dateOf(sentences[j]!);
      for (const leader of sentenceLeaders(sentences[j]!)) if (!leaders.some((l) => foldScript(l.value.name) === foldScript(leader.value.name))) leaders.push(leader);
    }
    if (!day || leaders.length === 0) return null;
    // 5月上旬 and 5月下旬 are different dates.
    const part = partOfPeriod(day);
    // A month alone spans its days: it sorts before its first day and after its last.
    const sortable = (point: DatePoint, end: boolean) => [point.year ?? 0, point.month ?? 0, point.day ?? (end ? 99 : 0)].map((n) => String(n).padStart(2, '0')).join('-');
    return {
      home,
      leaders: leaders.map((l) => foldScript(l.value.name)),
      dates: JSON.stringify([day.from, day.to, part]),
      from: sortable(day.from, false),
      to: sortable(day.to, true),
      places: span.flatMap((s) => SECTION_READER.placesIn(s)),
    };
  },
  homesIn(sentence) {
    const homes = delegationNames(sentence.view).map((g) => homeOf(g.name)).filter((h): h is string => h !== null).map(homeKey);
    for (const fact of sentence.facts) if (fact.kind === 'person') homes.push(...[titleHome(fact.titles)].filter((h): h is string => h !== null));
    // 宜宾、泸州两市党政代表团: every home of a shared name.
    for (const fact of sentence.facts) if (fact.kind === 'place' && delegationNames(sentence.view).some((g) => fact.start >= g.start && fact.end <= g.end)) homes.push(homeKey(fact.name));
    return homes;
  },
  placesIn(sentence) {
    return sentence.facts.flatMap((f) => (f.kind === 'place' ? [homeKey(f.name)] : []));
  },
};

/** The tours an article reports: one draft for a report, one per trip for an overview or a report of several. Pure. */
export function extractTours(article: Article): TourDraft[] {
  const facts = readArticle(article);
  const mentions = placeMentions(facts);
  const trips = overviewTrips(facts);
  if (trips) return trips.map((trip, i) => overviewDraft(facts, trip, i, mentions));
  // The title of a report of several trips names them together: each trip is read from its own sentences.
  const sections = reportSections(facts.sentences, SECTION_READER);
  if (sections) return sections.map((sentences, i) => draftOf({ ...facts, title: '', titleView: '' }, sentences, i, mentions));
  return [draftOf(facts, facts.sentences, 0, mentions)];
}
