/**
 * A tour's line in the digest, read from its tour card (`src/tours/`): the delegation as named and where it went
 * (湖南省党政代表团赴粤赣鄂), when (always with the month), who led, how many sites — each value with the paragraph
 * it was read from. A value the card does not state is left out, never guessed.
 */
import { PROVINCES } from '../text/index.ts';
import type { TourCard, TourCitation, TourField } from '../tours/index.ts';
import { spanText } from './dates.ts';
import type { TourFactKind } from './key-sentence.ts';
import type { DigestCitation, DigestFact, DigestTourLine } from './types.ts';

export interface TourLineOptions {
  /** Leaders named on the line; more are summed up with 等. */
  maxLeaders: number;
  /** Destinations named in the label; more are summed up with 等. */
  maxDestinations: number;
}

/** True when a card can label a tour: it names the delegation or at least where it came from. */
export function labelsTour(card: TourCard): boolean {
  return Boolean(card.delegation ?? card.from);
}

/** Several provinces by their one-character abbreviations (广东、江西、湖北 → 粤赣鄂): short enough for a phone. */
function destinationText(destinations: readonly string[], max: number): string {
  const abbreviations = destinations.map((d) => PROVINCES.find((p) => p.common === d || p.name === d)?.abbreviations[0]);
  if (destinations.length >= 2 && abbreviations.every(Boolean)) return abbreviations.join('');
  const shown = destinations.slice(0, max).join('、');
  return destinations.length > max ? `${shown}等` : shown;
}

/** The paragraph number of a paragraph id (`doc#p12` → 12). */
function paragraphNumber(paragraphId: string): number {
  return Number(/#p(\d+)$/.exec(paragraphId)?.[1] ?? 0);
}

/** The first citation of each field (one is enough for a line on a phone), as digest citations. */
function citationsOf(card: TourCard, fields: readonly TourField[]): DigestCitation[] {
  const out: DigestCitation[] = [];
  for (const field of fields) {
    const first: TourCitation | undefined = card.citations[field]?.[0];
    if (first && !out.some((c) => c.paragraphId === first.paragraphId)) {
      out.push({ paragraphId: first.paragraphId, paragraph: paragraphNumber(first.paragraphId), quote: first.quote });
    }
  }
  return out;
}

/** The label alone: 湖南省党政代表团赴粤赣鄂; null when the card names neither delegation nor home. */
export function tourLabel(card: TourCard, options: TourLineOptions): string | null {
  const who = card.delegation ?? card.from;
  if (!who) return null;
  return card.destinations.length > 0 ? `${who}赴${destinationText(card.destinations, options.maxDestinations)}` : who;
}

/**
 * The tour line of a card. `reportYear` is the year of the newest report of the tour in the digest: tour dates
 * in that year are shown without it. Null when the card cannot label a tour.
 */
export function tourLine(card: TourCard, reportYear: number | null, options: TourLineOptions): DigestTourLine | null {
  const label = tourLabel(card, options);
  if (!label) return null;
  const fact = (text: string, fields: readonly TourField[]): DigestFact => ({ text, citations: citationsOf(card, fields) });
  const when = spanText(card.start, card.end, reportYear);
  const leaders = card.leaders.slice(0, options.maxLeaders).map((l) => `${l.title ?? ''}${l.name}`).join('、');
  return {
    cardId: card.id,
    label: fact(label, [card.delegation ? 'delegation' : 'from', 'destinations']),
    when: when ? fact(when, ['start', 'end']) : null,
    leaders: leaders ? fact(card.leaders.length > options.maxLeaders ? `${leaders}等` : leaders, ['leaders']) : null,
    sites: card.siteCount !== null ? fact(`${card.siteCount}个考察点`, ['site_count']) : null,
  };
}

/** The kinds of tour facts a line already states (a key sentence is picked for what it adds to them). */
export function factsStated(line: DigestTourLine, card: TourCard): Set<TourFactKind> {
  const kinds = new Set<TourFactKind>();
  if (line.leaders) kinds.add('leader');
  if (line.when) kinds.add('when');
  if (card.destinations.length > 0) kinds.add('where');
  if (line.sites) kinds.add('howMany');
  return kinds;
}
