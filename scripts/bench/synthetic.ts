/**
 * Synthetic corpora for the benchmark: articles in the seed corpus's plain-text shape (title line, source/date line,
 * one paragraph per line) whose paragraphs recombine seed sentences and clauses, with dates, numbers, places and
 * people varied by a seeded PRNG. Pure and deterministic: the same seed material, size and seed give the same
 * articles byte for byte, so runs are comparable.
 *
 * The variation exists for two reasons: near-duplicate detection (MinHash over 5-character shingles) must see
 * different stories, and the lexical index should not degenerate into a few hundred distinct paragraphs repeated
 * thousands of times (posting lists would be unrealistically long, and so would every query).
 */
import { DOMAIN_TERMS, TITLES, cleanArticle, escapeRegExp, splitSentences } from '../../src/text/index.ts';
import { BenchError } from './options.ts';

/** What the generator draws from, extracted once from the seed articles. */
export interface SeedMaterial {
  /** Body sentences, trimmed, at least `minSentenceChars` long. */
  sentences: string[];
  /** Comma-separated pieces of the sentences, without their final punctuation. */
  clauses: string[];
  /** Heading lines (short lines without sentence punctuation). */
  headings: string[];
  /** Sentences per body paragraph, one entry per seed paragraph: sampling it keeps paragraph lengths realistic. */
  sentencesPerParagraph: number[];
  /** Headings among heading + body paragraphs (0..1). */
  headingShare: number;
}

export interface SeedMaterialOptions {
  /** Shorter sentences (often fragments like 目前,) are not used on their own. */
  minSentenceChars?: number;
  /** Shorter clauses (……等,) are not recombined. */
  minClauseChars?: number;
}

export interface SyntheticCorpusOptions {
  /** Total paragraphs (title and source lines are metadata, not paragraphs). */
  paragraphs: number;
  /** Mean paragraphs per article; each article gets 60%–140% of it. */
  paragraphsPerArticle?: number;
  /** Share of body sentences built from recombined clauses rather than taken whole (0..1). */
  clauseMixShare?: number;
  /** PRNG seed. */
  seed?: number;
}

export interface SyntheticArticle {
  fileName: string;
  text: string;
  paragraphs: number;
}

export const DEFAULT_PARAGRAPHS_PER_ARTICLE = 50;
export const DEFAULT_CLAUSE_MIX_SHARE = 0.5;
const DEFAULT_MIN_SENTENCE_CHARS = 8;
const DEFAULT_MIN_CLAUSE_CHARS = 4;
/** Clauses per recombined sentence: 2 or 3, like most of the seed's sentences. */
const CLAUSES_PER_SENTENCE = [2, 3] as const;

/** Extracts sentences, clauses, headings and the paragraph-shape statistics from seed article texts. */
export function seedMaterial(articles: ReadonlyArray<{ fileName: string; text: string }>, options: SeedMaterialOptions = {}): SeedMaterial {
  const minSentence = options.minSentenceChars ?? DEFAULT_MIN_SENTENCE_CHARS;
  const minClause = options.minClauseChars ?? DEFAULT_MIN_CLAUSE_CHARS;
  const sentences: string[] = [];
  const headings: string[] = [];
  const sentencesPerParagraph: number[] = [];
  for (const { fileName, text } of articles) {
    for (const paragraph of cleanArticle(text, { fileName }).paragraphs) {
      if (paragraph.kind === 'heading') headings.push(paragraph.text.trim());
      if (paragraph.kind !== 'body') continue;
      const spans = splitSentences(paragraph.text).map((s) => s.text.trim());
      sentencesPerParagraph.push(spans.length);
      sentences.push(...spans.filter((s) => [...s].length >= minSentence));
    }
  }
  const clauses = sentences.flatMap((s) =>
    s
      .replace(/[。！？；!?;…]+[”’」』）)】》]*$/u, '')
      .split(/[，,]/)
      .map((c) => c.trim())
      .filter((c) => [...c].length >= minClause),
  );
  if (sentences.length === 0 || clauses.length === 0) throw new BenchError('the seed articles gave no sentences to recombine');
  const headingShare = headings.length / (headings.length + sentencesPerParagraph.length);
  return { sentences, clauses, headings, sentencesPerParagraph, headingShare };
}

/** Deterministic PRNG (mulberry32): fast, 32-bit state, good enough for picking sentences. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


/** Place names the seed text uses (domain dictionary, longest first so 湘西土家族苗族自治州 wins over 湘西州). */
const PLACE_NAMES = DOMAIN_TERMS.filter((t) => t.tag === 'ns' && [...t.word].length <= 6).map((t) => t.word);
/**
 * One alternation of `words`, longest first; null for no words — an empty alternation would match the empty string
 * at every position and scatter replacements between all characters.
 */
function alternation(words: readonly string[]): RegExp | null {
  const sorted = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);
  return sorted.length > 0 ? new RegExp(sorted.map(escapeRegExp).join('|'), 'g') : null;
}
const PLACE_PATTERN = alternation(PLACE_NAMES);
/** People: the dictionary's names, if any (it holds no corpus names), else a name right after a title. */
const PERSON_PATTERN =
  alternation(DOMAIN_TERMS.filter((t) => t.tag === 'nr').map((t) => t.word)) ??
  new RegExp(`(?<=(?:${[...TITLES].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')}))[\\u4e00-\\u9fa5]{2,3}(?=[、，,和率在])`, 'g');
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢'];
const GIVEN_CHARS = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红玉兰海波宁东峰晓春辉庆文斌林鹏飞云龙'];
/** Most Chinese given names have two characters. */
const TWO_CHARACTER_GIVEN_NAME_SHARE = 0.7;
const OUTLETS = ['红网', '新湖南', '湖南日报', '浙江日报', '新京报', '中国访谈网', '新浪财经', '浙江发布', '南方日报', '长江日报'];
const TOUR_VERBS = ['学习考察', '考察学习', '对标学习', '调研考察', '考察交流'];
const TITLE_SUFFIXES = ['纪实', '侧记', '观察', '归来谈体会', ':学什么、怎么干', '综述', '手记'];

/** Random choices drawn from one PRNG. */
interface Dice {
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

function dice(random: () => number): Dice {
  return {
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
    pick: (items) => items[Math.floor(random() * items.length)]!,
    chance: (probability) => random() < probability,
  };
}

/** Replaces dates, numbers, places and people so recombined text tells a different (fictional) story. */
function vary(text: string, { int, pick, chance }: Dice): string {
  return text
    .replace(/\d{4}年|\d{1,2}月\d{1,2}日|\d{1,2}月|\d{1,2}日|\d+/g, (found) => {
      if (found.endsWith('年')) return `${int(2016, 2025)}年`;
      if (found.includes('月') && found.endsWith('日')) return `${int(1, 12)}月${int(1, 28)}日`;
      if (found.endsWith('月')) return `${int(1, 12)}月`;
      if (found.endsWith('日')) return `${int(1, 28)}日`;
      // Same number of digits: magnitudes (36个考察点, 2000多公里) stay plausible.
      return String(int(found.length === 1 ? 1 : 10 ** (found.length - 1), 10 ** found.length - 1));
    })
    .replace(PLACE_PATTERN ?? /(?!)/g, () => pick(PLACE_NAMES))
    .replace(PERSON_PATTERN, () => pick(SURNAMES) + pick(GIVEN_CHARS) + (chance(TWO_CHARACTER_GIVEN_NAME_SHARE) ? pick(GIVEN_CHARS) : ''));
}

/**
 * Yields synthetic articles totalling exactly `options.paragraphs` paragraphs. Body paragraphs copy the sentence
 * count of a random seed paragraph; each sentence is either a seed sentence or 2–3 recombined clauses.
 */
export function* syntheticArticles(material: SeedMaterial, options: SyntheticCorpusOptions): Generator<SyntheticArticle> {
  const perArticle = options.paragraphsPerArticle ?? DEFAULT_PARAGRAPHS_PER_ARTICLE;
  const clauseMix = options.clauseMixShare ?? DEFAULT_CLAUSE_MIX_SHARE;
  if (!Number.isInteger(options.paragraphs) || options.paragraphs < 1) throw new BenchError(`paragraphs must be a positive integer, got ${options.paragraphs}`);
  if (!Number.isInteger(perArticle) || perArticle < 1) throw new BenchError(`paragraphsPerArticle must be a positive integer, got ${perArticle}`);
  const roll = dice(mulberry32(options.seed ?? options.paragraphs));
  const { int, pick, chance } = roll;
  const sentence = () => {
    if (!chance(clauseMix)) return pick(material.sentences);
    return `${Array.from({ length: pick(CLAUSES_PER_SENTENCE) }, () => pick(material.clauses)).join('，')}。`;
  };
  const paragraph = () =>
    material.headings.length > 0 && chance(material.headingShare)
      ? vary(pick(material.headings), roll)
      : vary(Array.from({ length: pick(material.sentencesPerParagraph) }, sentence).join(''), roll);

  let remaining = options.paragraphs;
  const width = String(Math.ceil(options.paragraphs / Math.max(1, Math.floor(perArticle * 0.6)))).length;
  for (let n = 1; remaining > 0; n++) {
    const count = Math.min(remaining, Math.max(1, Math.round(perArticle * (0.6 + 0.8 * int(0, 1000) / 1000))));
    remaining -= count;
    const from = pick(PLACE_NAMES);
    const to = pick(PLACE_NAMES.filter((p) => p !== from));
    const title = `${from}党政代表团赴${to}${pick(TOUR_VERBS)}${pick(TITLE_SUFFIXES)}`;
    const date = `${int(2016, 2025)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')} ${String(int(7, 22)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00`;
    const lines = [title, `来源:${pick(OUTLETS)} ${date}`, ...Array.from({ length: count }, paragraph)];
    yield { fileName: `synthetic-${String(n).padStart(width, '0')}.txt`, text: `${lines.join('\n')}\n`, paragraphs: count };
  }
}
