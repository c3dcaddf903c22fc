/**
 * Comparison of typed facts: does a source date cover a claimed one, is a source count the same as a claimed one,
 * do two quantities count the same thing, does an official title agree with another. Pure; shared by every part
 * that holds one fact against another (fact-check, answer validation).
 */
import { measuresCompatible, synonymsOf } from '../text/index.ts';
import type { DatePoint, QuantityBound } from './types.ts';

/** Result of holding a claimed value against a source value of the same slot. */
export type Comparison = 'same' | 'different' | 'unknown';

/** The parts of a date fact a comparison needs (a `DateFact` fits). */
export interface DateValue {
  from: DatePoint;
  to: DatePoint;
  /** A period named as a whole (4月下旬, 上半年): any day inside it confirms it. */
  period?: boolean;
}

/** The parts of a quantity fact a comparison needs (a `QuantityFact` fits). */
export interface QuantityValue {
  value: number;
  bound: QuantityBound;
  ordinal: boolean;
  measure: string;
  noun: string;
}

const DAYS_IN_MONTH_MAX = 31;

/** A day number within a year (month·32 + day); month-only points span the whole month. */
function dayNumber(point: DatePoint, side: 'from' | 'to'): number | null {
  if (point.month === undefined) return null;
  const day = point.day ?? (side === 'from' ? 1 : DAYS_IN_MONTH_MAX);
  return point.month * (DAYS_IN_MONTH_MAX + 1) + day;
}

/**
 * Whether the source date covers the claimed one: 9月23日至28日 covers 9月25日 (same); 10月8日至9日 does not cover
 * 10月21日 (different); 2024年 against 2023年 is different. When the source lacks a part the claim states (10月份
 * against 10月21日) the answer is unknown unless another part already rules it out.
 */
export function compareDates(claim: DateValue, source: DateValue): Comparison {
  const claimYear = claim.from.year;
  const sourceYear = source.from.year;
  if (claimYear !== undefined && sourceYear !== undefined) {
    const sourceEndYear = source.to.year ?? sourceYear;
    if (claimYear < sourceYear || claimYear > sourceEndYear) return 'different';
  }
  if (claim.from.month === undefined && claim.from.day === undefined) {
    return claimYear !== undefined && sourceYear !== undefined ? 'same' : 'unknown';
  }
  if (claim.from.day !== undefined && source.from.day === undefined) {
    if (claim.from.month !== undefined && source.from.month !== undefined && source.to.month !== undefined) {
      if (claim.from.month < source.from.month || claim.from.month > source.to.month) return 'different';
    }
    return 'unknown';
  }
  const claimFrom = dayNumber(claim.from, 'from');
  const claimTo = dayNumber(claim.to, 'to');
  const sourceFrom = dayNumber(source.from, 'from');
  const sourceTo = dayNumber(source.to, 'to');
  if (claimFrom === null || claimTo === null || sourceFrom === null || sourceTo === null) {
    if (claim.from.month === undefined && source.from.month === undefined && claim.from.day !== undefined && source.from.day !== undefined) {
      const inside = claim.from.day >= source.from.day && (claim.to.day ?? claim.from.day) <= (source.to.day ?? source.from.day);
      return inside ? 'same' : 'different';
    }
    return 'unknown';
  }
  if (claimFrom >= sourceFrom && claimTo <= sourceTo) return 'same';
  const sourceInsideClaim = sourceFrom >= claimFrom && sourceTo <= claimTo;
  // A month-level or period claim (10月份, 4月下旬) is confirmed by any day inside it; a day range is not
  // confirmed by one of its days.
  if (sourceInsideClaim) return claim.from.day === undefined || claim.period ? 'same' : 'unknown';
  if (claimTo < sourceFrom || claimFrom > sourceTo) return 'different';
  // Overlapping day ranges that differ (11月10日至12日 against 11月9日-11日) state different dates.
  return source.from.day !== undefined && claim.from.day !== undefined ? 'different' : 'unknown';
}

/**
 * The span 多/余 covers after a number: its last non-zero place (2000多 → 1000, 2600余 → 100, 30多 → 10, 36多 → 1).
 * 2600余公里 is 2600 to 2699, so it rules out 3000多公里.
 */
function magnitude(value: number): number {
  if (value <= 0 || !Number.isInteger(value)) return 1;
  let step = 1;
  while (value % (step * 10) === 0) step *= 10;
  return step;
}

interface Interval {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

/** How far 约/近 may stray from the number written. */
const APPROX_SHARE = 0.15;

/** exact → [v, v]; 2000多 → [2000, 3000); 超过100 → (100, ∞); 约300 → [255, 345]. */
function interval(q: QuantityValue): Interval {
  if (q.bound === 'approx') return { low: q.value * (1 - APPROX_SHARE), high: q.value * (1 + APPROX_SHARE), lowOpen: false, highOpen: false };
  if (q.bound === 'more') return { low: q.value, high: q.value + magnitude(q.value), lowOpen: false, highOpen: true };
  if (q.bound === 'atLeast') return { low: q.value, high: Number.POSITIVE_INFINITY, lowOpen: true, highOpen: true };
  return { low: q.value, high: q.value, lowOpen: false, highOpen: false };
}

function disjoint(a: Interval, b: Interval): boolean {
  const aBefore = a.high < b.low || (a.high === b.low && (a.highOpen || b.lowOpen));
  const bBefore = b.high < a.low || (b.high === a.low && (b.highOpen || a.lowOpen));
  return aBefore || bBefore;
}

function inside(point: number, range: Interval): boolean {
  return (range.lowOpen ? point > range.low : point >= range.low) && (range.highOpen ? point < range.high : point <= range.high);
}

/**
 * Compares a claimed quantity with a source quantity of the same counted thing. Exact values must be equal;
 * 2000多 is confirmed by 2000多 or 2400 and contradicted by 3000多 or 1800; 超过100万 is confirmed by 2064万; an
 * exact claim inside a vague source range (36 against 30多) is unknown; 约300 only ever confirms 300.
 */
export function compareQuantities(claim: QuantityValue, source: QuantityValue): Comparison {
  if (claim.value === source.value && claim.bound === source.bound) return 'same';
  // (1.2万元 against 1.2万元以上: the figure written is the same, only one of them adds its bound.)
  if (claim.value === source.value && [claim.bound, source.bound].includes('exact') && [claim.bound, source.bound].includes('atLeast')) return 'same';
  const claimRange = interval(claim);
  const sourceRange = interval(source);
  // 约300 confirms only 300; it is ruled out only by values far from it (约1500公里 against 2000多公里).
  if (claim.bound === 'approx' || source.bound === 'approx') return claim.value === source.value ? 'same' : disjoint(claimRange, sourceRange) ? 'different' : 'unknown';
  if (disjoint(claimRange, sourceRange)) return 'different';
  if (source.bound === 'exact' && inside(source.value, claimRange)) return 'same';
  if (claim.bound === 'atLeast' && source.bound === 'more' && source.value >= claim.value) return 'same';
  return 'unknown';
}

/**
 * Whether `short` is a contraction of `long` (总额 of 总金额, 订单班 of 订单培训班, 发改委 of 发展改革委): same first and
 * last character, its characters in order in the longer word, fewer characters dropped than it keeps (at most three).
 */
export function abbreviates(short: string, long: string): boolean {
  if (short.length < 2 || long.length <= short.length || long.length - short.length > Math.min(3, short.length - 1)) return false;
  if (short[0] !== long[0] || short.at(-1) !== long.at(-1)) return false;
  let at = 0;
  for (const ch of long) if (ch === short[at]) at += 1;
  return at >= short.length;
}

/** Whether two counted nouns name the same thing: equal, one ends the other, same head, or domain synonyms. */
export function nounsCompatible(a: string, b: string): boolean {
  if (!a || !b) return true;
  if (a === b || a.endsWith(b) || b.endsWith(a)) return true;
  if (a.slice(-2) === b.slice(-2) && a.length >= 2 && b.length >= 2) return true;
  if (abbreviates(a, b) || abbreviates(b, a)) return true;
  const synonyms = synonymsOf(a);
  return synonyms.some((word) => word.length >= 1 && (b === word || (word.length >= 2 && b.endsWith(word))));
}

/**
 * Whether two quantities count the same kind of thing: same ordinal-ness, measure words of one group (5座城市 and
 * 5个城市; 120人 and 120名), compatible nouns. A counter noun after the generic 个 stands for a measure (4个组 = 4组).
 */
export function sameCountedThing(a: QuantityValue, b: QuantityValue): boolean {
  if (a.ordinal !== b.ordinal) return false;
  const measureOf = (q: QuantityValue) => (q.measure === '个' && q.noun.length === 1 ? q.noun : q.measure);
  const nounOf = (q: QuantityValue) => (q.measure === '个' && q.noun.length === 1 ? '' : q.noun);
  if (!measuresCompatible(measureOf(a), measureOf(b)) && !measuresCompatible(a.measure, b.measure)) return false;
  // What follows a duration is what was done in it (5天行程, 5天途经), not a counted thing.
  if (DURATION_MEASURES.has(a.measure) && DURATION_MEASURES.has(b.measure)) return true;
  return nounsCompatible(nounOf(a), nounOf(b));
}

/** Measure words of durations. */
const DURATION_MEASURES: ReadonlySet<string> = new Set(['天', '日', '小时', '分钟', '周']);

/** Prefixes that make a title a different office (副省长 is not 省长, 代市长 is not 市长). */
const TITLE_MODIFIER = /(?:副|代|常务|原|前)$/;

/**
 * Whether a claimed title is one of the titles in a source's title chain (市委副书记、市长 holds 市长, not 市委书记).
 * A generic claim title (书记) is held by any title ending in it (市委书记), but never by a deputy's (副书记).
 */
export function titleHeld(claimTitle: string, sourceChain: string): boolean {
  const titles = sourceChain.split(/[、,，\s兼]+/).filter(Boolean);
  return titles.some((title) => {
    if (title === claimTitle) return true;
    if (!title.endsWith(claimTitle)) return false;
    return !TITLE_MODIFIER.test(title.slice(0, -claimTitle.length));
  });
}
