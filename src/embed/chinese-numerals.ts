/**
 * A deliberately small Chinese-numeral → Arabic converter for the hashed embedder, so `三十六个` and `36个`
 * share features. It only rewrites runs it can parse unambiguously and leaves everything else untouched
 * (`十四五`, `千方百计`, `一带一路` stay as they are).
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** Counting words after which a lone numeral (`五个`, `三天`) is certainly a number. */
const CLASSIFIERS = new Set([...'个项次天名位家条年月日人批场点处座所种届轮件期组支户']);

const NUMERAL_RUN = /[零〇一二两三四五六七八九十百千万亿]+/gu;

/** Parses `二〇二三` style digit strings (every character a digit). */
function parsePositional(run: string): number | null {
  let value = 0;
  for (const ch of run) {
    const digit = DIGITS[ch];
    if (digit === undefined) return null;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Parses `三十六`, `一百零五`, `十二万三千` style numbers. Returns null for anything that is not a well-formed
 * number (two digits in a row, units out of order), which keeps idioms and abbreviations intact.
 */
function parseMultiplicative(run: string): number | null {
  let total = 0;
  let section = 0;
  let pendingDigit: number | null = null;
  let lastSmallUnit = Infinity;
  let lastBigUnit = Infinity;
  let previousWasZero = false;
  for (const ch of run) {
    const digit = DIGITS[ch];
    if (digit !== undefined) {
      if (pendingDigit !== null) return null;
      if (digit === 0) {
        previousWasZero = true;
        continue;
      }
      pendingDigit = digit;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      if (small >= lastSmallUnit || (pendingDigit === null && previousWasZero)) return null;
      // A bare 十 means 一十 (十六 = 16); other bare units are not numbers (百姓, 千方百计).
      if (pendingDigit === null && small !== 10) return null;
      section += (pendingDigit ?? 1) * small;
      pendingDigit = null;
      lastSmallUnit = small;
      previousWasZero = false;
      continue;
    }
    const big = BIG_UNITS[ch];
    if (big === undefined || big >= lastBigUnit) return null;
    section += pendingDigit ?? 0;
    if (section === 0) return null;
    total += section * big;
    section = 0;
    pendingDigit = null;
    lastSmallUnit = Infinity;
    lastBigUnit = big;
    previousWasZero = false;
  }
  return total + section + (pendingDigit ?? 0);
}

/**
 * Rewrites Chinese numerals as Arabic digits where the reading is unambiguous: runs of two or more numeral
 * characters that parse cleanly, and single numerals directly followed by a counting word.
 */
export function chineseNumeralsToArabic(text: string): string {
  return text.replace(NUMERAL_RUN, (run, offset: number) => {
    const chars = [...run];
    if (chars.length === 1) {
      const next = text[offset + run.length];
      const digit = DIGITS[run];
      if (run === '十' && next !== undefined && CLASSIFIERS.has(next)) return '10';
      return digit !== undefined && next !== undefined && CLASSIFIERS.has(next) ? String(digit) : run;
    }
    const hasUnit = chars.some((ch) => ch in SMALL_UNITS || ch in BIG_UNITS);
    const value = hasUnit ? parseMultiplicative(run) : parsePositional(run);
    return value === null ? run : String(value);
  });
}
