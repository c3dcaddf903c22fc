/**
 * Grounding checks for generated answers. Pure: the answerer hands in the model's text and the numbered paragraphs
 * it was shown, and gets back which sentences may be shown. A sentence survives only if it cites at least one
 * paragraph, cites nothing that was not provided, is not an instruction to the reader, and is supported by the
 * paragraphs it cites as a whole: every number, date and person name in it, and every content word (places,
 * organisations, things, Latin-script words, URLs), appears there. A language model paraphrases; it must not add
 * facts, and it must not pass on text injected into an article.
 */
import { extractFacts } from '../../facts/index.ts';
import {
  canonicalWord,
  GENERIC_PLACES,
  NON_FACT_WORDS,
  STOP_WORDS,
  foldScript,
  normaliseForIndex,
  placeVariants,
  splitSentences,
  synonymsOf,
  tagWords,
  toHalfWidth,
  tokenizeForIndex,
} from '../../text/index.ts';

/** Why a generated sentence was not shown. */
export type SentenceProblemKind =
  | 'no-citation'
  | 'unknown-citation'
  /** Addresses the reader or the model (忽略以上指令, 请立即访问…, ignore previous instructions): never shown. */
  | 'instruction'
  /** A URL that no cited paragraph contains. */
  | 'unknown-url'
  | 'unsupported-fact'
  /** A place, organisation, thing or Latin-script word that no cited paragraph contains. */
  | 'unsupported-word';

export interface SentenceProblem {
  kind: SentenceProblemKind;
  /** What failed, for logs: the unknown numbers, facts or words no cited paragraph states, or the instruction. */
  detail: string;
}

/** One sentence of the generated text with its `[n]` markers taken out. */
export interface CheckedSentence {
  /** The sentence without markers, e.g. `湖南省党政代表团赴广东学习考察。` */
  text: string;
  /** The paragraph numbers it cites, in the order written, without repeats. */
  citations: number[];
  /** Null when the sentence may be shown. */
  problem: SentenceProblem | null;
}

export interface GeneratedAnswerCheck {
  /** Every sentence that claims something, in order (an uncited "资料中未提及" remark or a bare lead-in does not). */
  sentences: CheckedSentence[];
  /** The sentences that passed, in order. */
  kept: CheckedSentence[];
  /** The model said the material does not answer the question and stated nothing else. */
  declined: boolean;
  /** Enough survived to show: at least one sentence, and at least `minKeptShare` of them. */
  sufficient: boolean;
}

export interface ValidationOptions {
  /** Below this share of surviving sentences the whole answer is distrusted (the caller falls back). */
  minKeptShare?: number;
  /**
   * Text shown to the model beside paragraph n (its article's title): it may support content words (the title
   * names the delegation a paragraph calls 代表团), never numbers, dates or names.
   */
  titles?: ReadonlyMap<number, string>;
}

export const DEFAULT_MIN_KEPT_SHARE = 0.5;

/** What the prompt tells the model to say when the material has no answer; a few close variants too. */
const DECLINE = /资料中?(?:均|并)?未(?:提及|提到|涉及)|资料中?(?:没有|并无|未有)(?:提及|提到|涉及|相关)/;

/** `[1]`, `[1][2]`, `[1,2]`, `[1、2]`; full-width brackets are normalised first. */
const MARKER = /\[(\d+(?:\s*[,，、]\s*\d+)*)\]/g;
const TERMINATOR_RUN = /([。！？；!?;…]+[”’」』）)】》]*|\.(?=\s*\[))((?:\s*\[\d+(?:\s*[,，、]\s*\d+)*\])+)/g;
/**
 * An ASCII full stop ends a sentence when a space or the end follows (`prompt. Next`), not inside 2064.47 or a
 * URL; `!?;` always do (see splitSentences). Without this an English sentence would borrow the next one's [n].
 */
const ASCII_STOP = /\.(?=\s|$)/g;
const HAS_CONTENT = /[\p{L}\p{N}]/u;
const ENDS_SENTENCE = /[。！？；!?;….：:][”’」』）)】》]*$/;
/** `以下几个方面：` introduces what follows and states nothing itself. */
const LEAD_IN = /[：:]$/;

/**
 * Undoes the formatting models add despite the prompt (Markdown emphasis, headings, list bullets, numbered list
 * items — the "1." of a list would otherwise count as a number the paragraph must state) and moves markers written
 * after the full stop (`…考察。[1]`) before it, so each marker stays with its sentence.
 */
function tidyGeneratedText(text: string): string {
  return text
    .replace(/【\s*(\d+)\s*】|［\s*(\d+)\s*］/g, (_m, a: string | undefined, b: string | undefined) => `[${a ?? b}]`)
    .replace(/\*\*|__|`/g, '')
    .replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]*(?:[-*•·]|\d{1,2}[.、)）]|[（(]\d{1,2}[)）])[ \t]*/gm, '')
    .replace(TERMINATOR_RUN, (_m, terminator: string, markers: string) => `${markers.replace(/\s+/g, '')}${terminator}`)
    .replace(ASCII_STOP, '.\n');
}

/** Splits generated text into sentences and their citation numbers (markers removed from the text). */
export function parseGeneratedSentences(text: string): Array<{ text: string; citations: number[] }> {
  const sentences: Array<{ text: string; citations: number[] }> = [];
  for (const span of splitSentences(tidyGeneratedText(text))) {
    const citations: number[] = [];
    for (const match of span.text.matchAll(MARKER)) {
      for (const n of match[1]!.split(/[,，、]/)) {
        const value = Number(n.trim());
        if (!citations.includes(value)) citations.push(value);
      }
    }
    const plain = span.text.replace(MARKER, '').trim();
    if (HAS_CONTENT.test(plain)) {
      // List items and headings end without punctuation; answers are rendered as running text.
      sentences.push({ text: ENDS_SENTENCE.test(plain) ? plain : `${plain}。`, citations });
    } else if (citations.length > 0 && sentences.length > 0) {
      // A marker left on its own line still belongs to the sentence before it.
      const previous = sentences.at(-1)!;
      for (const n of citations) if (!previous.citations.includes(n)) previous.citations.push(n);
    }
  }
  return sentences;
}

/** Month/day mentions: `9月25日`, `9月`, and a bare `28日` that takes the month mentioned before it (9月23日至28日). */
interface DateMention {
  month: number | null;
  day: number | null;
}

interface Facts {
  /** Quantities and years, as numbers (2064.47, 36, 2023), excluding month and day numbers of dates. */
  numbers: number[];
  dates: DateMention[];
}

const FACT_TOKEN = /(\d{1,2})月(?:(\d{1,2})[日号])?|(\d{1,2})[日号]|(\d+(?:\.\d+)?)/g;

/**
 * Numbers and dates of a text after `normaliseForIndex`, which turns Chinese numerals into Arabic ones where they
 * are quantities (三十六个 → 36个, 九月二十五日 → 9月25日, 百分之三十 → 30%), so that 36个 and 三十六个 compare equal.
 */
function factsOf(text: string): Facts {
  const normalised = normaliseForIndex(text);
  const facts: Facts = { numbers: [], dates: [] };
  let month: number | null = null;
  for (const match of normalised.matchAll(FACT_TOKEN)) {
    if (match[1] !== undefined) {
      month = Number(match[1]);
      facts.dates.push({ month, day: match[2] === undefined ? null : Number(match[2]) });
    } else if (match[3] !== undefined) {
      facts.dates.push({ month, day: Number(match[3]) });
    } else {
      facts.numbers.push(Number(match[4]));
    }
  }
  return facts;
}

function dateSupported(date: DateMention, supported: DateMention[]): boolean {
  return supported.some(
    (s) => (date.month === null || s.month === date.month) && (date.day === null || s.day === date.day),
  );
}

function formatDate(date: DateMention): string {
  return `${date.month === null ? '' : `${date.month}月`}${date.day === null ? '' : `${date.day}日`}`;
}

/** Job titles after which the next word is a person's name (省委书记沈晓明, 县长周登高). */
const TITLE_WORD = /(?:书记|省长|市长|县长|区长|州长|镇长|乡长|部长|厅长|局长|主任|主席|秘书长|董事长|总经理|总裁|院长|校长|常委|委员|司令员|政委)$/;
const HAN_NAME = /^[\u4e00-\u9fa5]{2,4}$/;
const NAME_TRAILING_PARTICLE = /[也都还就则等和与及说在以为将把被向对从]$/;
/**
 * The commonest Chinese surnames (together well over 90% of the population). jieba's HMM also "discovers" words
 * like 个点 or 赴湘; only unknown words that start with a surname are taken for names.
 */
const COMMON_SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);

/** `由/与/同 + two- or three-character name + a verb people do in reports` (由张三丰率领, 与李四会见). */
const AGENT_BEFORE_VERB = /(?:由|与|同|和|经)([\u4e00-\u9fa5]{2,3}?)(?:主持|率领|带领|带队|率队|讲话|致辞|出席|陪同|介绍|会见|会谈|签署|签约)/g;

/**
 * Probable person names in a sentence: people the fact extractor finds, words jieba tags as names (nr…), words
 * its HMM discovered that are not in any dictionary (tag x: names it has never seen, like 张三, come out this way),
 * the word right after a job title, and the agent of 由…主持/率领. Over-detecting is the safe side: a false "name" that the cited paragraph lacks only drops a sentence.
 */
function namesIn(text: string): string[] {
  const words = tagWords(text);
  const people = extractFacts(text).filter((fact) => fact.kind === 'person');
  const names = new Set<string>(people.map((fact) => fact.name));
  // 由易炼红主持: jieba may glue the preposition to an unseen name (由易炼|红), so the construction is read directly.
  for (const match of text.matchAll(AGENT_BEFORE_VERB)) if (COMMON_SURNAMES.has(match[1]![0]!)) names.add(match[1]!);
  // Where the fact extractor read a name, jieba's differently cut pieces of it (刘志|仁和) are not names of their own.
  let cursor = 0;
  const overlapsPerson = (word: string) => {
    const start = text.indexOf(word, cursor);
    if (start < 0) return false;
    cursor = start + word.length;
    return people.some((person) => start < person.end && person.start < start + word.length);
  };
  words.forEach(({ word, tag }, i) => {
    if (overlapsPerson(word) || !HAN_NAME.test(word)) return;
    const afterTitle = i > 0 && TITLE_WORD.test(words[i - 1]!.word) && (tag === 'x' || tag.startsWith('nr'));
    const unknownWithSurname = tag === 'x' && word.length <= 3 && COMMON_SURNAMES.has(word[0]!);
    if (tag.startsWith('nr') || unknownWithSurname || afterTitle) names.add(word);
  });
  return [...names];
}

/**
 * The numbers, dates and person names of `sentence` that none of `supportTexts` states. Empty means grounded.
 * A "1" that the sentence writes only as the character 一 (一次, 一批, 第一) is not required: it is a figure of
 * speech far more often than a fact.
 */
export function unsupportedFacts(sentence: string, supportTexts: readonly string[]): string[] {
  const facts = factsOf(sentence);
  const support = supportTexts.map(factsOf);
  const supportNumbers = new Set(support.flatMap((s) => s.numbers));
  const supportDates = support.flatMap((s) => s.dates);
  const writtenDigits = new Set(Array.from(toHalfWidth(sentence).matchAll(/\d+(?:\.\d+)?/g), (m) => Number(m[0])));
  const missing: string[] = [];
  for (const value of facts.numbers) {
    if (value === 1 && !writtenDigits.has(1)) continue;
    if (!supportNumbers.has(value)) missing.push(String(value));
  }
  for (const date of facts.dates) {
    if (!dateSupported(date, supportDates)) missing.push(formatDate(date));
  }
  for (const name of namesIn(sentence)) {
    // jieba's HMM may glue a particle to an unseen name (王浩也, 刘捷等): the name without it is what must occur.
    const bare = name.length >= 3 ? name.replace(NAME_TRAILING_PARTICLE, '') : name;
    if (!supportTexts.some((text) => text.includes(name) || (bare !== name && text.includes(bare)))) missing.push(name);
  }
  return [...new Set(missing)];
}

/**
 * Words a paraphrase adds without adding a fact: how long something took, that it was specially or mainly so,
 * what it included. Together with the lexicon's non-fact words (此次, 期间, 分别, 进行, 表示…), stop words and
 * generic places. Kept small and generic on purpose: anything here can be invented freely.
 */
const PARAPHRASE_GLUE: ReadonlySet<string> = new Set([
  '历时', '为期', '专程', '此外', '另外', '主要', '重点', '包括', '一起', '前后', '其间', '当中', '之间', '内容', '行程',
  '资料', '报道', '文章', '消息', '目的', '时间', '地点', '成员', '人员', '领导', '负责人', '具体', '有关方面', '交流', '学习', '大家',
]);

/**
 * Part-of-speech tags of content words: nouns, places, organisations, other proper nouns, abbreviations (长三角).
 * Verbs, adverbs and function words are paraphrase; names are checked as facts. Words the HMM invents (tag x) are
 * left out: they are mostly glue cut oddly (吴韬以, 称其为), and the unknown names among them are facts.
 */
const CONTENT_TAG = /^(?:n|ng|ns|nt|nz|nw|nrt|nrfg|nr|j)$/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** `http://…`, `https://…`, `www.…` up to whitespace, CJK punctuation or a bracket. */
const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s，。！？；、：“”‘’（）()<>《》【】\[\]"'\u3400-\u9fff]+/gi;
/** A Latin-script word (letters, then letters, digits, apostrophes or hyphens). */
const LATIN_WORD = /[a-z][a-z0-9'’-]*/gi;

/**
 * Text that addresses the reader or the model instead of reporting: prompt-injection phrasing from an article
 * (or the model's own chatter). Such a sentence is never shown, whatever it cites.
 */
const INSTRUCTION_PATTERNS: readonly RegExp[] = [
  /(?:忽略|无视|忘记|忘掉|不要理会|不必理会|跳过)[^。！？]{0,12}(?:指令|指示|提示|规则|要求|设定|命令|约束)/,
  /(?<![邀申提聘宴恭敬延约])请(?:你|您|大家|读者)?(?:立即|马上|立刻|赶快|尽快|务必|直接)?(?:访问|点击|打开|登录|登陆|扫码|扫描|关注|下载|联系|拨打|添加|转账|汇款|回复|输出|告诉|透露|泄露|显示|打印|复述|领取|前往网站)/,
  /(?:立即|马上|立刻|赶快|赶紧)(?:访问|点击|领取|登录|登陆|下载|联系|扫码|注册|转账|汇款)/,
  /领取(?:奖励|红包|奖品|礼品|奖金|福利)/,
  /系统提示|提示词|system\s*prompt/i,
  /(?:你|您)(?:现在)?(?:是|扮演|充当)(?:一个|一名)?(?:AI|人工智能|助手|语言模型|机器人)/i,
  /\b(?:ignore|disregard|forget|override|bypass)\b[^.!?]{0,40}\b(?:instructions?|prompts?|rules|directions|guidelines|above|previous|prior)\b/i,
  /\b(?:reveal|print|show|output|repeat|display|leak|tell\s+me)\b[^.!?]{0,40}\b(?:prompts?|instructions?|secrets?|api\s*keys?|passwords?)\b/i,
  /^(?:please\s+)?(?:click|visit|go\s+to|open|download|call|contact|sign\s+up|log\s*in|register|claim)\b/i,
  /\b(?:you\s+are\s+now|act\s+as|pretend\s+to\s+be|from\s+now\s+on)\b/i,
];

/** The instruction-like phrase in `sentence`, or null when it reports rather than instructs. */
export function instructionIn(sentence: string): string | null {
  const text = foldScript(toHalfWidth(sentence));
  for (const pattern of INSTRUCTION_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}

function urlsIn(text: string): string[] {
  return Array.from(toHalfWidth(text).matchAll(URL_PATTERN), (m) => m[0].replace(/[.,;:!?]+$/, ''));
}

/** URLs in `sentence` that none of `supportTexts` contains (compared without case). */
export function unknownUrls(sentence: string, supportTexts: readonly string[]): string[] {
  const support = toHalfWidth(supportTexts.join('\n')).toLowerCase();
  return [...new Set(urlsIn(sentence).filter((url) => !support.includes(url.toLowerCase())))];
}

/** Whether `word` (script-folded) or one of its domain synonyms or place spellings occurs in `support`. */
function wordOccurs(word: string, support: string): boolean {
  if (support.includes(word)) return true;
  if (synonymsOf(word).some((synonym) => support.includes(synonym))) return true;
  return placeVariants(word).some((variant) => variant.length >= 2 && support.includes(variant));
}

/**
 * Whether a content word is supported: it occurs (or a synonym or place spelling does), or it is a compound of two
 * parts of at least two characters that each occur (广州南沙 for 广州市南沙区: jieba glues differently in each text).
 */
function contentWordSupported(word: string, support: string): boolean {
  if (wordOccurs(word, support)) return true;
  const partSupported = (part: string) => isGlue(part) || wordOccurs(part, support);
  // 省领导, 市直部门: an administrative level in front of a word that is glue or supported.
  if (ADMIN_LEVEL_PREFIX.test(word) && word.length >= 3 && partSupported(word.slice(1))) return true;
  for (let cut = 2; cut <= word.length - 2; cut += 1) {
    if (partSupported(word.slice(0, cut)) && partSupported(word.slice(cut))) return true;
  }
  return false;
}

const ADMIN_LEVEL_PREFIX = /^[省市县区州乡镇村]/;
/** Synonym groups (by canonical word) that name things a sentence may invent, unlike the verbs and roles. */
const THING_GROUPS: ReadonlySet<string> = new Set(['协议', '座谈会', '企业', '项目']);
/** A demonstrative or quantifier with a measure word (这座, 该项, 每个): points at a thing, names none. */
const DETERMINER = /^[这那该此每各本某其][\u4e00-\u9fa5]$/;
/** Figures with their date or percent unit and a range word: `9日至`, `30%`, `2064.47`. */
const NUMERIC_EXPRESSION = /\d+(?:\.\d+)?(?:多|余)?(?:[年月日号%])?(?:[至到~-])?/g;

function isGlue(word: string): boolean {
  return NON_FACT_WORDS.has(word) || STOP_WORDS.has(word) || GENERIC_PLACES.has(word) || PARAPHRASE_GLUE.has(word);
}

/**
 * The content words of `sentence` that none of `supportTexts` contains: nouns, places, organisations and other
 * proper nouns of two or more characters (by jieba's tags, after script folding), Latin-script words of two or
 * more letters, and URLs. Paraphrase glue, the lexicon's synonyms of a word that occurs, and traditional/simplified
 * variants are allowed. Empty means every thing the sentence mentions is in its sources.
 */
export function unsupportedWords(sentence: string, supportTexts: readonly string[]): string[] {
  const support = foldScript(toHalfWidth(supportTexts.join('\n')));
  const supportLower = support.toLowerCase();
  let text = foldScript(toHalfWidth(sentence));
  const missing: string[] = [];
  for (const url of urlsIn(text)) {
    if (!supportLower.includes(url.toLowerCase())) missing.push(url);
    text = text.split(url).join(' ');
  }
  for (const match of text.matchAll(LATIN_WORD)) {
    const word = match[0].replace(/['’-]+$/, '');
    if (word.length < 2) continue;
    const pattern = new RegExp(`(?<![a-z])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z])`, 'i');
    if (!pattern.test(support)) missing.push(word);
  }
  // People are checked as facts; their names are blanked so jieba's other cuts of them (刘志|仁和) are not words.
  for (const fact of extractFacts(text)) if (fact.kind === 'person') text = text.split(fact.text).join(' ');
  // Numbers and dates are checked as facts; without them jieba cannot make words of their leftovers (9日至|11日).
  text = text.replace(NUMERIC_EXPRESSION, ' ');
  for (const { word, tag } of tagWords(text)) {
    if (word.length < 2 || !HAN.test(word) || !CONTENT_TAG.test(tag) || isGlue(word)) continue;
    // Domain vocabulary (率领, 考察, 代表团, 前往…) relates facts rather than stating one; the facts are checked.
    // Things in the vocabulary (an agreement, a forum, a company, a project) are checked, any synonym counting.
    if ((synonymsOf(word).length > 0 && !THING_GROUPS.has(canonicalWord(word))) || DETERMINER.test(word)) continue;
    if (!contentWordSupported(word, support)) missing.push(word);
  }
  return [...new Set(missing)];
}

/**
 * Checks a generated answer against the paragraphs the model was given (`paragraphs.get(n)` is the text shown as
 * `[n]`). Sentences without a citation, with a citation to a paragraph not provided, that instruct the reader, or
 * with a URL, number, date, person name or content word that none of their cited paragraphs states, are marked
 * with their problem (see `sentenceProblem`) and left out of `kept`.
 */
export function checkGeneratedAnswer(
  text: string,
  paragraphs: ReadonlyMap<number, string>,
  options: ValidationOptions = {},
): GeneratedAnswerCheck {
  const minKeptShare = options.minKeptShare ?? DEFAULT_MIN_KEPT_SHARE;
  const parsed = parseGeneratedSentences(text);
  // An uncited "资料中未提及…" remark states no fact: it is neither shown nor counted against the answer.
  const remarks = parsed.filter(
    (s) => s.citations.length === 0 && (DECLINE.test(s.text) || (LEAD_IN.test(s.text) && unsupportedFacts(s.text, []).length === 0)),
  );
  const sentences: CheckedSentence[] = parsed
    .filter((s) => !remarks.includes(s))
    .map((s) => ({ ...s, problem: sentenceProblem(s, paragraphs, options.titles) }));
  const kept = sentences.filter((s) => s.problem === null);
  return {
    sentences,
    kept,
    declined: sentences.length === 0 && remarks.some((s) => DECLINE.test(s.text)),
    sufficient: kept.length > 0 && kept.length >= minKeptShare * sentences.length,
  };
}

/**
 * Why one sentence may not be shown, or null when it may. Checked in order: citations, instruction, URLs, facts
 * (numbers, dates, names: paragraphs only), content words (paragraphs and their titles).
 */
export function sentenceProblem(
  sentence: { text: string; citations: readonly number[] },
  paragraphs: ReadonlyMap<number, string>,
  titles: ReadonlyMap<number, string> = new Map(),
): SentenceProblem | null {
  if (sentence.citations.length === 0) return { kind: 'no-citation', detail: sentence.text };
  const unknown = sentence.citations.filter((n) => !paragraphs.has(n));
  if (unknown.length > 0) return { kind: 'unknown-citation', detail: unknown.map((n) => `[${n}]`).join('') };
  const instruction = instructionIn(sentence.text);
  if (instruction) return { kind: 'instruction', detail: instruction };
  const cited = sentence.citations.map((n) => paragraphs.get(n)!);
  const urls = unknownUrls(sentence.text, cited);
  if (urls.length > 0) return { kind: 'unknown-url', detail: urls.join(', ') };
  const missing = unsupportedFacts(sentence.text, cited);
  if (missing.length > 0) return { kind: 'unsupported-fact', detail: missing.join(', ') };
  const context = [...cited, ...sentence.citations.flatMap((n) => titles.get(n) ?? [])];
  const words = unsupportedWords(sentence.text, context);
  return words.length > 0 ? { kind: 'unsupported-word', detail: words.join(', ') } : null;
}

/**
 * The sentences of a still-streaming answer that are complete and pass `sentenceProblem`, in order, without their
 * markers: what may be shown as a draft. The last sentence is never included, since more text (a `[n]` after its
 * full stop, the rest of 2064.47) may still arrive. `cache` (sentence → verdict) saves re-checking on every chunk.
 */
export function validatedDraft(
  partial: string,
  paragraphs: ReadonlyMap<number, string>,
  titles: ReadonlyMap<number, string> = new Map(),
  cache: Map<string, boolean> = new Map(),
): string {
  const complete = parseGeneratedSentences(partial).slice(0, -1);
  return complete
    .filter((sentence) => {
      const key = `${sentence.citations.join(',')}|${sentence.text}`;
      let ok = cache.get(key);
      if (ok === undefined) {
        ok = sentenceProblem(sentence, paragraphs, titles) === null;
        cache.set(key, ok);
      }
      return ok;
    })
    .map((sentence) => sentence.text)
    .join('');
}

/**
 * The sentence of `paragraph` that best matches a generated sentence (most shared index tokens, earliest on
 * ties): the verbatim quote shown for the citation.
 */
export function bestMatchingSentence(generated: string, paragraph: string): string {
  const wanted = new Set(tokenizeForIndex(generated));
  let best = '';
  let bestScore = -1;
  for (const { text } of splitSentences(paragraph)) {
    const tokens = new Set(tokenizeForIndex(text));
    let shared = 0;
    for (const token of tokens) if (wanted.has(token)) shared += 1;
    // Dividing by the square root prefers a focused sentence over a long one that shares a few more tokens.
    const score = tokens.size === 0 ? 0 : shared / Math.sqrt(tokens.size);
    if (score > bestScore) {
      best = text;
      bestScore = score;
    }
  }
  return best || paragraph;
}
