/**
 * Follow-up questions, shared by the Telegram bot, the terminal chat and `ask --file` with chat ids. "那江西呢？" or
 * "他们签了什么协议？" only make sense next to the previous turn, so a follow-up is rewritten into a stand-alone
 * question before retrieval (retrieval and the answerer only ever see complete questions).
 *
 * A turn is read as a subject (the delegation or leader it is about) and the rest of the question. Generic rules
 * over the lexicon only (provinces, administrative suffixes, delegation nouns, titles) — no names from articles:
 *
 * - elliptic "那 X 呢？": a place X swaps the place of the same kind outside the subject (the destination), keeping
 *   the delegation and the question; a delegation X swaps the subject; anything else is asked of the subject;
 * - references (他们, 这个代表团, 该团, 那次, 此行 …) stand for the previous subject;
 * - a question without a subject of its own (签了什么协议？, 在江西考察了什么？) keeps the previous subject;
 * - a complete question (its own delegation or a leading place, and a question word) starts a new topic.
 */
import type { Answer } from '../answer/types.ts';
import { ADMIN_SUFFIXES, DAY_PARTS, GENERIC_PLACES, GROUP_NOUN_ALTERNATION, LONE_GROUP_CHAR, MEETING_HEADS, PROVINCES, TIME_FRAME_WORDS, TITLE_HEADS, expandRegionAlias, foldScript, isPlaceName, outletsIn, tagWords } from '../text/index.ts';

/** Runs of one-character province abbreviations (闽赣, 赣粤). */
const ABBREVIATION_RUN = new RegExp(`[${PROVINCES.flatMap((p) => p.abbreviations).join('')}]{2,4}`, 'gu');

/** What one turn leaves for the next. */
export interface Turn {
  /** The stand-alone question that was answered. */
  question: string;
  /** The delegation (or leader) the turn was about, from the question or else from the answer; null if none. */
  subject: string | null;
  /** The one person a who-answer named (他/她 in the next turn), or null. */
  person?: string | null;
  /** The one place a where-answer named (那边/那里 in the next turn), or null. */
  place?: string | null;
  /** The day of the month the answer happened on (12日…): 第二天呢 next is the day after it. */
  day?: number | null;
  /** The paragraphs the answer cited: a follow-up most often asks about the same passage. */
  cited?: ReadonlyArray<{ docId: string; paragraph: number; quote?: string }>;
}

export interface FollowUpResolution {
  /** The stand-alone question to answer. */
  question: string;
  /** Whether `question` differs from what the user typed. */
  rewritten: boolean;
  /** For a question read against the previous turn: the paragraphs that turn's answer cited (passed to the answerer). */
  near?: ReadonlyArray<{ docId: string; paragraph: number; quote?: string }>;
}

/** Longest follow-up: longer questions stand on their own even when they start with a pronoun. */
export const DEFAULT_FOLLOW_UP_MAX_CHARS = 40;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PROVINCE_NAMES = PROVINCES.flatMap((p) => [p.name, p.common]).sort((a, b) => b.length - a.length);
const PROVINCE_PATTERN = new RegExp(PROVINCE_NAMES.map(escape).join('|'), 'gu');
/** Group nouns that head a delegation's name: the lexicon's delegations and teams, 一行, and the two written most
 * often in traditional characters (a question is folded before it is read, a stored turn may not be). */
const GROUP_NOUNS = ['党政代表团', ...GROUP_NOUN_ALTERNATION.split('|'), '代表團', '考察團', '一行'];
const GROUP_PATTERN = new RegExp(`(${GROUP_NOUNS.map(escape).join('|')}|${LONE_GROUP_CHAR}|(?<=[训修习升摩])班)`, 'u');
/** A delegation named by its trip: 郴州去广州的代表团, 河南赴川渝的考察团. */
const TRIP_DELEGATION = new RegExp(`(\\p{Script=Han}{2,6}?[去赴到来]\\p{Script=Han}{2,6}?)(?:那次|那趟|这次)?的(?:那个|这个|那支|这支)?(?:${GROUP_NOUNS.map(escape).join('|')})`, 'u');
/** A locality ends with one of these (郴州市, 长沙县, 天河区, 郴州). */
const LOCALITY_SUFFIX_CHARS = ADMIN_SUFFIXES.filter((s) => ['市', '县', '区', '州'].includes(s)).join('');
/** Characters that end a noun phrase when a subject is grown leftwards from its group noun. */
const PHRASE_BREAK = /[\s\d０-９，。？！、；：,.?!;:“”"'（）()年月日号在去到赴从对向与和跟了的是有还又也都就给把被让请问那这该此谁哪啥几多怎带率领随陪由]/u;
const INTERROGATIVE = /[哪谁几啥]|什么|多少|怎么|如何|为什么|为何|是否|吗|呢|[？?]/u;
/** References to the previous subject, longest first. */
const REFERENCES = [
  '这个代表团', '那个代表团', '这支代表团', '该代表团', '那代表团', '这代表团', '这个考察团', '该考察团', '那考察团', '这个团', '那个团',
  '该团', '团里', '他们', '她们', '对方', '那次考察', '这次考察', '此次考察', '那次', '这次', '此次', '此行', '代表团', '考察团',
];
const REFERENCE_PATTERN = new RegExp(REFERENCES.map(escape).join('|'), 'u');
/** "那浙江呢？" / "浙江呢" / "那么时间呢？" / "江西的呢". */
const ELLIPTIC_PATTERN = /^(?:那么|那|还有|再说说)?\s*(.{1,20}?)(?:的)?\s*呢\s*[？?]?$/u;
/** What may follow an outlet's name in "X的说法呢": nothing, or words for its report. */
const OUTLET_TOPIC = /^(?:的)?(?:说法|报道|版本|数字|数据|口径|怎么说)?$/u;
/** Aspects asked about with "X呢" that are not places (时间呢, 成果呢). Generic words only. */
const ASPECT_PATTERN = /(?:时间|日期|时候|哪天|几号|人数|人员|成员|成果|协议|项目|企业|行程|内容|安排|目的|原因|规模|情况|带队|领导|地点|城市|地方|结果|收获)$/u;
const TIME_ASPECT = /(?:时间|日期|时候|哪天|几号)$/u;
/** Amounts asked about with "X呢" (总金额呢, 人数呢): asked as how much of the subject. */
const QUANTITY_ASPECT = /(?:金额|总额|投资额|投资|资金|人数|总数|数量|面积|产值|规模|收入|营收|销售额)$/u;
/** A town, township, village or subdistrict named whole (蛇窝泊镇, 栖霞蛇窝泊镇, 松山街道). */
const TOWN = /^\p{Script=Han}{2,8}(?:镇|乡|街道|村)$/u;
/** "书记呢", "副组长呢": a role, asked as who. */
const TITLE_TOPIC = new RegExp(`^(?:${TITLE_HEADS.map(escape).join('|')}|副\\p{Script=Han}{1,3})$|(?:${TITLE_HEADS.map(escape).join('|')})$`, 'u');
/** "13号呢", "9月14日呢", "第二天呢". */
const DATE_TOPIC = new RegExp(`^(?:(?:\\d{1,2}月)?\\d{1,2}[号日]|第.{1,3}天|最[后後]一天|首日|次日|头一天)(?:${DAY_PARTS.join('|')})?$`, 'u');
/** 第二天 / 次日 asked on its own: the day after the one just talked about. */
const NEXT_DAY_TOPIC = new RegExp(`^(?:第二天|次日|翌日|隔天)(${DAY_PARTS.join('|')})?$`, 'u');
/** "下午呢" after a question about one day: the same day, another part of it. */
const PART_TOPIC = new RegExp(`^(?:${DAY_PARTS.join('|')})$`, 'u');
/** Shapes of parallel items: ordinals (第二组), days (13号, 9月14日), titles (市长, 书记). */
const PARALLEL_SHAPES: readonly RegExp[] = [
  /第[一二三四五六七八九十\d]{1,3}[组队站批天轮]|最[后後]一[天站组]|首[日站]|头一天|次日/u,
  /(?:\d{1,2}月)?\d{1,2}[号日]/u,
  new RegExp(`(?:${TITLE_HEADS.map(escape).join('|')})`, 'u'),
  // 反馈会呢 after 见面会是哪天开的: one meeting of the trip for another, the question kept.
  new RegExp(`(?:${MEETING_HEADS.filter((head) => head !== '大会').map(escape).join('|')})`, 'u'),
];
const TITLE_SUBJECT = new RegExp(`^(\\p{Script=Han}{1,8}?(?:${TITLE_HEADS.map(escape).join('|')}))`, 'u');

interface Span {
  text: string;
  start: number;
  end: number;
}

/** The delegation phrase in `text` (湖南省党政代表团, 郴州党政考察团), grown leftwards from its group noun. */
export function delegationIn(text: string): Span | null {
  const trip = TRIP_DELEGATION.exec(text);
  if (trip && !INTERROGATIVE.test(trip[1]!)) {
    const start = trip.index + (/^\d{4}年/.exec(trip[0])?.[0].length ?? 0);
    return { text: text.slice(start, trip.index + trip[0].length), start, end: trip.index + trip[0].length };
  }
  const match = GROUP_PATTERN.exec(text);
  if (!match) return null;
  let start = match.index;
  while (start > 0 && match.index - start < 14 && !PHRASE_BREAK.test(text[start - 1]!)) start--;
  // 那个隆德县代表团: the measure word after 那/这 is no part of the name.
  if (/[个支]/u.test(text[start] ?? '') && /[那这哪该此一]/u.test(text[start - 1] ?? '')) start++;
  const phrase = text.slice(start, match.index + match[0].length);
  // "代表团" alone, or "哪个代表团", is not a subject.
  const before = text.slice(Math.max(0, start - 2), start);
  if (match.index - start < 2 || INTERROGATIVE.test(phrase) || /[哪什这那该此]$/u.test(before) || /^[个支些位]/u.test(phrase)) return null;
  return { text: phrase, start, end: match.index + match[0].length };
}

/** The subject of a question: its delegation phrase, else a leading titled person (沈晓明书记 / 省委书记). */
export function subjectOf(question: string): string | null {
  const delegation = delegationIn(question);
  if (delegation) return delegation.text;
  const titled = TITLE_SUBJECT.exec(question.trim());
  if (!titled || INTERROGATIVE.test(titled[1]!)) return null;
  // (青石县组长是谁: the title is what is asked; the topic is 青石县.)
  if (/^(?:是谁|是哪位|叫什么|叫啥)/u.test(question.trim().slice(titled[1]!.length))) {
    const owner = titled[1]!.replace(new RegExp(`(?:${TITLE_HEADS.map(escape).join('|')})$`, 'u'), '');
    return owner.length >= 2 && (isPlaceName(owner) || placesIn(owner).length > 0) ? owner : null;
  }
  // 带队的书记, 团里的市长: a role asked about, not a person named.
  const before = titled[1]!.replace(new RegExp(`(?:${TITLE_HEADS.map(escape).join('|')})$`, 'u'), '');
  // (回来以后县委开了什么会: words before the title that are no place or name make it no one's title.)
  const owner = before === '' || isPlaceName(before) || placesIn(before).length > 0 || tagWords(before).every((w) => /^(?:nr|ns|n$)/.test(w.tag));
  return PHRASE_BREAK.test(before) || !owner ? null : titled[1]!;
}

/** The turn a question and its answer leave behind: the subject from the question, else from the answer. */
export function turnOf(question: string, answerText = ''): Turn {
  return { question, subject: subjectOf(question) ?? leadingEvent(question) ?? delegationIn(answerText)?.text ?? topicClause(question) ?? placesTopic(question) };
}

/** An event or thing a question opens with (两省合作交流座谈会在哪开的 → the 座谈会): later turns ask about it. */
const LEADING_EVENT = /^(\p{Script=Han}[\p{Script=Han}·]{2,22}?(?:会|论坛|仪式|活动|督查|督导|调研|协议|备忘录|项目|工程))(?=在|是|有|由|哪|谁|什么|啥|几|多少|怎么|为什么|签|开|举行|召开|[，,？?])/u;

function leadingEvent(question: string): string | null {
  const match = LEADING_EVENT.exec(question.trim());
  return match && !INTERROGATIVE.test(match[1]!) && !REFERENCE_PATTERN.test(match[1]!) ? match[1]! : null;
}

/** The turn a question leaves once answered (bot, terminal and `ask --file` alike): subject and answered person. */
export function turnAfter(question: string, answer: Answer): Turn {
  if (!answer.found) return turnOf(question);
  const turn = turnOf(question, `${answer.short ?? ''}${answer.sentences.map((s) => s.text).join('')}`);
  const single = answer.short && !/[、，,和与及]/.test(answer.short) ? answer.short : null;
  // 第二天去的是哪个县？ → 兴国县: "在那边" next refers to that place, not to the trip's destination.
  // (哪个村 → 杏花村: 那个村 next is that village.)
  const asksPlace = answer.questionType === 'where' || /哪(?:个|一个)?[省市县区州镇乡村]/u.test(question);
  // (哪个村 asked with a list answered: the one item of the asked kind, 石屯镇茗溪村 of 石屯镇茗溪村、…模式.)
  const kind = /哪(?:一)?个([村镇乡])/u.exec(question)?.[1];
  const ofKind = kind && answer.short ? answer.short.split('、').filter((item) => TOWN.test(item) && item.endsWith(kind)) : [];
  const one = single ?? (ofKind.length === 1 ? ofKind[0]! : null);
  const place = asksPlace && one && (placesIn(one).length === 1 || TOWN.test(one)) ? one : null;
  const cited = answer.citations.map((c) => ({ docId: c.docId, paragraph: c.paragraph, quote: c.quote }));
  return { ...turn, person: answer.questionType === 'who' ? single : null, place, day: dayOf(question, answer.sentences[0]?.text ?? ''), cited };
}

/** The day an answer happened on: written at its first sentence's opening (12日，代表团…), else in the question. */
function dayOf(question: string, firstSentence: string): number | null {
  const written = /^[^，。,]{0,8}?(\d{1,2})日/u.exec(firstSentence) ?? /(\d{1,2})[日号]/u.exec(question);
  return written ? Number(written[1]) : null;
}

/**
 * The opening clause of a two-clause question, when it states the topic and the second asks
 * (专题培训班2025年去江浙培训，分了几组？): later turns are asked of it.
 */
function topicClause(question: string): string | null {
  const clauses = question.split(/[，,]/u);
  if (clauses.length < 2) return null;
  const first = clauses[0]!.trim();
  return first.length >= 4 && first.length <= 24 && !INTERROGATIVE.test(first) ? first : null;
}

/** A village or town opening a question (桃源村一共多少户): not 村民, 村委, 村集体 (its people and bodies), nor 乡镇干部. */
const OPENING_TOWN = /^(\p{Script=Han}{1,5}?(?:村|镇|乡|街道|社区))(?![民委集干级组部里镇村])/u;

/** Whether a village or town read at a question's start is one (其中桐乡, 那个村 are no names). */
function opensWithTown(town: string): boolean {
  return !INTERROGATIVE.test(town) && !/^(?:其中|另外|此外|还有|[这那该此在去到])/u.test(town);
}

/** The places a question names, as its topic when it names nothing else (天津给了定西多少资金 → 天津、定西; 桃源村有多少户 → 桃源村). */
function placesTopic(question: string): string | null {
  const town = OPENING_TOWN.exec(question)?.[1];
  if (town && opensWithTown(town)) return town;
  const places = [...new Set(placesIn(question).map((p) => p.text))];
  return places.length > 0 && places.length <= 3 ? places.join('、') : null;
}

type PlaceKind = 'province' | 'locality';

/** Places named in `text`, in order, with their kind. Generic words (城市, 各地) and question words are not places. */
export function placesIn(original: string): Array<Span & { kind: PlaceKind }> {
  // Patterns run on the simplified view (黑龍江 is 黑龙江); spans give back the text as written.
  const text = foldScript(original);
  const found: Array<Span & { kind: PlaceKind }> = [];
  const add = (start: number, end: number, kind: PlaceKind) => found.push({ text: original.slice(start, end), start, end, kind });
  for (const m of text.matchAll(PROVINCE_PATTERN)) add(m.index!, m.index! + m[0].length, 'province');
  // 闽赣, 赣粤: a run of province abbreviations names those provinces.
  for (const m of text.matchAll(ABBREVIATION_RUN)) {
    if (expandRegionAlias(m[0]) && !found.some((p) => m.index! < p.end && p.start < m.index! + m[0].length)) add(m.index!, m.index! + m[0].length, 'province');
  }
  // Each city/county/district suffix, with the longest clean stem of 1–4 characters before it.
  for (let i = 1; i < text.length; i++) {
    if (!LOCALITY_SUFFIX_CHARS.includes(text[i]!)) continue;
    let start = i;
    // (城 opens a name only where a phrase starts: 城阳区, not 主城区.)
    const opensName = (at: number) => text[at] === '城' && (at === 0 || PHRASE_BREAK.test(text[at - 1]!)) && at < i - 1;
    while (start > 0 && i - start < 4 && /\p{Script=Han}/u.test(text[start - 1]!) && !PHRASE_BREAK.test(text[start - 1]!) && (!/[些各全本城地个省副位正]/u.test(text[start - 1]!) || opensName(start - 1))) start--;
    const place = text.slice(start, i + 1);
    // 市州, 县市区: a suffix after a suffix names a kind of place, not a place.
    if (start === i || GENERIC_PLACES.has(place) || INTERROGATIVE.test(place) || LOCALITY_SUFFIX_CHARS.includes(text[i - 1]!)) continue;
    if (found.some((p) => start < p.end && p.start < i + 1)) continue;
    add(start, i + 1, 'locality');
  }
  // 德清, 临汾: a known division's name without its suffix, standing alone (at the start, after a verb of going or
  // a conjunction, before a particle or a verb).
  for (const m of text.matchAll(/(?<=^|[那在去到赴来和与、，,])(\p{Script=Han}{2,3}?)(?=[呢的在那这看考签走参调督是方，,？?]|$)/gu)) {
    const start = m.index!;
    const end = start + m[1]!.length;
    if (INTERROGATIVE.test(m[1]!) || GENERIC_PLACES.has(m[1]!) || !isPlaceName(m[1]!) || found.some((p) => start < p.end && p.start < end)) continue;
    add(start, end, 'locality');
  }
  // A bare two-character name right after a travel verb and before an activity (去湘潭督导, 赴桂林考察) is a place.
  for (const m of text.matchAll(/(?<=[去赴到])(\p{Script=Han}{2})(?=[督调考学参召开看走签座巡]|$)/gu)) {
    const start = m.index!;
    if (INTERROGATIVE.test(m[1]!) || GENERIC_PLACES.has(m[1]!) || found.some((p) => start < p.end && p.start < start + 2)) continue;
    add(start, start + 2, 'locality');
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A bare name the gazetteer or the segmenter knows as a place (深圳, 井冈山), not 总金额 or 最后一天. */
function readsAsPlace(name: string): boolean {
  if (isPlaceName(name)) return true;
  const words = tagWords(name);
  return words.length > 0 && words.every((w) => w.tag.startsWith('ns'));
}

/** Whether `text` is exactly one place name (with or without its suffix). */
function asPlace(text: string): PlaceKind | null {
  const places = placesIn(text);
  if (places.length !== 1 || places[0]!.start !== 0) return null;
  const rest = text.slice(places[0]!.end);
  if (rest === '' || ADMIN_SUFFIXES.includes(rest)) return places[0]!.kind;
  return null;
}

/** A name of two to four characters opening a question, then 在 or a verb of speaking (周立新在会上说…). */
const SPEAKER_OPENING = /^(\p{Script=Han}{2,4}?)(?:在|说|表示|提出|提|要求|强调|主持|讲|谈|认为|指出)/u;

/** Whether the question names its own subject: a delegation, a titled person, or a place it starts with. */
function hasOwnSubject(question: string): boolean {
  // (组长是谁 / 书记呢: a bare title asks a role of the previous subject; 省委书记 names an office of its own.)
  const subject = subjectOf(question);
  if (delegationIn(question) || (subject && !TITLE_HEADS.includes(subject))) return true;
  // 杨志宏在座谈会上说…: a question opening with a person's name is about that person.
  // (The segmenter tags an unknown name nr or x; a verb of speaking or 在 right after it makes it a speaker.)
  // (The segmenter may also cut a name it does not know: 周/nr 立新/d.)
  const speaker = SPEAKER_OPENING.exec(question)?.[1];
  const opener = tagWords(question)[0];
  if (speaker && opener && /^(?:nr|x)/.test(opener.tag) && speaker.startsWith(opener.word) && !isPlaceName(speaker) && !INTERROGATIVE.test(speaker)) return true;
  // 桃源村一共多少户: a village or town opening the question is its subject.
  const town = OPENING_TOWN.exec(question)?.[1];
  if (town && opensWithTown(town)) return true;
  const first = placesIn(question)[0];
  // 重庆这边谁陪同的: a place's side of the previous tour, not a subject of its own.
  if (first !== undefined && /^(?:这边|那边|方面|一方|这方)/u.test(question.slice(first.end))) return false;
  return first !== undefined && first.start === 0;
}

/**
 * Rewrites `asked` into a stand-alone question using the previous turn, or returns it unchanged when it is not
 * a follow-up (no previous turn, a complete question of its own, or too long to be one). Pure.
 */
export function resolveFollowUp(asked: string, before: Turn | undefined, maxChars = DEFAULT_FOLLOW_UP_MAX_CHARS): FollowUpResolution {
  const original = asked.trim();
  const unchanged = { question: original, rewritten: false };
  if (!before || original.length === 0 || original.length > maxChars) return unchanged;
  // 在那邊 and 在那边 are one follow-up: it is read in simplified characters (a rewritten question stays so).
  const question = foldScript(original);
  const fold = (text: string | null | undefined) => (text ? foldScript(text) : (text ?? null));
  const previous: Turn = { question: foldScript(before.question), subject: fold(before.subject), person: fold(before.person), place: fold(before.place), day: before.day ?? null };
  const near = (rewritten: string) => (before.cited && before.cited.length > 0 && sameTopic(previous.question, rewritten) ? { near: before.cited } : {});
  const done = (rewritten: string | null) => (rewritten && rewritten !== question ? { question: rewritten, rewritten: true, ...near(rewritten) } : unchanged);

  const elliptic = ELLIPTIC_PATTERN.exec(question);
  // 赣粤那个呢 / 安徽那场呢: the pointing word after the topic says "the one of X".
  if (elliptic) {
    const topic = elliptic[1]!.trim();
    const bare = topic.replace(/(?<=\p{Script=Han}{2})(?:那个|那场|那次|那趟|那一场|那一次)$/u, '');
    return done(substituteTopic(previous, bare, bare !== topic));
  }

  // "都有哪些？" after "一共看了多少个点？": the same question, now asking which.
  if (WHICH_ONES.test(question) && COUNT_ASKED.test(previous.question)) return done(previous.question.replace(COUNT_ASKED, '哪些'));

  // "那天"/"当天" is the day of the previous question; "那边"/"那里"/"在那" its destination.
  const deictic = resolveDeictic(question, previous);
  if (deictic) return done(resolveFollowUp(deictic, previous, maxChars).question);

  // 他是什么职务？ after a who-answer naming one person: that person.
  if (previous.person && /[他她](?![们])/u.test(question)) return done(question.replace(/[他她](?![们])/u, previous.person));

  const subject = previous.subject;
  // (带动了多少户？ after a turn with no subject: nothing to add to it, but it asks about the same passage.)
  if (!subject) return hasOwnSubject(question) ? unchanged : { ...unchanged, ...near(question) };
  const reference = REFERENCE_PATTERN.exec(question);
  if (reference && !question.includes(subject) && !delegationIn(question)) {
    // "那次一共考察了多少个点" → the subject stands where the reference stood.
    return done(question.slice(0, reference.index).replace(/^(?:那么|那)$/u, '') + subject + question.slice(reference.index + reference[0].length));
  }
  if (hasOwnSubject(question)) return unchanged;
  // No subject of its own ("签了什么协议？", "还去了哪里？", "在江西考察了什么？"): ask it of the previous subject.
  // A leading 那 before a comma or a preposition is the particle "then" (那在江西看了几个点？).
  const rest = question.replace(/^(?:那么|另外|此外|其中|那(?![个次边里天些趟儿位曲样时]))[，,]?/u, '');
  // 其中陕西看了几个？: a place opening the rest is where it happened (在陕西), not part of the subject's name.
  const opening = placesIn(rest)[0];
  const located = opening && opening.start === 0 && /^\p{Script=Han}/u.test(rest.slice(opening.end)) && !/^(?:的|方面|这边|那边|一方)/u.test(rest.slice(opening.end));
  // 顺德这边还有谁…: a side named of its own needs no topic that is only places (长治高新区谁发言了 before it).
  const placesOnly = placesIn(subject).map((p) => p.text).join('、') === subject;
  if (placesOnly && opening && opening.start === 0) return unchanged;
  // 上午看的什么地方？ after 第四天到的哪个城市？: a part of the day is of the day asked before.
  const priorDay = PARALLEL_SHAPES[1]!.exec(previous.question) ?? PARALLEL_SHAPES[0]!.exec(previous.question);
  const dayed = DAY_PART_AT_START.test(rest) && priorDay && /[天日号]$/u.test(priorDay[0]) ? priorDay[0] + rest : rest;
  return done(subject + (located ? '在' : '') + dayed);
}

/**
 * Whether a rewritten follow-up stays on the previous turn's passage: it names no place, day or part of a day the
 * previous question did not, nor another delegation (那江西呢, 那第二天呢, 下午呢 move to another passage; 一共多少钱
 * does not).
 */
function sameTopic(previousQuestion: string, rewritten: string): boolean {
  // (那白鹭呢 after 红枫党政代表团去了哪: another delegation, another passage.)
  if (subjectOf(rewritten) !== subjectOf(previousQuestion)) return false;
  const places = new Set(placesIn(previousQuestion).map((p) => p.text));
  if (placesIn(rewritten).some((p) => !places.has(p.text))) return false;
  const times = (text: string) => [...PARALLEL_SHAPES.slice(0, 2), DAY_PART_ANYWHERE].flatMap((shape) => [...text.matchAll(new RegExp(shape.source, 'gu'))].map((m) => m[0]));
  const before = new Set(times(previousQuestion));
  return times(rewritten).every((t) => before.has(t));
}
const DAY_PART_ANYWHERE = new RegExp(`(?:${DAY_PARTS.join('|')})`, 'u');

/** A delegation named by its home (赤峰党政代表团, 宜昌市考察团): the home, then the rest of the name. */
const SUBJECT_HOME = new RegExp(`^(\\p{Script=Han}{2,6}?)(?:[省市县区州])?(?:党政)?(?:${GROUP_NOUNS.map(escape).join('|')})$`, 'u');

/** A count asked of a noun (多少家企业, 几个园区): its number word, measure and noun. */
const COUNTED_NOUN = /(多少|(?<!哪)几)([个家处项座所])(\p{Script=Han}{1,6}?)(?=[？?，,。]|$)/u;

/** A bare "which are they" (都有哪些？, 分别是哪些？, 具体是哪几个？). */
const WHICH_ONES = /^(?:那么|那)?(?:都|分别|具体|各自)?(?:有|是)?(?:哪些|哪几个|哪几家|哪几处|哪几项)(?:呢)?[？?]?$/u;
/** How a count is asked (多少个点, 几个项目): asking which keeps the noun (哪些点, 哪些项目). */
const COUNT_ASKED = /(?:一共|总共|共)?(?:多少|几)([个家处项座名])/u;

/** Replaces 那天/当天 with the previous question's date and 那边/那里/在那 with its destination; null if none apply. */
function resolveDeictic(question: string, previous: Turn): string | null {
  let text = question;
  const day = PARALLEL_SHAPES[1]!.exec(previous.question) ?? PARALLEL_SHAPES[0]!.exec(previous.question);
  if (day && /[天日号]$/u.test(day[0])) text = text.replace(/那天|当天|那一天/u, day[0]);
  const places = placesIn(previous.question);
  const subjectSpan = previous.subject ? spanOf(previous.question, previous.subject) : null;
  const asked = previous.place ? { text: previous.place } : undefined;
  const destination = asked ?? lastOf(places, (p) => !subjectSpan || p.end <= subjectSpan.start || p.start >= subjectSpan.end);
  // 天津那边谁会见的: a place before 那边 names that side, it does not point back.
  const sideNamed = /^\p{Script=Han}{2,4}(?:那边|这边|方面)/u.test(question) && !/^(?:在|去|到)/u.test(question);
  // 那个村 / 该镇 after a where-answer naming a village or town: that one.
  if (previous.place) {
    const kind = previous.place.at(-1)!;
    text = text.replace(new RegExp(`(?:那个|这个|那|这|该)${kind}(?![民委集干级组部里])`, 'u'), previous.place);
  }
  if (destination && !sideNamed) text = text.replace(/(在|去|到)?(?:那边|那里|那儿|那(?=[参看考签走干做吃住]))/u, (_m, verb: string | undefined) => `${verb ?? '在'}${destination.text}`);
  return text === question ? null : text;
}

/**
 * "那 X 呢": a place X replaces the place of the same kind outside the subject (the destination), or the
 * subject's own place when there is no other; a delegation X replaces the subject; anything else is asked of the
 * subject ("时间呢" → "湖南省党政代表团的时间是什么？").
 */
function substituteTopic(previous: Turn, asked: string, pointed = false): string | null {
  // 那在江西呢: the preposition before a place adds nothing to it.
  let topic = /^[在去到赴]/u.test(asked) && asPlace(asked.slice(1)) ? asked.slice(1) : asked;
  // 第二天上午呢 after an answer about the 12th: the day after it, the 13th.
  const nextDay = NEXT_DAY_TOPIC.exec(topic);
  // (After 第一天… the question names its day by its place in the trip: 第二天 swaps in for it below.)
  if (nextDay && previous.day && !PARALLEL_SHAPES[0]!.test(previous.question)) topic = `${previous.day + 1}日${nextDay[1] ?? ''}`;
  // 海南那边呢: the side of a place is that place.
  const side = /^(\p{Script=Han}{2,8}?)(?:那边|这边|方面|那里)$/u.exec(topic);
  if (side && (asPlace(side[1]!) || TOWN.test(side[1]!))) topic = side[1]!;
  if (topic.length === 0) return null;
  const prior = previous.question;
  // 重庆日报的说法呢: the same question, as that outlet reported it (its outlet replaces the one asked before).
  const outlet = outletsIn(topic)[0];
  if (outlet && OUTLET_TOPIC.test(topic.slice(outlet.end)) && outlet.start === 0) {
    const before = outletsIn(prior)[0];
    return before ? prior.slice(0, before.start) + outlet.text + prior.slice(before.end) : `据${outlet.text}报道，${prior}`;
  }
  // 累计呢 / 去年呢 after 今年1至9月转移了多少人: the same question in another time frame.
  if (FRAME_TOPIC.test(topic)) return swapFrame(prior, topic, previous.subject);
  // A parallel item of the same shape swaps in place: 第三组 for 第二组, 13号 for 12号, 书记 for 市长.
  const parallel = parallelSwap(prior, topic);
  if (parallel) return parallel;
  if (TITLE_TOPIC.test(topic) && previous.subject) return `${previous.subject}的${topic}是谁？`;
  if (DATE_TOPIC.test(topic) && previous.subject) return `${previous.subject}${topic}${questionTail(prior, previous.subject)}`;
  // 下午呢 after 第二天上午…: the part of the day swaps; after a question naming a day only, it is added to it.
  if (PART_TOPIC.test(topic)) {
    const part = new RegExp(`(?:${DAY_PARTS.join('|')})`, 'u').exec(prior);
    if (part) return prior.slice(0, part.index) + topic + prior.slice(part.index + part[0].length);
    const day = PARALLEL_SHAPES[1]!.exec(prior) ?? PARALLEL_SHAPES[0]!.exec(prior);
    if (day && /[天日号]$/u.test(day[0])) return prior.slice(0, day.index + day[0].length) + topic + prior.slice(day.index + day[0].length);
  }
  const subjectSpan = previous.subject ? spanOf(prior, previous.subject) : null;
  const aspect = ASPECT_PATTERN.test(topic);
  // A short bare name (深圳, 井冈山) where the previous question has a destination is read as a place too.
  const destination = lastOf(placesIn(prior), (p) => !subjectSpan || p.end <= subjectSpan.start || p.start >= subjectSpan.end);
  // (总金额呢: an amount asked of the same subject, not a place.)
  if (QUANTITY_ASPECT.test(topic) && previous.subject) return `${previous.subject}的${topic}是多少？`;
  const kind = asPlace(topic) ?? (TOWN.test(topic) && !INTERROGATIVE.test(topic) ? 'locality' : null) ?? (!aspect && destination && /^\p{Script=Han}{2,4}$/u.test(topic) && !GROUP_PATTERN.test(topic) && !INTERROGATIVE.test(topic) && readsAsPlace(topic) ? destination.kind : null);
  // 那平凉呢 after 天水党政代表团签了多少钱: with no place read in the question (a home the gazetteer does not
  // know), a place swaps the subject's own home.
  // 四川那场呢 after 代表团第二天下午那个座谈会谁主持的: the one held in that place — not another delegation, and not
  // on the day asked before.
  if (pointed && kind && !destination && previous.subject && subjectSpan && /[团组班]$/u.test(previous.subject)) {
    const tail = questionTail(prior, previous.subject).replace(PARALLEL_SHAPES[0]!, '').replace(PARALLEL_SHAPES[1]!, '').replace(DAY_PART_AT_START, '');
    return `${previous.subject}在${topic}${tail}`;
  }
  const home = subjectSpan ? SUBJECT_HOME.exec(previous.subject!) : null;
  const swapsHome = home && !destination && /^\p{Script=Han}{2,5}$/u.test(topic) && !INTERROGATIVE.test(topic) && (kind === null ? readsAsPlace(topic) : placesIn(prior).length === 0);
  if (swapsHome) return prior.slice(0, subjectSpan!.start) + topic + previous.subject!.slice(home[1]!.length).replace(/^[省市县区州]/u, '') + prior.slice(subjectSpan!.end);
  if (kind) {
    const places = placesIn(prior);
    const outside = places.filter((p) => !subjectSpan || p.end <= subjectSpan.start || p.start >= subjectSpan.end);
    // The destination usually follows the verb: the last place of the same kind outside the subject.
    const target = lastOf(outside, (p) => p.kind === kind) ?? outside.at(-1) ?? places.find((p) => p.kind === kind) ?? places[0];
    if (target) return withTitleOfLevel(prior.slice(0, target.start) + keepSuffix(target.text, topic) + prior.slice(target.end), topic);
    return previous.subject ? `${previous.subject}在${topic}${questionTail(prior, previous.subject)}` : null;
  }
  if (GROUP_PATTERN.test(topic) && subjectSpan) return prior.slice(0, subjectSpan.start) + topic + prior.slice(subjectSpan.end);
  // Another trip ("郴州去广州那次呢"): its delegation replaces the subject.
  const trip = /^(.{2,12}?[去赴到].{2,8}?)(?:那次|那趟|这次|的那次)?$/u.exec(topic);
  if (trip && subjectSpan && placesIn(trip[1]!).length > 0) {
    // (The trip names its own destination: the old one's 去陕西 goes with the old trip.)
    const rest = prior.slice(subjectSpan.end).replace(OLD_DESTINATION, '');
    return prior.slice(0, subjectSpan.start) + `${trip[1]}的代表团` + rest;
  }
  // 园区呢 after 看了多少家企业: the same count, of another kind of thing.
  const counted = COUNTED_NOUN.exec(prior);
  if (counted && counted[3] !== topic && !aspect && !QUANTITY_ASPECT.test(topic) && !/[年月日天]/u.test(topic) && !INTERROGATIVE.test(topic) && /^\p{Script=Han}{2,6}$/u.test(topic) && /^n/.test(tagWords(topic).at(-1)?.tag ?? '')) {
    return prior.slice(0, counted.index) + `${counted[1]}个${topic}` + prior.slice(counted.index + counted[0].length);
  }
  if (previous.subject && TIME_ASPECT.test(topic)) return `${previous.subject}是什么时候去的？`;
  if (previous.subject) return `${previous.subject}的${topic}是什么？`;
  return null;
}

/** Months from January (1至9月, 一到三月): a part of the year written as a range. */
const MONTH_RANGE = '(?:1|一)月?(?:至|到|-|—|~)(?:\\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份)?';
const FRAME_ALTERNATION = `${[...TIME_FRAME_WORDS].sort((a, b) => b.length - a.length).join('|')}|${MONTH_RANGE}`;
/** A follow-up that names only a time frame (累计, 去年, 上半年, 1至6月). */
const FRAME_TOPIC = new RegExp(`^(?:${FRAME_ALTERNATION})$`, 'u');
/** The run of time-frame words a question is framed by (今年1至9月, 这次, 2024年). */
const FRAME_RUN = new RegExp(`(?:(?:19|20)\\d{2}年|${FRAME_ALTERNATION})+`, 'u');

/**
 * The previous question with its time frame swapped for `frame` (美姑今年1至9月转移了多少人 → 美姑累计转移了多少人);
 * with no frame written, the new one follows the subject, or opens the question.
 */
function swapFrame(prior: string, frame: string, subject: string | null): string {
  const run = FRAME_RUN.exec(prior);
  if (run) return prior.slice(0, run.index) + frame + prior.slice(run.index + run[0].length);
  const at = subject ? prior.indexOf(subject) : -1;
  return at < 0 ? frame + prior : prior.slice(0, at + subject!.length) + frame + prior.slice(at + subject!.length);
}

/** The destination right after a subject (去陕西, 在白鹭, 赴南川), up to the verb or particle that goes on. */
const OLD_DESTINATION = /^(?:[去赴到在]|前往)(?![了过哪什几那这])\p{Script=Han}{2,5}?(?=考察|看|签|参观|走|调研|带队|带|的|是|开|去|有|共|一共|都|还|跑|待|谁|哪|几|多少)/u;

/** 哪位副市长 asked of a 区: an office names its level, so another level's place asks for any leader. */
function withTitleOfLevel(question: string, place: string): string {
  const level = /[省市县区州]$/u.exec(place)?.[0];
  if (!level) return question;
  return question.replace(/哪(?:位|个|几位|两位)(副?[省市县区州])(长|委书记)/u, (whole, office: string) => (office.endsWith(level) ? whole : '哪位领导'));
}

/** Swaps the item of the same shape in `prior` for `topic` (第二组 → 第三组), or null when there is none. */
function parallelSwap(prior: string, asked: string): string | null {
  // 4日下午 for 3号上午: a day with its part swaps the day and the part written after it.
  const part = DAY_PART_AT_END.exec(asked)?.[0] ?? '';
  const topic = part ? asked.slice(0, -part.length) : asked;
  for (const shape of PARALLEL_SHAPES) {
    const whole = new RegExp(`^${shape.source}$`, 'u');
    if (!whole.test(topic)) continue;
    const found = shape.exec(prior);
    if (!found || found[0] === asked) continue;
    // 13号 after 4月12日 is 4月13号: the month carries over.
    const month = /^\d{1,2}月/.exec(found[0])?.[0];
    const item = month && /^\d{1,2}[号日]$/.test(topic) ? month + topic : topic;
    const end = found.index + found[0].length;
    // (那第二天呢 after 第一天下午…: a day asked without its part asks the whole day.)
    const priorPart = part || /[天日号]$/u.test(topic) ? (DAY_PART_AT_START.exec(prior.slice(end))?.[0] ?? '') : '';
    const swapped = prior.slice(0, found.index) + item + part + prior.slice(end + priorPart.length);
    // (那第二天呢 after 首日…在石家庄看了哪些地方: the place was that day's; another day asks wherever it was.)
    return /[天日号]$/u.test(topic) ? withoutVisitPlace(swapped) : swapped;
  }
  return null;
}
const DAY_PART_AT_END = new RegExp(`(?:${DAY_PARTS.join('|')})$`, 'u');
const DAY_PART_AT_START = new RegExp(`^(?:${DAY_PARTS.join('|')})`, 'u');

function lastOf<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i];
  return undefined;
}

function spanOf(text: string, part: string): Span | null {
  const start = text.indexOf(part);
  return start < 0 ? null : { text: part, start, end: start + part.length };
}

/** A province's full form carries over (湖南省 → 江西省); other places take the user's words as they are. */
function keepSuffix(previousPlace: string, topic: string): string {
  const previousIsFull = PROVINCES.some((p) => p.name === previousPlace && p.common !== previousPlace);
  const topicProvince = PROVINCES.find((p) => p.common === topic);
  return previousIsFull && topicProvince ? topicProvince.name : topic;
}

/** The previous question after its subject ("湖南省党政代表团去了哪几个省？" → "去了哪几个省？"). */
function questionTail(question: string, subject: string): string {
  const at = question.indexOf(subject);
  return at < 0 ? question : withoutVisitPlace(question.slice(at + subject.length));
}

/** A question without the place it put before a visiting verb (在郑州看了哪些地方 → 看了哪些地方). */
function withoutVisitPlace(question: string): string {
  // (在哪个省考察 asks the place: it stays.)
  return question.replace(/(?:^|(?<=\p{Script=Han}))在\p{Script=Han}{1,6}?(?=(?:都|还|又|一共|总共)?[去考调走参看])/gu, (place) => (INTERROGATIVE.test(place) ? place : ''));
}
