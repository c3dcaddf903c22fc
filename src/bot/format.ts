/**
 * Answer → Telegram HTML. Pure: choosing what to cite happened in the answerer; this only renders it. Every
 * dynamic string (article titles, quotes, outlet names, user text) goes through `escapeHtml`, because article
 * text is untrusted and Telegram rejects (or worse, interprets) stray markup.
 */
import type { Answer, Citation } from '../answer/index.ts';
import { NOT_FOUND_TEXT, uncoveredText } from '../answer/index.ts';
import type { Article, Paragraph } from '../domain.ts';
import { displaySentence } from '../chat/answer-text.ts';
import { displayDate, sourceLines, type SourceLine } from '../chat/sources.ts';
import { escapeAttribute, escapeHtml, splitHtmlMessage, TELEGRAM_MESSAGE_LIMIT } from './html.ts';

/** Telegram's limit on `callback_data` (bytes). */
export const CALLBACK_DATA_LIMIT = 64;
/** Buttons per keyboard row: four "[n] ¶m" labels fit a phone screen. */
export const BUTTONS_PER_ROW = 4;

export interface InlineButton {
  text: string;
  callback_data: string;
}

/** Telegram's `InlineKeyboardMarkup` (only callback buttons are used). */
export interface InlineKeyboard {
  inline_keyboard: InlineButton[][];
}

/** Chinese labels shown around answers. */
export const LABELS = {
  sources: '来源',
  nearest: '最接近的资料（供参考，未必回答了问题）',
  unknownOutlet: '来源不详',
  unknownDate: '日期不详',
  originalLink: '原文链接',
} as const;

/**
 * The answer body: the direct short answer in bold when there is one, then the supporting quotes, one per line,
 * each followed by its `[n]`. One block: the splitter cuts it after a `[n]`.
 */
export function answerBodyHtml(answer: Answer): string {
  if (!answer.found) return escapeHtml(NOT_FOUND_TEXT);
  const quotes = answer.sentences.map((s) => `${escapeHtml(displaySentence(answer, s))}${s.citations.map((n) => `[${n}]`).join('')}`);
  if (answer.uncovered?.length) quotes.push(escapeHtml(uncoveredText(answer.uncovered)));
  const short = answer.short?.trim();
  return short ? [`<b>${escapeHtml(short)}</b>`, ...quotes].join('\n') : quotes.join('\n');
}

/** One compact source line: `[1][2] <a href="url">粤赣鄂归来…</a> · 红网 · 2023-09-30 · ¶3, ¶12`. */
export function sourceLineHtml(line: SourceLine): string {
  const title = escapeHtml(line.title);
  const linked = line.url && isWebUrl(line.url) ? `<a href="${escapeAttribute(line.url)}">${title}</a>` : title;
  return `${line.markers} ${linked} · ${[line.outlet, line.date, line.paragraphs].map(escapeHtml).join(' · ')}`;
}

/** Telegram refuses `href`s that are not absolute web (or tg:) URLs; a bad one would lose the whole message. */
function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The answer as self-contained HTML blocks: the body, a heading, one block per source (the nearest sources
 * when nothing was found). Feed them to `splitHtmlMessage`.
 */
export function answerBlocks(answer: Answer): string[] {
  const blocks = [answerBodyHtml(answer)];
  const sources = answer.found ? answer.citations : answer.nearest;
  if (sources.length > 0) {
    blocks.push(`\n<b>${escapeHtml(answer.found ? LABELS.sources : LABELS.nearest)}</b>`);
    blocks.push(...sourceLines(sources).map(sourceLineHtml));
  }
  return blocks;
}

/** The answer as Telegram messages (each ≤ `limit`, valid HTML, a sentence never apart from its `[n]`). */
export function renderAnswerMessages(answer: Answer, limit: number = TELEGRAM_MESSAGE_LIMIT): string[] {
  return splitHtmlMessage(answerBlocks(answer), limit);
}

/**
 * Callback data for "show paragraph": the stable paragraph id when it fits Telegram's 64-byte limit, otherwise a
 * short key the caller must be able to resolve (`shortKey` is asked to remember the paragraph id).
 */
export function paragraphCallbackData(paragraphId: string, shortKey: (paragraphId: string) => string): string {
  const direct = `${PARAGRAPH_CALLBACK_PREFIX}${paragraphId}`;
  if (Buffer.byteLength(direct, 'utf8') <= CALLBACK_DATA_LIMIT) return direct;
  return `${SHORT_KEY_CALLBACK_PREFIX}${shortKey(paragraphId)}`;
}

export const PARAGRAPH_CALLBACK_PREFIX = 'p:';
export const SHORT_KEY_CALLBACK_PREFIX = 'k:';
export const SOURCES_PAGE_CALLBACK_PREFIX = 'sources:';

/** Buttons "[n] ¶m" under an answer, one per citation (or nearest source), `BUTTONS_PER_ROW` per row. */
export function citationKeyboard(citations: readonly Citation[], shortKey: (paragraphId: string) => string): InlineKeyboard | undefined {
  if (citations.length === 0) return undefined;
  const buttons = citations.map((c) => ({ text: `[${c.n}] ¶${c.paragraph}`, callback_data: paragraphCallbackData(c.paragraphId, shortKey) }));
  const rows: InlineButton[][] = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW) rows.push(buttons.slice(i, i + BUTTONS_PER_ROW));
  return { inline_keyboard: rows };
}

/** The full paragraph a citation points at, with its article's details; split like any message. */
export function paragraphMessages(article: Article, paragraph: Paragraph, n?: number, limit: number = TELEGRAM_MESSAGE_LIMIT): string[] {
  const marker = n === undefined ? '' : `[${n}] `;
  const meta = article.meta;
  const heading = `<b>${marker}${escapeHtml(meta.title)}</b>`;
  const details = [meta.source ?? LABELS.unknownOutlet, displayDate(meta.publishedAt), `¶${paragraph.n}`].map(escapeHtml).join(' · ');
  const blocks = [heading, details, `<blockquote>${escapeHtml(paragraph.text)}</blockquote>`];
  if (meta.url && isWebUrl(meta.url)) blocks.push(`<a href="${escapeAttribute(meta.url)}">${escapeHtml(LABELS.originalLink)}</a>`);
  return splitHtmlMessage(blocks, limit);
}

export interface SourcesPage {
  html: string;
  keyboard: InlineKeyboard | undefined;
}

/** One page of `/sources`: articles newest first with date and outlet, and ‹ › buttons. */
export function sourcesPage(articles: readonly Article[], page: number, pageSize: number): SourcesPage {
  const sorted = [...articles].sort((a, b) => (b.meta.publishedAt ?? '').localeCompare(a.meta.publishedAt ?? ''));
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(Math.max(0, page), pages - 1);
  const items = sorted.slice(current * pageSize, (current + 1) * pageSize);
  const lines = [`<b>资料库：共 ${sorted.length} 篇文章</b>（第 ${current + 1}/${pages} 页）`];
  items.forEach((a, i) => {
    const title = a.meta.url && isWebUrl(a.meta.url) ? `<a href="${escapeAttribute(a.meta.url)}">${escapeHtml(a.meta.title)}</a>` : escapeHtml(a.meta.title);
    lines.push(`${current * pageSize + i + 1}. ${title} — ${escapeHtml(a.meta.source ?? LABELS.unknownOutlet)} · ${escapeHtml(displayDate(a.meta.publishedAt))}`);
  });
  if (sorted.length === 0) lines.push('资料库还是空的。');
  const buttons: InlineButton[] = [];
  if (current > 0) buttons.push({ text: '‹ 上一页', callback_data: `${SOURCES_PAGE_CALLBACK_PREFIX}${current - 1}` });
  if (current < pages - 1) buttons.push({ text: '下一页 ›', callback_data: `${SOURCES_PAGE_CALLBACK_PREFIX}${current + 1}` });
  // A page of long titles could pass the limit; the first message is the page (titles are short in practice).
  const html = splitHtmlMessage(lines, TELEGRAM_MESSAGE_LIMIT)[0]!;
  return { html, keyboard: buttons.length > 0 ? { inline_keyboard: [buttons] } : undefined };
}

/** A short plain preview of a streaming draft, escaped, cut to `maxChars`. */
export function draftPreviewHtml(draft: string, maxChars: number): string {
  const text = draft.length > maxChars ? `${draft.slice(0, maxChars)}…` : draft;
  return `<i>正在生成…</i>\n${escapeHtml(text)}`;
}
