import { displaySentence } from '../chat/answer-text.ts';
import { sourceLines, sourceLineText } from '../chat/sources.ts';
import { uncoveredText } from './compound.ts';
import type { Answer, Citation } from './types.ts';

/** The user-facing refusal; it names the gap instead of guessing. */
export const NOT_FOUND_TEXT = '现有资料中找不到这个问题的答案（相关文章未提及）。';

/** The answer body with `[n]` after every sentence, e.g. `…率领的湖南省党政代表团…[1]`. */
export function answerBody(answer: Answer): string {
  if (!answer.found) return NOT_FOUND_TEXT;
  const body = answer.sentences.map((s) => `${s.text}${s.citations.map((n) => `[${n}]`).join('')}`).join('');
  return answer.uncovered?.length ? `${body}${uncoveredText(answer.uncovered)}` : body;
}

/** One line of the sources list: `[n] 标题 — 来源, 日期, ¶段落号 链接`. */
export function sourceLine(citation: Citation): string {
  const details = [citation.source ?? '来源不详', citation.date ?? '日期不详', `¶${citation.paragraph}`].join(', ');
  return `[${citation.n}] ${citation.title} — ${details}${citation.url ? ` ${citation.url}` : ''}`;
}

/**
 * Plain-text rendering for the terminal, laid out like the bot's: the direct short answer first (【…】), then the
 * supporting quotes one per line with their `[n]`, then compact sources (one line per article, its paragraphs
 * together), or the nearest sources when not found.
 */
export function renderAnswerText(answer: Answer): string {
  if (!answer.found) {
    const lines = [NOT_FOUND_TEXT];
    if (answer.nearest.length > 0) lines.push('', '最接近的资料（供参考，未必回答了问题）：', ...sourceLines(answer.nearest).map(sourceLineText));
    return lines.join('\n');
  }
  const lines: string[] = [];
  const short = answer.short?.trim();
  if (short) lines.push(`【${short}】`);
  lines.push(...answer.sentences.map((s) => `${displaySentence(answer, s)}${s.citations.map((n) => `[${n}]`).join('')}`));
  if (answer.uncovered?.length) lines.push(uncoveredText(answer.uncovered));
  lines.push('', '来源：', ...sourceLines(answer.citations).map(sourceLineText));
  return lines.join('\n');
}
