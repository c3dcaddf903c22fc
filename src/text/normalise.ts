import { foldScript, MEASURE_WORDS, NUMERAL_CHARS, NUMERAL_EXCEPTIONS } from './lexicon.ts';

/**
 * Normalisation for matching (indexing, query terms, slot checks), never for stored text: quotes shown to users
 * come from the verbatim paragraph. Chinese news mixes full-width and half-width forms and writes the same
 * quantity as 三十六个 or 36个, so both sides of every comparison go through `normaliseForIndex`.
 */

/**
 * Full-width ASCII (U+FF01–U+FF5E) → ASCII and the ideographic space (U+3000) → space. CJK punctuation outside
 * that block keeps its identity on purpose: 。 is not `.` (decimal point), 、 (enumeration comma) is not `,`,
 * “” and 《》 delimit quotes and titles.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };
const ALL_UNITS: Readonly<Record<string, number>> = { ...SMALL_UNITS, ...BIG_UNITS };

/** Rounds away binary floating-point noise (2064.47 × 10⁴ = 20644700.000000004). */
function tidy(value: number): number {
  return Number(value.toPrecision(15));
}

/** 十/百/千/万/亿 numerals (三十六, 一千零五十, 两千五百万, 一万五). Null when ill-formed (十四五, 九九八十一). */
function parseUnitNumeral(text: string): number | null {
  let yi = 0; // the part already scaled by 亿
  let wan = 0; // the part already scaled by 万, within the current 亿 group
  let section = 0; // below 万
  let digit: number | null = null;
  let lastSmallUnit = Number.POSITIVE_INFINITY;
  let lastUnit = 0; // for the colloquial trailing digit: 三百五 = 350, 一万五 = 15000
  let zeroSinceUnit = false;
  for (const ch of text) {
    if (ch in DIGITS) {
      const value = DIGITS[ch]!;
      if (value === 0) {
        if (digit !== null) return null;
        zeroSinceUnit = true;
        continue;
      }
      if (digit !== null) return null; // two digits in a row: 十四五, 九九
      digit = value;
    } else if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch]!;
      if (digit === null) {
        if (unit !== 10 || section !== 0 || zeroSinceUnit) return null; // 百 and 千 need a digit; 十 alone means 一十
        digit = 1;
      }
      if (unit >= lastSmallUnit) return null;
      section += digit * unit;
      lastSmallUnit = unit;
      lastUnit = unit;
      digit = null;
      zeroSinceUnit = false;
    } else if (ch in BIG_UNITS) {
      section += digit ?? 0;
      digit = null;
      if (ch === '万') {
        if (section === 0 || wan !== 0) return null;
        wan = section * 1e4;
        lastUnit = 1e4;
      } else {
        if (section + wan === 0 || yi !== 0) return null;
        yi = (wan + section) * 1e8;
        wan = 0;
        lastUnit = 1e8;
      }
      section = 0;
      lastSmallUnit = Number.POSITIVE_INFINITY;
      zeroSinceUnit = false;
    } else {
      return null;
    }
  }
  if (digit !== null) section += lastUnit > 1 && !zeroSinceUnit ? digit * (lastUnit / 10) : digit;
  return yi + wan + section;
}

/**
 * Parses a Chinese, Arabic or mixed numeral: `三十六` → 36, `两千` → 2000, `一千零五十` → 1050, `二〇二三` → 2023,
 * `十` → 10, `2000多` → 2000 (a trailing 多/余 means "more than" and is dropped), `1750亿` → 175000000000,
 * `3.5万` → 35000. Full-width digits are accepted. Returns null for anything else (`十四五`, `三高四新`, '').
 */
export function parseChineseNumber(text: string): number | null {
  const value = toHalfWidth(text).trim().replace(/[多余]$/, '');
  if (value === '') return null;
  const arabic = /^(\d+(?:\.\d+)?)([十百千万亿]*)$/.exec(value);
  if (arabic) {
    const scale = [...arabic[2]!].reduce((product, unit) => product * ALL_UNITS[unit]!, 1);
    return tidy(Number(arabic[1]) * scale);
  }
  if (![...value].every((ch) => ch in DIGITS || ch in ALL_UNITS)) return null;
  if ([...value].every((ch) => ch in DIGITS)) {
    return Number([...value].map((ch) => DIGITS[ch]).join(''));
  }
  return parseUnitNumeral(value);
}


const MAX_MEASURE_LENGTH = Math.max(...MEASURE_WORDS.map((word) => word.length));

const NUMERAL_RUN = new RegExp(`[${NUMERAL_CHARS}]+`, 'g');
const PERCENT = new RegExp(`百分之([${NUMERAL_CHARS}]+|\\d+(?:\\.\\d+)?)`, 'g');

function startsWithMeasure(rest: string): boolean {
  return MEASURE_WORDS.some((word) => rest.startsWith(word));
}

/** Offsets covered by a NUMERAL_EXCEPTIONS phrase, found once per call. */
function exceptionRanges(text: string): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  for (const phrase of NUMERAL_EXCEPTIONS) {
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) ranges.push([at, at + phrase.length]);
  }
  return ranges;
}

/** Words ending in 一 that are not counts: 统一市场 must not become 统1市场. */
const WORD_FINAL_YI_PREFIXES = new Set([...'统单唯专合划逐之均纯不万同']);

/** Renders a value the way Chinese news writes Arabic quantities: 30万, 1750亿, 500万 — not 300000. */
function renderQuantity(run: string, value: number): string {
  const last = run.at(-1)!;
  if ((last === '万' || last === '亿') && value >= BIG_UNITS[last]!) return `${tidy(value / BIG_UNITS[last]!)}${last}`;
  return String(value);
}

/**
 * Rewrites Chinese numeral runs to Arabic where they are quantities:
 * - runs with a unit (三十六 → 36, 十一月 → 11月, 一千七百五十亿 → 1750亿, 二十多个 → 20多个);
 * - a lone digit or 十 directly followed by a measure word (三省 → 3省, 两个 → 2个, 九月 → 9月, 十年 → 10年);
 * - ordinals (第二 → 第2, 第一站 → 第1站: harmless, and 第四季度 then matches 4季度);
 * - digit strings that are years or contain 〇/零 (二〇二三年 → 2023年);
 * - 百分之三十 → 30%.
 * Left alone: idioms and names where the numeral is not a count (一江两岸, 一把手, 一极六区, 三高四新, 十四五, 八八战略,
 * 百年, 千方百计, 五家渠), ill-formed runs, and runs starting with 百/千/万/亿. Idempotent.
 */
export function normaliseNumerals(text: string): string {
  const withPercent = text.replace(PERCENT, (match, numeral: string) => {
    const value = parseChineseNumber(numeral);
    return value === null ? match : `${value}%`;
  });
  const exceptions = exceptionRanges(withPercent);
  return withPercent.replace(NUMERAL_RUN, (run: string, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const rest = whole.slice(offset + run.length, offset + run.length + MAX_MEASURE_LENGTH);
    const end = offset + run.length;
    if (exceptions.some(([from, to]) => from < end && to > offset)) return run;
    if (/^[百千万亿]/.test(run)) return run;
    if (run === '一' && WORD_FINAL_YI_PREFIXES.has(before)) return run;
    const value = parseChineseNumber(run);
    if (value === null) return run;
    const hasUnit = /[十百千万亿]/.test(run);
    const quantity =
      (hasUnit && run.length >= 2) ||
      before === '第' ||
      (run.length === 1 && startsWithMeasure(rest)) ||
      (!hasUnit && run.length >= 2 && (/[〇零]/.test(run) || rest.startsWith('年')) && !run.includes('两'));
    return quantity ? renderQuantity(run, value) : run;
  });
}

/**
 * The one normal form used on both sides of every lexical comparison: NFKC (full-width → half-width, ① → 1,
 * compatibility ideographs → unified), traditional → simplified characters, lower case, then `normaliseNumerals`.
 * Idempotent.
 * The output is for matching only; its offsets do not map back to the original.
 */
export function normaliseForIndex(text: string): string {
  return normaliseNumerals(foldScript(toHalfWidth(text.normalize('NFKC'))).toLowerCase());
}
