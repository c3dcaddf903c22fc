/**
 * Days shown with their month: news sentences say "13日傍晚" when the month was given earlier in the article, which
 * a reader of one quoted sentence cannot see. Display only — cited quotes stay verbatim.
 */

/** A day number not preceded by its month, nor continuing a range or list whose month was given (9月23日至28日). */
const BARE_DAY = /(?<![月\d至到—\-~～、和])(\d{1,2})日/g;

/**
 * `text` with the month added to bare days: the month of the last "N月" in `before` (the article text up to the
 * sentence) or earlier in `text`, else the month of `publishedAt` (`YYYY-MM-…`); unchanged when none is known.
 */
export function withMonths(text: string, before: string, publishedAt: string | null | undefined): string {
  if (!new RegExp(BARE_DAY.source).test(text)) return text;
  const published = /^\d{4}-(\d{2})/.exec(publishedAt ?? '')?.[1];
  return text.replace(BARE_DAY, (whole, _day: string, offset: number) => {
    const context = before + text.slice(0, offset);
    const month = [...context.matchAll(/(\d{1,2})月/g)].at(-1)?.[1] ?? (published ? String(Number(published)) : undefined);
    return month ? `${month}月${whole}` : whole;
  });
}
