/** Types of the fact-check stage: atomic facts of a claim, their per-fact status, and the checked result. */
import type { Citation } from '../answer/index.ts';

/** The overall judgement of a claim. */
export type Verdict = 'supported' | 'contradicted' | 'not_found';

/** What kind of fact a mismatch is about (the stable JSON contract). */
export type MismatchKind = 'number' | 'date' | 'person' | 'place' | 'org' | 'other';

/** One fact where the article says something else: `claim` as the claim words it, `source` as the article does. */
export interface Mismatch {
  kind: MismatchKind;
  claim: string;
  source: string;
}

/**
 * A quoted evidence sentence with its paragraph; `n` is what `[n]` markers in renderings refer to. The same shape
 * as an answer's citation (`quote` = the evidence sentence, `text` = the whole paragraph, both verbatim).
 */
export type EvidenceItem = Citation;

/** Kinds of atomic facts a claim is split into. */
export type FactKind = 'number' | 'date' | 'person' | 'role' | 'place' | 'org' | 'event' | 'quote' | 'frame' | 'term';

/** A calendar point with any of its parts known (a claim may say only 2024年 or only 25日). */
export interface DatePoint {
  year?: number;
  month?: number;
  day?: number;
}

/** A date or date range as written (`9月23日至28日`, `11月3日起`, `2024年`). */
export interface DateMention {
  from: DatePoint;
  to: DatePoint;
  /** `起`: from this day on, no end given. */
  openEnded: boolean;
  surface: string;
  start: number;
  end: number;
}

/**
 * How a quantity is qualified: `2000多` (more: 2000 up to the next round number), `超过100万` (atLeast: anything
 * above), `约300` (approx).
 */
export type QuantityBound = 'exact' | 'more' | 'atLeast' | 'approx';

/** A number with its measure word and what it counts (`36个考察点`, `2000多公里`, `第2组`). */
export interface QuantityMention {
  value: number;
  bound: QuantityBound;
  ordinal: boolean;
  /** The measure word (`个`, `座`, `公里`, `人次`…), or the counted noun when the measure is the generic 个 + a counter word (`4个组` → `组`). */
  measure: string;
  /** The counted noun after (or just before) the number: `考察点`, `城市`, `科技和新材料企业`; '' when none. */
  noun: string;
  /** A place written right before the number (`浙江有25个`, `江苏25个`): whose count it is. */
  owner: string | null;
  surface: string;
  start: number;
  end: number;
}

/** A place with its canonical short name (`湖南省` → `湖南`, `郴州市` → `郴州`). */
export interface PlaceMention {
  name: string;
  surface: string;
  start: number;
  end: number;
  /** Named as where someone went or where something happened (after 赴/到/去/前往/在…). */
  destination: boolean;
}

export interface PersonMention {
  name: string;
  /** An official title written directly before the name (`省委书记`), if any. */
  title: string | null;
  start: number;
  end: number;
}

/** Who did a role-bearing act (`易炼红主持`, `由…沈晓明、省长毛伟明率领`, `由湖南省委组织部主办`). */
export interface RoleMention {
  verb: string;
  agents: string[];
  start: number;
}

export interface OrgMention {
  name: string;
  start: number;
  end: number;
}

/** Everything the checker reads out of one normalised text (a claim or an evidence sentence). */
export interface TextAnalysis {
  /** The normalised text all offsets refer to. */
  text: string;
  dates: DateMention[];
  quantities: QuantityMention[];
  places: PlaceMention[];
  persons: PersonMention[];
  orgs: OrgMention[];
  roles: RoleMention[];
  quotes: string[];
}

/** The subject a claim is about (`湖南省党政代表团`): checked against the whole article. */
export interface ClaimFrame {
  /** Class of the group noun: delegation (代表团/考察团), training (培训班), team (调研组/督导组). */
  groupClass: string;
  /** The group noun as written. */
  noun: string;
  /** Places named in the subject phrase (canonical). */
  places: string[];
  /** The place written directly before the group noun (湖南 in 湖南省党政代表团), if exactly one. */
  adjacentPlace: string | null;
  surface: string;
}

/** One atomic, checkable fact of a claim. */
export type AtomicFact =
  | { kind: 'number'; surface: string; quantity: QuantityMention }
  | { kind: 'date'; surface: string; date: DateMention }
  | { kind: 'person'; surface: string; name: string; title: string | null }
  | { kind: 'role'; surface: string; verb: string; agent: string; agentKind: 'person' | 'org' }
  | { kind: 'place'; surface: string; name: string; destination: boolean }
  | { kind: 'org'; surface: string; name: string }
  | { kind: 'event'; surface: string; verb: string; object: string }
  | { kind: 'quote'; surface: string; text: string }
  | { kind: 'frame'; surface: string; frame: ClaimFrame }
  | { kind: 'term'; surface: string; word: string };

/** A claim split into atomic facts. */
export interface ClaimFacts {
  claim: string;
  analysis: TextAnalysis;
  frame: ClaimFrame | null;
  facts: AtomicFact[];
}

/** How one fact fares in one piece of evidence. */
export type FactStatus = 'supported' | 'contradicted' | 'missing';

export interface FactAssessment {
  fact: AtomicFact;
  status: FactStatus;
  /** For contradicted facts: what the source says instead. */
  mismatch?: Mismatch;
  /** Where a supported fact was found: the sentence itself, its passage, or the article. */
  foundIn?: 'sentence' | 'passage' | 'article';
}

/** The result of checking one claim. */
export interface FactCheckResult {
  claim: string;
  verdict: Verdict;
  /** One line for people, e.g. 原文为36个考察点，而非37个点。 */
  explanation: string;
  mismatches: Mismatch[];
  /** Quoted sentences: the supporting or contradicting ones, or the nearest when not found. */
  evidence: EvidenceItem[];
  /** Per-fact outcome against the chosen evidence (for debugging and the terminal). */
  facts: FactAssessment[];
  timings: { retrieve: number; check: number; total: number };
}

/** The stable `check --json` contract (see README). */
export interface FactCheckJson {
  id: string | null;
  claim: string;
  verdict: Verdict;
  explanation: string;
  mismatches: Mismatch[];
  evidence: Array<Pick<EvidenceItem, 'n' | 'paragraphId' | 'docId' | 'file' | 'title' | 'paragraph' | 'quote' | 'text'>>;
}
