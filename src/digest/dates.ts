/**
 * Dates of a digest: when an article was published (its metadata, else its dateline `中国访谈网11月18日讯` with the
 * year from the article or its link), and tour dates shown with their month. Date words are read by the one fact
 * extractor (`src/facts/`); nothing here parses Chinese dates itself.
 */
import type { Article } from '../domain.ts';
import { extractFacts, type DateFact, type DatePoint, type Fact } from '../facts/index.ts';

/** What follows the date of a dateline (…11月18日讯, 新华社北京3月5日电): the report's date, not an event's. */
const DATELINE_MARK = /^[讯电]/;
/** A dateline opens its paragraph: its date stands within this many characters of the start. */
const DATELINE_MAX_OFFSET = 24;

/** An article's date: `YYYY-MM-DD` when year, month and day are known, and how it is shown. */
export interface ArticleDate {
  date: string | null;
  /** `2023-09-30`, `11月18日` (a dateline without a known year), or null when unknown. */
  dateText: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** True when `fact` is the date of a dateline (followed by 讯 or 电 near the start of its sentence). */
export function isDatelineDate(fact: Fact, sentence: string): fact is DateFact {
  return fact.kind === 'date' && fact.start <= DATELINE_MAX_OFFSET && DATELINE_MARK.test(sentence.slice(fact.end));
}

/**
 * Where the report proper starts in a sentence opened by a dateline: after `…11月18日讯` and the bracketed
 * bylines that follow it (`(中国访谈网张国军…)`); 0 when there is no dateline.
 */
export function afterDateline(sentence: string, facts: readonly Fact[]): number {
  const dateline = facts.find((f) => isDatelineDate(f, sentence));
  if (!dateline) return 0;
  let at = dateline.end + 1;
  const open = sentence[at];
  if (open === '(' || open === '（') {
    const close = sentence.slice(at).search(/[)）]/);
    if (close > 0) at += close + 1;
  }
  while (at < sentence.length && /[\s,，:：]/.test(sentence[at]!)) at += 1;
  return at < sentence.length ? at : 0;
}

/**
 * The year a link names in a path segment (`/2023-09/30/`, `/20230930/`, `/t20230930_123.html`), or null. Only
 * whole leading segments count: a numeric id such as `13104918` names no year.
 */
export function yearOfUrl(url: string | null): number | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  for (const segment of path.split('/')) {
    const match = /^t?((?:19|20)\d{2})(?:[-_]?(?:0[1-9]|1[0-2])(?:[-_]?(?:0[1-9]|[12]\d|3[01]))?)?(?=$|[-_.])/.exec(segment);
    if (match) return Number(match[1]);
  }
  return null;
}

/**
 * The article's date: its publish date; else the date of its dateline (`11月18日讯`), the year taken from the
 * dateline itself, from a date with a written year in the same paragraph (a December trip reported in January
 * is last year's), or from its link. Only body paragraphs are read: a photo caption has no dateline.
 */
export function articleDate(article: Article): ArticleDate {
  const published = /^\d{4}-\d{2}-\d{2}/.exec(article.meta.publishedAt ?? '')?.[0];
  if (published) return { date: published, dateText: published };
  const first = article.paragraphs.find((p) => p.kind === 'body');
  if (!first) return { date: null, dateText: null };
  const facts = extractFacts(first.text);
  const dateline = facts.find((f): f is DateFact => isDatelineDate(f, first.text));
  if (!dateline || dateline.from.month === undefined || dateline.from.day === undefined) return { date: null, dateText: null };
  const { month, day } = dateline.from;
  const year = dateline.from.year ?? yearWritten(facts, month) ?? yearOfUrl(article.meta.url);
  if (year === undefined || year === null) return { date: null, dateText: `${month}月${day}日` };
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return { date, dateText: date };
}

/** The year of the first date in the dateline's paragraph that writes its year and month itself. */
function yearWritten(facts: readonly Fact[], reportMonth: number): number | undefined {
  const dated = facts.find((f): f is DateFact => f.kind === 'date' && !f.inherited && f.from.year !== undefined && f.from.month !== undefined);
  if (!dated) return undefined;
  return dated.from.month! > reportMonth ? dated.from.year! + 1 : dated.from.year;
}

/**
 * True for a day written without its month and in digits (13日, 23日至28日). A bare day in Chinese numerals is left
 * alone: 一号 is far more often a name (一号工程) than the first of a month.
 */
export function isBareDay(fact: DateFact): boolean {
  return fact.from.day !== undefined && !fact.text.includes('月') && /^\d/.test(fact.text);
}

/** True when a date fact names a day: with its month written (9月23日), or a bare day in digits (13日). */
export function namesDay(fact: DateFact): boolean {
  return fact.from.day !== undefined && (fact.text.includes('月') || isBareDay(fact));
}

/** `2023-09-23` → its parts. */
function pointOf(iso: string): Required<DatePoint> {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/**
 * A tour's dates as shown, always with the month: `9月23日至28日`, `9月30日至10月2日`, `4月13日`, `9月23日起`;
 * the year is written when it differs from `reportYear` (or that is unknown). Null when neither end is known.
 */
export function spanText(start: string | null, end: string | null, reportYear: number | null): string | null {
  if (!start && !end) return null;
  const a = start ? pointOf(start) : null;
  const b = end ? pointOf(end) : null;
  const withYear = (p: Required<DatePoint>) => (p.year !== reportYear ? `${p.year}年` : '');
  const full = (p: Required<DatePoint>) => `${withYear(p)}${p.month}月${p.day}日`;
  if (a && b) {
    if (start === end) return full(a);
    if (a.year !== b.year) return `${a.year}年${a.month}月${a.day}日至${b.year}年${b.month}月${b.day}日`;
    if (a.month !== b.month) return `${full(a)}至${b.month}月${b.day}日`;
    return `${full(a)}至${b.day}日`;
  }
  return a ? `${full(a)}起` : `至${full(b!)}`;
}

/**
 * `text` with the month added before days written without it (13日傍晚 → 4月13日傍晚), as the fact extractor read
 * them in context; `facts` are the facts of `text` (offsets into it). Display only — quotes stay verbatim.
 */
export function withMonthsShown(text: string, facts: readonly Fact[]): string {
  let out = '';
  let at = 0;
  for (const fact of facts) {
    if (fact.kind !== 'date' || fact.start < at || fact.end > text.length) continue;
    if (!isBareDay(fact) || fact.from.month === undefined) continue;
    out += `${text.slice(at, fact.start)}${fact.from.month}月`;
    at = fact.start;
  }
  return out + text.slice(at);
}
