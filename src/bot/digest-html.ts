/**
 * Digest → Telegram HTML messages. Pure: the digest stage chose what to show and cite; this only renders it, in
 * the same compact source-line format as answers (`sourceLineHtml`). Every dynamic string (titles, quotes, outlet
 * names) goes through `escapeHtml`: article text is untrusted.
 */
import { digestSources, groupHeading, tourDetails, tourLineCitations, type Digest, type RenderOptions } from '../digest/index.ts';
import { LABELS, sourceLineHtml } from './format.ts';
import { escapeHtml, splitHtmlMessage, TELEGRAM_MESSAGE_LIMIT } from './html.ts';

/**
 * The digest as Telegram messages (each ≤ the limit, tags balanced): the title and overview, then per group a
 * bold numbered heading (the tour's label), the tour line's values with their `[n]`, the key sentences, and the
 * source lines. A group is one block, so the splitter keeps it in one message when it fits.
 */
export function renderDigestHtml(digest: Digest, options: RenderOptions): string[] {
  const sources = digestSources(digest);
  const blocks = [`<b>${escapeHtml(options.title)}</b>\n${escapeHtml(digest.overview)}`];
  digest.groups.forEach((group, i) => {
    const tourMarkers = group.tour ? sources.markers(tourLineCitations(group.tour)) : '';
    const details = group.tour ? tourDetails(group.tour) : '';
    // Blank line before each group: the splitter drops it at the start of a message.
    const lines = [`\n<b>${i + 1}. ${escapeHtml(groupHeading(group))}</b>${details ? '' : tourMarkers}`];
    if (details) lines.push(`${escapeHtml(details)}${tourMarkers}`);
    for (const item of group.items) for (const sentence of item.sentences) lines.push(`• ${escapeHtml(sentence.text)}${sources.markers(sentence.citations)}`);
    blocks.push(lines.join('\n'));
  });
  if (sources.lines.length > 0) blocks.push(`\n<b>${escapeHtml(LABELS.sources)}</b>`, ...sources.lines.map(sourceLineHtml));
  return splitHtmlMessage(blocks, options.messageLimit ?? TELEGRAM_MESSAGE_LIMIT).map((m) => m.replace(/^\n+/, ''));
}
