/** When a figure holds (planned, cumulative, current, this year), read from the words before it. */
import { CHANGE_VERBS, FIGURE_FRAMES, parseChineseNumber } from '../text/index.ts';
import type { QuantityFact } from './types.ts';

export type FigureFrame = keyof typeof FIGURE_FRAMES;

const FRAME_PATTERNS = (Object.entries(FIGURE_FRAMES) as Array<[FigureFrame, RegExp]>).map(([frame, pattern]) => [frame, new RegExp(pattern.source, 'g')] as const);

/**
 * The frames of the figure at `start` of a text: those said in its own clause (今年将选派20名: this year and
 * planned), else in the nearest clause before it in its sentence that says any (目前有员工380人，其中…162人: current;
 * 今年将组织…，全年力争达到2.5亿元: this year and planned). Empty when none is.
 */
export function frameOf(view: string, start: number): FigureFrame[] {
  const before = view.slice(Math.max(0, start - 40), start).split(/[。；;！？!?]/).at(-1) ?? '';
  const clauses = before.split(/[，,：:]/).reverse();
  // 由去年同期的5.2天缩短至2.1天: the words before a change say when the old figure held, not the new one.
  const own = clauses[0] ?? '';
  const change = [...own.matchAll(CHANGED_TO)].at(-1);
  if (change) clauses[0] = own.slice(change.index! + change[0].length);
  for (const clause of clauses) {
    const frames = FRAME_PATTERNS.filter(([, pattern]) => new RegExp(pattern.source).test(clause)).map(([frame]) => frame);
    if (frames.length > 0) return frames;
  }
  return [];
}

/** A year word opening a relative clause with its verb (今年签约的, 去年引进的), not 今年的 or 今年以来. */
const YEAR_IN_RELATIVE_CLAUSE = /(?:今年|去年|上年|本年度|当年|明年)(?!以来)[\u4e00-\u9fa5]{1,4}?的/g;

/**
 * A question without the years of its relative clauses: 今年签约的项目到位资金多少 asks the 到位资金 of this year's
 * projects, however long it has built up (累计到位资金18.7亿元), not a figure of this year.
 */
export function withoutRelativeYears(question: string): string {
  return question.replace(YEAR_IN_RELATIVE_CLAUSE, '');
}

/** A figure changing to a new value (缩短至, 提高到, 降至): the lexicon's verbs of change, or their first character. */
const CHANGED_TO = new RegExp(`(?:${[...CHANGE_VERBS.up, ...CHANGE_VERBS.down, '降', '升', '增'].join('|')})(?:至|到)`, 'g');

/** Whether two figures may fill one slot: a frame in common, or either says none; never planned against done. */
export function framesAgree(a: readonly FigureFrame[], b: readonly FigureFrame[]): boolean {
  // (What is planned and what is done already are never one figure, whatever year they share.)
  if ((a.includes('plan') && b.includes('done')) || (b.includes('plan') && a.includes('done'))) return false;
  // (Done already says nothing of when: 今年往潍坊转移了多少 is answered by 今年以来已转移860人.)
  const [when, other] = [a.filter((f) => f !== 'done'), b.filter((f) => f !== 'done')];
  return when.length === 0 || other.length === 0 || when.some((frame) => other.includes(frame));
}

/**
 * The part of a year a figure covers, as the month it runs to from January (上半年 → 6, 一季度 → 3, 前三季度 → 9,
 * 1至8月 → 8), said in its sentence before it; 12 for a whole year written as such (2023年, 去年, 全年); null when none.
 */
export function periodOf(view: string, start: number): number | null {
  // (The whole sentence: 2023年，…接待游客26万人次，…，村集体经济收入95万元 is all of 2023.)
  const before = view.slice(0, start).split(/[。；;！？!?]/).at(-1) ?? '';
  let found: number | null = null;
  for (const match of before.matchAll(PERIOD)) found = monthsOf(match[0]);
  return found;
}

/** Parts of a year, and whole years (2023年 not followed by a month, 去年, 全年). */
const PERIOD = /上半年|前两个?季度|(?:第)?一季度|首季度?|前三季度|(?:1|一)(?:月)?(?:至|到|-|—|~)(?:\d{1,2}|[一二三四五六七八九十]{1,2})月|前(?:\d{1,2}|[两三四五六七八九十]{1,2})个月|(?:19|20)\d{2}年(?!\d|[一二三四五六七八九十]{1,2}月|底|初|以来)|去年(?!同期|底|初)|全年/g;

function monthsOf(period: string): number {
  if (/上半年|前两个?季度/.test(period)) return 6;
  if (/一季度|首季/.test(period)) return 3;
  if (/前三季度/.test(period)) return 9;
  const months = /(?:至|到|-|—|~)(\d{1,2}|[一二三四五六七八九十]{1,2})月|前(\d{1,2}|[两三四五六七八九十]{1,2})个月/.exec(period);
  if (months) {
    const n = months[1] ?? months[2]!;
    return /^\d+$/.test(n) ? Number(n) : (parseChineseNumber(n) ?? 12);
  }
  return 12;
}

/** Whether a count of people is written as the group's size (一行46人, 全团32人, 由28人组成, 88名团员). */
export function countsTheGroup(fact: Pick<QuantityFact, 'start' | 'end' | 'measure' | 'noun'>, sentenceView: string): boolean {
  // (游客3.2万人次 counts visits: a group's size is counted in people.)
  if (fact.measure.endsWith('人次')) return false;
  const clause = sentenceView.slice(Math.max(0, fact.start - 16), fact.start).split(/[，,。；;：:]/).at(-1)!;
  // (…党政主要负责同志，共86人: a sum of the people just listed; 参加此次学习的共有30余人.)
  // (由…负责同志共35人组成: the group is made of them.)
  // (务工人员目前约有1800人 are people of the place, not of the group: 人员 counts only right before the number.)
  return /一行|团|组|成员|团员/.test(clause) || /人员(?:共|共有|共计|合计)?$/.test(clause) || /(?:共|共有|共计|合计|总计)$/.test(clause) || /^(?:成员|团员|人员|队员|组员|代表)/.test(fact.noun) || /^组成/.test(sentenceView.slice(fact.end));
}
