/**
 * Tour cards: one record per study tour (党政代表团学习考察), every field cited by paragraph id and a verbatim
 * quote that contains the value. A field the articles do not state stays empty (null or []), never guessed.
 */

export type TourLevel = 'province' | 'city' | 'county' | 'district' | 'other';

/** A person on a card: the name and the title chain as the article writes them. */
export interface TourPerson {
  name: string;
  title: string | null;
}

/** A stated figure other than the site count (6天, 2000多公里, 88名团员). */
export interface TourFigure {
  /** As written (2000多公里). */
  value: string;
  /** What it counts (路程, 时间, 团员…), from the counted noun or the measure word. */
  what: string;
}

/** Where a value comes from: a paragraph id and a verbatim quote (a sentence of it) containing the value. */
export interface TourCitation {
  paragraphId: string;
  quote: string;
}

/** Fields that carry citations. */
export type TourField =
  | 'delegation'
  | 'from'
  | 'leaders'
  | 'hosts'
  | 'start'
  | 'end'
  | 'destinations'
  | 'sites'
  | 'site_count'
  | 'agreements'
  | 'meetings'
  | 'figures';

/** Sources disagree on a single-valued field (36 vs 35 sites): every value with where it was read. */
export interface TourConflict {
  field: 'start' | 'end' | 'site_count' | 'level';
  values: Array<{ value: string | number; docId: string; citation: TourCitation | null }>;
}

/** One tour, possibly reported by several articles. */
export interface TourCard {
  /** Stable while its first article stays: `<first docId>#t<k>`. */
  id: string;
  /** Every article that reports it, first reported first. */
  docs: string[];
  /** The delegation as named (湖南省党政代表团); null when no article names it. */
  delegation: string | null;
  level: TourLevel | null;
  /** Home region as written (湖南省, 郴州市). */
  from: string | null;
  leaders: TourPerson[];
  hosts: TourPerson[];
  /** YYYY-MM-DD; null unless the day, month and year are all known (the year may come from the date line). */
  start: string | null;
  end: string | null;
  destinations: string[];
  sites: string[];
  siteCount: number | null;
  agreements: string[];
  meetings: string[];
  figures: TourFigure[];
  conflicts: TourConflict[];
  citations: Partial<Record<TourField, TourCitation[]>>;
  /** The newest publish date among its articles (YYYY-MM-DD), for ordering; null when unknown. */
  published: string | null;
  /** Article titles by docId, for rendering sources. */
  titles: Record<string, string>;
}
