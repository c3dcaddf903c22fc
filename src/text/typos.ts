/**
 * One-character typos in questions, corrected against the words the articles hold. Chinese input methods type by
 * sound, so a typo is almost always a homophone (陪通 for 陪同, 油客 for 游客): a character whose every window is
 * absent from the articles, while a homophone restores one of their words there, is that homophone.
 * The answers and their quotes still come from the articles; only the reading of the question changes.
 */
import { pinyin } from 'pinyin-pro';
import { foldScript, NUMERAL_CHARS, PROVINCES, QUESTION_FILLERS, STOP_WORDS } from './lexicon.ts';
import { segmentKnownWords, segmentWords } from './segment.ts';

const HAN = /\p{Script=Han}/u;

/** One-character province names (鲁, 豫, 渝): a run of them (赴鲁豫) names provinces, which a typo cannot tell apart. */
const PROVINCE_CHARS: ReadonlySet<string> = new Set(PROVINCES.flatMap((p) => p.abbreviations.filter((a) => a.length === 1)));

/** Characters of interrogatives and function words (是, 的, 哪, 去): short, frequent, never corrected. */
const FUNCTION_CHARS: ReadonlySet<string> = new Set([...QUESTION_FILLERS, ...[...STOP_WORDS].filter((w) => w.length === 1)].flatMap((w) => [...w]));

/** A correction made to a question: the character at `index` was `from`, read as `to`. */
export interface TypoCorrection {
  index: number;
  from: string;
  to: string;
}

export interface CorrectedQuestion {
  /** The question with its typos corrected (unchanged when none were found). */
  text: string;
  corrections: TypoCorrection[];
}

/** The reading of a character, without tone. */
function readingsOf(char: string): string[] {
  // The common reading only: a rare one (省 as xing) would make homophones nobody types by mistake.
  return pinyin(char, { toneType: 'none', type: 'array' }).filter((r) => /^[a-zü]+$/.test(r));
}

/**
 * The character windows of an index's texts and its characters grouped by sound. Built once per index
 * generation; `correct` is then a few set lookups per question character.
 */
export class HomophoneSpeller {
  readonly #windows = new Set<string>();
  readonly #bySound = new Map<string, Set<string>>();
  /** Character pairs inside the articles' words (陪同 of 陪同, 班列 of 中欧班列): what a correction must restore. */
  readonly #wordPairs = new Set<string>();

  /** `texts`: the articles' titles and paragraphs, in any script (they are folded to simplified here). */
  constructor(texts: Iterable<string>) {
    const chars = new Set<string>();
    for (const raw of texts) {
      const text = foldScript(raw);
      for (const word of segmentWords(text)) {
        const han = [...word];
        if (han.length < 2 || !han.every((c) => HAN.test(c))) continue;
        for (let i = 0; i + 1 < han.length; i += 1) this.#wordPairs.add(han[i]! + han[i + 1]!);
      }
      for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
        const han = [...run];
        for (let i = 0; i < han.length; i += 1) {
          chars.add(han[i]!);
          if (i + 1 < han.length) this.#windows.add(han[i]! + han[i + 1]!);
          if (i + 2 < han.length) this.#windows.add(han[i]! + han[i + 1]! + han[i + 2]!);
        }
      }
    }
    for (const char of chars) {
      if (NUMERAL_CHARS.includes(char)) continue;
      for (const sound of readingsOf(char)) {
        const group = this.#bySound.get(sound) ?? new Set<string>();
        group.add(char);
        this.#bySound.set(sound, group);
      }
    }
  }

  /**
   * Corrects homophone typos. A character is left alone when any window of up to three characters around it (two
   * in a run of two) occurs in the articles; otherwise the homophone that makes the most windows occur replaces
   * it — none when two tie, since a guess between two words is no correction. Number characters are never
   * changed (二 for 儿 would turn a day into a different day).
   */
  correct(question: string): CorrectedQuestion {
    const folded = foldScript(question);
    const chars = [...folded];
    // A folding that changes the length (a rare phrase conversion) would break the positions: leave it.
    if (chars.length !== [...question].length) return { text: question, corrections: [] };
    const original = [...question];
    const corrections: TypoCorrection[] = [];
    // Characters inside a word the dictionary knows (赣州, 智造) are that word, even when the articles lack it.
    const known = new Set<number>();
    let at = 0;
    for (const word of segmentKnownWords(folded)) {
      const start = folded.indexOf(word, at);
      if (start < 0) continue;
      const length = [...word].length;
      const first = [...folded.slice(0, start)].length;
      if (length > 1) for (let k = 0; k < length; k += 1) known.add(first + k);
      at = start + word.length;
    }
    for (let i = 0; i < chars.length; i += 1) {
      const char = chars[i]!;
      if (!HAN.test(char) || NUMERAL_CHARS.includes(char) || FUNCTION_CHARS.has(char) || known.has(i)) continue;
      // After a number stands its measure word (500亩), whatever the articles count in.
      if (i > 0 && /[\p{N}]/u.test(chars[i - 1]!)) continue;
      if (PROVINCE_CHARS.has(char) && [chars[i - 1], chars[i + 1]].some((c) => c !== undefined && PROVINCE_CHARS.has(c))) continue;
      const windows = windowsAround(chars, i, 3);
      const pairs = windowsAround(chars, i, 2);
      const put = (w: string[] & { index: number }, c: string) => w.map((x, k) => (k === w.index ? c : x)).join('');
      const occurs = (w: string[] & { index: number }, c: string) => this.#windows.has(put(w, c));
      const inWord = (w: string[] & { index: number }, c: string) => this.#wordPairs.has(put(w, c));
      // A typo breaks the words on both sides of it: no window around it occurs, no pair with a neighbour is a word
      // of the articles, and one pair never occurs at all.
      if (pairs.length === 0 || windows.some((w) => occurs(w, char)) || pairs.every((w) => occurs(w, char))) continue;
      if (pairs.some((w) => inWord(w, char))) continue;
      let best: string | null = null;
      let bestCount = 0;
      let tie = false;
      for (const candidate of this.#homophonesOf(char)) {
        // The homophone must join its neighbours as the articles do, and restore a word of theirs.
        if (!pairs.every((w) => occurs(w, candidate)) || !pairs.some((w) => inWord(w, candidate))) continue;
        const count = windows.filter((w) => occurs(w, candidate)).length;
        if (count > bestCount) [best, bestCount, tie] = [candidate, count, false];
        else if (count === bestCount && count > 0) tie = true;
      }
      if (!best || tie) continue;
      chars[i] = best;
      original[i] = best;
      corrections.push({ index: i, from: char, to: best });
    }
    return { text: corrections.length > 0 ? original.join('') : question, corrections };
  }

  #homophonesOf(char: string): Set<string> {
    const found = new Set<string>();
    for (const sound of readingsOf(char)) for (const c of this.#bySound.get(sound) ?? []) if (c !== char) found.add(c);
    return found;
  }
}

/** The windows of `width` characters of the Han run around position `i` (fewer where the run is shorter). */
function windowsAround(chars: string[], i: number, width: number): Array<string[] & { index: number }> {
  let start = i;
  while (start > 0 && HAN.test(chars[start - 1]!)) start -= 1;
  let end = i + 1;
  while (end < chars.length && HAN.test(chars[end]!)) end += 1;
  const size = Math.min(width, end - start);
  if (size < 2) return [];
  const windows: Array<string[] & { index: number }> = [];
  for (let from = Math.max(start, i - size + 1); from <= i && from + size <= end; from += 1) {
    windows.push(Object.assign(chars.slice(from, from + size), { index: i - from }));
  }
  return windows;
}
