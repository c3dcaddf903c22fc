/**
 * Telegram HTML helpers shared by everything that sends messages (answers, fact-checks, digests).
 * Telegram's HTML parse mode accepts only a few tags and rejects a message with an unescaped `<`, `>` or `&`,
 * so every dynamic string (article text, titles, user input) goes through `escapeHtml`.
 */

/** Telegram's limit on the text of one message (characters after entity parsing; we count the markup too). */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/** Escapes text for Telegram HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a value for a double-quoted HTML attribute (e.g. `href`). */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/**
 * Packs self-contained HTML blocks (each with balanced tags, e.g. one answer paragraph or one source line) into
 * as few messages as possible, each at most `limit` characters, never splitting a block when it fits.
 * Blocks are joined with `separator`.
 */
export function splitHtmlMessage(blocks: string[], limit: number = TELEGRAM_MESSAGE_LIMIT, separator = '\n'): string[] {
  const messages: string[] = [];
  let current = '';
  for (const block of blocks.flatMap((b) => splitOversizedBlock(b, limit))) {
    const candidate = current ? `${current}${separator}${block}` : block;
    if (candidate.length <= limit) {
      current = candidate;
    } else {
      if (current) messages.push(current);
      current = block;
    }
  }
  if (current) messages.push(current);
  return messages;
}

/**
 * A block longer than the limit is cut after a sentence end (and its trailing citation markers like `[3]`)
 * that lies outside any tag; tags open at the cut are closed and reopened so each part stays valid.
 */
function splitOversizedBlock(block: string, limit: number): string[] {
  if (block.length <= limit) return [block];
  const parts: string[] = [];
  let rest = block;
  while (rest.length > limit) {
    const cut = lastSafeCut(rest, limit);
    // Line breaks at the cut belong to neither part (a part never ends or starts with a blank line).
    const head = rest.slice(0, cut).replace(/\n+$/, '');
    const open = openTags(head);
    parts.push(head + open.map((t) => `</${t.name}>`).reverse().join(''));
    rest = open.map((t) => t.raw).join('') + rest.slice(cut).replace(/^\n+/, '');
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Reserve for closing tags appended at a cut. */
const CLOSING_TAG_RESERVE = 64;

function lastSafeCut(text: string, limit: number): number {
  const budget = Math.max(1, limit - CLOSING_TAG_RESERVE);
  let best = -1;
  let inTag = false;
  let inEntity = false;
  for (let i = 0; i < Math.min(text.length, budget); i++) {
    const ch = text[i]!;
    if (ch === '<') inTag = true;
    else if (ch === '>') inTag = false;
    else if (ch === '&') inEntity = true;
    else if (ch === ';') inEntity = false;
    if (inTag || inEntity) continue;
    if (/[。！？；!?\n]/.test(ch)) {
      // Keep citation markers that follow the sentence end with their sentence.
      let end = i + 1;
      const markers = /^(?:\[\d+\])+/.exec(text.slice(end));
      if (markers) end += markers[0].length;
      if (end <= budget) best = end;
    }
  }
  if (best > 0) return best;
  // No sentence end: cut at the budget, but never inside a tag or entity.
  let cut = budget;
  const lastOpen = text.lastIndexOf('<', cut);
  if (lastOpen > text.lastIndexOf('>', cut - 1)) cut = lastOpen;
  const lastAmp = text.lastIndexOf('&', cut);
  if (lastAmp > text.lastIndexOf(';', cut - 1)) cut = lastAmp;
  return Math.max(1, cut);
}

function openTags(html: string): Array<{ name: string; raw: string }> {
  const stack: Array<{ name: string; raw: string }> = [];
  for (const match of html.matchAll(/<(\/?)([a-z-]+)[^>]*>/gi)) {
    const name = match[2]!.toLowerCase();
    if (match[1]) {
      const at = stack.map((t) => t.name).lastIndexOf(name);
      if (at >= 0) stack.splice(at, 1);
    } else {
      stack.push({ name, raw: match[0] });
    }
  }
  return stack;
}
