/** When a figure holds (planned, cumulative, current, this year), read from the words before it. */
import { FIGURE_FRAMES } from '../text/index.ts';

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

/** A figure changing to a new value (缩短至, 提高到, 降至). */
const CHANGED_TO = /(?:缩短|下降|降低|减少|压缩|提高|提升|增加|增长|上升|扩大|降|升|增)(?:至|到)/g;

/** Whether two figures may fill one slot: a frame in common, or either says none; never planned against done. */
export function framesAgree(a: readonly FigureFrame[], b: readonly FigureFrame[]): boolean {
  // (What is planned and what is done already are never one figure, whatever year they share.)
  if ((a.includes('plan') && b.includes('done')) || (b.includes('plan') && a.includes('done'))) return false;
  // (Done already says nothing of when: 今年往潍坊转移了多少 is answered by 今年以来已转移860人.)
  const [when, other] = [a.filter((f) => f !== 'done'), b.filter((f) => f !== 'done')];
  return when.length === 0 || other.length === 0 || when.some((frame) => other.includes(frame));
}
