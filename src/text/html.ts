/**
 * HTML and Markdown → plain text with one paragraph per line, so that the same line-based cleaner handles web
 * pages, Markdown notes and copied text alike.
 */
import { Parser } from 'htmlparser2';

/** Metadata a web page declares about itself; the cleaner prefers it over guesses from the text. */
export interface HtmlHints {
  title?: string;
  url?: string;
  publishedAt?: string;
  author?: string;
  source?: string;
}

export interface HtmlText {
  text: string;
  hints: HtmlHints;
}

/** Elements whose content is never article text (page chrome, code, widgets). */
const DROPPED_ELEMENTS = new Set([
  'script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form',
  'template', 'svg', 'iframe', 'canvas', 'button', 'select', 'textarea', 'head',
]);

/** Elements that start a new line: paragraph structure must survive as line structure. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'blockquote', 'br', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot',
  'tr', 'ul', 'caption', 'summary', 'details',
]);

/** Table cells sit on one line, separated by a space. */
const CELL_ELEMENTS = new Set(['td', 'th']);

const PUBLISHED_META = new Set([
  'article:published_time', 'og:release_date', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
  'datepublished', 'date', 'dc.date', 'dc.date.issued',
]);
const AUTHOR_META = new Set(['author', 'article:author', 'dc.creator']);
const SOURCE_META = new Set(['og:site_name', 'source', 'application-name']);

const HTML_SPACE = /[ \t\n\r\f]+/g;

function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Trims every line, drops blank runs to a single empty line, trims the whole. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Extracts the readable text of an HTML page: page chrome (script, style, nav, header, footer, aside, form…) is
 * dropped, block elements become line breaks, entities are decoded. Also returns the page's own metadata:
 * title (`og:title`, else `<title>`), url (`<link rel=canonical>`, else `og:url`), publishedAt
 * (`article:published_time` and friends, as written), author (`meta name=author`) and source (`og:site_name`).
 * Never throws: htmlparser2 is forgiving with broken markup.
 */
export function htmlToText(html: string): HtmlText {
  const out: string[] = [];
  let droppedDepth = 0;
  let preDepth = 0;
  let inTitle = false;
  let titleText = '';
  const meta: Record<string, string> = {};

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          const content = attrs.content?.trim();
          if (key && content && !(key in meta)) meta[key] = content;
        }
        if (name === 'link' && (attrs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical') && attrs.href) {
          meta['link:canonical'] ??= attrs.href.trim();
        }
        if (DROPPED_ELEMENTS.has(name)) droppedDepth += 1;
        if (droppedDepth > 0) return;
        if (name === 'pre') preDepth += 1;
        if (BLOCK_ELEMENTS.has(name)) out.push('\n');
        if (CELL_ELEMENTS.has(name)) out.push(' ');
      },
      ontext(data) {
        if (inTitle) {
          titleText += data;
          return;
        }
        if (droppedDepth > 0) return;
        out.push(preDepth > 0 ? data : data.replace(HTML_SPACE, ' '));
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (DROPPED_ELEMENTS.has(name)) {
          droppedDepth = Math.max(0, droppedDepth - 1);
          return;
        }
        if (droppedDepth > 0) return;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (BLOCK_ELEMENTS.has(name)) out.push('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const firstOf = (keys: Set<string>): string | undefined => {
    for (const key of keys) if (meta[key]) return collapse(meta[key]);
    return undefined;
  };
  const hints: HtmlHints = {};
  const title = meta['og:title'] ? collapse(meta['og:title']) : collapse(titleText);
  if (title) hints.title = title;
  const url = meta['link:canonical'] ?? meta['og:url'];
  if (url) hints.url = url;
  const publishedAt = firstOf(PUBLISHED_META);
  if (publishedAt) hints.publishedAt = publishedAt;
  const author = firstOf(AUTHOR_META);
  if (author && !/^https?:/i.test(author)) hints.author = author;
  const source = firstOf(SOURCE_META);
  if (source) hints.source = source;

  return { text: tidyLines(out.join('')), hints };
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^\s{0,3}#{1,6}(?:\s+|$)/;
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-+)\s*$/;
const THEMATIC_BREAK = /^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S+/;
const TABLE_DELIMITER_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const BULLET = /^\s*[-*+]\s+/;
const BLOCKQUOTE = /^\s{0,3}>\s?/;

/** Inline Markdown → text: images dropped, links keep their text, emphasis/code markers removed. */
function stripInline(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/<br\s*\/?>/gi, '\n');
}

const CJK_END = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]$/;
const CJK_START = /^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]/;

/** Joins soft-wrapped lines of one paragraph: Chinese text joins without a space, Latin text with one. */
function joinSoftWrapped(lines: string[]): string {
  return lines.reduce((joined, line) => {
    if (!joined) return line;
    return CJK_END.test(joined) || CJK_START.test(line) ? joined + line : `${joined} ${line}`;
  }, '');
}

/**
 * Markdown → plain text, one paragraph per line: heading markers, emphasis and list bullets are stripped, links
 * become their text, images are dropped, fenced code is kept verbatim as text, tables become space-separated
 * rows, and soft-wrapped paragraph lines are joined. Not a full CommonMark parser: it targets notes and exported
 * articles, not arbitrary documents.
 */
export function markdownToText(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push(joinSoftWrapped(paragraph));
    paragraph = [];
  };

  for (const raw of lines) {
    const fenceMatch = FENCE.exec(raw);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
      else blocks.push(raw.trimEnd());
      continue;
    }
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1]!;
      continue;
    }
    const line = raw.replace(BLOCKQUOTE, '');
    if (line.trim() === '' || LINK_DEFINITION.test(line) || TABLE_DELIMITER_ROW.test(line)) {
      flush();
      continue;
    }
    if (SETEXT_UNDERLINE.test(line) && paragraph.length > 0) {
      flush();
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      flush();
      continue;
    }
    if (ATX_HEADING.test(line)) {
      flush();
      blocks.push(stripInline(line.replace(ATX_HEADING, '').replace(/\s+#+\s*$/, '').trim()));
      continue;
    }
    if (BULLET.test(line) || /^\s*\d+[.)]\s+/.test(line)) {
      flush();
      paragraph.push(stripInline(line.replace(BULLET, '').trim()));
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line)) {
      flush();
      blocks.push(stripInline(line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()).join(' ')));
      continue;
    }
    paragraph.push(stripInline(line.trim()));
  }
  flush();
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((block) => block.trim())
    .filter((block, index, all) => block !== '' || (index > 0 && all[index - 1] !== ''))
    .join('\n')
    .trim();
}
