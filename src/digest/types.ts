import type { CorpusReader } from '../store/index.ts';

/** Source of the current time; the real one reads the system clock, tests move a fake one by hand. */
export interface Clock {
  now(): Date;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A chat's daily-digest subscription. */
export interface Subscription {
  chatId: number;
  /** Local delivery time `HH:MM`. */
  time: string;
  /** IANA timezone the time is read in. */
  timezone: string;
  /** Only articles mentioning this word (title or text); null = no keyword filter. */
  keyword: string | null;
  /** Only articles mentioning this province/city (or an alias such as 湘, 粤赣鄂); null = no region filter. */
  region: string | null;
  /** Send a one-line note when nothing new arrived (true) or stay silent (false). */
  notifyEmpty: boolean;
  /** ISO instant the subscription was (re)created. */
  createdAt: string;
  /** Local date (`YYYY-MM-DD`) of the last scheduled period a digest was planned for; null before the first. */
  lastPeriod: string | null;
}

/** Which articles go into a digest. */
export interface DigestFilters {
  keyword?: string | null;
  region?: string | null;
}

/** Verbatim evidence for a digest sentence. */
export interface DigestCitation {
  /** `<docId>#p<n>` */
  paragraphId: string;
  /** Paragraph number n (shown as ¶n). */
  paragraph: number;
  /** Verbatim substring of that paragraph's text (never of a caption). */
  quote: string;
}

export interface DigestSentence {
  /** What is shown: the quote itself, or its start followed by `…` when the sentence was too long. */
  text: string;
  citations: DigestCitation[];
}

/** One article in a digest. */
export interface DigestItem {
  docId: string;
  title: string;
  /** Outlet, e.g. 红网; null when unknown. */
  source: string | null;
  /** Publish date `YYYY-MM-DD`; null when unknown. */
  date: string | null;
  url: string | null;
  sentences: DigestSentence[];
}

/** Articles about the same tour; renderers show the label as a heading when the group has several items. */
export interface DigestGroup {
  /** Short tour label such as 湖南赴广东、江西、湖北. */
  label: string;
  items: DigestItem[];
}

/** A composed digest: a one-line overview and the items, grouped by tour. Pure data; rendering is separate. */
export interface Digest {
  overview: string;
  groups: DigestGroup[];
}

/** The JSON contract of `npm run digest -- --json`. */
export interface DigestJson {
  overview: string;
  items: DigestItem[];
}

/** What the digest needs from the index: the current articles. A `LoadedIndex` satisfies it. */
export interface ArticleSource {
  readonly corpus: CorpusReader;
}

/**
 * Returns the currently loaded index (the bot swaps it when `npm run ingest` commits a new generation), or null
 * when there is none yet.
 */
export type IndexProvider = () => ArticleSource | null | undefined | Promise<ArticleSource | null | undefined>;
