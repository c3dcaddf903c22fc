/**
 * Compact source lines, the same in answers, /check, /digest and /tour, in Telegram and in the terminal: one line per
 * article with its paragraphs together — `[1][2] 粤赣鄂归来… · 红网 · 2023-09-30 · ¶3, ¶12`. Pure; the HTML and
 * text renderers only decorate these parts.
 */

/** What a source line needs of a citation (answer citations and fact-check evidence both fit). */
export interface CitedParagraph {
  n: number;
  docId: string;
  title: string;
  paragraph: number;
  url?: string | null;
  date?: string | null;
  source?: string | null;
}

/** One article's line. */
export interface SourceLine {
  /** `[1][2]`: every citation number pointing into this article, in order. */
  markers: string;
  /** The title, shortened for a phone screen. */
  title: string;
  /** The full title (for a link's text when there is room, or a tooltip). */
  fullTitle: string;
  outlet: string;
  /** `2023-09-30`, or 日期不详. */
  date: string;
  /** `¶3, ¶12`. */
  paragraphs: string;
  url: string | null;
}

/** Titles longer than this are cut with `…` (a phone line holds about 20 CJK characters). */
export const SOURCE_TITLE_MAX_CHARS = 14;
export const UNKNOWN_OUTLET = '来源不详';
export const UNKNOWN_DATE = '日期不详';

/** Cuts `title` to `max` characters with `…`, preferring a cut at a separator (space, colon, dash). */
export function shortenTitle(title: string, max: number = SOURCE_TITLE_MAX_CHARS): string {
  const chars = [...title.trim()];
  if (chars.length <= max) return chars.join('');
  // A headline's first clause reads better than a cut mid-word: 粤赣鄂归来,湖南… → 粤赣鄂归来….
  let cut = max;
  for (let i = max; i >= 5; i--) {
    if (/[，,：:；;—|｜\s]/u.test(chars[i]!)) {
      cut = i;
      break;
    }
  }
  return `${chars.slice(0, cut).join('')}…`;
}

/** `2023-09-30 11:07:33` → `2023-09-30`: the day is what readers compare. */
export function displayDate(date: string | null | undefined): string {
  return date ? date.slice(0, 10) : UNKNOWN_DATE;
}

/** Groups citations by article (first appearance order) into compact lines. */
export function sourceLines(citations: readonly CitedParagraph[], titleMax: number = SOURCE_TITLE_MAX_CHARS): SourceLine[] {
  const byDoc = new Map<string, CitedParagraph[]>();
  for (const c of citations) {
    const list = byDoc.get(c.docId) ?? [];
    list.push(c);
    byDoc.set(c.docId, list);
  }
  return [...byDoc.values()].map((cited) => {
    const first = cited[0]!;
    const numbers = [...new Set(cited.map((c) => c.n))].sort((a, b) => a - b);
    const paragraphs = [...new Set(cited.map((c) => c.paragraph))].sort((a, b) => a - b);
    return {
      markers: numbers.map((n) => `[${n}]`).join(''),
      title: shortenTitle(first.title, titleMax),
      fullTitle: first.title,
      outlet: first.source ?? UNKNOWN_OUTLET,
      date: displayDate(first.date),
      paragraphs: paragraphs.map((p) => `¶${p}`).join(', '),
      url: first.url ?? null,
    };
  });
}

/** Plain text of a line: `[1][2] 粤赣鄂归来… · 红网 · 2023-09-30 · ¶3, ¶12`. */
export function sourceLineText(line: SourceLine): string {
  return `${line.markers} ${line.title} · ${line.outlet} · ${line.date} · ${line.paragraphs}`;
}
