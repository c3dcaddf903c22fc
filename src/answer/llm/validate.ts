/**
 * Grounding checks for generated answers. Pure: the answerer hands in the model's text and the numbered paragraphs
 * it was shown, and gets back which sentences may be shown. A sentence survives only if it cites at least one
 * paragraph, cites nothing that was not provided, and every number, date and person name in it appears in one of
 * the paragraphs it cites. A language model paraphrases; it must not add facts.
 */
import { normaliseForIndex, splitSentences, tagWords, toHalfWidth, tokenizeForIndex } from '../../text/index.ts';

/** Why a generated sentence was not shown. */
export type SentenceProblemKind = 'no-citation' | 'unknown-citation' | 'unsupported-fact';

export interface SentenceProblem {
  kind: SentenceProblemKind;
  /** What failed, for logs: the unknown numbers or the facts no cited paragraph states. */
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
}

export const DEFAULT_MIN_KEPT_SHARE = 0.5;

/** What the prompt tells the model to say when the material has no answer; a few close variants too. */
const DECLINE = /资料中?(?:均|并)?未(?:提及|提到|涉及)|资料中?(?:没有|并无|未有)(?:提及|提到|涉及|相关)/;

/** `[1]`, `[1][2]`, `[1,2]`, `[1、2]`; full-width brackets are normalised first. */
const MARKER = /\[(\d+(?:\s*[,，、]\s*\d+)*)\]/g;
const TERMINATOR_RUN = /([。！？；!?;…]+[”’」』）)】》]*)((?:\s*\[\d+(?:\s*[,，、]\s*\d+)*\])+)/g;
const HAS_CONTENT = /[\p{L}\p{N}]/u;
const ENDS_SENTENCE = /[。！？；!?;…：:][”’」』）)】》]*$/;
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
    .replace(TERMINATOR_RUN, (_m, terminator: string, markers: string) => `${markers.replace(/\s+/g, '')}${terminator}`);
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
/**
 * The commonest Chinese surnames (together well over 90% of the population). jieba's HMM also "discovers" words
 * like 个点 or 赴湘; only unknown words that start with a surname are taken for names.
 */
const COMMON_SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);

/**
 * Probable person names in a sentence: words jieba tags as names (nr…), words its HMM discovered that are not in
 * any dictionary (tag x: names it has never seen, like 张三, come out this way) and the word right after a job
 * title. Over-detecting is the safe side: a false "name" that the cited paragraph lacks only drops a sentence.
 */
function namesIn(text: string): string[] {
  const words = tagWords(text);
  const names = new Set<string>();
  words.forEach(({ word, tag }, i) => {
    if (!HAN_NAME.test(word)) return;
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
    if (!supportTexts.some((text) => text.includes(name))) missing.push(name);
  }
  return [...new Set(missing)];
}

/**
 * Checks a generated answer against the paragraphs the model was given (`paragraphs.get(n)` is the text shown as
 * `[n]`). Sentences without a citation, with a citation to a paragraph not provided, or with a number, date or
 * person name that none of their cited paragraphs states, are marked with their problem and left out of `kept`.
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
    .map((s) => ({ ...s, problem: problemOf(s, paragraphs) }));
  const kept = sentences.filter((s) => s.problem === null);
  return {
    sentences,
    kept,
    declined: sentences.length === 0 && remarks.some((s) => DECLINE.test(s.text)),
    sufficient: kept.length > 0 && kept.length >= minKeptShare * sentences.length,
  };
}

function problemOf(sentence: { text: string; citations: number[] }, paragraphs: ReadonlyMap<number, string>): SentenceProblem | null {
  if (sentence.citations.length === 0) return { kind: 'no-citation', detail: sentence.text };
  const unknown = sentence.citations.filter((n) => !paragraphs.has(n));
  if (unknown.length > 0) return { kind: 'unknown-citation', detail: unknown.map((n) => `[${n}]`).join('') };
  const missing = unsupportedFacts(sentence.text, sentence.citations.map((n) => paragraphs.get(n)!));
  return missing.length > 0 ? { kind: 'unsupported-fact', detail: missing.join(', ') } : null;
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
