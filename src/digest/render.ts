/**
 * Rendering a composed digest: Telegram HTML split into messages, plain text for the terminal, and the JSON
 * contract of `npm run digest -- --json`. Pure. Citation numbers `[n]` are assigned here, per paragraph in order of
 * first use, and resolved in a sources list that names article, outlet, date and paragraph.
 */
import { sourceLineHtml } from '../bot/format.ts';
import { escapeHtml, splitHtmlMessage, TELEGRAM_MESSAGE_LIMIT } from '../bot/html.ts';
import { shortenTitle, sourceLines, sourceLineText, type SourceLine } from '../chat/sources.ts';
import { digestItems } from './compose.ts';
import type { Digest, DigestItem, DigestJson } from './types.ts';

export interface RenderOptions {
  /** First line, e.g. `考察通每日简报 · 2026-11-23`. */
  title: string;
  /** Characters per Telegram message. */
  messageLimit?: number;
}

/** The user-facing note when a period brought nothing new. */
export function emptyDigestNote(since: string): string {
  return `自 ${since} 以来没有新增文章。`;
}

interface NumberedSource {
  n: number;
  item: DigestItem;
  paragraph: number;
}

/** Numbers the cited paragraphs of a digest in display order: paragraph id → `{ n, item, paragraph }`. */
function numberSources(digest: Digest): Map<string, NumberedSource> {
  const sources = new Map<string, NumberedSource>();
  for (const item of digestItems(digest)) {
    for (const sentence of item.sentences) {
      for (const c of sentence.citations) {
        if (!sources.has(c.paragraphId)) sources.set(c.paragraphId, { n: sources.size + 1, item, paragraph: c.paragraph });
      }
    }
  }
  return sources;
}

function markers(sentence: DigestItem['sentences'][number], sources: Map<string, NumberedSource>): string {
  return [...new Set(sentence.citations.map((c) => sources.get(c.paragraphId)!.n))].map((n) => `[${n}]`).join('');
}

function metaLine(item: DigestItem): string {
  return [item.source ?? '来源不详', item.date ?? '日期不详'].join(' · ');
}

/** Titles in a digest heading are cut for a phone line. */
const HEADING_TITLE_CHARS = 22;

/** The digest's compact source lines: one per article, its paragraphs together (the answers' format). */
function digestSourceLines(sources: Map<string, NumberedSource>): SourceLine[] {
  return sourceLines(
    [...sources.values()].map(({ n, item, paragraph }) => ({ n, docId: item.docId, title: item.title, paragraph, url: item.url, date: item.date, source: item.source })),
  );
}

/**
 * Telegram HTML messages (each ≤ the limit, tags balanced): title, overview, then per tour group a heading (when
 * the group has several articles) and per article its title, outlet/date/link and cited sentences; then sources.
 */
export function renderDigestHtml(digest: Digest, options: RenderOptions): string[] {
  const sources = numberSources(digest);
  const blocks = [`<b>${escapeHtml(options.title)}</b>\n${escapeHtml(digest.overview)}`];
  let index = 0;
  for (const group of digest.groups) {
    if (group.items.length > 1) blocks.push(`<b>▍${escapeHtml(group.label)}（${group.items.length}篇）</b>`);
    for (const item of group.items) {
      index += 1;
      // One heading line per article (short title, outlet, date); the link is in the source line below.
      const lines = [`<b>${index}. ${escapeHtml(shortenTitle(item.title, HEADING_TITLE_CHARS))}</b> · ${escapeHtml(metaLine(item))}`];
      for (const sentence of item.sentences) lines.push(`• ${escapeHtml(sentence.text)}${markers(sentence, sources)}`);
      blocks.push(lines.join('\n'));
    }
  }
  if (sources.size > 0) {
    blocks.push('<b>来源</b>');
    blocks.push(...digestSourceLines(sources).map(sourceLineHtml));
  }
  // Blank lines between articles, single newlines inside the sources list.
  const spaced = blocks.map((b, i) => (i > 0 && !b.startsWith('[') ? `\n${b}` : b));
  return splitHtmlMessage(spaced, options.messageLimit ?? TELEGRAM_MESSAGE_LIMIT).map((m) => m.replace(/^\n+/, ''));
}

/** Plain text for the terminal, same structure as the HTML. */
export function renderDigestText(digest: Digest, options: Pick<RenderOptions, 'title'>): string {
  const sources = numberSources(digest);
  const lines = [options.title, digest.overview];
  let index = 0;
  for (const group of digest.groups) {
    if (group.items.length > 1) lines.push('', `▍${group.label}（${group.items.length}篇）`);
    for (const item of group.items) {
      index += 1;
      lines.push('', `${index}. ${shortenTitle(item.title, HEADING_TITLE_CHARS)} · ${metaLine(item)}`);
      for (const sentence of item.sentences) lines.push(`• ${sentence.text}${markers(sentence, sources)}`);
    }
  }
  if (sources.size > 0) {
    lines.push('', '来源：');
    for (const line of digestSourceLines(sources)) lines.push(`${sourceLineText(line)}${line.url ? ` ${line.url}` : ''}`);
  }
  return lines.join('\n');
}

/** The JSON contract: `{"overview","items":[{"docId","title","source","date","url","sentences":[…]}]}`. */
export function toDigestJson(digest: Digest): DigestJson {
  return {
    overview: digest.overview,
    items: digestItems(digest).map((item) => ({
      docId: item.docId,
      title: item.title,
      source: item.source,
      date: item.date,
      url: item.url,
      sentences: item.sentences.map((s) => ({
        text: s.text,
        citations: s.citations.map((c) => ({ paragraphId: c.paragraphId, paragraph: c.paragraph, quote: c.quote })),
      })),
    })),
  };
}
