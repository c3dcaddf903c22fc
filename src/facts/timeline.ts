/**
 * When each sentence of a tour report happens: the day of the trip and the part of that day. Reports write the
 * day once (15日上午，代表团…) and let the following sentences inherit it (随后…, 在X，…), move on by reference
 * (次日上午, 当天下午, 第三天) or by a new date. Reading that thread lets "第二天上午去了哪些地方" find the sentence
 * that says 次日上午 and "最后一天" the one dated on the trip's last day.
 */
import { DAY_PARTS, NUMERAL_CHARS, parseChineseNumber, sameDayPart, toHalfWidth } from '../text/index.ts';
import type { DateFact, Fact } from './types.ts';

/** The day (of the month) and part of the day a sentence happens on; null where the report has not said. */
export interface SentenceTime {
  month: number | null;
  day: number | null;
  part: string | null;
}

/** A report's trip days: its first and last day (from its span, else the first and last it dates), and each sentence's time. */
export interface Timeline {
  first: { month: number | null; day: number } | null;
  last: { month: number | null; day: number } | null;
  /** Per paragraph, per sentence (in `splitSentences` order). */
  sentences: SentenceTime[][];
}

/** A day the question asks about: the trip's nth day, its last day, or a day of the month; with a part of the day. */
export interface AskedDay {
  nth: number | null;
  last: boolean;
  day: number | null;
  part: string | null;
}

interface ReadSentence {
  text: string;
  facts: readonly Fact[];
}

const PART = `(${DAY_PARTS.join('|')})?`;
/** 次日 / 第二天 / 翌日 at a sentence's opening: the day after the one before. */
const NEXT_DAY = new RegExp(`^(?:[^，,。]{0,8}?)(?:次日|翌日|第二天|隔天|转天)${PART}`);
/** 当天 / 当日 / 随后 at the opening: the same day (当晚 is its evening). */
const SAME_DAY = new RegExp(`^(?:[^，,。]{0,8}?)(?:当天|当日|同日|同一天|随后|之后|接着|紧接着)${PART}`);
/** 第三天 at the opening: the trip's nth day. */
const NTH_DAY = new RegExp(`^(?:[^，,。]{0,8}?)第([\\d${NUMERAL_CHARS}]{1,3})天${PART}`);
/** 首日 / 头一天 / 最后一天 at the opening: the trip's first or last day. */
const END_DAY = new RegExp(`^(?:[^，,。]{0,8}?)(首日|头一天|最后一天|最後一天)${PART}`);
/** A part of the day alone at the opening (下午，代表团… / 当晚). */
const PART_ALONE = new RegExp(`^(?:[^，,。]{0,4}?)(${DAY_PARTS.join('|')})`);
/** How far into a sentence a date still dates the whole sentence (15日，… / 代表团于15日下午…). */
const OPENING_CHARS = 14;

/** A date naming one day, written at the sentence's opening. */
function openingDay(sentence: ReadSentence): DateFact | undefined {
  return sentence.facts.find(
    (f): f is DateFact => f.kind === 'date' && f.start <= OPENING_CHARS && (f as DateFact).from.day !== undefined && JSON.stringify((f as DateFact).from) === JSON.stringify((f as DateFact).to),
  );
}

/** The first date span with days in the report's opening paragraphs (9月23日至28日): the trip's first and last day. */
function tripSpan(paragraphs: readonly (readonly ReadSentence[])[]): Pick<Timeline, 'first' | 'last'> {
  for (const sentences of paragraphs.slice(0, 3)) {
    for (const sentence of sentences) {
      for (const f of sentence.facts) {
        if (f.kind !== 'date' || f.from.day === undefined || f.to.day === undefined) continue;
        if (f.from.day === f.to.day && f.from.month === f.to.month) continue;
        return { first: { month: f.from.month ?? null, day: f.from.day }, last: { month: f.to.month ?? f.from.month ?? null, day: f.to.day } };
      }
    }
  }
  return { first: null, last: null };
}

/** Reads the time of every sentence of a report, carried from sentence to sentence and paragraph to paragraph. */
export function tripTimeline(paragraphs: readonly (readonly ReadSentence[])[]): Timeline {
  const span = tripSpan(paragraphs);
  let month: number | null = span.first?.month ?? null;
  let day: number | null = null;
  let part: string | null = null;
  const sentences = paragraphs.map((sentencesOf) =>
    sentencesOf.map((sentence) => {
      const view = toHalfWidth(sentence.text);
      const dated = openingDay(sentence);
      const nth = NTH_DAY.exec(view);
      const end = END_DAY.exec(view);
      const next = NEXT_DAY.exec(view);
      const same = SAME_DAY.exec(view);
      if (dated) {
        month = dated.from.month ?? month;
        day = dated.from.day!;
        part = PART_ALONE.exec(view.slice(dated.end))?.[1] ?? null;
      } else if (nth && span.first) {
        day = span.first.day + (parseChineseNumber(nth[1]!) ?? 1) - 1;
        part = nth[2] ?? null;
      } else if (end && span.first && span.last) {
        day = /最/.test(end[1]!) ? span.last.day : span.first.day;
        part = end[2] ?? null;
      } else if (next && day !== null) {
        day += 1;
        part = next[1] ?? null;
      } else if (same) {
        if (same[1]) part = same[1];
        else if (/当晚/.test(same[0])) part = '当晚';
      } else {
        const alone = PART_ALONE.exec(view);
        if (alone) part = alone[1]!;
      }
      return { month, day, part };
    }),
  );
  // Without a span, the first and last days the report dates stand for the trip's.
  const days = sentences.flat().map((t) => t.day).filter((d): d is number => d !== null);
  const first = span.first ?? (days.length > 0 ? { month, day: Math.min(...days) } : null);
  const last = span.last ?? (days.length > 0 ? { month, day: Math.max(...days) } : null);
  return { first, last, sentences };
}

/** 第二天上午 / 最后一天 / 15日下午 / 首日: the day a question asks about, or null when it names none. */
export function askedDay(question: string): AskedDay | null {
  const view = toHalfWidth(question);
  const part = new RegExp(`(?:天|日|号)(${DAY_PARTS.join('|')})`).exec(view)?.[1] ?? null;
  const nthMatch = new RegExp(`第([\\d${NUMERAL_CHARS}]{1,3})天`).exec(view);
  const nth = nthMatch ? parseChineseNumber(nthMatch[1]!) : /首日|头一天|次日/.test(view) ? (/次日/.test(view) ? 2 : 1) : null;
  const last = /最[后後]一天|最[后後]1天|末日/.test(view);
  const dayMatch = /(?<![\d年])(?:\d{1,2}月)?(\d{1,2})[日号](?!报)/.exec(view);
  const day = dayMatch ? Number(dayMatch[1]) : null;
  if (nth === null && !last && day === null) return null;
  return { nth, last, day, part };
}

/**
 * How well a sentence's time fits the asked day: 1 on the day (and part, when one is asked), 0.5 on the day when
 * the sentence names no part, 0 otherwise (another day, or a day the report never gave).
 */
export function dayFit(asked: AskedDay, timeline: Timeline, time: SentenceTime | undefined): number {
  if (!time || time.day === null) return 0;
  const first = timeline.first?.day ?? null;
  const target = asked.day ?? (asked.last ? (timeline.last?.day ?? null) : asked.nth !== null && first !== null ? first + asked.nth - 1 : null);
  if (target === null || time.day !== target) return 0;
  if (!asked.part) return 1;
  if (!time.part) return 0.5;
  return sameDayPart(asked.part, time.part) ? 1 : 0;
}
