import type { TourCard } from './types.ts';

/** The `tours --json` line of a card (the stable CLI contract: snake_case `site_count`, no render-only fields). */
export function tourToJson(card: TourCard): Record<string, unknown> {
  return {
    id: card.id,
    docs: card.docs,
    delegation: card.delegation,
    level: card.level,
    from: card.from,
    leaders: card.leaders,
    hosts: card.hosts,
    start: card.start,
    end: card.end,
    destinations: card.destinations,
    sites: card.sites,
    site_count: card.siteCount,
    agreements: card.agreements,
    meetings: card.meetings,
    figures: card.figures,
    conflicts: card.conflicts,
    citations: card.citations,
  };
}
