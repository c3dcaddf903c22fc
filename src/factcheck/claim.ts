/**
 * A claim read into checkable facts with the shared extractor (src/facts): the subject it is about (湖南省党政代表团),
 * people with their titles and roles, dates (with 上旬/下旬 periods and 上午/晚上 parts of the day), quantities,
 * places (with the place written right before, 温州市|黄岩区), sites, agreements and meetings, and the remaining
 * content words. Words that state no fact (双方, 有关, 此次: the lexicon's NON_FACT_WORDS) are never facts.
 */
import { extractFacts, matchView, type DateValue, type Fact, type PersonRole, type QuantityValue } from '../facts/index.ts';
import { DAY_PARTS, GENERIC_PLACES, GROUP_NOUNS, MEASURE_WORDS, ROLE_VERBS, outletsIn, provinceOf, MOVEMENT_VERBS, NON_FACT_WORDS, NUMERAL_CHARS, QUESTION_FILLERS, STOP_WORDS, TITLES, escapeRegExp, stripAdminSuffix, synonymsOf, tagWords } from '../text/index.ts';

/** Kinds of claim facts (`subject` is checked against the whole article; `term` is a plain content word). */
export type ClaimFactKind = 'subject' | 'person' | 'date' | 'quantity' | 'place' | 'org' | 'document' | 'meeting' | 'term';

interface ClaimFactBase {
  /** Verbatim span of the claim. */
  text: string;
  start: number;
  end: number;
}

/** The group a claim is about: its noun family and the places named before it. */
export interface ClaimSubject {
  /** The group noun as written (folded): 代表团, 考察团, 督查组, 培训班… */
  noun: string;
  family: GroupFamily;
  /** Canonical places in the subject phrase (湖南 in 湖南省党政代表团). */
  places: string[];
  /** Topic words of a group named without a place (乡村振兴, 能力 in 乡村振兴能力提升班). */
  words: string[];
}

export type ClaimFact =
  | (ClaimFactBase & { kind: 'subject'; subject: ClaimSubject })
  | (ClaimFactBase & { kind: 'person'; name: string; title: string | null; holder: string | null; role: PersonRole; office?: string | null })
  | (ClaimFactBase & { kind: 'date'; date: DateValue; dayPart: string | null })
  | (ClaimFactBase & { kind: 'quantity'; quantity: QuantityValue })
  | (ClaimFactBase & { kind: 'place'; canonical: string; destination: boolean; parent: string | null })
  | (ClaimFactBase & { kind: 'org' | 'document' | 'meeting' | 'term'; name: string });

/** A claim with its facts (in text order) and its folded matching view. */
export interface Claim {
  text: string;
  view: string;
  facts: ClaimFact[];
  /** Outlets the claim attributes it to (据辽宁日报报道): their reports are preferred as evidence. */
  outlets?: string[];
}

/** Families of group nouns (the lexicon's GROUP_NOUNS): any noun of a family names the same kind of group. */
export type GroupFamily = keyof typeof GROUP_NOUNS;
export { GROUP_NOUNS };

const GROUP_PATTERN = new RegExp(`(?:${Object.values(GROUP_NOUNS).flat().join('|')})`);

const DAY_PART_AFTER = new RegExp(`^(?:${DAY_PARTS.join('|')})`);
/** 上旬/中旬/下旬 after a month: a period of days. */
const DECADE_AFTER = /^(上旬|中旬|下旬|初|底|末)/;

/** The part of the day written right after position `at` of a folded text, or null. */
export function dayPartAt(view: string, at: number): string | null {
  return DAY_PART_AFTER.exec(view.slice(at))?.[0] ?? null;
}

/** Shares of a whole said in words: 一半以上, 过半, 半数, 大部分, 绝大多数 (七成, 70% are quantities). */
const SHARE = /(?:一半以上|一半|过半|半数以上|半数|大半|绝大多数|大多数|大部分)/g;

/** Verbs that give untitled names in a claim their role (陈武和陈敏尔代表…签字). */
const ROLE_AFTER: ReadonlyArray<readonly [RegExp, Exclude<PersonRole, null>]> = (['lead', 'chair', 'sign', 'meet', 'accompany'] as const).map(
  (role) => [new RegExp(`^(?:${[...ROLE_VERBS[role], ...(role === 'sign' ? ['代表.{0,10}签'] : [])].join('|')})`), role] as const,
);

/** A role verb of two characters or more, or 率 before a group (率调研组). */
const ROLE_VERB_AHEAD = `(?:${(['chair', 'lead', 'meet', 'sign', 'speak', 'accompany'] as const).flatMap((role) => ROLE_VERBS[role].filter((v) => v.length >= 2)).join('|')}|率(?=[^，,。；;]{0,12}?(?:${Object.values(GROUP_NOUNS).flat().join('|')})))`;
const NAME_BEFORE_ROLE = new RegExp(`(^|[是由和与、，,])([\u3400-\u9fff]{2,3}?)(?=${ROLE_VERB_AHEAD})`, 'g');
const TITLED_NAME_AT_END = new RegExp(`((?:${[...TITLES].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')}))([\u3400-\u9fff]{2,3})(?=[，,。；;！？!?]|$)`, 'g');

/** Segmenter tags of words that carry no content (particles, prepositions, numerals, time words, punctuation). */
const NON_CONTENT_TAG = /^(?:u|p|c|r|m|q|x|y|e|o|w|d|f|t|zg|uj|ul|ud|ug|uz|uv)/;
const FUNCTION_CHARS = /[在了的和与是及等为对向把被将从到赴去来说由]/;
/** One-character adverbs that the segmenter glues to the character before them into an unknown word. */
const ADVERB_TAIL = /[共要也都已还就才又均需须应]$/;
/** An act of speaking right after 作 (作了致辞, 做讲话). */
const SPEECH_AFTER = /^了?(?:致辞|讲话|发言|报告|介绍)/;
/** A title stated of someone with 是/为 (组长是…, 团长为…). */
const PREDICATE_TITLE = new RegExp(`(${[...TITLES].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?:是|为)(?:[\u3400-\u9fff]{2,6}?[省市县区州])?$`);

/** A place name cut by the segmenter: after 在/赴/到/的/和/与/、 or a verb of taking part, two to four characters
 * and an administrative suffix, before a verb, a particle or punctuation. */
const SPLIT_PLACE = /(参加|前往|来到|走进|深入|^|[在赴到于的和与及、，,])(?!参加|前往|来到|走进|深入)([\u3400-\u9fff]{2,4}?[镇乡村县区])(?=[参考调走开举召的和与及、，,。；了这那]|$)/g;

/** Verbs of what a group does where it went (到娄底调研). */
const VISIT_AFTER = /^(?:考察|调研|参观|学习|督导|督查|巡视|开展|召开|举行|走访|观摩|交流)/;

/** A post given with 由 (组长由…担任). */
const POST_BY = new RegExp(`(${[...TITLES].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})由(?:[\u3400-\u9fff]{1,10}?(?:[省市县区州委厅局部办]|政府|人大常委会|政协))?$`);

/** Measure words that count places (两省, 三市). */
const PLACE_COUNTER = /^[省市县区州]$/;

/** Verbs before a meeting or agreement name that the extractor may include (召开了对口合作座谈会). */
const LEADING_VERB = /^(?:召开了?|举行了?|举办了?|出席了?|参加了?|去了?|在|了|并)+/;

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The subject: the first group noun and the places of the phrase before it (no punctuation in between). */
function findSubject(view: string, facts: readonly Fact[]): { start: number; end: number; subject: ClaimSubject } | null {
  const match = GROUP_PATTERN.exec(view);
  if (!match) return null;
  const noun = match[0];
  const family = (Object.keys(GROUP_NOUNS) as GroupFamily[]).find((f) => (GROUP_NOUNS[f] as readonly string[]).includes(noun))!;
  const nounStart = match.index;
  // The phrase before the noun ends at a particle, a verb of sending (有, 组织) or another fact (7个省份组织代表团:
  // the count is a fact of its own, not part of the group's name).
  const floor = Math.max(0, ...facts.filter((f) => f.kind !== 'place' && f.end <= nounStart).map((f) => f.end));
  let start = nounStart;
  while (start > floor && nounStart - start < 16 && /[\u3400-\u9fff\w]/.test(view[start - 1]!) && !/[的了是在由和与及有]/.test(view[start - 1]!)) start -= 1;
  const places = facts.filter((f): f is Extract<Fact, { kind: 'place' }> => f.kind === 'place' && f.start >= start && f.end <= nounStart);
  if (places.length > 0) {
    return { start: places[0]!.start, end: nounStart + noun.length, subject: { noun, family, places: [...new Set(places.map((p) => p.canonical))], words: [] } };
  }
  // A group named by its topic (乡村振兴能力提升班): the topic words name it, read after any verb before them.
  const run = view.slice(start, nounStart);
  const cut = Math.max(...[...'率赴到去带领为'].map((ch) => run.lastIndexOf(ch)), ...['组织', '派出', '组成', '陪同', '会见', '会晤', '接见', '看望', '欢迎', '接待'].map((verb) => (run.includes(verb) ? run.lastIndexOf(verb) + verb.length - 1 : -1))) + 1;
  const topic = run.slice(cut);
  const words = tagWords(topic)
    .map((w) => w.word)
    .filter((w) => w.length >= 2 && /^[\u3400-\u9fff]+$/.test(w) && !NON_FACT_WORDS.has(w) && !STOP_WORDS.has(w) && !GROUP_PREFIX_WORDS.has(w));
  const from = words.length > 0 ? start + cut : nounStart;
  return { start: from, end: nounStart + noun.length, subject: { noun, family, places: [], words } };
}

/** Words that prefix any group's name (党政代表团, 学习考察团) and so name none. */
const GROUP_PREFIX_WORDS: ReadonlySet<string> = new Set(['党政', '学习', '专题', '全体', '联合', '第一', '第二', '第三']);

/**
 * The place whose office a title chain names (丽水市委书记 → 丽水; 湖南省委书记、省长 → 湖南), or null when the chain
 * names none (省委书记).
 */
export function officePlace(chain: string | null | undefined): string | null {
  if (!chain) return null;
  const first = chain.split(/[、,，]/)[0]!;
  const at = TITLES.map((t) => first.indexOf(t)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
  const prefix = at === undefined ? '' : first.slice(0, at);
  if (prefix.length < 2 || /[的了和与]/.test(prefix)) return null;
  // Places only (丽水, 湖南省): a body (中国银保监会) is compared as the title's holder instead.
  const tagged = tagWords(prefix);
  const place = stripAdminSuffix(prefix) !== prefix || provinceOf(prefix) !== undefined || (tagged.length === 1 && tagged[0]!.tag.startsWith('ns'));
  return place ? stripAdminSuffix(prefix) : null;
}

/** The body holding a title when it is an organisation (中国证监会 in 中国证监会副主席), else null. */
export function holderBefore(view: string, titleStart: number): string | null {
  const before = view.slice(Math.max(0, titleStart - 10), titleStart);
  const run = /[\u3400-\u9fff]+$/.exec(before)?.[0] ?? '';
  const cut = run.replace(/^.*[的是由在和与及为、]/, '');
  if (/^[\u3400-\u9fff]{0,4}[省市县区州]委$/.test(cut)) return null;
  return /(?:会|部|局|厅|院|行|集团|公司|办|署|委)$/.test(cut) && cut.length >= 3 ? cut : null;
}

/** A period after a date (4月下旬 → 21–31; 4月初 → 1–10). */
function withPeriod(date: DateValue, suffix: string | undefined): DateValue {
  if (!suffix || date.from.day !== undefined || date.from.month === undefined) return date;
  const range: Record<string, [number, number]> = { 上旬: [1, 10], 初: [1, 10], 中旬: [11, 20], 下旬: [21, 31], 底: [21, 31], 末: [21, 31] };
  const [first, last] = range[suffix]!;
  return { from: { ...date.from, day: first }, to: { ...date.to, day: last }, period: true };
}

/** Whether a word stands in a list with a place name (宿迁与徐州): then it is a place, not a person. */
function listedWithPlace(view: string, start: number, end: number): boolean {
  const isPlace = (text: string) => tagWords(text)[0]?.tag.startsWith('ns') ?? false;
  return (/^[与和、及同]/.test(view.slice(end)) && isPlace(view.slice(end + 1, end + 5))) || (/[与和、及同]$/.test(view.slice(0, start)) && isPlace(view.slice(Math.max(0, start - 4), start - 1)));
}

/** A word the segmenter knows as a place, alone or with 市 (绍兴 与…签署 is a city signing, not a person). */
function isPlaceName(word: string): boolean {
  const alone = tagWords(word);
  if (alone.length === 1 && alone[0]!.tag.startsWith('ns')) return true;
  const city = tagWords(`${word}市`);
  return city.length === 1 && city[0]!.tag.startsWith('ns');
}

/** Untitled person names in the claim: unknown or name-tagged words in a list or before a role verb. */
/** A title or a verb of leading is never a name (由县委书记和县长带队: 县长 and 带队 are no people). */
const notAName = (word: string) =>
  TITLES.includes(word) ||
  ROLE_AFTER.some(([pattern]) => pattern.test(word)) ||
  // (会上，共现场签下: an adverb opening the words before a role verb opens no name.)
  (/^[共均都也已还再又将就]/.test(word) && /^d/.test(tagWords(word)[0]?.tag ?? ''));

function untitledNames(
  view: string,
  taken: ReadonlyArray<{ start: number; end: number }>,
  places: ReadonlyArray<{ start: number; end: number }>,
): Array<{ name: string; start: number; end: number }> {
  const names: Array<{ name: string; start: number; end: number }> = [];
  let cursor = 0;
  for (const { word, tag } of tagWords(view)) {
    const at = view.indexOf(word, cursor);
    if (at < 0) continue;
    cursor = at + word.length;
    if (!/^(?:x|nr)/.test(tag) || !/^[\u3400-\u9fff]{2,4}$/.test(word) || FUNCTION_CHARS.test(word) || notAName(word)) continue;
    if (taken.some((t) => overlaps(t, { start: at, end: cursor }))) continue;
    const next = view.slice(cursor, cursor + 3);
    const prev = view.slice(Math.max(0, at - 1), at);
    const listed = /^[、和与及]/.test(next) || /[、和与及]$/.test(prev);
    // A name opening the claim before a date or a verb of going (沈晓明10月10日到娄底调研) is its subject.
    const opening = at === 0 && tag.startsWith('nr') === false && /^(?:\d|[一二三四五六七八九十]+月|赴|到|前往|来到|率|带)/.test(view.slice(cursor)) && word.length >= 2 && word.length <= 4;
    const acting = ROLE_AFTER.some(([pattern]) => pattern.test(next)) || /^(?:在|表示|指出|强调|说|同志|等)/.test(next) || opening || (at === 0 && tag.startsWith('nr'));
    // A word listed with a place (宿迁与徐州) is a place too.
    const besidePlace = (places.some((p) => p.end === at - 1 || p.start === cursor + 1) || listedWithPlace(view, at, cursor)) && [null, 'sign'].includes(roleAfterList(view, cursor));
    if ((listed || acting) && !besidePlace && !isPlaceName(word)) names.push({ name: word, start: at, end: cursor });
  }
  // Names the segmenter splits (黄莉|新): two or three characters between a boundary or a title and a role verb or
  // the end of the clause.
  const free = (start: number, end: number) => !taken.some((t) => overlaps(t, { start, end })) && !names.some((n) => overlaps(n, { start, end }));
  for (const match of view.matchAll(NAME_BEFORE_ROLE)) {
    const start = match.index! + match[1]!.length;
    const name = match[2]!;
    if (FUNCTION_CHARS.test(name) || !free(start, start + name.length) || isPlaceName(name) || notAName(name)) continue;
    const signs = /^(?:签|代表)/.test(view.slice(start + name.length));
    if (signs && (listedWithPlace(view, start, start + name.length) || places.some((p) => p.end === start - 1))) continue;
    names.push({ name, start, end: start + name.length });
  }
  for (const match of view.matchAll(TITLED_NAME_AT_END)) {
    const start = match.index! + match[1]!.length;
    const name = match[2]!;
    if (!FUNCTION_CHARS.test(name) && !notAName(name) && free(start, start + name.length)) names.push({ name, start, end: start + name.length });
  }
  return names.sort((a, b) => a.start - b.start);
}

/** The role of a name list: the role verb that follows it in the clause (…和陈敏尔代表两区省政府签字 → sign). */
function roleAfterList(view: string, from: number): PersonRole {
  const clause = view.slice(from, from + 20).split(/[，,。；;]/)[0]!;
  for (let i = 0; i < clause.length; i += 1) {
    for (const [pattern, role] of ROLE_AFTER) if (pattern.test(clause.slice(i))) return role;
  }
  return null;
}

/** Words that deny the statement after them (没有去…, 不是由…率领); 未 and 没 only before a verb of the domain. */
const NEGATION = /(并没有|并未|未曾|从未|尚未|并非|不是|没有|不曾|没(?=[去到赴来参签考会率带])|未(?=[去到赴来参签考会率带前出]))/;

/** A clause that ends in 的 before a noun without any break: it describes the noun (尚未脱贫的农户). */
const DESCRIBING_CLAUSE = /^[^，,。；;的]{1,10}的(?:[\u3400-\u9fff]{1,4})(?:要|须|必须|需|需要|应|将|都|已|均|共|有|在|是)/;

/**
 * The statement a claim denies (湖南省党政代表团没有去湖北 → 湖南省党政代表团去湖北), or null when it denies nothing.
 * 不是A而是B states B: it is read as is (the caller checks the rest).
 */
export function negationOf(claim: string): { positive: string; negation: string } | null {
  const view = matchView(claim);
  const contrast = /不是([^，,。；;]+?)而是/.exec(view);
  if (contrast) return null;
  const match = NEGATION.exec(view);
  if (!match) return null;
  // 尚未完成主体施工的重建户须…: a denial inside a phrase describing a noun (…的 + noun) says which ones, not that the
  // statement is false.
  if (DESCRIBING_CLAUSE.test(view.slice(match.index + match[0].length))) return null;
  return { positive: claim.slice(0, match.index) + claim.slice(match.index + match[0].length), negation: claim.slice(match.index, match.index + match[0].length) };
}

/** Reads a claim into facts. Pure. */
export function parseClaim(claim: string): Claim {
  const text = claim.trim();
  const view = matchView(text);
  const extracted = extractFacts(text);
  const facts: ClaimFact[] = [];
  const covered: Array<{ start: number; end: number }> = [];
  const span = (start: number, end: number) => ({ text: text.slice(start, end), start, end });

  const subject = findSubject(view, extracted);
  if (subject) {
    facts.push({ kind: 'subject', ...span(subject.start, subject.end), subject: subject.subject });
    covered.push(subject);
  }

  // Places sign agreements too (宿迁与徐州签署…), but only people lead, chair or meet (巴音朝鲁和景俊海会见).
  const placeLike = (start: number, end: number) => listedWithPlace(view, start, end) && [null, 'sign'].includes(roleAfterList(view, end));
  const persons = extracted.filter((f): f is Extract<Fact, { kind: 'person' }> => f.kind === 'person' && (f.title !== null || !placeLike(f.start, f.end)));
  for (const person of persons) {
    const chainStart = person.start - (person.titles?.length ?? 0);
    const titleStart = person.start - (person.title?.length ?? 0);
    facts.push({
      kind: 'person',
      ...span(person.start, person.end),
      name: person.name,
      title: person.title,
      holder: person.title ? holderBefore(view, chainStart) : null,
      role: person.role ?? roleAfterList(view, person.end),
      office: officePlace(person.titles),
    });
    covered.push({ start: Math.min(chainStart, titleStart), end: person.end });
    // 组长是省农业农村厅副厅长钟卫平: the post before 是 is a title the claim gives them too.
    const holder = person.title ? holderBefore(view, chainStart) : null;
    const before = view.slice(0, chainStart - (holder?.length ?? 0));
    // 组长是X / 组长为X, or 组长由X担任.
    const predicate = PREDICATE_TITLE.exec(before)?.[1] ?? (/^(?:同志)?(?:担任|出任|兼任)/.test(view.slice(person.end)) ? POST_BY.exec(before)?.[1] : undefined);
    if (predicate && predicate !== person.title) {
      facts.push({ kind: 'person', ...span(person.start, person.end), name: person.name, title: predicate, holder: null, role: null });
    }
  }
  for (const name of untitledNames(view, [...covered, ...extracted.filter((f) => f.kind !== 'person' && f.kind !== 'place')], extracted.filter((f) => f.kind === 'place'))) {
    const title = TITLES.find((t) => view.slice(0, name.start).endsWith(t)) ?? null;
    const titleStart = name.start - (title?.length ?? 0);
    facts.push({ kind: 'person', ...span(name.start, name.end), name: name.name, title, holder: title ? holderBefore(view, titleStart) : null, role: null });
    covered.push({ start: titleStart, end: name.end });
  }
  // A role read after a list applies to every name of it.
  const people = facts.filter((f): f is Extract<ClaimFact, { kind: 'person' }> => f.kind === 'person').sort((a, b) => a.start - b.start);
  for (const person of people) if (!person.role) person.role = roleAfterList(view, person.end);

  for (let fact of extracted) {
    if (fact.kind === 'person') continue;
    // A meeting or site written right after the subject (浙江省党政代表团交流总结会) keeps the part after it.
    const clash = covered.find((c) => overlaps(c, fact));
    if (clash && (fact.kind === 'meeting' || fact.kind === 'org' || fact.kind === 'document') && clash.start <= fact.start && clash.end < fact.end - 1) {
      fact = { ...fact, start: clash.end, text: text.slice(clash.end, fact.end), name: view.slice(clash.end, fact.end) };
    } else if (clash && fact.kind !== 'date') continue;
    switch (fact.kind) {
      case 'date': {
        const suffix = DECADE_AFTER.exec(view.slice(fact.end))?.[1];
        const date = withPeriod({ from: fact.from, to: fact.to }, suffix);
        const end = fact.end + (suffix?.length ?? 0);
        facts.push({ kind: 'date', ...span(fact.start, end), date, dayPart: dayPartAt(view, end) });
        covered.push({ start: fact.start, end: end + (dayPartAt(view, end)?.length ?? 0) });
        break;
      }
      case 'quantity': {
        if (NON_FACT_WORDS.has(view.slice(fact.start, fact.end))) continue;
        // 今年前8个月 is a part of the year (the figure's period, read as 1至8月 where figures are compared), no count.
        if (fact.measure === '个月' && view[fact.start - 1] === '前') {
          covered.push({ start: fact.start - 1, end: fact.end });
          continue;
        }
        // 第九督查组 is the ninth 组 (督查组第九组): a bare ordinal takes the counter its group noun ends with.
        const q = fact.ordinal && !fact.measure && subject && subject.start === fact.end ? { ...fact, measure: subject.subject.noun.slice(-1) } : fact;
        // 两市合作, 两省政府: a place counter before a noun names the parties, it counts nothing.
        if (PLACE_COUNTER.test(q.measure) && !q.ordinal && q.noun && !synonymsOf(q.measure).some((w) => q.noun.startsWith(w))) continue;
        facts.push({ kind: 'quantity', ...span(q.start, q.end + (q.noun && view.startsWith(q.noun, q.end) ? q.noun.length : 0)), quantity: q });
        covered.push({ start: q.start, end: q.end + q.noun.length });
        break;
      }
      case 'place': {
        // A place heading an office (乌兰察布市委书记) belongs to the title, already covered.
        const previous = facts.filter((f): f is Extract<ClaimFact, { kind: 'place' }> => f.kind === 'place').at(-1);
        const parent = previous && previous.end === fact.start ? previous.canonical : null;
        facts.push({ kind: 'place', ...span(fact.start, fact.end), canonical: fact.canonical, destination: fact.destination, parent });
        covered.push(fact);
        break;
      }
      case 'org':
      case 'document':
      case 'meeting': {
        const lead = LEADING_VERB.exec(view.slice(fact.start, fact.end))?.[0].length ?? 0;
        const start = fact.start + lead;
        const name = view.slice(start, fact.end).replace(/[《》“”"]/g, '');
        if (name.length < 2) continue;
        // 12个村, 3家公司: a count of sites, not a site's name (the quantity is read instead).
        if (fact.kind === 'org' && extracted.some((q) => q.kind === 'quantity' && q.start >= start && q.start < fact.end)) continue;
        // A site or meeting inside a longer one already taken (座谈会 inside 交流座谈会) adds nothing.
        if (facts.some((f) => (f.kind === 'org' || f.kind === 'document' || f.kind === 'meeting') && f.start <= start && f.end >= fact.end)) continue;
        facts.push({ kind: fact.kind, ...span(start, fact.end), name });
        covered.push({ start: fact.start, end: fact.end });
        break;
      }
    }
  }

  // A share (一半以上, 过半, 大部分) is said of something: it is a fact to confirm, never a filler word.
  for (const match of view.matchAll(SHARE)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (covered.some((c) => overlaps(c, { start, end }))) continue;
    facts.push({ kind: 'term', ...span(start, end), name: match[0] });
    covered.push({ start, end });
  }

  // Quoted phrases (“和美乡村”) are one term each.
  for (const match of view.matchAll(/[“"「]([^”"」]{2,30})[”"」]/g)) {
    const start = match.index! + 1;
    const end = start + match[1]!.length;
    if (covered.some((c) => overlaps(c, { start, end }))) continue;
    facts.push({ kind: 'term', ...span(start, end), name: match[1]! });
    covered.push({ start: start - 1, end: end + 1 });
  }

  // Places the segmenter cuts into pieces (三|都|镇, 渌|口区): a short run ending in an administrative suffix,
  // written after a word of place or motion, is a place.
  for (const match of view.matchAll(SPLIT_PLACE)) {
    const start = match.index! + match[1]!.length;
    const end = start + match[2]!.length;
    if (covered.some((c) => overlaps(c, { start, end })) || extracted.some((f) => f.kind === 'place' && overlaps(f, { start, end }))) continue;
    const pieces = tagWords(match[2]!);
    if (pieces.length < 2 || pieces.some((w) => /^(?:p|c|u|v)/.test(w.tag) && w.word.length > 1)) continue;
    facts.push({ kind: 'place', ...span(start, end), canonical: stripAdminSuffix(match[2]!), destination: /(?:在|赴|到|去|来到|前往|于)$/.test(match[1]!), parent: null });
    covered.push({ start, end });
  }

  let cursor = 0;
  // 据辽宁日报报道: the outlet says who reported it, checked against the report's source, not as a word of it.
  const outlets = outletsIn(view);
  for (const { word, tag } of tagWords(view)) {
    const at = view.indexOf(word, cursor);
    if (at < 0) continue;
    cursor = at + word.length;
    if (covered.some((c) => overlaps(c, { start: at, end: cursor })) || outlets.some((o) => overlaps(o, { start: at, end: cursor }))) continue;
    if ([...word].length < 2 || !/^[\u3400-\u9fff]+$/.test(word)) continue;
    // A word the segmenter does not know (千鹤, tagged x) or reads as a numeral though it is not one (三都) is
    // content: dropping it would let a claim about another site pass.
    // (Not 一起/一同, not fragments with a particle such as 发了 or 城等.)
    const unknown =
      /^(?:x|m)/.test(tag) &&
      !new RegExp(`^[${NUMERAL_CHARS}]+[${MEASURE_WORDS.filter((m) => m.length === 1).join('')}]?$`).test(word) &&
      !word.startsWith('一') &&
      !FUNCTION_CHARS.test(word) &&
      // (组共, 前要: a noun's last character glued to an adverb after it — 巡察组共发现, 改革前要 — is no word.)
      !(word.length === 2 && ADVERB_TAIL.test(word)) &&
      // (上作: a locative glued to the 作 of 作了致辞 — 会上作了致辞 — is no word either.)
      !(word.length === 2 && /^[上中里前后][作做]$/.test(word) && SPEECH_AFTER.test(view.slice(cursor)));
    if (STOP_WORDS.has(word) || NON_FACT_WORDS.has(word) || QUESTION_FILLERS.includes(word) || (NON_CONTENT_TAG.test(tag) && !unknown)) continue;
    if (DAY_PARTS.includes(word)) continue;
    // 当地, 本地 name no particular place; 工作队里 leaves the fragment 队里 (one character and a locative) behind.
    if (/^(?:当地|本地)$/.test(word) || (word.length === 2 && /[里中内]$/.test(word) && /[\u3400-\u9fff]$/.test(view.slice(0, at)))) continue;
    // 超过30亿元, 36个以上: the bound is part of the quantity it stands against, compared with it.
    if (QUANTITY_BOUND_WORD.test(word) && facts.some((f) => f.kind === 'quantity' && (f.start === cursor || f.end === at))) continue;
    // A place name the extractor read as something else in context (到张家口考察) is still a place; so is a proper
    // noun the segmenter does not know as one, between a verb of going and a verb of visiting (到娄底调研, 在建德考察).
    const alone = tagWords(word);
    const between =
      /^(?:nr|nz|x|j|ns)/.test(tag) && word.length <= 4 && /(?:前往|来到|抵达|赴|到|去|在)$/.test(view.slice(Math.max(0, at - 2), at)) && VISIT_AFTER.test(view.slice(cursor));
    if (((alone.length === 1 && alone[0]!.tag.startsWith('ns')) || between) && !GENERIC_PLACES.has(word)) {
      const previous = facts.filter((f): f is Extract<ClaimFact, { kind: 'place' }> => f.kind === 'place').find((f) => f.end === at);
      const destination = /(?:前往|来到|抵达|赴|到|去|在|于|至)了?$/.test(view.slice(Math.max(0, at - 3), at));
      facts.push({ kind: 'place', ...span(at, cursor), canonical: stripAdminSuffix(word), destination, parent: previous?.canonical ?? null });
      continue;
    }
    facts.push({ kind: 'term', ...span(at, cursor), name: word });
  }
  facts.sort((a, b) => a.start - b.start);
  return { text, view, facts: mergeVisitedSites(facts, text, view), outlets: outlets.map((o) => o.text) };
}

/** Words that bound a number (the fact extractor reads them into the quantity's bound). */
export const QUANTITY_BOUND_WORD = /^(?:超过|多达|不少于|不低于|以上|将近|接近|大约|左右|逾|超|达到|突破)$/;

const VISIT_BEFORE = /(?:考察|参观|走访|走进|来到|调研|察看|观摩)了?$/;

/**
 * A place written against a noun right after a visiting verb is the name of the site visited (考察了|重庆|科学城 →
 * the site 重庆科学城), not a place and a loose word: the site must be found as one name.
 */
function mergeVisitedSites(facts: ClaimFact[], text: string, view: string): ClaimFact[] {
  const out: ClaimFact[] = [];
  for (let i = 0; i < facts.length; i += 1) {
    const place = facts[i]!;
    const next = facts[i + 1];
    // A movement verb right before a place or a site (来到洛阳, 深入罗甸县, 走进东坡村) only marks where they went.
    if (place.kind === 'term' && (next?.kind === 'place' || next?.kind === 'org') && next.start === place.end && MOVEMENT_VERBS.includes(place.name)) continue;
    // An office named by its place and title without a name (无锡市委书记会见…) is one slot: the report must name
    // that office, not the place here and the title there.
    if (place.kind === 'place' && next?.kind === 'term' && next.start === place.end && TITLES.includes(next.name) && !facts.some((f) => f.kind === 'person' && f.start === next.end)) {
      out.push({ kind: 'org', text: text.slice(place.start, next.end), start: place.start, end: next.end, name: view.slice(place.start, next.end) });
      i += 1;
      continue;
    }
    if (
      place.kind === 'place' &&
      next?.kind === 'term' &&
      next.start === place.end &&
      synonymsOf(next.name).length === 0 &&
      VISIT_BEFORE.test(view.slice(Math.max(0, place.start - 4), place.start))
    ) {
      let end = next.end;
      while (end - next.end < 2 && /[\u3400-\u9fff]/.test(view[end] ?? '') && !/[和与及、的了在等并]/.test(view[end]!)) end += 1;
      out.push({ kind: 'org', text: text.slice(place.start, end), start: place.start, end, name: view.slice(place.start, end) });
      i += 1;
      continue;
    }
    out.push(place);
  }
  return out;
}

/** The canonical form of a place written in a claim (湖南省 → 湖南). */
export function canonicalPlaceName(place: string): string {
  return stripAdminSuffix(matchView(place));
}
