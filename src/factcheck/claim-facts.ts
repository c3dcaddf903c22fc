/**
 * Pure text analysis for fact-checking: reads dates, quantities, places, people, organisations, roles and quotes
 * out of a normalised text, and splits a claim into atomic facts (`extractClaimFacts`). The same reader runs on
 * evidence sentences, so claim and source are compared in one representation.
 */
import { DOMAIN_TERMS, PROVINCES, STOP_WORDS, tagWords } from '../text/index.ts';
import { canonicalPlace, lastDateContext, normaliseClaimText, parseDates, parseQuantities, REGION_ALIASES } from './normalise.ts';
import type {
  AtomicFact,
  ClaimFacts,
  ClaimFrame,
  DatePoint,
  OrgMention,
  PersonMention,
  PlaceMention,
  RoleMention,
  TextAnalysis,
} from './types.ts';

const HAN = /[\u3400-\u9fff]/;
/** Longest organisation name read back from its suffix (南昌中微半导体设备有限公司 is 13). */
const MAX_ORG_CHARS = 16;
/** Longest subject phrase before a group noun (湖南县市区党政正职江浙专题培训班). */
const MAX_FRAME_PREFIX_CHARS = 20;
/** How far before a place a movement verb may stand (前往了 + the place). */
const MOVEMENT_LOOKBEHIND_CHARS = 4;

/** People the domain dictionary knows. */
const KNOWN_PEOPLE: ReadonlySet<string> = new Set(DOMAIN_TERMS.filter((t) => t.tag === 'nr').map((t) => t.word));
/** Places the domain dictionary knows, plus every province spelling and collective names like 江浙. */
const KNOWN_PLACES: ReadonlySet<string> = new Set([
  ...DOMAIN_TERMS.filter((t) => t.tag === 'ns').map((t) => t.word),
  ...PROVINCES.flatMap((p) => [p.name, p.common]),
  ...Object.keys(REGION_ALIASES),
]);
/** Words jieba tags as places that are not places one visits or counts for (全国, 全省, 中国 as a qualifier). */
const NOT_PLACES: ReadonlySet<string> = new Set(['全国', '全省', '全市', '中国', '国内', '国外', '海外', '当地', '本地', '外省', '城市', '省市']);

/** Whether a word is a place name (known, or tagged ns by jieba and at least two characters once shortened). */
export function isPlaceWord(word: string, tag = ''): boolean {
  if (NOT_PLACES.has(word)) return false;
  if (KNOWN_PLACES.has(word) || KNOWN_PLACES.has(canonicalPlace(word))) return true;
  // jieba guesses ns for words like 上市 and 城市: an unknown two-character word ending in an administrative
  // suffix is not taken as a place.
  if (word.length <= 2 && /[省市县区州]$/.test(word)) return false;
  return tag.startsWith('ns') && canonicalPlace(word).length >= 2;
}

/**
 * Official titles that may stand right before a name. Ordered longest first so 省委副书记 wins over 书记.
 * (Not 代表 or 委员: they also start 代表团 and 委员会.)
 */
const TITLES = [
  '常务副省长', '常务副市长', '省委副书记', '市委副书记', '县委副书记', '区委副书记', '省委书记', '市委书记', '州委书记',
  '县委书记', '区委书记', '党工委书记', '秘书长', '副省长', '副市长', '副县长', '副区长', '代省长', '代市长', '代县长',
  '省委常委', '市委常委', '总书记', '书记', '省长', '市长', '县长', '区长', '州长', '部长', '主任', '主席', '厅长', '局长',
  '董事长', '总经理', '院长', '校长',
];
const TITLED_NAME = new RegExp(`(${TITLES.join('|')})\\s?([\\u4e00-\\u9fa5]{2,3}?)(?=[,，、:：(（\\s]|$|[率主出在来赴说指表强讲介一再向到去前与和等])`, 'g');

/** Verbs whose doer identifies the fact: who chaired, who led, who organised, who met whom. */
export const ROLE_VERBS: readonly string[] = ['主持', '率领', '带领', '带队', '率团', '主办', '承办', '会见', '致辞'];
/** Roles whose doer is usually an organisation. */
const ORG_ROLE_VERBS = new Set(['主办', '承办']);

/** Verbs that put a place in the "where someone went / where it happened" slot. */
const MOVEMENT_BEFORE = /(?:前往|来到|抵达|转赴|再赴|走进|赴|到|去|在|于)了?$/;
/** What may separate the places of one list (郴州、永州和常德; route lists use 一 as a dash). */
const LIST_SEPARATOR = /^[、和及与一\s]*$/;

/** Suffixes that end an organisation's name, longest first. */
const ORG_SUFFIXES = [
  '股份有限公司', '有限责任公司', '有限公司', '公司', '集团', '大学', '学院', '研究院', '研究所', '实验室', '纪念馆', '博物馆',
  '展览馆', '展示馆', '示范馆', '科技馆', '中心', '协会', '商会', '银行', '医院', '工厂', '总部', '交易所', '产业园', '商贸城',
  '皮革城', '景区', '组织部', '宣传部', '统战部', '委员会', '办公室', '管委会',
].sort((a, b) => b.length - a.length);
/** Where an organisation's name starts: after these words (考察了|南昌中微…). */
const ORG_LEFT_BOUNDARY = /(?:考察|参观|走进|走访|来到|前往|调研|签署|签订|会见|主办|承办|举办|召开|包括|看了|去了|了|的|在|到|赴|与|和|及|同|对|向|从|由|被|把|是|有|为|去|看)/g;
/** Organisations from the domain dictionary (tag nt), except group nouns and news outlets handled elsewhere. */
const KNOWN_ORGS: readonly string[] = DOMAIN_TERMS.filter((t) => t.tag === 'nt').map((t) => t.word);

/** Group nouns that name who a claim is about, with their class (代表团 and 考察团 are the same kind of group). */
const GROUP_NOUNS: ReadonlyArray<readonly [string, string]> = [
  ['党政代表团', 'delegation'],
  ['党政考察团', 'delegation'],
  ['代表团', 'delegation'],
  ['考察团', 'delegation'],
  ['考察组', 'delegation'],
  ['访问团', 'delegation'],
  ['专题培训班', 'training'],
  ['培训班', 'training'],
  ['调研组', 'team'],
  ['督导组', 'team'],
];
const GROUP_NOUN_SET = new Set(GROUP_NOUNS.map(([noun]) => noun));

/** Every group noun of a class (for finding the subject in an article). */
export function groupNounsOfClass(groupClass: string): string[] {
  return GROUP_NOUNS.filter(([, c]) => c === groupClass).map(([noun]) => noun);
}

/** Verbs of agreements: "签署…协议" is one event fact; 签订 says the same. */
const AGREEMENT_VERBS = ['签署', '签订', '签约'];
const AGREEMENT_OBJECT = /^(?:了)?([\u4e00-\u9fa5《》]{2,20}?(?:协议|合同|备忘录|协定|意向书|合作书))/;

/** Words that carry no checkable content in a claim (这次, 期间, 先后). */
const FILLER_WORDS: ReadonlySet<string> = new Set([
  '这次', '此次', '本次', '那次', '期间', '一共', '共计', '先后', '曾经', '已经', '正在', '一连', '过程', '其中', '当时',
  '以及', '还有', '分别', '进行', '开展', '有关', '相关', '主要', '一起', '之间', '通过', '情况', '方面', '超过', '共有',
]);
/** jieba tags of words that are not content (particles, prepositions, conjunctions, pronouns, numerals, punctuation). */
const NON_CONTENT_TAG = /^(?:u|p|c|r|m|q|x|y|e|o|w|d|f|zg|uj|ul|ud|ug|uz|uv)/;

/** A word with its position in the analysed text. */
interface PositionedWord {
  word: string;
  tag: string;
  start: number;
  end: number;
}

function positionedWords(text: string): PositionedWord[] {
  const words: PositionedWord[] = [];
  let cursor = 0;
  for (const { word, tag } of tagWords(text)) {
    const at = text.indexOf(word, cursor);
    if (at === -1) continue;
    words.push({ word, tag, start: at, end: at + word.length });
    cursor = at + word.length;
  }
  return words;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Options for `analyseText`. */
export interface AnalyseOptions {
  /** The date in force before this text (month of a preceding 10月8日 for a following 21日). */
  inheritDate?: DatePoint;
  /** Text already normalised with `normaliseClaimText` (skip normalising again). */
  normalised?: boolean;
}

/** Reads every checkable mention out of a text. Pure (jieba is deterministic). */
export function analyseText(raw: string, options: AnalyseOptions = {}): TextAnalysis {
  const text = options.normalised ? raw : normaliseClaimText(raw);
  const words = positionedWords(text);
  const dates = parseDates(text, options.inheritDate);
  const orgs = findOrgs(text);
  const persons = findPersons(text, words).filter((p) => !orgs.some((o) => overlaps(o, p)));
  const places = findPlaces(text, words, orgs, persons);
  const quantities = parseQuantities(text, dates, (word) => isPlaceWord(word));
  const roles = findRoles(text, persons, orgs);
  const quotes = [...text.matchAll(/[“"「《]([^”"」》]{2,60})[”"」》]/g)].map((m) => m[1]!);
  return { text, dates, quantities, places, persons, orgs, roles, quotes };
}

/** The date context a text leaves behind (for the next sentence of the same passage). */
export function dateContextAfter(analysis: TextAnalysis, inherit: DatePoint = {}): DatePoint {
  return lastDateContext(analysis.dates, inherit);
}

function findPersons(text: string, words: readonly PositionedWord[]): PersonMention[] {
  const persons: PersonMention[] = [];
  const add = (name: string, title: string | null, start: number) => {
    const end = start + name.length;
    if (persons.some((p) => overlaps(p, { start, end }))) return;
    persons.push({ name, title, start, end });
  };
  for (const word of words) {
    if (KNOWN_PEOPLE.has(word.word)) add(word.word, titleBefore(text, word.start), word.start);
  }
  for (const match of text.matchAll(TITLED_NAME)) {
    const name = match[2]!;
    const start = (match.index ?? 0) + match[0].length - name.length;
    if (isPlaceWord(name) || GROUP_NOUN_SET.has(name) || /[省市县区州委]/.test(name[0]!)) continue;
    add(name, match[1]!, start);
  }
  // jieba's own person guesses are noisy for two-character words (智慧/nr); trust three-character ones.
  for (const word of words) {
    if (word.tag === 'nr' && [...word.word].length === 3 && !isPlaceWord(word.word)) add(word.word, titleBefore(text, word.start), word.start);
  }
  return persons.sort((a, b) => a.start - b.start);
}

function titleBefore(text: string, position: number): string | null {
  const before = text.slice(Math.max(0, position - 6), position).replace(/\s+$/, '');
  return TITLES.find((title) => before.endsWith(title)) ?? null;
}

function findOrgs(text: string): OrgMention[] {
  const orgs: OrgMention[] = [];
  const add = (start: number, end: number) => {
    const span = { start, end };
    const clash = orgs.findIndex((o) => overlaps(o, span));
    if (clash >= 0) {
      if (orgs[clash]!.end - orgs[clash]!.start >= end - start) return;
      orgs.splice(clash, 1);
    }
    orgs.push({ name: text.slice(start, end), start, end });
  };
  for (let i = 0; i < text.length; i++) {
    const suffix = ORG_SUFFIXES.find((s) => text.startsWith(s, i));
    if (!suffix) continue;
    const end = i + suffix.length;
    let start = i;
    while (start > 0 && HAN.test(text[start - 1]!) && i - start < MAX_ORG_CHARS) start -= 1;
    // Cut at the last boundary word inside the run (考察了|南昌中微…): the name starts after it.
    const run = text.slice(start, i);
    let cut = 0;
    for (const match of run.matchAll(ORG_LEFT_BOUNDARY)) cut = (match.index ?? 0) + match[0].length;
    start += cut;
    if (i - start >= 2) add(start, end);
    i = end - 1;
  }
  for (const name of KNOWN_ORGS) {
    if (GROUP_NOUN_SET.has(name)) continue;
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) add(at, at + name.length);
  }
  return orgs.sort((a, b) => a.start - b.start);
}

function findPlaces(text: string, words: readonly PositionedWord[], orgs: readonly OrgMention[], persons: readonly PersonMention[]): PlaceMention[] {
  const places: PlaceMention[] = [];
  for (const word of words) {
    if (!isPlaceWord(word.word, word.tag)) continue;
    if (orgs.some((o) => overlaps(o, word)) || persons.some((p) => overlaps(p, word))) continue;
    // A place followed by a title or 委 is an office (湖南省委书记), still naming the place.
    places.push({ name: canonicalPlace(word.word), surface: word.word, start: word.start, end: word.end, destination: false });
  }
  let previous: PlaceMention | null = null;
  for (const place of places) {
    const gap = previous ? text.slice(previous.end, place.start) : null;
    if (previous?.destination && gap !== null && LIST_SEPARATOR.test(gap)) {
      place.destination = true;
    } else {
      const before = text.slice(Math.max(0, place.start - MOVEMENT_LOOKBEHIND_CHARS), place.start);
      place.destination = MOVEMENT_BEFORE.test(before);
    }
    previous = place;
  }
  return places;
}

function findRoles(text: string, persons: readonly PersonMention[], orgs: readonly OrgMention[]): RoleMention[] {
  const roles: RoleMention[] = [];
  for (const verb of ROLE_VERBS) {
    for (let at = text.indexOf(verb); at !== -1; at = text.indexOf(verb, at + 1)) {
      const clauseStart = Math.max(0, ...[...',;。:!?，；：！？'].map((mark) => text.lastIndexOf(mark, at) + 1));
      const inClause = (span: { start: number; end: number }) => span.start >= clauseStart && span.end <= at;
      const agents = ORG_ROLE_VERBS.has(verb)
        ? orgs.filter(inClause).map((o) => o.name)
        : persons.filter(inClause).map((p) => p.name);
      if (agents.length > 0) roles.push({ verb, agents, start: at });
    }
  }
  return roles.sort((a, b) => a.start - b.start);
}

/** Finds the claim's subject: the first group noun (代表团, 考察团, 培训班…) and the place words before it. */
function findFrame(text: string, places: readonly PlaceMention[]): ClaimFrame | null {
  let best: { at: number; noun: string; groupClass: string } | null = null;
  for (const [noun, groupClass] of GROUP_NOUNS) {
    const at = text.indexOf(noun);
    if (at === -1) continue;
    if (!best || at < best.at || (at === best.at && noun.length > best.noun.length)) best = { at, noun, groupClass };
  }
  if (!best) return null;
  let start = best.at;
  while (start > 0 && HAN.test(text[start - 1]!) && !'的了是在'.includes(text[start - 1]!) && best.at - start < MAX_FRAME_PREFIX_CHARS) start -= 1;
  const inPrefix = places.filter((p) => p.start >= start && p.end <= best.at);
  // The subject phrase starts at its first place (省委书记沈晓明率|湖南省党政代表团); without one it is the noun.
  start = inPrefix[0]?.start ?? best.at;
  const adjacent = inPrefix.find((p) => /^(?:省|市)?(?:党政)?$/.test(text.slice(p.end, best.at)));
  return {
    groupClass: best.groupClass,
    noun: best.noun,
    places: [...new Set(inPrefix.map((p) => p.name))],
    adjacentPlace: inPrefix.length === 1 && adjacent ? adjacent.name : null,
    surface: text.slice(start, best.at + best.noun.length),
  };
}

/**
 * Splits a claim into atomic facts: quantities (37个点, 第2组), dates and ranges, people (with titles stripped for
 * matching), roles (who chaired or led), places (each of a list), organisations, agreements signed, quoted
 * phrases, the subject group (湖南省党政代表团, checked against the whole article) and the remaining content
 * words. Pure.
 */
export function extractClaimFacts(claim: string): ClaimFacts {
  const analysis = analyseText(claim);
  const { text } = analysis;
  const frame = findFrame(text, analysis.places);
  const frameSpan = frame ? { start: text.indexOf(frame.surface), end: text.indexOf(frame.surface) + frame.surface.length } : null;
  const facts: AtomicFact[] = [];
  const covered: Array<{ start: number; end: number }> = [];
  const cover = (start: number, end: number) => covered.push({ start, end });

  if (frame && frameSpan) {
    facts.push({ kind: 'frame', surface: frame.surface, frame });
    cover(frameSpan.start, frameSpan.end);
  }
  for (const date of analysis.dates) {
    facts.push({ kind: 'date', surface: date.surface, date });
    cover(date.start, date.end);
  }
  for (const quantity of analysis.quantities) {
    facts.push({ kind: 'number', surface: quantity.surface, quantity });
    cover(quantity.start, quantity.end);
  }
  for (const quote of analysis.quotes) {
    facts.push({ kind: 'quote', surface: `“${quote}”`, text: quote });
    const at = text.indexOf(quote);
    cover(at - 1, at + quote.length + 1);
  }
  const roleAgents = new Set<string>();
  for (const role of analysis.roles) {
    const agent = role.agents.at(-1)!;
    roleAgents.add(agent);
    facts.push({
      kind: 'role',
      surface: `${agent}${role.verb}`,
      verb: role.verb,
      agent,
      agentKind: ORG_ROLE_VERBS.has(role.verb) ? 'org' : 'person',
    });
    cover(role.start, role.start + role.verb.length);
  }
  for (const person of analysis.persons) {
    if (!roleAgents.has(person.name)) facts.push({ kind: 'person', surface: person.name, name: person.name, title: person.title });
    cover(person.start, person.end);
    if (person.title) cover(person.start - person.title.length, person.start);
  }
  for (const org of analysis.orgs) {
    if (frameSpan && overlaps(org, frameSpan)) continue;
    if (!roleAgents.has(org.name)) facts.push({ kind: 'org', surface: org.name, name: org.name });
    cover(org.start, org.end);
  }
  const seenPlaces = new Set<string>();
  for (const place of analysis.places) {
    if (frameSpan && overlaps(place, frameSpan)) continue;
    cover(place.start, place.end);
    if (seenPlaces.has(place.name)) continue;
    seenPlaces.add(place.name);
    facts.push({ kind: 'place', surface: place.surface, name: place.name, destination: place.destination });
  }
  for (const verb of AGREEMENT_VERBS) {
    const at = text.indexOf(verb);
    if (at === -1) continue;
    const object = AGREEMENT_OBJECT.exec(text.slice(at + verb.length));
    if (!object) continue;
    facts.push({ kind: 'event', surface: `${verb}${object[0]}`, verb, object: object[1]!.replace(/[《》]/g, '') });
    cover(at, at + verb.length + object[0].length);
  }
  for (const word of positionedWords(text)) {
    if (covered.some((span) => overlaps(span, word))) continue;
    if ([...word.word].length < 2 || !HAN.test(word.word)) continue;
    if (STOP_WORDS.has(word.word) || FILLER_WORDS.has(word.word) || NON_CONTENT_TAG.test(word.tag)) continue;
    facts.push({ kind: 'term', surface: word.word, word: word.word });
  }
  return { claim, analysis, frame, facts };
}
