/**
 * Typed facts read out of one sentence, each with its verbatim span. Offsets are into the sentence as given, so
 * `sentence.slice(start, end) === text` always holds: a fact can be quoted or shown as a short answer exactly as
 * the article wrote it (traditional characters, Chinese numerals and all).
 */

export type FactKind = 'person' | 'date' | 'quantity' | 'place' | 'org' | 'document' | 'meeting' | 'term';

/** What a person did in the sentence, read from the verb that governs their name. */
export type PersonRole = 'lead' | 'chair' | 'speak' | 'accompany' | 'sign' | 'meet' | 'attend' | null;

interface FactBase {
  kind: FactKind;
  /** The verbatim span in the sentence. */
  text: string;
  start: number;
  end: number;
}

export interface PersonFact extends FactBase {
  kind: 'person';
  name: string;
  /** The title written right before the name (省委书记), simplified; null when none. */
  title: string | null;
  /** The full title chain as written (市委副书记、代市长), simplified; null when none. */
  titles: string | null;
  role: PersonRole;
}

/** A calendar point with any of its parts known (a text may say only 2024年 or only 25日). */
export interface DatePoint {
  year?: number;
  month?: number;
  day?: number;
}

export interface DateFact extends FactBase {
  kind: 'date';
  from: DatePoint;
  /** Equal to `from` for a single day. */
  to: DatePoint;
  /** Month or year filled in from the context (a previous sentence's 9月 for a bare 25日). */
  inherited: boolean;
  /** The date of the report itself (本报7月12日讯, 新华社北京7月12日电), not of anything it tells. */
  dateline?: boolean;
}

/** How a quantity is qualified: 2000多 (more), 超过100 (atLeast), 约300 (approx). */
export type QuantityBound = 'exact' | 'more' | 'atLeast' | 'approx';

export interface QuantityFact extends FactBase {
  kind: 'quantity';
  value: number;
  bound: QuantityBound;
  ordinal: boolean;
  /** The measure word as written, simplified (个, 座, 名, 公里, 万元…). */
  measure: string;
  /** The counted noun right after the measure word (考察点, 城市, 团员), simplified; '' when none. */
  noun: string;
}

export interface PlaceFact extends FactBase {
  kind: 'place';
  /** Simplified, as written (湖南省). */
  name: string;
  /** Short canonical form (湖南). */
  canonical: string;
  /** Named as where someone went (after 赴/到/前往/在…). */
  destination: boolean;
}

export interface OrgFact extends FactBase {
  kind: 'org';
  /** Simplified name (广州市智慧城市运行中心). */
  name: string;
  /** Named as a site visited (after 考察/参观/走进/来到…). */
  visited: boolean;
}

export interface DocumentFact extends FactBase {
  kind: 'document';
  /** The title without 《》 (or the agreement phrase after 签署), simplified. */
  name: string;
  /** Whether it is an agreement (协议, 备忘录, 合同…). */
  agreement: boolean;
}

export interface MeetingFact extends FactBase {
  kind: 'meeting';
  name: string;
}

/** An item of an enumeration (A、B和C) that no other kind covers: fields, slogans, measures. */
export interface TermFact extends FactBase {
  kind: 'term';
  name: string;
}

export type Fact = PersonFact | DateFact | QuantityFact | PlaceFact | OrgFact | DocumentFact | MeetingFact | TermFact;

/** What the extractor may know from outside the sentence. */
export interface FactContext {
  /** Year/month carried from earlier sentences or the article's date line (for a bare 25日). */
  date?: DatePoint;
  /**
   * People the article names elsewhere with a title (市长蒋承宇), by name → title: a bare mention of the same name
   * in this sentence (蒋承宇与韩丽娟签署) is that person.
   */
  people?: ReadonlyMap<string, string>;
}
