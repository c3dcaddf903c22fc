/**
 * Rendering a composed digest without markup: the citation numbering every renderer shares, plain text for the
 * terminal and the JSON contract of `npm run digest -- --json`. Pure. Citation numbers `[n]` are assigned per
 * paragraph in order of first use and resolved in compact source lines, one per article with its paragraphs
 * together — the answers' format (`src/chat/sources.ts`). Telegram HTML is rendered in the bot stage.
 */
import { sourceLines, sourceLineText, type SourceLine } from '../chat/index.ts';
import type { Digest, DigestCitation, DigestGroup, DigestItem, DigestJson, DigestTourLine } from './types.ts';

/** The user-facing note when a period brought nothing new. */
export function emptyDigestNote(since: string): string {
  return `自 ${since} 以来没有新增文章。`;
}

/** A digest whose overview is the "nothing new" note. */
export function emptyDigest(since: string): Digest {
  return { overview: emptyDigestNote(since), groups: [] };
}

/** Every citation of a tour line, in the order its values are shown (label, when, leaders, sites). */
export function tourLineCitations(tour: DigestTourLine): DigestCitation[] {
  return [tour.label, tour.when, tour.leaders, tour.sites].flatMap((fact) => fact?.citations ?? []);
}

/** The values of a tour line after its label, as shown: `9月23日至28日 · 湖南省委书记沈晓明、省长毛伟明带队 · 36个考察点`. */
export function tourDetails(tour: DigestTourLine): string {
  return [tour.when?.text, tour.leaders ? `${tour.leaders.text}带队` : undefined, tour.sites?.text].filter(Boolean).join(' · ');
}

/** A group's heading: `湖南省党政代表团赴粤赣鄂`, with the number of reports when there are several. */
export function groupHeading(group: DigestGroup): string {
  return group.items.length > 1 ? `${group.label}（${group.items.length}篇）` : group.label;
}

/** Citation numbers of a digest: one per cited paragraph, in display order, and the source lines resolving them. */
export interface DigestSources {
  /** `[1][2]` for a list of citations (each paragraph once, in order). */
  markers(citations: readonly DigestCitation[]): string;
  /** One line per article, its paragraphs together. */
  lines: SourceLine[];
}

/** Numbers the paragraphs a digest cites, in display order (tour line first, then the articles' sentences). */
export function digestSources(digest: Digest): DigestSources {
  const numbers = new Map<string, number>();
  const cited: Array<{ n: number; item: DigestItem; paragraph: number }> = [];
  const items = new Map(digest.groups.flatMap((g) => g.items.map((item) => [item.docId, item] as const)));
  const number = (c: DigestCitation) => {
    // Cards are read from the digest's own articles, so every cited paragraph belongs to one of its items.
    const item = items.get(c.paragraphId.slice(0, c.paragraphId.lastIndexOf('#p')));
    if (!item || numbers.has(c.paragraphId)) return;
    numbers.set(c.paragraphId, numbers.size + 1);
    cited.push({ n: numbers.size, item, paragraph: c.paragraph });
  };
  for (const group of digest.groups) {
    for (const c of group.tour ? tourLineCitations(group.tour) : []) number(c);
    for (const item of group.items) for (const sentence of item.sentences) for (const c of sentence.citations) number(c);
  }
  return {
    markers: (citations) =>
      [...new Set(citations.map((c) => numbers.get(c.paragraphId)).filter((n): n is number => n !== undefined))].map((n) => `[${n}]`).join(''),
    lines: sourceLines(
      cited.map(({ n, item, paragraph }) => ({ n, docId: item.docId, title: item.title, paragraph, url: item.url, date: item.dateText, source: item.source })),
    ),
  };
}

/**
 * Plain text for the terminal, the same structure as the Telegram HTML: title, overview, per group a numbered
 * heading, the tour line's values with their `[n]`, the key sentences; then the source lines.
 */
export function renderDigestText(digest: Digest, options: { title: string }): string {
  const sources = digestSources(digest);
  const lines = [options.title, digest.overview];
  digest.groups.forEach((group, i) => {
    const tourMarkers = group.tour ? sources.markers(tourLineCitations(group.tour)) : '';
    const details = group.tour ? tourDetails(group.tour) : '';
    lines.push('', `${i + 1}. ${groupHeading(group)}${details ? '' : tourMarkers}`);
    if (details) lines.push(`${details}${tourMarkers}`);
    for (const item of group.items) for (const sentence of item.sentences) lines.push(`• ${sentence.text}${sources.markers(sentence.citations)}`);
  });
  if (sources.lines.length > 0) lines.push('', '来源：', ...sources.lines.map(sourceLineText));
  return lines.join('\n');
}

/**
 * The JSON contract: `{"overview","items":[{"docId","title","source","date","dateText","url","tour","sentences":[…]}]}`,
 * one item per article in display order; `tour` is its tour line (shared by the reports of one tour) or null.
 */
export function toDigestJson(digest: Digest): DigestJson {
  return {
    overview: digest.overview,
    items: digest.groups.flatMap((group) =>
      group.items.map((item) => ({
        docId: item.docId,
        title: item.title,
        source: item.source,
        date: item.date,
        dateText: item.dateText,
        url: item.url,
        tour: group.tour,
        sentences: item.sentences.map((s) => ({
          text: s.text,
          citations: s.citations.map((c) => ({ paragraphId: c.paragraphId, paragraph: c.paragraph, quote: c.quote })),
        })),
      })),
    ),
  };
}
