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

/** Verbatim evidence for a digest sentence or a tour-line value. */
export interface DigestCitation {
  /** `<docId>#p<n>` */
  paragraphId: string;
  /** Paragraph number n (shown as ¶n). */
  paragraph: number;
  /** Verbatim substring of that paragraph's text (never of a caption). */
  quote: string;
}

export interface DigestSentence {
  /**
   * What is shown: the quote, or its start followed by `……` when the sentence was too long; a day written without
   * its month (13日傍晚) is shown with it (4月13日傍晚). The citation's quote stays verbatim.
   */
  text: string;
  citations: DigestCitation[];
}

/** One value of a tour line as shown (`9月23日至28日`), with the paragraphs it was read from. */
export interface DigestFact {
  text: string;
  citations: DigestCitation[];
}

/** A tour's line, read from its tour card: who went where, when, who led, how many sites. */
export interface DigestTourLine {
  /** The tour card's id. */
  cardId: string;
  /** The delegation as named and where it went: 湖南省党政代表团赴粤赣鄂. */
  label: DigestFact;
  /** When, always with its month (9月23日至28日; the year only when it is not the report's); null when not stated. */
  when: DigestFact | null;
  /** Who led, with titles as written (湖南省委书记沈晓明、省长毛伟明); null when not stated. */
  leaders: DigestFact | null;
  /** The stated site count (36个考察点); null when not stated. */
  sites: DigestFact | null;
}

/** One article in a digest. */
export interface DigestItem {
  docId: string;
  title: string;
  /** Outlet, e.g. 红网; null when unknown. */
  source: string | null;
  /** Publish date `YYYY-MM-DD`; null unless year, month and day are all known. */
  date: string | null;
  /** The date as shown: `2023-09-30`, or `11月18日` from a dateline without a year; null when unknown. */
  dateText: string | null;
  url: string | null;
  /**
   * The article's key sentence: the one with the most informative facts of the tour (who led, when, where, how
   * many, what was signed) — only facts its tour line does not already state count. Empty when the line says it all.
   */
  sentences: DigestSentence[];
}

/** Articles about the same tour (one tour card), or a single article without a tour card. */
export interface DigestGroup {
  /** The tour's label (湖南省党政代表团赴粤赣鄂), or the shortened title of an article without a tour card. */
  label: string;
  /** The tour line; null for an article without a tour card. */
  tour: DigestTourLine | null;
  /** Newest first. */
  items: DigestItem[];
}

/**
 * A composed digest: a one-line overview and the groups, newest first. Pure data, nothing rendered: HTML for
 * Telegram lives beside the bot's other renderers, plain text and JSON in `render.ts`.
 */
export interface Digest {
  overview: string;
  groups: DigestGroup[];
}

/** The JSON contract of `npm run digest -- --json`: items per article in display order. */
export interface DigestJson {
  overview: string;
  items: Array<DigestItem & { tour: DigestTourLine | null }>;
}

/** What a renderer is told besides the digest. */
export interface RenderOptions {
  /** First line, e.g. `考察通每日简报 · 2026-11-23`. */
  title: string;
  /** Characters per message. */
  messageLimit?: number;
}

/**
 * Turns a digest into the messages a chat receives (each within `messageLimit`). Injected into the service by the
 * composition root (Telegram HTML from the bot stage), so the digest stage depends on no renderer.
 */
export type DigestRenderer = (digest: Digest, options: RenderOptions) => string[];

/** What the digest needs from the index: the current articles. A `LoadedIndex` satisfies it. */
export interface ArticleSource {
  readonly corpus: CorpusReader;
}

/**
 * Returns the currently loaded index (the bot swaps it when `npm run ingest` commits a new generation), or null
 * when there is none yet.
 */
export type IndexProvider = () => ArticleSource | null | undefined | Promise<ArticleSource | null | undefined>;
