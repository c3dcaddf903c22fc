/**
 * A fact-check result as Telegram HTML: verdict, claim, explanation, quotes, then compact source lines (one per
 * article). Every dynamic string is escaped; messages are split under the limit.
 */
import { sourceLines } from '../chat/sources.ts';
import { VERDICT_LABELS, type FactCheckResult, type Verdict } from '../factcheck/index.ts';
import { sourceLineHtml } from './format.ts';
import { escapeHtml, splitHtmlMessage, TELEGRAM_MESSAGE_LIMIT } from './html.ts';

const EVIDENCE_HEADINGS: Readonly<Record<Verdict, string>> = {
  supported: '依据',
  contradicted: '原文',
  not_found: '最接近的原文（供参考，未必涉及这一说法）',
};

/** Telegram HTML messages (each within `limit` characters). */
export function renderFactCheckHtml(result: FactCheckResult, limit: number = TELEGRAM_MESSAGE_LIMIT): string[] {
  const blocks = [`<b>${VERDICT_LABELS[result.verdict]}</b>`, `断言：${escapeHtml(result.claim)}`, escapeHtml(result.explanation)];
  if (result.evidence.length > 0) {
    blocks.push(`\n<b>${EVIDENCE_HEADINGS[result.verdict]}</b>`);
    // No [n] inside the quote block: the marker follows it, so copying the quote copies only the article's words.
    for (const item of result.evidence) blocks.push(`<blockquote>${escapeHtml(item.quote)}</blockquote>[${item.n}]`);
    blocks.push('\n<b>来源</b>');
    blocks.push(...sourceLines(result.evidence).map(sourceLineHtml));
  }
  return splitHtmlMessage(blocks, limit);
}
