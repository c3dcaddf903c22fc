/**
 * Slot-by-slot comparison of a claim with one article about its subject.
 *
 * Confirmation is local: the facts of a claim must all be found in one window of the article (a paragraph with its
 * neighbours), because a person in one paragraph and a place in another do not make "the person went there".
 * Contradiction is by slot: the article fills the same slot with another value — the person holds another title or
 * someone else did the act, the same place or meeting on another day, the same counted thing with another number,
 * the place written under another parent, or another word between the same words. Everything else is not_found:
 * a wrong "属实" is the worst outcome, so nothing is confirmed by resemblance alone.
 */
import { COPULA_TAIL, abbreviates, countsTheGroup, frameOf, headBefore, townsWritten, framesAgree, compareDates, compareQuantities, matchView, nounsCompatible, sameCountedThing, titleHeld, type DateFact, type Fact, type DateValue, type PersonRole, type QuantityFact, type QuantityValue } from '../facts/index.ts';
import { DOCUMENT_KIND_FAMILIES, GENERIC_PLACES, MEETING_HEADS, expandRegionAlias, NON_FACT_WORDS, ROLE_VERBS, isPlaceName, sameDayPart, OWN_PLACE, PROVINCES, namesProvinceByAbbreviation, placesWithin, SITE_HEADS, STOP_WORDS, TITLES, escapeRegExp, measuresCompatible, placeVariants, stripAdminSuffix, synonymsOf, tagWords, TOTAL_ADVERBS } from '../text/index.ts';
import type { ArticleReading, ArticleSentence } from './article.ts';
import { GROUP_NOUNS, QUANTITY_BOUND_WORD, dayPartAt, holderBefore, officePlace, type Claim, type ClaimFact, type ClaimSubject } from './claim.ts';
import type { MismatchKind } from './types.ts';

/** How one claim fact fares against an article. */
export type FactStatus = 'confirmed' | 'contradicted' | 'not_found';

export interface FactOutcome {
  fact: ClaimFact;
  status: FactStatus;
  /** For a contradiction: what the article says instead (原文为…). */
  source?: string;
  /** The sentence that confirms or contradicts it. */
  sentence?: ArticleSentence;
  mismatchKind?: MismatchKind;
  /** A further sentence for people (率领代表团的是省委书记沈晓明和省长毛伟明). */
  note?: string;
  /** The claim's words the contradiction is about, when wider than the fact (新能源汽车领域). */
  claimText?: string;
}

/** A claim held against one article. */
export interface ArticleJudgement {
  reading: ArticleReading;
  subjectMatches: boolean;
  outcomes: FactOutcome[];
  /** Weighted count of facts confirmed (facts 3, plain words 1): picks the right article. */
  score: number;
  /** The sentences of the best window (the nearest evidence when nothing is confirmed). */
  window: ArticleSentence[];
}

/** Tunable limits of the comparison (defaults in DEFAULT_JUDGE_SETTINGS). */
export interface JudgeSettings {
  /** Paragraphs on each side of a paragraph that form its window. */
  windowRadius: number;
  /** Characters between a subject's place and its group noun in an article (湖南省…党政代表团). */
  maxSubjectGap: number;
  /** Longest differing filler accepted between two anchors as "the same slot, another word". */
  maxSubstitutionChars: number;
  /** Shortest total anchor length (left + right) for a substitution. */
  minSubstitutionAnchor: number;
}

export const DEFAULT_JUDGE_SETTINGS: JudgeSettings = { windowRadius: 1, maxSubjectGap: 12, maxSubstitutionChars: 12, minSubstitutionAnchor: 5 };

const OTHER_ACTS = new RegExp(Object.entries(ROLE_VERBS).filter(([role]) => role !== 'accompany').flatMap(([, verbs]) => verbs.filter((v) => v.length >= 2)).join('|'));

/**
 * Whether a sentence says the person accompanied: 陪同 in the name's clause (在X陪同下; 陪同人员有X), or after it with
 * no other act between (X、Y陪同考察). 市委书记X会见代表团一行，副市长Y陪同考察 says X met, not accompanied.
 */
function accompanyWritten(view: string, name: string): boolean {
  for (let at = view.indexOf(name); at !== -1; at = view.indexOf(name, at + 1)) {
    const clauseStart = Math.max(...[...'，,；;。：:'].map((ch) => view.lastIndexOf(ch, at))) + 1;
    const rest = view.slice(at + name.length);
    const verbAt = Math.min(...ROLE_VERBS.accompany.map((v) => rest.indexOf(v)).filter((i) => i >= 0), Number.POSITIVE_INFINITY);
    if (ROLE_VERBS.accompany.some((v) => view.slice(clauseStart, at).includes(v))) return true;
    if (Number.isFinite(verbAt) && !/[。；;]/.test(rest.slice(0, verbAt)) && !OTHER_ACTS.test(rest.slice(0, verbAt))) return true;
  }
  return false;
}

const CHECKED_ROLES: ReadonlySet<PersonRole> = new Set(['lead', 'chair', 'sign', 'meet', 'accompany']);
const ROLE_NAMES: Readonly<Record<string, string>> = { lead: '率领', chair: '主持', sign: '签署', meet: '会见', accompany: '陪同' };

const TITLE_BEFORE = new RegExp(`(?:${TITLES.map(escapeRegExp).join('|')})$`);
const PUNCTUATION = /[，,。；;！？!?：:\n]/;

/** 我市/本市 in a local outlet's report is its home place (张家口日报: 来我市考察 = 来张家口考察). */
function namesHome(view: string, canonical: string, reading: ArticleReading): boolean {
  return reading.home !== null && reading.home === canonical && /(?:我|本)(?:市|省|县|区)/.test(view);
}

/** Whether a folded text names a place (any spelling: 湖南省/湖南; a region group by its members). */
export function namesPlace(view: string, canonical: string): boolean {
  return (
    placeVariants(canonical).some((variant) => variant.length >= 2 && view.includes(variant)) ||
    namesProvinceByAbbreviation(view, canonical) ||
    tailSynonyms(canonical).some((variant) => view.includes(variant))
  );
}

/** A name ending in a word with synonyms, written with each of them (北岭经济技术开发区 → 北岭经开区). */
function tailSynonyms(name: string): string[] {
  for (let k = Math.min(8, name.length - 2); k >= 2; k -= 1) {
    const synonyms = synonymsOf(name.slice(-k)).filter((w) => w.length >= 2);
    if (synonyms.length > 0) return synonyms.map((w) => name.slice(0, -k) + w);
  }
  return [];
}

function stripMarks(text: string): string {
  return text.replace(/[（）()《》“”"'‘’\s·]/g, '');
}

/** Whether `text` contains `phrase` exactly or its characters in order within a short span (战略合作协议 in 战略合作框架协议). */
export function containsPhrase(text: string, phrase: string, slack = 2): boolean {
  if (!phrase) return true;
  if (text.includes(phrase)) return true;
  const chars = [...phrase];
  if (chars.length < 4) return false;
  for (let start = text.indexOf(chars[0]!); start !== -1; start = text.indexOf(chars[0]!, start + 1)) {
    let at = start;
    let ok = true;
    for (const ch of chars.slice(1)) {
      const next = text.indexOf(ch, at + 1);
      if (next === -1 || next - start >= chars.length + slack) {
        ok = false;
        break;
      }
      at = next;
    }
    if (ok) return true;
  }
  return false;
}

/** Whether a sentence names a site, agreement or meeting (marks ignored; a leading place may be written apart). */
function namesPhrase(view: string, name: string): boolean {
  const text = stripMarks(view);
  const phrase = stripMarks(name);
  if (containsPhrase(text, phrase)) return true;
  // 徐州市规划馆 / 市规划馆: drop a leading place or 市/省 when at least four characters remain (淮海经济区 is
  // no place: its agreement is not any 合作框架协议).
  const split = leadingPlace(phrase);
  const core = split ? split.core : phrase.replace(/^(?:市|省|县|区)/, '');
  return core !== phrase && core.length >= 4 && containsPhrase(text, core);
}

/** A name that starts with a place (余姚市横坎头村 → 余姚市 + 横坎头村), or null. */
function leadingPlace(phrase: string): { place: string; core: string } | null {
  const lead = /^([\u3400-\u9fff]{2,4}?)(?:省|市|县|区)/.exec(phrase);
  if (!lead) return null;
  const tagged = tagWords(lead[0]);
  const stem = tagWords(lead[1]!);
  const isPlace =
    PROVINCES.some((p) => p.common === lead[1]) ||
    (stem.length === 1 && stem[0]!.tag.startsWith('ns')) ||
    // 余姚市 as one place word; a longer stem (淮海经济区) names a region, not a place that heads a site's name.
    (lead[1]!.length <= 3 && tagged.length === 1 && tagged[0]!.tag.startsWith('ns'));
  return isPlace ? { place: lead[0], core: phrase.slice(lead[0].length) } : null;
}

/**
 * A site named under its place (余姚市横坎头村) where the report names the site alone (横坎头村) while that place
 * is in force — named in the sentence or the last place named before it (来到余姚市，走访了…横坎头村).
 */
function namesSiteUnderPlace(sentence: ArticleSentence, name: string, reading: ArticleReading): boolean {
  const split = leadingPlace(stripMarks(name));
  if (!split || split.core.length < 3 || !sentence.view.includes(split.core)) return false;
  // Sites only (…村, …产业园): an office (无锡市委书记) is not the place's 委书记 named anywhere.
  if (!SITE_HEADS.some((head) => split.core.endsWith(head)) && !/[村镇乡]$/.test(split.core)) return false;
  const canonical = stripAdminSuffix(split.place);
  const level = split.place.slice(-1);
  // The place in force at that level: the last one of its level written up to here (来到德清县，调研了…青坞村).
  for (let i = sentence.index; i >= Math.max(0, sentence.index - PLACE_LOOKBACK); i -= 1) {
    const earlier = reading.sentences[i]!;
    const cut = i === sentence.index ? earlier.view.indexOf(split.core) : earlier.view.length;
    const upTo = earlier.view.slice(0, cut);
    if (namesPlace(upTo, canonical)) return true;
    // Another place of that level written before it (a bare city name counts as a city) moves the report away.
    const sameLevel = (f: Fact) =>
      f.kind === 'place' && (f.name.endsWith(level) || (/[市县]/.test(level) && stripAdminSuffix(f.name) === f.name && !PROVINCES.some((p) => p.common === f.name)));
    if (earlier.facts.some((f) => sameLevel(f) && f.end <= cut && f.kind === 'place' && f.canonical !== canonical && !GENERIC_PLACES.has(f.name))) return false;
  }
  return false;
}

/** Heads of meeting names, longest first. */

/**
 * Whether a sentence names a meeting as the claim words it: the same kind of meeting (座谈会 = 交流会…) and every
 * content word of its qualifier (两省交流座谈会 in 两省在成都召开经济社会发展交流座谈会).
 */
function namesMeeting(view: string, name: string): boolean {
  const head = MEETING_HEADS.find((h) => name.endsWith(h));
  if (!head) return false;
  const heads = [head, ...synonymsOf(head)].filter((h) => h.length >= 2);
  if (!heads.some((h) => view.includes(h))) return false;
  const qualifier = name.slice(0, -head.length);
  return tagWords(qualifier).every(({ word }) => word.length < 2 || NON_FACT_WORDS.has(word) || namesTerm(view, word) || namesPlace(view, word));
}

/** The meetings a claim says a person chaired (督导工作动员会由X主持), or none when no chairing is claimed. */
function chairedMeetings(fact: Extract<ClaimFact, { kind: 'person' }>, claim: Claim): string[] {
  if (fact.role !== 'chair') return [];
  return claim.facts.flatMap((f) => (f.kind === 'meeting' ? [f.name] : []));
}

/**
 * Whether a sentence is about one of the meetings: it names it, or says 会议/会上 or the meeting's kind alone
 * (座谈会由…主持) with it the last meeting named before.
 */
function aboutMeeting(sentence: ArticleSentence, meetings: readonly string[], reading: ArticleReading): boolean {
  return meetings.some((m) => {
    if (namesPhrase(sentence.view, m) || namesMeeting(sentence.view, m)) return true;
    const head = MEETING_HEADS.find((h) => m.endsWith(h));
    const pointsBack = /会议|会上/.test(sentence.view) || (head !== undefined && [head, ...synonymsOf(head)].some((h) => h.length >= 2 && sentence.view.includes(h)));
    return pointsBack && lastMeetingIs(m, sentence, reading);
  });
}

/** 会上 (at the meeting) refers back to the last meeting named. */
const AT_THE_MEETING = /^(?:会上|会议上|在会上|会议期间|座谈会上|会后)/;
/** How many sentences back 会上 may refer. */
const MEETING_LOOKBACK = 8;

function lastMeetingIs(name: string, sentence: ArticleSentence, reading: ArticleReading): boolean {
  for (let i = sentence.index - 1; i >= Math.max(0, sentence.index - MEETING_LOOKBACK); i -= 1) {
    const view = reading.sentences[i]!.view;
    if (namesPhrase(view, name) || namesMeeting(view, name)) return true;
    if (MEETING_HEADS.some((h) => view.includes(h))) return false;
  }
  return false;
}

/** Whether a sentence says a word or one of its domain synonyms. */
function namesTerm(view: string, word: string): boolean {
  if (view.includes(word)) return true;
  if (containsContraction(view, word)) return true;
  // "和美乡村"建设 says 和美乡村建设 (the claim drops the marks).
  if (/[“”"「」]/.test(view) && !/[“”"「」]/.test(word) && namesTerm(view.replace(/[“”"「」]/g, ''), word)) return true;
  if (synonymsOf(word).some((w) => w.length >= 2 && view.includes(w))) return true;
  // 川黔: a run of province abbreviations is said where every province of it is named.
  const provinces = expandRegionAlias(word);
  if (provinces && provinces.length >= 2 && provinces.every((p) => namesPlace(view, p))) return true;
  // 率南平市党政代表团: a one-character act word counts before the group it acts on.
  if (synonymsOf(word).some((w) => w.length === 1 && new RegExp(`${escapeRegExp(w)}[^，,。；;]{0,12}?(?:团|组|班)`).test(view)) && ACT_WORDS.some((a) => a === word || synonymsOf(a).includes(word))) return true;
  // 考察学习 = 考察 + 学习: a compound of two synonyms-bearing halves.
  if (word.length === 4) {
    const [a, b] = [word.slice(0, 2), word.slice(2)];
    const has = (w: string) => view.includes(w) || synonymsOf(w).some((s) => s.length >= 2 && view.includes(s));
    if (synonymsOf(a).length > 0 && has(a) && has(b)) return true;
  }
  return word.length >= 4 && containsPhrase(view, word, 1);
}

/** Whether a text writes a longer form of a contracted word (总额 in …总金额…, 发改委 in …发展改革委…). */
function containsContraction(view: string, word: string): boolean {
  if (word.length < 2) return false;
  for (let i = view.indexOf(word[0]!); i !== -1; i = view.indexOf(word[0]!, i + 1)) {
    for (let n = word.length + 1; n <= word.length + 3; n += 1) if (abbreviates(word, view.slice(i, i + n))) return true;
  }
  return false;
}

/** Whether an article is about the claim's subject: a noun of its family, its places, the place before the noun. */
export function subjectMatches(subject: ClaimSubject, reading: ArticleReading, maxGap: number): boolean {
  const nouns = GROUP_NOUNS[subject.family];
  if (!nouns.some((noun) => reading.view.includes(noun))) return false;
  if (!subject.places.every((place) => namesPlace(reading.view, place))) return false;
  if (!subject.words.every((word) => namesTerm(reading.view, word))) return false;
  const last = subject.places.at(-1);
  // 湖南省党政代表团 and 郴州党政代表团 are different delegations even when one article names both places; a
  // training class or a team is named by its topic, so its places only need to be in the article.
  if (!last || subject.family !== 'delegation') return true;
  // 我市党政代表团 in the local paper of that place is its delegation.
  const own = reading.home !== null && (namesPlace(reading.home, last) || namesPlace(last, reading.home)) ? [OWN_PLACE.source] : [];
  const variants = [...placeVariants(last).filter((v) => v.length >= 2).map(escapeRegExp), ...own].join('|');
  return new RegExp(`(?:${variants})[^，,。；;！？\\n]{0,${maxGap}}?(?:${nouns.join('|')})`).test(reading.view);
}

function datesOf(sentence: ArticleSentence): DateFact[] {
  return sentence.facts.filter((f): f is DateFact => f.kind === 'date' && !f.dateline && (f.from.month !== undefined || f.from.day !== undefined || f.from.year !== undefined));
}

/** The year a claim's own date names (2024年6月…), or null. */
function claimYear(claim: Claim): number | null {
  for (const f of claim.facts) if (f.kind === 'date' && f.date.from.year !== undefined) return f.date.from.year;
  return null;
}

/**
 * Whether a sentence tells of the claim's year: the dates it writes, else the one governing it (the trip's 11月11日
 * of the article's year), carry that year, or none says a year. 2024年6月…签下9个项目 is not confirmed by this
 * year's 9个.
 */
function ofYear(sentence: ArticleSentence, year: number | null): boolean {
  if (year === null) return true;
  const own = datesOf(sentence).filter((d) => d.from.year !== undefined);
  const dates = own.length > 0 ? own : sentence.governingDate?.from.year !== undefined ? [sentence.governingDate] : [];
  return dates.length === 0 || dates.some((d) => d.from.year === year || d.to.year === year);
}

/** Days a date spans (a month-level date spans its month). */
function spanDays(date: DateValue): number {
  const from = (date.from.month ?? 0) * 32 + (date.from.day ?? 1);
  const to = (date.to.month ?? date.from.month ?? 0) * 32 + (date.to.day ?? (date.from.day === undefined ? 31 : date.from.day));
  return to - from + 1;
}

/** Whether a date written in a sentence states the claimed date (with its part of the day, when the claim gives one). */
function dateConfirms(fact: Extract<ClaimFact, { kind: 'date' }>, source: DateValue, sentence: ArticleSentence | null): boolean {
  if (compareDates(fact.date, source) !== 'same') return false;
  // 9月23日至28日 covers 9月24日 but does not say anything happened on the 24th: a day is confirmed by that day.
  if (fact.date.from.day !== undefined && !fact.date.period && spanDays(source) > spanDays(fact.date)) return false;
  if (!sentence || !('end' in source)) return !fact.dayPart;
  if (!fact.dayPart) return true;
  return sameDayPart(fact.dayPart, dayPartAt(sentence.view, (source as DateFact).end));
}

const titlesMemo = new WeakMap<ArticleReading, Map<string, string[]>>();

/** The title chains an article writes right before a name (市委副书记、市长), memoised per article. */
function titlesOf(name: string, reading: ArticleReading): string[] {
  let byName = titlesMemo.get(reading);
  if (!byName) {
    byName = new Map();
    titlesMemo.set(reading, byName);
  }
  let titles = byName.get(name);
  if (!titles) {
    titles = readTitles(name, reading);
    byName.set(name, titles);
  }
  return titles;
}

/** The bodies an article writes before a name's title (中国银保监会 in 中国银保监会副主席祝树民). */
function holdersOf(name: string, reading: ArticleReading): Array<{ holder: string; text: string; sentence: ArticleSentence }> {
  const out: Array<{ holder: string; text: string; sentence: ArticleSentence }> = [];
  for (const sentence of reading.sentences) {
    for (let at = sentence.view.indexOf(name); at !== -1; at = sentence.view.indexOf(name, at + 1)) {
      const title = TITLE_BEFORE.exec(sentence.view.slice(Math.max(0, at - 12), at))?.[0];
      if (!title) continue;
      const holder = holderBefore(sentence.view, at - title.length);
      if (holder) out.push({ holder, text: sentence.text.slice(at - title.length - holder.length, at + name.length), sentence });
    }
  }
  return out;
}

const TITLES_ALTERNATION = [...TITLES].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');

/** A post taken after the name (邓文和任组长, 王某担任团长). */
const POST_AFTER = new RegExp(`^(?:同志)?(?:担任|出任|兼任|任)(${[...TITLES].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`);

/** The titles written before a name in its clause, verbatim (副组长、省农业农村厅副厅长), or null. */
export function titlesAsWritten(sentence: ArticleSentence, name: string): string | null {
  const at = sentence.view.indexOf(name);
  if (at < 0) return null;
  const before = sentence.view.slice(Math.max(0, at - 24), at);
  const clause = before.split(/[，,。；;：:]/).at(-1)!.replace(/^.*[由在和与及是为]/, '');
  // Back over the list while each item ends in a title (副组长、省农业农村厅副厅长), not at another person (书记沈晓明、).
  const parts = clause.split('、');
  let kept = 0;
  for (let i = parts.length - 1; i >= 0 && TITLE_BEFORE.test(parts[i]!); i -= 1) kept += parts[i]!.length + (i < parts.length - 1 ? 1 : 0);
  if (kept === 0) return null;
  return sentence.text.slice(at - kept, at);
}

function readTitles(name: string, reading: ArticleReading): string[] {
  const titles = new Set<string>();
  for (const sentence of reading.sentences) {
    for (const fact of sentence.facts) if (fact.kind === 'person' && fact.name === name && fact.titles) titles.add(fact.titles);
    // 组长由中央统战部副部长邹晓东担任: the post before 由 is theirs.
    const postBy = new RegExp(`(${TITLES_ALTERNATION})由[^，,。；;]{0,24}?${escapeRegExp(name)}(?:同志)?(?:担任|出任|兼任)`).exec(sentence.view);
    if (postBy) titles.add(postBy[1]!);
    const written = titlesAsWritten(sentence, name);
    if (written) titles.add(matchView(written));
    for (let at = sentence.view.indexOf(name); at !== -1; at = sentence.view.indexOf(name, at + 1)) {
      const post = POST_AFTER.exec(sentence.view.slice(at + name.length))?.[1];
      if (post) titles.add(post);
      const before = sentence.view.slice(Math.max(0, at - 12), at).replace(/\s+$/, '');
      const title = TITLE_BEFORE.exec(before)?.[0];
      if (title) {
        // The whole chain before the name (市委副书记、市长).
        const chain = /(?:[\u3400-\u9fff]{1,10}、)?[\u3400-\u9fff]{0,4}$/.exec(before)?.[0] ?? title;
        titles.add(chain.endsWith(title) ? chain : title);
      }
    }
  }
  return [...titles];
}

/** The people an article says did a role (率领: everyone named with it), optionally only in some sentences. */
function roleFillers(role: Exclude<PersonRole, null>, sentences: readonly ArticleSentence[]): Array<{ name: string; titles: string | null; sentence: ArticleSentence }> {
  const out: Array<{ name: string; titles: string | null; sentence: ArticleSentence }> = [];
  for (const sentence of sentences) {
    for (const fact of sentence.facts) {
      if (fact.kind === 'person' && fact.role === role && !NOT_NAME.test(fact.name) && !out.some((o) => o.name === fact.name)) out.push({ name: fact.name, titles: fact.titles, sentence });
    }
    for (const name of fillersByPattern(sentence, role)) if (!out.some((o) => o.name === name)) out.push({ name, titles: null, sentence });
    // 带队的是A和B: the people named after it in its clause.
    const named = new RegExp(`(?:${LONG_ROLE_VERBS(role)})(?:的|者)(?:是|为)`).exec(sentence.view);
    if (named) {
      const from = named.index + named[0].length;
      const clauseEnd = sentence.view.slice(from).search(/[，,。；;！？]/);
      const to = clauseEnd < 0 ? sentence.view.length : from + clauseEnd;
      for (const fact of sentence.facts) {
        if (fact.kind === 'person' && fact.start >= from && fact.end <= to && !out.some((o) => o.name === fact.name)) out.push({ name: fact.name, titles: fact.titles, sentence });
      }
    }
  }
  return out;
}

const LONG_ROLE_VERBS = (role: Exclude<PersonRole, null>) => ROLE_VERBS[role].filter((v) => v.length >= 2).join('|');
const rolePatterns = new Map<string, RegExp>();

/** 易炼红…主持 (the verb shortly after the name) or 带队的是…王学丰 (the verb, then 的是, then the name). */
function rolePattern(name: string, role: Exclude<PersonRole, null>): RegExp {
  const key = `${role}\u0000${name}`;
  let pattern = rolePatterns.get(key);
  if (!pattern) {
    const verbs = LONG_ROLE_VERBS(role);
    const who = escapeRegExp(name);
    pattern = new RegExp(`${who}[^，,。；;！？]{0,12}?(?:${verbs})|(?:${verbs})(?:的|者)(?:是|为)[^。；;！？]{0,20}?${who}|在[^。；;！？]{0,20}?${who}[^。；;！？，,]{0,4}的(?:${verbs})下`);
    if (rolePatterns.size > 2000) rolePatterns.clear();
    rolePatterns.set(key, pattern);
  }
  return pattern;
}

/** Whether a sentence says the person did the act: the extractor read the role, or a role pattern names them. */
function saysRole(sentence: ArticleSentence, name: string, role: Exclude<PersonRole, null>): boolean {
  if (sentence.facts.some((f) => f.kind === 'person' && f.name === name && f.role === role)) return true;
  return rolePattern(name, role).test(sentence.view) || fillersByPattern(sentence, role).includes(name);
}

function personInRole(name: string, role: Exclude<PersonRole, null>, sentences: readonly ArticleSentence[]): ArticleSentence | undefined {
  return sentences.find((s) => s.view.includes(name) && saysRole(s, name, role));
}

/** Characters a person's name does not contain (they belong to bodies, places and phrases). */
/** (双方 is a word, not two characters: 方 and 双 are common surnames.) */
const NOT_NAME = /[的了是在和与及等为对向把被将从到赴去来说率带主陪会议委省市县区州长记团组员部厅局处党政府人一谈后前时中]|双方/;

/** Untitled doers the extractor misses: 由易炼红主持, ，王浩主持. */
const FILLER_PATTERNS = new Map<string, RegExp>();

function fillersByPattern(sentence: ArticleSentence, role: Exclude<PersonRole, null>): string[] {
  let pattern = FILLER_PATTERNS.get(role);
  if (!pattern) {
    pattern = new RegExp(`(?:^|由|[，,、和])([\u3400-\u9fff]{2,3}?)(?:同志)?(?:${LONG_ROLE_VERBS(role)})`, 'g');
    FILLER_PATTERNS.set(role, pattern);
  }
  const names: string[] = [];
  for (const match of sentence.view.matchAll(pattern)) {
    if (!NOT_NAME.test(match[1]!)) names.push(match[1]!);
  }
  return names;
}

/** The place written right before a claim place in an article sentence (台州市|黄岩区), if any. */
function parentInArticle(canonical: string, reading: ArticleReading): { parent: string; sentence: ArticleSentence; text: string } | null {
  for (const sentence of reading.sentences) {
    const places = sentence.facts.filter((f) => f.kind === 'place');
    for (const place of places) {
      if (place.kind !== 'place' || place.canonical !== canonical) continue;
      const before = places.find((p) => p.kind === 'place' && p.end === place.start);
      if (before && before.kind === 'place') return { parent: before.canonical, sentence, text: sentence.view.slice(before.start, place.end) };
    }
  }
  return null;
}

/** The place written right before a quantity (浙江有25个 → 浙江; 江苏25个 → 江苏), skipping 有/共/达/为. */
function ownerBefore(view: string, start: number): string | null {
  const before = view.slice(Math.max(0, start - 12), start).replace(/(?:共有|多达|共计|达到|一共|有|共|达|为|是)$/, '');
  for (const province of PROVINCES) {
    if (before.endsWith(province.name) || before.endsWith(province.common)) return province.common;
  }
  return null;
}

/** The confirmations of one fact within a set of sentences. */
function confirmIn(
  fact: ClaimFact,
  sentences: readonly ArticleSentence[],
  reading: ArticleReading,
  claim: Claim,
): ArticleSentence | undefined {
  switch (fact.kind) {
    case 'subject':
      return undefined;
    case 'person': {
      const found = sentences.find((s) => s.view.includes(fact.name));
      if (!found) return undefined;
      if (fact.title && !titlesOf(fact.name, reading).some((chain) => titleHeld(fact.title!, chain))) return undefined;
      // 动员会由X主持: X chairing some other meeting (主持会议 at the feedback) confirms nothing of the one claimed.
      const meetings = chairedMeetings(fact, claim);
      if (meetings.length > 0) return personInRole(fact.name, 'chair', sentences.filter((s) => aboutMeeting(s, meetings, reading)));
      if (fact.role && CHECKED_ROLES.has(fact.role)) return personInRole(fact.name, fact.role, sentences);
      return found;
    }
    case 'date': {
      for (const sentence of sentences) if (datesOf(sentence).some((d) => dateConfirms(fact, d, sentence))) return sentence;
      const first = sentences[0];
      const governing = first?.governingDate;
      if (governing && dateConfirms(fact, governing, null)) {
        return reading.sentences.find((s) => s.facts.includes(governing)) ?? first;
      }
      return undefined;
    }
    case 'quantity': {
      const claimed = withHead(fact.quantity, claim.view, fact.start, fact.end);
      const frame = frameOf(claim.view, fact.start);
      const year = claimYear(claim);
      return sentences.find((s) =>
        ofYear(s, year) &&
        (s.facts.map((f) => (f.kind === 'quantity' ? ordinalWithCounter(f, s.view) : f)).some(
          (f) =>
            f.kind === 'quantity' &&
            (sameCountedThing(claimed, withHead(f, s.view, f.start, f.end)) ||
              countsSameList(claim.view, fact, claimed, s.view, f) ||
              (sameCountedThing({ ...claimed, noun: '' }, { ...f, noun: '' }) && (nounWrittenBefore(claimed.noun, s.view, f.start) || verbWrittenBefore(withHead(f, s.view, f.start, f.end).noun, claim.view, fact.start)))) &&
            framesAgree(frame, frameOf(s.view, f.start)) &&
            compareQuantities(fact.quantity, f) === 'same' &&
            ownersAgree(claim, fact, s, f) &&
            roleAgrees(claim, fact, s, reading),
        ) ||
          listCountOf(fact, s)?.same === true ||
          (() => {
            const at = daysAt(fact, claim, s);
            return at !== null && compareQuantities(fact.quantity, { ...fact.quantity, value: at.days, bound: 'exact' }) === 'same';
          })()),
      );
    }
    case 'place':
      return sentences.find((s) => namesPlace(s.view, fact.canonical) || namesHome(s.view, fact.canonical, reading) || namesPlaceWithin(s.view, fact.canonical, reading));
    case 'meeting':
      return sentences.find((s) => namesPhrase(s.view, fact.name) || namesMeeting(s.view, fact.name) || (AT_THE_MEETING.test(s.view) && lastMeetingIs(fact.name, s, reading)));
    case 'org':
      return sentences.find((s) => namesPhrase(s.view, fact.name) || namesSiteUnderPlace(s, fact.name, reading) || tailSynonyms(stripMarks(fact.name)).some((variant) => s.view.includes(variant)));
    case 'document':
      return sentences.find((s) => namesPhrase(s.view, fact.name) || namesPhrase(plainDocumentWords(s.view), plainDocumentWords(fact.name)));
    case 'term':
      return sentences.find((s) => namesTerm(s.view, fact.name) || namesHome(s.view, fact.name, reading));
  }
}

/**
 * 第五督导调研组 is the fifth 组, as the claim reads it: a bare ordinal takes the counter of the group noun written
 * right after it.
 */
function ordinalWithCounter(f: QuantityFact, view: string): QuantityFact {
  if (!f.ordinal || f.measure) return f;
  const group = /^[\u3400-\u9fff]{0,8}?([组团队])(?![\u3400-\u9fff]{0,1}[长员])/.exec(view.slice(f.end));
  return group ? { ...f, measure: group[1]! } : f;
}

/**
 * A document's name as a draft may paraphrase it (关于海洋经济与产业协作的框架协议 for 《…海洋经济和产业协作框架协议》):
 * without 关于 and the 的 before its kind, with 和 for every conjunction.
 */
function plainDocumentWords(text: string): string {
  return text.replace(/关于/g, '').replace(/的(?=[\u3400-\u9fff]{0,6}(?:协议|备忘录|协定|合同|意向书))/g, '').replace(/[与及同]/g, '和');
}

/** Measure words a tour has one count of whatever is counted (members, days, distance): they pin a slot alone. */
const PINNING_MEASURES: readonly string[] = ['人', '天', '公里', '小时'];

/** The head nouns of a list written right before a number (企业、园区和创新平台17个 → 企业, 园区, 创新平台). */
function listHeadsBefore(view: string, start: number): string[] {
  const clause = (view.slice(Math.max(0, start - 24), start).split(/[，,。；;：:！？!?\s（(]/).at(-1) ?? '').replace(COPULA_TAIL, '');
  const parts = clause.split(/[、和与及]/);
  if (parts.length < 2) return [];
  return parts.map((part) => tagWords(part).at(-1)?.word ?? '').filter((word) => word.length >= 2);
}

/** The list a claim's number counts: its noun and the nouns listed after it (17个企业、园区和平台), or the list
 * written before it (企业、园区和平台共17个). */
function claimListHeads(view: string, fact: { start: number; end: number }, noun: string): string[] {
  if (!noun) return listHeadsBefore(view, fact.start);
  const after = /^、[^，,。；;：:！？!?\s]*/.exec(view.slice(fact.end))?.[0] ?? '';
  const items = after.split(/[、和与及]/).filter((item) => item.length >= 2);
  return [noun, ...items];
}

/**
 * Whether a claim's number counts the same list as a source number written after a list (考察企业、园区和创新平台17个
 * is confirmed by 17个企业、园区和创新平台, not by 17个企业 alone: the 17 are of all three kinds).
 */
function countsSameList(claimView: string, fact: { start: number; end: number }, claimed: QuantityValue, sourceView: string, source: QuantityFact): boolean {
  const sourceHeads = listHeadsBefore(sourceView, source.start);
  if (sourceHeads.length < 2 || !sameCountedThing({ ...claimed, noun: '' }, { ...source, noun: '' })) return false;
  const claimHeads = claimListHeads(claimView, fact, claimed.noun);
  return claimHeads.length === sourceHeads.length && claimHeads.every((head) => sourceHeads.some((h) => nounsCompatible(head, h)));
}

/**
 * Whether the claim's counted noun is written right before the source's number: 培训420人 against 培训学员420人 (a
 * verb of the claim said there), 8期订单班 against 订单培训班8期 (a contraction of the words there).
 */
function nounWrittenBefore(noun: string, view: string, start: number): boolean {
  if (noun.length < 2) return false;
  const clause = (view.slice(Math.max(0, start - 10), start).split(/[，,。；;：:！？!?、\s（(]/).at(-1) ?? '').replace(COPULA_TAIL, '');
  // (整车超过32万辆 against 整车下线突破32万辆: the claim's word is in the clause that leads to the number.)
  if (clause.slice(-8).includes(noun)) return true;
  for (let k = 0; k < clause.length - 1; k += 1) if (clause.slice(k) === noun || abbreviates(noun, clause.slice(k))) return true;
  return false;
}

/** 兑现5.8亿元 against 兑现政策资金31.6亿元: the verb the source writes right before its number is in the claim's clause
 * before its number. */
function verbWrittenBefore(head: string, claimView: string, start: number): boolean {
  if (head.length < 2 || !/^v/.test(tagWords(head)[0]?.tag ?? '')) return false;
  const clause = claimView.slice(Math.max(0, start - 10), start).split(/[，,。；;：:！？!?、\s（(]/).at(-1) ?? '';
  return clause.includes(head);
}


/** Words that open a list of fields or measures (在A、B和C领域; 围绕A、B两个方面). */
const LIST_OPENER = /(?:围绕|聚焦|涵盖|包括|涉及|覆盖|就|在|从|对|将|把|以)$/;

/** A list written right before a noun: its items and whether it is closed (no 等). */
interface CountedList {
  items: string[];
  closed: boolean;
}

/**
 * Lists written right before `noun` in a sentence (在干部培训、产业转移和人才交流方面 → 3 items, closed): the count a
 * list states without a numeral. A numeral before the noun makes it a quantity instead, read elsewhere.
 */
function listsBefore(view: string, noun: string): CountedList[] {
  const lists: CountedList[] = [];
  if (noun.length < 2) return lists;
  for (let at = view.indexOf(noun); at !== -1; at = view.indexOf(noun, at + 1)) {
    let start = at;
    while (start > 0 && at - start < 60 && /[\u3400-\u9fff、“”]/.test(view[start - 1]!) && !LIST_OPENER.test(view.slice(Math.max(0, start - 2), start))) start -= 1;
    const run = view.slice(start, at);
    if (!run.includes('、') && !/[和及与]/.test(run)) continue;
    const closed = !/等$/.test(run);
    const items = run.replace(/等$/, '').split(/、|以及|和|及|与/).map((item) => item.replace(/[“”]/g, ''));
    if (items.length < 2 || items.some((item) => item.length < 2 || item.length > 10 || /\d|[一二两三四五六七八九十][个大项类]$/.test(item))) continue;
    lists.push({ items, closed });
  }
  return lists;
}

/** The count a closed list before the claim's counted noun gives, compared with the claim's number. */
function listCountOf(fact: Extract<ClaimFact, { kind: 'quantity' }>, sentence: ArticleSentence): { list: CountedList; same: boolean } | null {
  const q = fact.quantity;
  if (q.ordinal || !q.noun || q.bound === 'approx' || !measuresCompatible(q.measure, '个')) return null;
  for (const list of listsBefore(sentence.view, q.noun)) {
    if (!list.closed) continue;
    const same = compareQuantities(q, { ...q, value: list.items.length, bound: 'exact' }) === 'same';
    return { list, same };
  }
  return null;
}

/**
 * The number of days a span written for the claim's destination lasts (于4月21日至22日在上海考察 → 2), for a claimed
 * duration (在上海考察了三天); null when the sentence writes no span for it or the claim names no destination.
 */
function daysAt(fact: Extract<ClaimFact, { kind: 'quantity' }>, claim: Claim, sentence: ArticleSentence): { days: number; date: DateFact } | null {
  if (fact.quantity.ordinal || !measuresCompatible(fact.quantity.measure, '天')) return null;
  const places = claim.facts.filter((f): f is Extract<ClaimFact, { kind: 'place' }> => f.kind === 'place' && f.destination);
  if (places.length === 0 || !places.every((p) => namesPlace(sentence.view, p.canonical))) return null;
  if (sentence.facts.some((f) => f.kind === 'quantity' && measuresCompatible(f.measure, '天'))) return null;
  const span = sentence.facts.find((f): f is DateFact => f.kind === 'date' && f.from.day !== undefined && f.to.day !== undefined && !f.inherited && (f.to.day !== f.from.day || f.to.month !== f.from.month));
  if (!span || span.from.month === undefined) return null;
  const day = (p: { month?: number; day?: number }) => Date.UTC(2001, (p.month ?? span.from.month!) - 1, p.day!);
  const days = Math.round((day(span.to) - day(span.from)) / 86_400_000) + 1;
  return days > 0 ? { days, date: span } : null;
}

/** Group nouns an ordinal may stand before (第三巡视组 is the third 组). */
const ORDINAL_GROUP = new RegExp(`^(?:${Object.values(GROUP_NOUNS).flat().join('|')})`);

/**
 * A quantity as its slot reads: the noun written before it standing for its counted noun when none follows it
 * (考察点达35个), and a bare ordinal before a group noun counting that noun's counter (第三巡视组 = 巡视组第三组).
 */
function withHead(q: QuantityFact | QuantityValue, view: string, start: number, end = -1): QuantityValue {
  if (q.ordinal) {
    const group = end >= 0 && !q.measure ? ORDINAL_GROUP.exec(view.slice(end))?.[0] : undefined;
    return group ? { ...q, measure: group.slice(-1) } : q;
  }
  if (q.noun) return q;
  // 12个村: a place counter the noun reader leaves out counts like a measure word (12村).
  const counter = end >= 0 && q.measure === '个' ? /^[村镇乡户]/.exec(view.slice(end))?.[0] : undefined;
  if (counter) return { ...q, measure: counter };
  const head = headBefore(view, start);
  return head ? { ...q, noun: head } : q;
}

/**
 * Whether a source quantity fills the role a claim quantity has when what it counts is not pinned by a noun or a
 * measure (a sum of money, a bare 12个): the words the claim writes before it in its clause — what and whose
 * (甬岳产业合作园首期, 现场签约项目) — are all said in the source's sentence.
 */
function roleAgrees(claim: Claim, fact: Extract<ClaimFact, { kind: 'quantity' }>, sentence: ArticleSentence, reading: ArticleReading): boolean {
  // Only sums, shares and bare 个 need their role: a specific counter (3组, 49场) says what it counts.
  const q = fact.quantity;
  const counted = q.measure === '个' && /^[村镇乡户]/.test(claim.view.slice(fact.end));
  if (q.noun || q.ordinal || counted || !(measuresCompatible(q.measure, '元') || q.measure === '%' || q.measure === '' || q.measure === '个')) return true;
  const clauseStart = Math.max(...[...'，,。；;：:！？!?'].map((ch) => claim.view.lastIndexOf(ch, fact.start - 1))) + 1;
  const head = headBefore(claim.view, fact.start);
  // The group's own name (省委第三督导组) is the subject, not what the number is of.
  const subjectEnd = claim.facts.find((f) => f.kind === 'subject')?.end ?? 0;
  const owners = claim.facts.filter((f) => f.start >= Math.max(clauseStart, subjectEnd) && f.end <= fact.start && f !== fact);
  return owners.every((f) => {
    switch (f.kind) {
      case 'term':
        return f.name === head || NON_FACT_WORDS.has(f.name) || isGenericTerm(f.name) || namesTerm(sentence.view, f.name);
      case 'org':
        return namesPhrase(sentence.view, f.name) || namesSiteUnderPlace(sentence, f.name, reading) || referredBack(sentence, f.name, reading);
      case 'place':
        // Only a place owning the counted thing (在上海的签约项目) is part of its role; 在上饶共深入了15个村 says
        // where the whole visit was.
        if (claim.view[f.end] !== '的') return true;
        return placesInForce(sentence, reading).some((view) => namesPlace(view, f.canonical) || namesHome(view, f.canonical, reading));
      default:
        return true;
    }
  });
}

/**
 * 该公司现有员工186名 after a sentence naming the company: a sentence speaking of the kind alone (该公司, 在产业园)
 * refers back to the institution the sentence before it in the same paragraph names.
 */
function referredBack(sentence: ArticleSentence, name: string, reading: ArticleReading): boolean {
  const head = stripMarks(matchView(name)).slice(-2);
  if (!/^[\u3400-\u9fff]{2}$/.test(head) || !sentence.view.includes(head) || namesPhrase(sentence.view, name)) return false;
  const before = reading.sentences[sentence.index - 1];
  return !!before && before.paragraph === sentence.paragraph && namesPhrase(before.view, name);
}

function ownersAgree(claim: Claim, fact: Extract<ClaimFact, { kind: 'quantity' }>, sentence: ArticleSentence, source: QuantityFact): boolean {
  const claimOwner = ownerBefore(claim.view, fact.start);
  const sourceOwner = ownerBefore(sentence.view, source.start);
  if (claimOwner && sourceOwner) return claimOwner === sourceOwner;
  if (claimOwner) return sentence.view.slice(0, source.start).includes(claimOwner);
  return true;
}

/** Paragraph windows of an article: the sentences of a paragraph and its neighbours. */
function windows(reading: ArticleReading, radius: number): ArticleSentence[][] {
  const byParagraph = new Map<number, ArticleSentence[]>();
  for (const sentence of reading.sentences) {
    const list = byParagraph.get(sentence.paragraph.n) ?? [];
    list.push(sentence);
    byParagraph.set(sentence.paragraph.n, list);
  }
  const numbers = [...byParagraph.keys()].sort((a, b) => a - b);
  return numbers.map((_, i) => numbers.slice(Math.max(0, i - radius), i + radius + 1).flatMap((n) => byParagraph.get(n)!));
}

/** A label paragraph (第二组：) is this short or shorter. */
const MAX_LABEL_CHARS = 20;

/**
 * The part of a report an ordinal in the claim points at (第二组, 第三天): the paragraph after a label paragraph
 * 第二组：, or the sentence that states the ordinal. Null when the claim has no ordinal or the report none like it.
 */
function ordinalSection(claim: Claim, reading: ArticleReading): { sentences: ArticleSentence[] } | null {
  const ordinal = claim.facts.find((f): f is Extract<ClaimFact, { kind: 'quantity' }> => f.kind === 'quantity' && f.quantity.ordinal);
  if (!ordinal) return null;
  for (const sentence of reading.sentences) {
    const hit = sentence.facts.some((f) => f.kind === 'quantity' && f.ordinal && sameCountedThing(ordinal.quantity, f) && compareQuantities(ordinal.quantity, f) === 'same');
    if (!hit) continue;
    const label = sentence.paragraph.text.trim();
    if (label.length <= MAX_LABEL_CHARS && /[:：]$/.test(label)) {
      const next = reading.sentences.filter((s) => s.paragraph.n === sentence.paragraph.n + 1);
      return next.length > 0 ? { sentences: next } : null;
    }
    return { sentences: [sentence] };
  }
  return null;
}

/** A sentence opening with where it happens (在遵义，…; 来到厦门，…), whatever the segmenter makes of the name. */
const OPENS_AT_PLACE = /^(?:[\d一二三四五六七八九十]+日(?:上午|下午|晚上)?[，,]?)?(?:在|来到|抵达|转赴|前往)[\u3400-\u9fff]{2,4}(?:[，,]|期间|时)/;

/** How far back the place in force is looked for (sentences). */
const PLACE_LOOKBACK = 6;

/** The sentence views whose places are in force at a sentence: itself if it names a place, else the last that does. */
function placesInForce(sentence: ArticleSentence, reading: ArticleReading): string[] {
  const hasPlace = (s: ArticleSentence) =>
    s.facts.some((f) => f.kind === 'place' && !GENERIC_PLACES.has(f.name)) || (reading.home !== null && /(?:我|本)(?:市|省|县|区)/.test(s.view)) || OPENS_AT_PLACE.test(s.view);
  if (hasPlace(sentence)) return [sentence.view];
  for (let i = sentence.index - 1; i >= Math.max(0, sentence.index - PLACE_LOOKBACK); i -= 1) {
    const previous = reading.sentences[i]!;
    if (hasPlace(previous)) return [sentence.view, previous.view];
  }
  return [sentence.view];
}

/** One sentence per window; a sentence ending in an ellipsis (格力电器……) runs on into the next. */
function sentenceWindows(reading: ArticleReading): ArticleSentence[][] {
  return reading.sentences.map((sentence, i) => {
    const next = reading.sentences[i + 1];
    return /(?:……|…|\.{3})$/.test(sentence.text) && next && next.paragraph === sentence.paragraph ? [sentence, next] : [sentence];
  });
}

/**
 * Words that may be confirmed anywhere in the right article: verbs of what delegations do (考察, 召开) and words of
 * a synonym group — not content nouns, which must be said where the claim's facts are (新能源汽车 elsewhere in the
 * article does not confirm it in this sentence).
 */
/**
 * A local report that names no province at all (海东日报 on a 督查组 in 我市) is about the province its places lie
 * in: a sentence naming 海东 or 平安区 names 青海 there. A report naming provinces must name the claimed one.
 */
function namesPlaceWithin(view: string, place: string, reading: ArticleReading): boolean {
  let local = localReadings.get(reading);
  if (local === undefined) localReadings.set(reading, (local = !PROVINCES.some((p) => reading.view.includes(p.common))));
  return local && placesWithin(place).some((inner) => view.includes(inner));
}
const localReadings = new WeakMap<ArticleReading, boolean>();

export function isGenericTerm(word: string): boolean {
  if (ACT_WORDS.some((act) => act === word || synonymsOf(act).includes(word))) return true;
  const tagged = tagWords(word);
  return tagged.length === 1 && /^v/.test(tagged[0]!.tag);
}

/** Canonical words of the synonym groups that name what delegations do. */
const ACT_WORDS = ['率领', '考察', '签署', '前往', '会见', '陪同', '主持', '讲话'];

const leadersMemo = new WeakMap<ArticleReading, ReturnType<typeof roleFillers>>();

const weight = (fact: ClaimFact) => (fact.kind === 'term' ? 1 : 3);

/** The places of the groups a paragraph is about: 四川 in 四川省党政代表团…, or in 四川省委书记…率领. */
function groupPlacesOf(sentences: readonly ArticleSentence[], nouns: readonly string[], maxGap: number): string[] {
  const places = new Set<string>();
  const toNoun = new RegExp(`^[^，,。；;：:！？!?\\n]{0,${maxGap}}?(?:${nouns.join('|')})`);
  for (const sentence of sentences) {
    const leads = sentence.facts.some((f) => f.kind === 'person' && f.role === 'lead');
    for (const f of sentence.facts) {
      if (f.kind !== 'place' || GENERIC_PLACES.has(f.name)) continue;
      const after = sentence.view.slice(f.end);
      const named = toNoun.exec(after)?.[0];
      // The place names the group only when nothing but a name runs to the noun: not a title, a person or an act
      // (苏州市委书记鲍振东会见代表团 is the host meeting the group).
      if (named && !/^[^，,。；;]{0,4}(?:与|和|同)/.test(after) && !/书记|长|主任|主席|会见|率|带|陪同|欢迎|接待/.test(named.slice(0, -2))) places.add(f.canonical);
      else if (leads && /^(?:省|市|县|区|州)?委(?:副)?书记/.test(after)) places.add(f.canonical);
    }
  }
  return [...places];
}

/**
 * The sentences that may speak for the claim's group: not those of a paragraph about another group only (in a
 * report of several tours, 四川省党政代表团… says nothing about the 陕西 one). Null when every sentence may.
 */
function groupScope(claim: Claim, reading: ArticleReading, settings: JudgeSettings): ((sentence: ArticleSentence) => boolean) | null {
  const subject = claim.facts.find((f): f is Extract<ClaimFact, { kind: 'subject' }> => f.kind === 'subject');
  if (!subject || subject.subject.places.length === 0) return null;
  const nouns = GROUP_NOUNS[subject.subject.family];
  const byParagraph = new Map<number, ArticleSentence[]>();
  for (const sentence of reading.sentences) byParagraph.set(sentence.paragraph.n, [...(byParagraph.get(sentence.paragraph.n) ?? []), sentence]);
  const excluded = new Set<number>();
  for (const [n, sentences] of byParagraph) {
    const groups = groupPlacesOf(sentences, nouns, settings.maxSubjectGap);
    const ours = groups.some((g) => subject.subject.places.some((p) => p === g || namesPlace(g, p) || namesPlace(p, g)));
    if (groups.length > 0 && !ours) excluded.add(n);
  }
  return excluded.size > 0 ? (sentence) => !excluded.has(sentence.paragraph.n) : null;
}

/**
 * Judges a claim against one article. `scope`, when given, is the part of the article about the claim's tour (a
 * report of several tours); sentences outside it neither confirm nor contradict. Pure.
 */
export function judgeArticle(
  claim: Claim,
  reading: ArticleReading,
  settings: JudgeSettings = DEFAULT_JUDGE_SETTINGS,
  scope: ((sentence: ArticleSentence) => boolean) | null = null,
): ArticleJudgement {
  const subjectFact = claim.facts.find((f): f is Extract<ClaimFact, { kind: 'subject' }> => f.kind === 'subject');
  const subjectOk = subjectFact ? subjectMatches(subjectFact.subject, reading, settings.maxSubjectGap) : true;
  const checkable = claim.facts.filter((f) => f.kind !== 'subject');

  if (!subjectOk) {
    // Not about the claim's subject: nothing in it counts (and nothing more is read).
    return { reading, subjectMatches: false, outcomes: claim.facts.map((fact) => ({ fact, status: 'not_found' })), score: 0, window: [] };
  }
  const own = groupScope(claim, reading, settings);
  const inScope = (sentence: ArticleSentence) => (!scope || scope(sentence)) && (!own || own(sentence));
  const scoped = scope !== null || own !== null;
  const hasFacts = checkable.some((f) => f.kind !== 'term');
  // Every sentence that confirms each fact (with the sentence to quote: a governing date may be written earlier).
  const hits = new Map<ClaimFact, Array<{ at: number; evidence: ArticleSentence }>>();
  for (const fact of checkable) {
    const list: Array<{ at: number; evidence: ArticleSentence }> = [];
    for (const sentence of reading.sentences) {
      if (!inScope(sentence)) continue;
      const evidence = confirmIn(fact, [sentence], reading, claim);
      if (evidence) list.push({ at: sentence.index, evidence });
    }
    hits.set(fact, list);
  }
  let best: { window: ArticleSentence[]; found: Map<ClaimFact, ArticleSentence>; score: number } = { window: [], found: new Map(), score: -1 };
  // A claim of plain words only (…实现了华丽转身) must be said in one sentence (an ellipsis does not end one).
  for (const window of hasFacts ? windows(reading, settings.windowRadius) : sentenceWindows(reading)) {
    const lo = window[0]!.index;
    const hi = window.at(-1)!.index;
    const found = new Map<ClaimFact, ArticleSentence>();
    let score = 0;
    for (const fact of checkable) {
      const hit = hits.get(fact)!.find((h) => h.at >= lo && h.at <= hi);
      if (hit) {
        found.set(fact, hit.evidence);
        score += weight(fact);
      }
    }
    if (score > best.score) best = { window, found, score };
  }
  // Where a site was visited is the place in force at its mention: named in its sentence, or the last place
  // named before it (在成都考察了重庆科学城 is not confirmed by 成都 in one paragraph and the site in the next).
  const sites = [...best.found.entries()].filter(([f]) => f.kind === 'org');
  if (sites.length > 0) {
    for (const [fact] of [...best.found.entries()]) {
      if (fact.kind !== 'place' || fact.parent) continue;
      const inForce = sites.some(([, sentence]) => placesInForce(sentence, reading).some((view) => namesPlace(view, fact.canonical) || namesHome(view, fact.canonical, reading)));
      if (!inForce) best.found.delete(fact);
    }
  }
  // A content word must be said where the facts are: in a sentence that confirms one of them, or next to it.
  // Every place in the window where a confirmed fact is said counts (台州 in the caption and in the paragraph that
  // also says 通化 and 对口合作), not only the first.
  const lo = best.window[0]?.index ?? 0;
  const hi = best.window.at(-1)?.index ?? -1;
  const anchorsAt = [...best.found.entries()]
    .filter(([f]) => f.kind !== 'term')
    .flatMap(([f, s]) => [s, ...hits.get(f)!.filter((h) => h.at >= lo && h.at <= hi).map((h) => reading.sentences[h.at]!)]);
  if (anchorsAt.length > 0) {
    const nearAnchor = (at: number) => {
      const sentence = reading.sentences[at]!;
      return anchorsAt.some((a) => Math.abs(a.index - at) <= 1 && a.paragraph === sentence.paragraph);
    };
    for (const [fact] of [...best.found.entries()]) {
      if (fact.kind !== 'term' || isGenericTerm(fact.name)) continue;
      const near = hits.get(fact)!.find((h) => nearAnchor(h.at));
      if (near) best.found.set(fact, near.evidence);
      else best.found.delete(fact);
    }
  }

  let leaders = scoped ? roleFillers('lead', reading.sentences.filter(inScope)) : leadersMemo.get(reading);
  if (!leaders) {
    leaders = roleFillers('lead', reading.sentences);
    leadersMemo.set(reading, leaders);
  }
  const outcomes: FactOutcome[] = claim.facts.map((fact) => {
    if (fact.kind === 'subject') return { fact, status: subjectOk ? 'confirmed' : 'not_found' };
    const contradiction = contradict(fact, claim, reading, best.window, leaders, settings, inScope, new Set(best.found.keys()));
    // Another tour's part of the report says nothing about this one.
    if (contradiction && (!contradiction.sentence || inScope(contradiction.sentence))) return contradiction;
    const sentence = best.found.get(fact);
    if (sentence) return { fact, status: 'confirmed', sentence };
    // The leader of the tour is a fact of the whole article (named once, at the start).
    if (fact.kind === 'person' && subjectFact && leaders.some((l) => l.name === fact.name) && (!fact.role || fact.role === 'lead')) {
      const confirmed = hits.get(fact)![0]?.evidence;
      if (confirmed) return { fact, status: 'confirmed', sentence: confirmed };
    }
    // A plain word said elsewhere in the same article is confirmed (it is not a slot of its own) when the claim
    // has facts that pin it down; a claim of plain words only must be said in one place.
    if (fact.kind === 'term' && hasFacts && isGenericTerm(fact.name) && namesTerm(reading.view, fact.name)) {
      return { fact, status: 'confirmed', sentence: hits.get(fact)![0]?.evidence };
    }
    return { fact, status: 'not_found' };
  });
  return { reading, subjectMatches: subjectOk, outcomes, score: best.score, window: best.window };
}

/** A contradiction of one fact by the article, or null. */
function contradict(
  fact: ClaimFact,
  claim: Claim,
  reading: ArticleReading,
  window: readonly ArticleSentence[],
  leaders: ReturnType<typeof roleFillers>,
  settings: JudgeSettings,
  inScope: (sentence: ArticleSentence) => boolean = () => true,
  found?: ReadonlySet<ClaimFact>,
): FactOutcome | null {
  switch (fact.kind) {
    case 'person':
      return contradictPerson(fact, claim, reading, window, leaders, inScope);
    case 'date':
      return contradictDate(fact, claim, reading);
    case 'quantity':
      return contradictQuantity(fact, claim, reading, window, inScope);
    case 'place': {
      const section = ordinalSection(claim, reading);
      if (section) {
        const named = section.sentences.some((s) => namesPlace(s.view, fact.canonical));
        const others = section.sentences.flatMap((s) => s.facts.filter((f) => f.kind === 'place' && !GENERIC_PLACES.has(f.name)).map((f) => s.text.slice(f.start, f.end)));
        if (!named && others.length > 0) {
          return { fact, status: 'contradicted', source: [...new Set(others)].join('、'), sentence: section.sentences[0]!, mismatchKind: 'place' };
        }
      }
      const party = contradictVenue(fact, claim, reading) ?? contradictParty(fact, claim, reading) ?? contradictPartner(fact, claim, reading) ?? contradictSitePlace(fact, claim, reading, inScope);
      if (party) return party;
      if (fact.parent) {
        const written = parentInArticle(fact.canonical, reading);
        // 浙江安吉 against 湖州市安吉县: a parent that lies inside the other (or holds it) is the same place's chain.
        const nested = (outer: string, inner: string) => placesWithin(outer).some((n) => n === inner || stripAdminSuffix(n) === inner);
        if (written && written.parent !== fact.parent && !namesPlace(written.parent, fact.parent) && !GENERIC_PLACES.has(written.parent) && !nested(fact.parent, written.parent) && !nested(written.parent, fact.parent)) {
          return { fact, status: 'contradicted', source: written.text, sentence: written.sentence, mismatchKind: 'place' };
        }
      }
      return substitution(fact, claim, reading, window, settings, found);
    }
    case 'org':
    case 'document':
    case 'meeting':
    case 'term':
      return (
        (fact.kind === 'org' ? contradictSitePlace(fact, claim, reading, inScope) : null) ??
        (fact.kind === 'document' ? contradictDocument(fact, reading) : null) ??
        (fact.kind === 'term' || fact.kind === 'org' ? contradictVenue(fact, claim, reading) : null) ??
        (fact.kind === 'term' ? contradictPartner(fact, claim, reading) : null) ??
        substitution(fact, claim, reading, window, settings, found) ??
        nameSubstitution(fact, claim, reading, window, settings, found)
      );
    default:
      return null;
  }
}

/** Verbs of signing a document. */
const SIGNED = /签署|签订|签约|签下|签了|签/;

/**
 * Which document was signed (《甲省 乙省自由贸易港合作框架协议》 against the report's 《甲省 乙省种业合作备忘录》): the
 * report names a signed document of the same parties (the places opening both names) and never the claim's. Null
 * when the report names the claim's document anywhere, or no document of those parties.
 */
function contradictDocument(fact: Extract<ClaimFact, { kind: 'org' | 'document' | 'meeting' | 'term' }>, reading: ArticleReading): FactOutcome | null {
  if (fact.kind !== 'document') return null;
  const claimed = stripMarks(matchView(fact.name));
  if (reading.sentences.some((s) => stripMarks(s.view).includes(claimed))) return null;
  const parties = partiesOf(claimed);
  if (parties.length === 0) return contradictDocumentKind(fact, claimed, reading);
  for (const sentence of reading.sentences) {
    if (!SIGNED.test(sentence.view)) continue;
    for (const f of sentence.facts) {
      if (f.kind !== 'document') continue;
      const written = stripMarks(matchView(f.name));
      const theirs = partiesOf(written);
      if (written === claimed || theirs.length !== parties.length || !parties.every((p, i) => theirs[i] === p)) continue;
      return { fact, status: 'contradicted', source: sentence.text.slice(f.start, f.end), sentence, mismatchKind: 'org' };
    }
  }
  return null;
}

/** A document's name split into its topic and the family of its kind (…产业合作框架协议 → 产业合作, family 0). */
function documentKind(name: string): { topic: string; family: number } | null {
  for (const [family, kinds] of DOCUMENT_KIND_FAMILIES.entries()) {
    const kind = kinds.find((k) => name.endsWith(k));
    if (kind) return { topic: name.slice(0, -kind.length), family };
  }
  return null;
}

/**
 * A document named without its parties (签订了稀土新材料产业合作框架协议) against the report's signed document of the
 * same topic and another kind (《甲市 乙市稀土新材料产业合作备忘录》): contradicted. Null when the report names the
 * claim's kind for that topic, or no document of that topic.
 */
function contradictDocumentKind(fact: Extract<ClaimFact, { kind: 'org' | 'document' | 'meeting' | 'term' }>, claimed: string, reading: ArticleReading): FactOutcome | null {
  const mine = documentKind(claimed);
  if (!mine || mine.topic.length < 4) return null;
  for (const sentence of reading.sentences) {
    if (!SIGNED.test(sentence.view)) continue;
    for (const f of sentence.facts) {
      if (f.kind !== 'document') continue;
      const written = stripMarks(matchView(f.name));
      let rest = written.replace(/^中共/, '');
      for (let lead = leadingPlace(rest); lead; lead = leadingPlace(rest)) rest = lead.core.replace(/^(?:人民政府|政府|委员会)/, '').trim();
      const theirs = documentKind(rest.trim());
      if (!theirs || theirs.topic !== mine.topic) continue;
      if (theirs.family === mine.family) return null;
      return { fact, status: 'contradicted', source: sentence.text.slice(f.start, f.end), sentence, mismatchKind: 'org' };
    }
  }
  return null;
}

/** The places a document's name opens with (甲省乙省…协议 → 甲省, 乙省); empty when it opens with none. */
function partiesOf(name: string): string[] {
  const parties: string[] = [];
  let rest = name.replace(/^中共/, '');
  for (let lead = leadingPlace(rest); lead && parties.length < 3; lead = leadingPlace(rest)) {
    parties.push(lead.place);
    rest = lead.core.replace(/^(?:人民政府|政府|委员会)/, '');
  }
  return parties;
}

/** Where a meeting is held: 在<venue>召开/举行 (the venue a place, a hall, or a train). */
const VENUE = /在([\u3400-\u9fff·]{2,16}?)(?:隆重|正式|顺利|同期)?(?:召开|举行|举办|开幕)/;
/** A claim says it plainly too: 座谈会是在X开的. */
const CLAIMED_VENUE = /在([\u3400-\u9fff·]{2,16}?)(?:隆重|正式|顺利|同期)?(?:召开|举行|举办|开幕|开的|开了|开)/;

/**
 * Where a named meeting was held (座谈会在宁洱县召开 against the report's 座谈会在澜沧县召开; 在无锡市政务服务中心开的
 * against 在无锡太湖饭店召开): the report says the same meeting was held at another venue — another place, or another
 * building in the same place. Null unless the claim names the meeting and places it with 在…召开.
 */
function contradictVenue(fact: ClaimFact, claim: Claim, reading: ArticleReading): FactOutcome | null {
  if (fact.kind !== 'place' && fact.kind !== 'org' && fact.kind !== 'term') return null;
  const claimed = CLAIMED_VENUE.exec(claim.view);
  const meeting = claim.facts.find((f) => f.kind === 'meeting');
  if (!claimed || !meeting || meeting.kind !== 'meeting') return null;
  const venueStart = claimed.index + 1;
  if (fact.start < venueStart || fact.end > venueStart + claimed[1]!.length) return null;
  // Only the first fact inside the venue answers for it (one verdict per venue).
  if (claim.facts.some((f) => f !== fact && f.start >= venueStart && f.start < fact.start)) return null;
  const places = claim.facts.filter((f): f is Extract<ClaimFact, { kind: 'place' }> => f.kind === 'place' && f.start >= venueStart && f.end <= venueStart + claimed[1]!.length);
  const name = stripMarks(matchView(meeting.name));
  for (const sentence of reading.sentences) {
    if (!stripMarks(sentence.view).includes(name)) continue;
    const held = VENUE.exec(sentence.view);
    if (!held) continue;
    const venue = held[1]!;
    const samePlace = places.length === 0 || places.some((p) => namesPlace(venue, p.canonical) || namesPlace(claimed[1]!, stripAdminSuffix(venue)));
    // What is left of each venue once its places are taken out (政务服务中心 against 太湖饭店).
    const building = (text: string) => places.reduce((rest, p) => placeVariants(p.canonical).reduce((r, v) => r.replace(v, ''), rest), text).replace(/^[市省县区]/, '');
    const claimedBuilding = building(claimed[1]!);
    const writtenBuilding = building(venue);
    const sameBuilding = claimedBuilding.length < 2 || writtenBuilding.length < 2 || claimedBuilding.includes(writtenBuilding) || writtenBuilding.includes(claimedBuilding);
    if (samePlace && sameBuilding) return null;
    const at = held.index + 1;
    return { fact, status: 'contradicted', source: sentence.text.slice(at, at + venue.length), sentence, mismatchKind: 'place' };
  }
  return null;
}

/**
 * The partner of a relation (菏泽与聊城开展对口协作 against 菏泽与德州开展对口协作): the report writes the same
 * place joined by 与/和/同 to another one, with the claim's relation word after it. Null when it writes this
 * partner with it, or nothing like it.
 */
function contradictPartner(fact: ClaimFact, claim: Claim, reading: ArticleReading): FactOutcome | null {
  if (fact.kind !== 'place' && fact.kind !== 'term') return null;
  const at = claim.facts.indexOf(fact);
  const before = claim.facts[at - 1];
  if (!before || (before.kind !== 'place' && before.kind !== 'term') || !/^(?:与|和|同)$/.test(claim.view.slice(before.end, fact.start))) return null;
  const clauseEnd = claim.view.slice(fact.end).search(/[，,。；;！？]/);
  const limit = clauseEnd < 0 ? claim.view.length : fact.end + clauseEnd;
  const relation = claim.facts.filter((f) => f.kind === 'term' && f.start >= fact.end && f.end <= limit && !isGenericTerm(f.name) && !NON_FACT_WORDS.has(f.name) && f.name.length >= 2);
  if (relation.length === 0) return null;
  const name = (f: ClaimFact) => (f.kind === 'place' ? f.canonical : f.kind === 'term' ? f.name : '');
  const variants = (f: ClaimFact) => placeVariants(name(f)).filter((v) => v.length >= 2).map(escapeRegExp).join('|');
  const words = relation.map((r) => [r.kind === 'term' ? r.name : '', ...(r.kind === 'term' ? synonymsOf(r.name) : [])].filter((w) => w.length >= 2).map(escapeRegExp).join('|'));
  const pattern = new RegExp(`(?:${variants(before)})(?:市|省|县|区)?(?:与|和|同)([\u3400-\u9fff]{2,6}?)(?:市|省|县|区)?[^，,。；;]{0,12}?(?:${words.join('|')})`);
  let differing: FactOutcome | null = null;
  for (const sentence of reading.sentences) {
    const match = pattern.exec(sentence.view);
    if (!match) continue;
    const partner = stripAdminSuffix(match[1]!);
    if (partner === name(fact) || namesPlace(match[1]!, name(fact)) || namesPlace(name(fact), partner)) return null;
    differing ??= { fact, status: 'contradicted', source: sentence.text.slice(match.index, match.index + match[0].length), sentence, mismatchKind: 'place' };
  }
  return differing;
}

const SIGN_VERB = /签署|签订|签约|签下/;

/**
 * A party to an agreement the report names with other parties (九江市与无锡市签署…协议 against 《九江市人民政府
 * 苏州市人民政府…协议》): the places in the agreement's title, or those written before the signing verb of its
 * sentence, are its parties.
 */
function contradictParty(fact: Extract<ClaimFact, { kind: 'place' }>, claim: Claim, reading: ArticleReading): FactOutcome | null {
  if (fact.destination) return null;
  const document = claim.facts.find((f) => f.kind === 'document' && f.start > fact.end);
  if (!document || document.kind !== 'document') return null;
  if (!SIGN_VERB.test(claim.view.slice(fact.end, document.start))) return null;
  for (const sentence of reading.sentences) {
    if (!namesPhrase(sentence.view, document.name)) continue;
    const signAt = sentence.view.search(SIGN_VERB);
    const titled = sentence.facts.find((f) => f.kind === 'document' && containsPhrase(stripMarks(f.name), stripMarks(document.name)));
    const inTitle = titled ? sentence.facts.filter((f) => f.kind === 'place' && f.start >= titled.start && f.end <= titled.end) : [];
    const parties = inTitle.length >= 2 ? inTitle : signAt > 0 ? sentence.facts.filter((f) => f.kind === 'place' && f.end <= signAt) : [];
    const names = [...new Set(parties.map((f) => (f.kind === 'place' ? f.canonical : '')))];
    if (names.length < 2) continue;
    if (names.some((name) => name === fact.canonical || namesPlace(name, fact.canonical) || namesPlace(fact.canonical, name))) return null;
    const shown = titled && inTitle.length >= 2 ? sentence.text.slice(titled.start, titled.end) : sentence.text.slice(parties[0]!.start, signAt);
    return { fact, status: 'contradicted', source: shown, sentence, mismatchKind: 'place' };
  }
  return null;
}

function contradictPerson(
  fact: Extract<ClaimFact, { kind: 'person' }>,
  claim: Claim,
  reading: ArticleReading,
  window: readonly ArticleSentence[],
  leaders: ReturnType<typeof roleFillers>,
  inScope: (sentence: ArticleSentence) => boolean,
): FactOutcome | null {
  const mentioned = reading.sentences.filter((s) => s.view.includes(fact.name));
  const leadNote = () => {
    const subject = claim.facts.find((f) => f.kind === 'subject');
    const group = subject && subject.kind === 'subject' ? subject.subject.noun : '代表团';
    return leaders.length > 0 ? `率领${group}的是${leaders.map((l) => `${l.titles ?? ''}${l.name}`).join('和')}` : undefined;
  };
  if (fact.title && mentioned.length > 0) {
    const titles = titlesOf(fact.name, reading);
    if (titles.length > 0 && !titles.some((chain) => titleHeld(fact.title!, chain))) {
      const sentence = mentioned.find((s) => titles.some((t) => s.view.includes(`${t}${fact.name}`))) ?? mentioned[0]!;
      // Show the post the claim means when the report gives it another way (副组长 for a claimed 组长).
      const head = fact.title.slice(-2);
      const asWritten = titlesAsWritten(sentence, fact.name) ?? titles[0]!;
      const related = titles.find((t) => t.endsWith(head));
      const written = !asWritten.endsWith(head) && !asWritten.includes(`${head}、`) && related ? related : asWritten;
      return {
        fact,
        status: 'contradicted',
        source: `${written}${fact.name}`,
        sentence,
        mismatchKind: 'person',
        note: `原文中${fact.name}为${written}${fact.role === 'lead' ? `，${leadNote() ?? ''}` : ''}`.replace(/，$/, ''),
      };
    }
  }
  // The place whose office the title is (丽水市委书记 against 衢州市委书记高晓东).
  if (fact.office && mentioned.length > 0) {
    const chains = titlesOf(fact.name, reading);
    const places = chains.map((chain) => ({ chain, place: officePlace(chain) })).filter((c) => c.place !== null);
    const same = (a: string, b: string) => a === b || namesPlace(a, b) || namesPlace(b, a);
    if (places.length > 0 && !places.some((c) => same(c.place!, fact.office!))) {
      const sentence = mentioned.find((s) => s.view.includes(`${places[0]!.chain}${fact.name}`)) ?? mentioned[0]!;
      return { fact, status: 'contradicted', source: `${places[0]!.chain}${fact.name}`, sentence, mismatchKind: 'person', note: `原文中${fact.name}为${places[0]!.chain}` };
    }
  }
  // The body holding the title (中国证监会副主席 against 中国银保监会副主席).
  if (fact.holder && mentioned.length > 0) {
    const holders = holdersOf(fact.name, reading);
    const same = (a: string, b: string) => a.includes(b) || b.includes(a);
    if (holders.length > 0 && !holders.some((h) => same(h.holder, fact.holder!))) {
      return { fact, status: 'contradicted', source: holders[0]!.text, sentence: holders[0]!.sentence, mismatchKind: 'person', claimText: `${fact.holder}${fact.title ?? ''}${fact.name}` };
    }
  }
  if (!fact.role || !CHECKED_ROLES.has(fact.role)) return null;
  const role = fact.role;
  // Who did it: for leading the tour, the whole article; for chairing, signing, meeting, the sentences of the
  // same event (the window, or those naming the claim's meeting or agreement).
  // (A meeting named only by its kind, 座谈会由…主持, is found by that word.)
  const events = claim.facts.filter((f) => f.kind === 'meeting' || f.kind === 'document' || (f.kind === 'term' && MEETING_HEADS.some((head) => f.name.endsWith(head))));
  // Who accompanied is written once for the whole visit (X陪同考察), or in any sentence (在X陪同下): the whole article
  // too, and a name written anywhere beside 陪同 is never contradicted.
  if (role === 'accompany' && reading.sentences.some((s) => accompanyWritten(s.view, fact.name))) return null;
  // (Who chaired a named meeting is read only where that meeting is: the window may hold another meeting's chair.)
  const meetings = chairedMeetings(fact, claim);
  const scope = (
    role === 'lead' || role === 'accompany'
      ? reading.sentences
      : meetings.length > 0
        ? reading.sentences.filter((s) => aboutMeeting(s, meetings, reading))
        : reading.sentences.filter((s) => window.includes(s) || events.some((e) => (e.kind === 'meeting' || e.kind === 'document' || e.kind === 'term') && namesPhrase(s.view, e.name)))
  ).filter(inScope);
  const fillers = role === 'lead' ? leaders : roleFillers(role, scope);
  if (fillers.length === 0 || fillers.some((f) => f.name === fact.name)) return null;
  if (personInRole(fact.name, role, scope.filter((s) => s.facts.some((f) => f.kind === 'person' && f.role === role)))) return null;
  const claimed = claim.facts.filter((f) => f.kind === 'person' && f.role === role).map((f) => (f.kind === 'person' ? f.name : ''));
  if (fillers.some((f) => claimed.includes(f.name)) && role !== 'lead') return null;
  return {
    fact,
    status: 'contradicted',
    claimText: `${fact.name}${ROLE_NAMES[role]}`,
    source: `${fillers.map((f) => `${f.titles ?? ''}${f.name}`).join('、')}${ROLE_NAMES[role]}`,
    sentence: fillers[0]!.sentence,
    mismatchKind: 'person',
    note: role === 'lead' ? `原文中${leadNote()}，而非${fact.title ?? ''}${fact.name}` : undefined,
  };
}

/** Anchors of a claim's date: what the date is the date of (places, sites, meetings, people). */
function dateAnchors(claim: Claim, reading: ArticleReading): Array<(view: string) => number> {
  const anchors: Array<(view: string) => number> = [];
  for (const fact of claim.facts) {
    if (fact.kind === 'place' && fact.destination && !GENERIC_PLACES.has(fact.canonical)) {
      anchors.push((view) =>
        Math.max(-1, ...placeVariants(fact.canonical).filter((v) => v.length >= 2).map((v) => view.indexOf(v)), reading.home === fact.canonical ? view.search(/(?:我|本)(?:市|省|县|区)/) : -1),
      );
    } else if (fact.kind === 'org' || fact.kind === 'meeting' || fact.kind === 'document') {
      anchors.push((view) => (namesPhrase(view, fact.name) || (fact.kind === 'meeting' && namesMeeting(view, fact.name)) ? Math.max(0, view.indexOf(stripMarks(fact.name).slice(0, 2))) : -1));
    } else if (fact.kind === 'person' && !claim.facts.some((f) => (f.kind === 'place' && f.destination) || f.kind === 'org' || f.kind === 'meeting' || f.kind === 'document')) {
      // A person dates an act only when the claim names no place or event: 沈晓明10月21日到衡阳 is dated by 衡阳.
      anchors.push((view) => view.indexOf(fact.name));
    }
  }
  // A site, meeting or agreement the report names dates the claim by itself: 深圳 named in a sentence about an
  // agreement (15日下午…推动赣州与深圳共建) does not date the visit to a site in 深圳.
  const events = claim.facts
    .filter((f): f is ClaimFact & { kind: 'org' | 'meeting' | 'document'; name: string } => f.kind === 'org' || f.kind === 'meeting' || f.kind === 'document')
    .map((fact) => (view: string) => (namesPhrase(view, fact.name) || (fact.kind === 'meeting' && namesMeeting(view, fact.name)) ? Math.max(0, view.indexOf(stripMarks(fact.name).slice(0, 2))) : -1));
  if (events.length > 0 && reading.sentences.some((s) => events.some((a) => a(s.view) >= 0))) return events;
  // No named anchor: the sentence that says every content word of the claim (考察了华为终端总部).
  const terms = claim.facts.filter((f) => f.kind === 'term' && f.name.length >= 2);
  if (anchors.length === 0 && terms.length >= 2) {
    anchors.push((view) => (terms.every((t) => t.kind === 'term' && namesTerm(view, t.name)) ? view.indexOf(terms[0]!.kind === 'term' ? terms[0]!.name : '') : -1));
  }
  return anchors;
}

/** 当天下午 refers back to the last date written. */
const SAME_DAY = /(?:当天|当日|同日|同一天)(上午|中午|下午|晚上|晚间)?/;

function paragraphOf(reading: ArticleReading, date: DateFact) {
  return reading.sentences.find((s) => s.facts.includes(date))?.paragraph;
}

function contradictDate(fact: Extract<ClaimFact, { kind: 'date' }>, claim: Claim, reading: ArticleReading): FactOutcome | null {
  const anchors = dateAnchors(claim, reading);
  let differing: { sentence: ArticleSentence; source: string; hits: number } | null = null;
  let anchoredAny = false;
  for (const sentence of reading.sentences) {
    const positions = anchors.map((a) => a(sentence.view)).filter((at) => at >= 0);
    if (positions.length === 0) continue;
    // A claim that gives only a year is held against years the article writes, not years it implies.
    const yearOnly = fact.date.from.month === undefined && fact.date.from.day === undefined;
    let dates = datesOf(sentence).filter((d) => (yearOnly ? d.from.year !== undefined && !d.inherited : d.from.day !== undefined || d.from.month !== undefined));
    // A sentence without a date happens on the date written just before it in the same paragraph.
    const governing = sentence.governingDate;
    const sameDay = SAME_DAY.exec(sentence.view);
    if (dates.length === 0 && governing && !yearOnly && governing.from.day !== undefined && (sameDay || paragraphOf(reading, governing) === sentence.paragraph)) dates = [governing];
    if (dates.length === 0) continue;
    const at = Math.min(...positions);
    const own = dates.filter((d) => sentence.facts.includes(d));
    const anchorDate = own.filter((d) => d.end <= at).at(-1) ?? own[0] ?? dates[0]!;
    const dateSentence = own.length > 0 ? sentence : (reading.sentences.find((s) => s.facts.includes(anchorDate)) ?? sentence);
    anchoredAny = true;
    // The date of the anchor is the last one written before it (10月8日至9日…来到衡阳，10日转赴娄底: 衡阳's is 8–9).
    const governs = own.some((d) => d.end <= at) ? [anchorDate] : dates;
    if (governs.some((d) => dateConfirms(fact, d, dateSentence))) return null;
    // Two spans of days written for the same place are the same stay: 5月25日至28日 against 5月26日至28日 differs.
    const isSpan = (d: DateValue) => d.from.day !== undefined && d.to.day !== undefined && (d.to.day !== d.from.day || d.to.month !== d.from.month);
    const sameSpan = fact.date.from.day === anchorDate.from.day && fact.date.to.day === anchorDate.to.day && (fact.date.from.month ?? anchorDate.from.month) === anchorDate.from.month;
    const dateDiffers = compareDates(fact.date, anchorDate) === 'different' || (isSpan(fact.date) && isSpan(anchorDate) && !fact.date.period && !sameSpan);
    // The part of the day: after the date, or after 当天 in a sentence that refers back to it.
    const part = own.length > 0 ? dayPartAt(dateSentence.view, anchorDate.end) : (sameDay?.[1] ?? null);
    if (own.length === 0 && fact.dayPart && part && compareDates(fact.date, anchorDate) === 'same' && sameDayPart(fact.dayPart, part)) return null;
    const partDiffers = !dateDiffers && compareDates(fact.date, anchorDate) === 'same' && !!fact.dayPart && !!part && !sameDayPart(fact.dayPart, part);
    if ((dateDiffers || partDiffers) && (!differing || positions.length > differing.hits)) {
      const shown = own.length > 0 ? dateSentence.text.slice(anchorDate.start, anchorDate.end) : sentence.text.slice(0, 0) || dateSentence.text.slice(anchorDate.start, anchorDate.end);
      differing = { sentence: own.length > 0 ? dateSentence : sentence, source: `${shown}${fact.dayPart ? (part ?? '') : ''}`, hits: positions.length };
    }
  }
  if (differing) return { fact, status: 'contradicted', source: differing.source, sentence: differing.sentence, mismatchKind: 'date' };
  // The date of the tour itself: a claim about the subject going somewhere, held against the first dated sentence
  // that names the group (the report's opening).
  const subject = claim.facts.find((f): f is Extract<ClaimFact, { kind: 'subject' }> => f.kind === 'subject');
  const others = claim.facts.filter((f) => f.kind === 'org' || f.kind === 'meeting' || f.kind === 'document' || f.kind === 'person');
  if (!subject || others.length > 0 || anchoredAny) return null;
  const nouns = GROUP_NOUNS[subject.subject.family];
  const opening = reading.sentences.find((s) => nouns.some((n) => s.view.includes(n)) && datesOf(s).some((d) => d.from.day !== undefined));
  if (!opening) return null;
  const tourDate = datesOf(opening).find((d) => d.from.day !== undefined)!;
  if (compareDates(fact.date, tourDate) !== 'different') return null;
  return { fact, status: 'contradicted', source: opening.text.slice(tourDate.start, tourDate.end), sentence: opening, mismatchKind: 'date' };
}

/** Measures a group's size is counted in. */
const GROUP_COUNT_MEASURES: readonly string[] = ['人', '名', '位', '万人'];

function contradictQuantity(
  fact: Extract<ClaimFact, { kind: 'quantity' }>,
  claim: Claim,
  reading: ArticleReading,
  window: readonly ArticleSentence[],
  inScope: (sentence: ArticleSentence) => boolean = () => true,
): FactOutcome | null {
  const slots: Array<{ sentence: ArticleSentence; quantity: QuantityFact }> = [];
  const claimed = withHead(fact.quantity, claim.view, fact.start, fact.end);
  // (Another tour's part of a review article holds another tour's figures: its equal number confirms nothing.)
  for (const sentence of reading.sentences.filter(inScope)) {
    if (statesClaimedCount(claim, fact, claimed, sentence)) return null;
    for (const f of sentence.facts) {
      if (f.kind !== 'quantity' || !ownersAgree(claim, fact, sentence, f) || !roleAgrees(claim, fact, sentence, reading)) continue;
      // A count written under the same owner (浙江有25个 / 浙江15个) is the same slot even without a noun.
      const claimOwner = ownerBefore(claim.view, fact.start);
      const sameOwner = claimOwner !== null && ownerBefore(sentence.view, f.start) === claimOwner;
      const source = withHead(f, sentence.view, f.start, f.end);
      // (考察企业、园区和创新平台17个 counts each noun of its list: 17个企业 is that slot.)
      // (培训420人 is 培训学员420人: the claim's word before its number written right before the source's.)
      const listed =
        sameCountedThing({ ...claimed, noun: '' }, { ...f, noun: '' }) &&
        ((!!claimed.noun && (listHeadsBefore(sentence.view, f.start).some((h) => nounsCompatible(h, claimed.noun)) || nounWrittenBefore(claimed.noun, sentence.view, f.start))) ||
          verbWrittenBefore(source.noun, claim.view, fact.start));
      if (!(sameSlot(claimed, source) || listed || (sameOwner && sameCountedThing(claimed, source)))) continue;
      if (!framesAgree(frameOf(claim.view, fact.start), frameOf(sentence.view, f.start))) continue;
      // (The same counted noun on both sides pins the slot by itself: 8个省份派出 against 9个省份组织; so does a
      // group's size on both sides: 共组织32人赴… against …，共23人.)
      const groupSizes = GROUP_COUNT_MEASURES.includes(fact.quantity.measure) && countsTheGroup({ ...fact.quantity, start: fact.start, end: fact.end }, claim.view) && countsTheGroup(f, sentence.view);
      if (!(claimed.noun && claimed.noun === source.noun) && !groupSizes && !contextSaid(claim, fact, sentence.view)) continue;
      // 100名茶农 is not the delegation's 一行26人: a count of people of a named kind needs that kind in the source.
      // (The kind may be written before the number, 新招员工650人; a verb there, 共组织32人, names no kind.)
      const kind = countsNamedPeople(fact.quantity) ? fact.quantity.noun : countsNamedPeople(claimed) && !/^v/.test(tagWords(claimed.noun)[0]?.tag ?? '') ? claimed.noun : '';
      if (kind && !f.noun && !namesTerm(sentence.view, kind)) continue;
      // 一行共有60余人 is the group's size: only a count of the group (一行38人) speaks of it, not 搬迁群众12.4万人.
      if (GROUP_COUNT_MEASURES.includes(fact.quantity.measure) && countsTheGroup({ ...fact.quantity, start: fact.start, end: fact.end }, claim.view) && !countsTheGroup(f, sentence.view)) continue;
      const result = compareQuantities(fact.quantity, f);
      if (result === 'same') return null;
      if (result === 'different') slots.push({ sentence, quantity: f });
    }
  }
  if (slots.length === 0) return contradictListCount(fact, claim, reading, window) ?? contradictDuration(fact, claim, reading);
  const inWindow = slots.find((s) => window.includes(s.sentence));
  const valuesOf = (list: typeof slots) => new Set(list.map((s) => `${s.quantity.value}${s.quantity.bound}`));
  // Several counts of the thing (per province, per day): the one the report gives for the tour itself — in a
  // sentence naming the subject — decides, if it is one.
  const subject = claim.facts.find((f): f is Extract<ClaimFact, { kind: 'subject' }> => f.kind === 'subject');
  const ofTour = subject
    ? slots.filter((s) => GROUP_NOUNS[subject.subject.family].some((n) => s.sentence.view.includes(n)))
    : [];
  const chosen = inWindow ?? (valuesOf(slots).size === 1 ? slots[0] : valuesOf(ofTour).size === 1 ? ofTour[0] : undefined);
  if (!chosen) return null;
  const q = chosen.quantity;
  const end = q.end + (q.noun && chosen.sentence.view.startsWith(q.noun, q.end) ? q.noun.length : 0);
  return { fact, status: 'contradicted', source: chosen.sentence.text.slice(q.start, end), sentence: chosen.sentence, mismatchKind: 'number' };
}

/**
 * A sentence that gives the claimed count itself, with the claim's words around it, never contradicts it with a
 * part it breaks the count into (共开展7批互访，其中赴外地4批 is 7批 said, not 4批 against it).
 */
function statesClaimedCount(claim: Claim, fact: Extract<ClaimFact, { kind: 'quantity' }>, claimed: QuantityValue, sentence: ArticleSentence): boolean {
  return sentence.facts.some((f) => {
    if (f.kind !== 'quantity' || f.value !== fact.quantity.value || f.bound !== fact.quantity.bound) return false;
    const source = withHead(f, sentence.view, f.start, f.end);
    return (
      sameCountedThing({ ...claimed, noun: '' }, { ...source, noun: '' }) &&
      (!claimed.noun || !source.noun || nounsCompatible(claimed.noun, source.noun)) &&
      framesAgree(frameOf(claim.view, fact.start), frameOf(sentence.view, f.start)) &&
      ownersAgree(claim, fact, sentence, f) &&
      contextSaid(claim, fact, sentence.view)
    );
  });
}

/** How far around a claim's number its own words are read (before it; after its measure and noun). */
const CONTEXT_BEFORE = 6;
const CONTEXT_AFTER = 8;
const CONTEXT_TAG = /^(?:v|vn|n|nz|an)$/;

/**
 * A count that names no counted noun on one side is pinned by the claim's words around it: 已有300人在当地购房落户
 * is not 务工1426人, 派驻5名工作人员 is not 就业2860人. One content word of the number's clause, before it or after
 * it, must be said in the source sentence; a clause with none (一行60余人) pins nothing more.
 */
export function contextSaid(claim: Claim, fact: Extract<ClaimFact, { kind: 'quantity' }>, sourceView: string): boolean {
  const view = claim.view;
  const clauseStart = Math.max(...[...'，,。；;！？!?：:'].map((p) => view.lastIndexOf(p, fact.start - 1))) + 1;
  const after = fact.end + (view.startsWith(fact.quantity.noun, fact.end) ? fact.quantity.noun.length : 0);
  const stop = view.slice(after).search(/[，,。；;！？!?：:]/);
  const clauseEnd = stop < 0 ? view.length : after + stop;
  const from = Math.max(clauseStart, fact.start - CONTEXT_BEFORE);
  const to = Math.min(clauseEnd, after + CONTEXT_AFTER);
  // The claim's own content words (the parser drops fragments and stop words), those the window touches: at least
  // half of them must be said (安排…支持桐溪 is 安排 said; 务工人员…在南岗创办了企业 is one word of three).
  type Term = Extract<ClaimFact, { kind: 'org' | 'document' | 'meeting' | 'term' }>;
  const content = (f: ClaimFact): f is Term =>
    f.kind === 'term' && f.name.length >= 2 && CONTEXT_TAG.test(tagWords(f.name)[0]?.tag ?? '') && !TOTAL_ADVERBS.includes(f.name) && !QUANTITY_BOUND_WORD.test(f.name);
  const terms = claim.facts.filter(content);
  const following = terms.filter((f) => f.start >= after && f.start < to).map((f) => f.name);
  const preceding = terms.filter((f) => f.end <= fact.start && f.end > from).map((f) => f.name);
  const words = [...following, ...preceding];
  return words.filter((w) => namesTerm(sourceView, w)).length * 2 >= words.length;
}

/** Measure words that count people. */
const PERSON_COUNTERS: ReadonlySet<string> = new Set(['人', '名', '位', '人次']);
/** Nouns for the members of a group itself (its size is the 一行N人 of the report). */
const MEMBER_NOUN = /成员|人员|团员|队员|代表|学员|同志/;

/** A count of people of a named kind (100名茶农, 30名企业家), not of a group's own members: no head count answers it. */
export function countsNamedPeople(quantity: { measure: string; noun: string }): boolean {
  return PERSON_COUNTERS.has(quantity.measure) && quantity.noun.length >= 2 && !MEMBER_NOUN.test(quantity.noun);
}

/** Measure words that count places (三省, 两市): before a noun they modify it. */
const PLACE_COUNTERS = /^[省市县区州镇乡村地国]$/;

/** Verbs of visiting between a place and a site (在隆化县考察了…产业园). */
const VISITED = /考察|参观|察看|调研|走访|观摩|来到|走进/;

/**
 * 在甲县考察了某产业园 where every mention of that site stands under another place of the same level (来到乙县，考察了
 * 某产业园): the site was visited there, not in the claimed place.
 */
function contradictSitePlace(fact: ClaimFact, claim: Claim, reading: ArticleReading, inScope: (sentence: ArticleSentence) => boolean): FactOutcome | null {
  const level = claim.view[fact.end - 1] ?? '';
  // (A village or town may be read as a name of its own: 在云崖村考察了…)
  if (fact.kind !== 'place' && fact.kind !== 'org') return null;
  if (!/[县区市镇乡村]/.test(level) || (fact.kind === 'org' && !/[镇乡村]/.test(level))) return null;
  const canonical = fact.kind === 'place' ? fact.canonical : stripMarks(fact.name);
  const site = claim.facts.find((f) => f.kind === 'org' && f.start >= fact.end && !PUNCTUATION.test(claim.view.slice(fact.end, f.start)) && VISITED.test(claim.view.slice(fact.end, f.start)));
  if (!site || site.kind !== 'org' || stripMarks(site.name).length < 4) return null;
  const others = new Map<string, { text: string; sentence: ArticleSentence }>();
  for (const sentence of reading.sentences) {
    if (!inScope(sentence) || !namesPhrase(sentence.view, site.name)) continue;
    const placed = placeAtLevel(sentence, sentence.view.indexOf(stripMarks(site.name).slice(0, 2)), level, reading);
    if (!placed) return null;
    if (placed.canonical === canonical || namesPlace(placed.text, canonical) || namesPlace(canonical, placed.canonical)) return null;
    others.set(placed.canonical, { text: placed.text, sentence });
  }
  if (others.size !== 1) return null;
  const [other] = [...others.values()];
  return { fact, status: 'contradicted', source: other!.text, sentence: other!.sentence, mismatchKind: 'place' };
}

/** The last place of a level (县, 镇…) written before position `at` of a sentence, or in the sentences before it. */
function placeAtLevel(sentence: ArticleSentence, at: number, level: string, reading: ArticleReading): { canonical: string; text: string } | null {
  for (let i = sentence.index; i >= Math.max(0, sentence.index - PLACE_LOOKBACK); i -= 1) {
    const earlier = reading.sentences[i]!;
    if (earlier.paragraph !== sentence.paragraph && i !== sentence.index) break;
    const cut = i === sentence.index && at >= 0 ? at : earlier.view.length;
    // The site's own name may open with its place (青石县光伏产业园).
    const named = i === sentence.index ? earlier.facts.find((f) => f.kind === 'org' && f.start <= at && at < f.end) : undefined;
    const own = named ? new RegExp(`^[\u3400-\u9fff]{2,3}?${level}`).exec(earlier.view.slice(named.start, named.end))?.[0] : undefined;
    if (own && own.length < (named!.end - named!.start) - 2) return { canonical: stripAdminSuffix(own), text: earlier.text.slice(named!.start, named!.start + own.length) };
    // (Towns and villages the extractor does not know are read where they are written: 来到石桥乡新桥村，考察了…)
    const places = [...earlier.facts, ...townsWritten(earlier.text, earlier.view)]
      .filter((f): f is Extract<Fact, { kind: 'place' }> => f.kind === 'place' && f.end <= cut && earlier.view[f.end - 1] === level && !GENERIC_PLACES.has(f.name))
      .sort((a, b) => a.end - b.end);
    const last = places.at(-1);
    if (last) return { canonical: last.canonical, text: earlier.text.slice(last.start, last.end) };
  }
  return null;
}

/** A claimed duration at a place against the span the report writes for that place (三天 against 4月21日至22日). */
function contradictDuration(fact: Extract<ClaimFact, { kind: 'quantity' }>, claim: Claim, reading: ArticleReading): FactOutcome | null {
  for (const sentence of reading.sentences) {
    const at = daysAt(fact, claim, sentence);
    if (!at) continue;
    if (compareQuantities(fact.quantity, { ...fact.quantity, value: at.days, bound: 'exact' }) !== 'different') return null;
    return { fact, status: 'contradicted', source: `${sentence.text.slice(at.date.start, at.date.end)}（${at.days}天）`, sentence, mismatchKind: 'number' };
  }
  return null;
}

/**
 * A closed list before the claim's counted noun with another number of items (在A、B和C方面 against 四个方面): a
 * contradiction when it is the list the claim means — one naming an item the claim names, or the one list of
 * that noun in the claim's window.
 */
function contradictListCount(fact: Extract<ClaimFact, { kind: 'quantity' }>, claim: Claim, reading: ArticleReading, window: readonly ArticleSentence[]): FactOutcome | null {
  const named = claim.facts.filter((f) => f.kind === 'term').map((f) => (f.kind === 'term' ? f.name : ''));
  const found: Array<{ sentence: ArticleSentence; list: CountedList; same: boolean }> = [];
  for (const sentence of reading.sentences) {
    const counted = listCountOf(fact, sentence);
    if (counted) found.push({ sentence, ...counted });
  }
  const meant = found.filter((f) => f.list.items.some((item) => named.some((word) => item.includes(word)))) ;
  const candidates = meant.length > 0 ? meant : found.filter((f) => window.includes(f.sentence));
  if (candidates.length !== 1 || candidates[0]!.same) return null;
  const { sentence, list } = candidates[0]!;
  if (!contextSaid(claim, fact, sentence.view)) return null;
  return { fact, status: 'contradicted', source: `${list.items.join('、')}（${list.items.length}${fact.quantity.measure === '个' ? '个' : fact.quantity.measure}${fact.quantity.noun}）`, sentence, mismatchKind: 'number' };
}

/** A counter written as 个 + one noun character (4个组, 37个点) counts like the counter itself (4组). */
function effective(q: QuantityValue): { measure: string; noun: string } {
  return q.measure === '个' && q.noun.length === 1 ? { measure: q.noun, noun: '' } : { measure: q.measure, noun: q.noun };
}

/**
 * Whether two quantities fill the same slot, strictly enough to call a difference a contradiction: both name
 * what they count and the nouns agree, or neither does and the measure word is specific (公里, 人, 组), or a
 * counter word ends the other's noun (37个点 against 36个考察点).
 */
export function sameSlot(claim: QuantityValue, source: QuantityValue): boolean {
  if (!sameCountedThing(claim, source)) return false;
  const a = effective(claim);
  const b = effective(source);
  if (a.noun && b.noun) return nounsCompatible(a.noun, b.noun);
  if (!a.noun && !b.noun) return a.measure === b.measure ? a.measure !== '个' : measuresCompatible(a.measure, b.measure) && !measuresCompatible(a.measure, '个');
  // A sum of money without its noun could be any of the report's sums (工资5500元 is not a 100万元 fund).
  if (measuresCompatible(a.measure, '元')) return false;
  // One side names the counted thing, the other does not: a specific measure (公里, 人, 天) still pins the slot —
  // but a place counter before a noun is a modifier (两省协作联席会议, 两市政府), not a count of places.
  const generic = (m: string) => measuresCompatible(m, '个');
  const counter = (measure: string, noun: string) => measure !== '个' && (noun.endsWith(measure) || nounsCompatible(noun, measure));
  if (!a.noun) return PLACE_COUNTERS.test(a.measure) ? counter(a.measure, b.noun) : !generic(a.measure) && !generic(b.measure) ? true : counter(a.measure, b.noun);
  return PLACE_COUNTERS.test(b.measure) ? counter(b.measure, a.noun) : !generic(a.measure) && !generic(b.measure) ? true : counter(b.measure, a.noun);
}

/**
 * "The same name, one part changed": a site or agreement the article names with the claim's beginning and end and
 * something else between (成都大熊猫|保护|研究基地 against 成都大熊猫|繁育|研究基地; 重庆科|技|城 against
 * 重庆科|学|城). The name is read together with the place or words written right against it.
 */
function nameSubstitution(fact: ClaimFact, claim: Claim, reading: ArticleReading, window: readonly ArticleSentence[], settings: JudgeSettings, found?: ReadonlySet<ClaimFact>): FactOutcome | null {
  if (fact.kind === 'term' && NON_FACT_WORDS.has(fact.name)) return null;
  // Said where the claim's other facts are: nothing else stands in its place.
  if (found ? found.has(fact) : window.length > 0 && confirmIn(fact, window, reading, claim)) return null;
  let { start, end } = fact;
  for (let grown = true; grown; ) {
    grown = false;
    for (const f of claim.facts) {
      if (f.kind !== 'place' && f.kind !== 'term' && f.kind !== 'org') continue;
      if (f.end === start) {
        start = f.start;
        grown = true;
      }
      if (f.start === end) {
        end = f.end;
        grown = true;
      }
    }
  }
  // Only names: a site, agreement or meeting, or words written against a place (重庆|科技|城).
  const parts = claim.facts.filter((f) => f.start >= start && f.end <= end);
  if (!parts.some((f) => f.kind === 'org' || f.kind === 'document' || f.kind === 'meeting' || f.kind === 'place')) return null;
  // A name runs on over single characters no fact took (重庆|科技|城).
  for (let extra = 0; extra < 3 && /[\u3400-\u9fff]/.test(claim.view[end] ?? '') && !/[和与及、的了在等并赴到去来从向]/.test(claim.view[end]!); extra += 1) end += 1;
  const name = stripMarks(claim.view.slice(start, end));
  if (name.length < 4) return null;
  // The part before the changed one must reach past a leading place: 余姚市|农业农|村 shares only the place and a
  // head with 余姚市|横坎头|村, which makes it another thing, not the same name changed.
  // (A bare place opening the name counts too: 湛江|港集团 against 湛江|海丰饲料集团 shares only the place and a head.)
  const barePlace = [4, 3, 2].find((k) => name.length > k + 1 && (isPlaceName(name.slice(0, k)) || PROVINCES.some((p) => p.common === name.slice(0, k)))) ?? 0;
  const placeLength = leadingPlace(name)?.place.length ?? barePlace;
  for (const sentence of reading.sentences) {
    // (Names are compared without spaces — 《甲市 乙市合作协议》 — and quoted from the sentence as written.)
    const kept = [...sentence.view].flatMap((ch, i) => (/\s/.test(ch) ? [] : [i]));
    const view = kept.map((i) => sentence.view[i]).join('');
    if (view.includes(name)) continue;
    for (let p = Math.min(name.length - 2, MAX_NAME_PREFIX); p >= Math.max(2, placeLength + 1); p -= 1) {
      const prefix = name.slice(0, p);
      for (let at = view.indexOf(prefix); at !== -1; at = view.indexOf(prefix, at + 1)) {
        for (let q = name.length - p - 1; q >= 1; q -= 1) {
          if (p + q < settings.minSubstitutionAnchor - 1) break;
          const suffix = name.slice(name.length - q);
          const from = at + p;
          const found = view.indexOf(suffix, from + 1);
          if (found < 0 || found - from > 6) continue;
          const middle = view.slice(from, found);
          const claimed = name.slice(p, name.length - q);
          if (PUNCTUATION.test(middle) || /[、和与及]/.test(middle) || middle === claimed || namesTerm(middle, claimed) || !/[\u3400-\u9fff]/.test(middle)) continue;
          return {
            fact,
            status: 'contradicted',
            source: sentence.text.slice(kept[at]!, kept[found + q - 1]! + 1),
            claimText: claim.text.slice(start, end),
            sentence,
            mismatchKind: fact.kind === 'term' ? 'other' : 'org',
          };
        }
      }
    }
  }
  return null;
}

/** The longest shared start of two names read as one name changed (an agreement names both parties first). */
const MAX_NAME_PREFIX = 16;

const FUNCTION_ONLY = /^[的了在和与同及等为是向对从]*$/;

/** A movement verb written before a place (赴, 来到): the rest names where. */
const MOVEMENT_BEFORE = /^(?:前往|来到|抵达|转赴|奔赴|远赴|深入|走进|赴|到|去|在|于)/;

/** Whether a filler is a place, possibly after a movement verb (赴浙江省宁波市, 来到我市, 外省). */
function isPlacePhrase(filler: string): boolean {
  const rest = filler.replace(MOVEMENT_BEFORE, '');
  if (!rest) return false;
  if (GENERIC_PLACES.has(rest) || /^(?:我|本)(?:市|省|县|区)$/.test(rest)) return true;
  const words = tagWords(rest);
  return words.length > 0 && words.every((w) => w.tag.startsWith('ns') || /^[省市县区州镇乡村]$/.test(w.word) || PROVINCES.some((p) => p.name === w.word || p.common === w.word));
}

/**
 * "The same slot, another word": a sentence of the article has the claim's words on both sides of the fact and
 * something else between them (圣火农业|西红花|智能化育花房 against 圣火农业|草莓|智能化育花房). The fact must be
 * missing from the article, the filler short and not a synonym, the anchors long enough to pin the slot.
 */
function substitution(fact: ClaimFact, claim: Claim, reading: ArticleReading, window: readonly ArticleSentence[], settings: JudgeSettings, found?: ReadonlySet<ClaimFact>): FactOutcome | null {
  if (fact.kind === 'term' && NON_FACT_WORDS.has(fact.name)) return null;
  // A class of places (外省, 省外) is filled by any place: 赴宁波考察 does not contradict 赴外省考察.
  if (fact.kind === 'term' && GENERIC_PLACES.has(fact.name)) return null;
  // Said where the claim's other facts are: nothing else stands in its place.
  if (found ? found.has(fact) : window.length > 0 && confirmIn(fact, window, reading, claim)) return null;
  // Widen the span over neighbouring unconfirmed plain words (新能源|汽车 is one slot).
  let { start, end } = fact;
  const missing = claim.facts.filter((f) => f.kind === 'term' && !namesTerm(reading.view, f.name));
  for (let grown = true; grown; ) {
    grown = false;
    for (const f of missing) {
      if (f.start >= end && f.start - end <= 1 && FUNCTION_ONLY.test(claim.view.slice(end, f.start))) {
        end = f.end;
        grown = true;
      }
      if (f.end <= start && start - f.end <= 1 && FUNCTION_ONLY.test(claim.view.slice(f.end, start))) {
        start = f.start;
        grown = true;
      }
    }
  }
  const span = claim.view.slice(start, end);
  // An act (签署, 考察) said with another verb or construction is a paraphrase more often than another act.
  if (isGenericTerm(span) || tagWords(span).every((w) => /^(?:v|d)/.test(w.tag))) return null;
  const left = claim.view.slice(Math.max(0, start - 8), start).split(PUNCTUATION).at(-1)!;
  const rightFull = claim.view.slice(end, end + 10).split(PUNCTUATION)[0]!;
  for (const sentence of window.length > 0 ? [...window, ...reading.sentences] : reading.sentences) {
    const view = sentence.view;
    for (const skip of [0, 1]) {
      const right = rightFull.slice(skip);
      for (let r = right.length; r >= 2; r -= 1) {
        const rightAnchor = right.slice(0, r);
        const rightAt = view.indexOf(rightAnchor);
        if (rightAt < 0) continue;
        // The longest end of the left context written before the right anchor.
        let best: { l: number; at: number } | null = null;
        for (let l = Math.min(left.length, 8); l >= 1; l -= 1) {
          const anchor = left.slice(left.length - l);
          const at = view.lastIndexOf(anchor, rightAt - 1);
          if (at >= 0 && at + l < rightAt) {
            best = { l, at };
            break;
          }
        }
        const l = best?.l ?? 0;
        if (!best || l + r < settings.minSubstitutionAnchor) break;
        let filler = view.slice(best.at + l, rightAt);
        if (skip === 1) filler = filler.replace(/[与同和及]$/, '');
        // (Numbers are compared as quantities: a filler or anchor cutting into one is no substitution.)
        if (/[\d.]/.test(filler) || (/^[\d.]/.test(rightAnchor) && /[\d.]/.test(view[rightAt - 1] ?? ''))) break;
        if (!filler || filler.length > settings.maxSubstitutionChars || PUNCTUATION.test(filler) || filler.includes('、') || FUNCTION_ONLY.test(filler)) break;
        if (filler.includes(span) || span.includes(filler) || namesTerm(filler, span) || synonymsOf(span).includes(filler)) break;
        // 来到我市考察 in a local paper is 来到<its home>考察.
        if (/^(?:我|本)(?:市|省|县|区)$/.test(filler) && (namesHome(filler, fact.kind === 'place' ? fact.canonical : span, reading) || reading.home === span)) break;
        if (!/[\u3400-\u9fff]{2}/.test(filler)) break;
        // A place where the claim has no place is another kind of word, not another value of the slot (外出|考察
        // against 赴外省|考察).
        const verbSpan = tagWords(span).every((w) => /^(?:v|d)/.test(w.tag));
        if (verbSpan && isPlacePhrase(filler)) break;
        // A filler that says nothing (开展, 进行) is no other value: 签署对口合作 against 开展对口合作.
        const saysNothing = (w: { word: string }) => NON_FACT_WORDS.has(w.word) || STOP_WORDS.has(w.word) || /^[共有达约为是计]+$/.test(w.word);
        if (tagWords(filler).every(saysNothing) || (verbSpan && tagWords(filler).every((w) => /^(?:v|d)/.test(w.tag) || saysNothing(w)))) break;
        const shown = Math.min(r, 4);
        return {
          fact,
          status: 'contradicted',
          source: sentence.text.slice(best.at + l, rightAt + shown),
          claimText: claim.text.slice(start, end) + claim.text.slice(end + skip, end + skip + shown),
          sentence,
          mismatchKind: fact.kind === 'place' ? 'place' : fact.kind === 'term' ? 'other' : 'org',
        };
      }
    }
  }
  return null;
}
