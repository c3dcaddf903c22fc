/** Types of the fact-check stage: the verdict, mismatches, per-fact results and the checked result. */
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

/** Kinds of per-fact results (the extractor's kinds, plus the subject group and plain content words). */
export type FactResultKind = 'subject' | 'person' | 'date' | 'quantity' | 'place' | 'org' | 'document' | 'meeting' | 'term';

/** How one fact of the claim fares: confirmed by, contradicted by, or not found in the right article. */
export type FactResultStatus = 'confirmed' | 'contradicted' | 'not_found';

/** One fact of the claim with its outcome (JSON contract: `facts`). */
export interface FactResult {
  kind: FactResultKind;
  /** The fact as the claim words it (verbatim span). */
  claim: string;
  status: FactResultStatus;
  /** What the article says: the contradicting value, or the confirming sentence. */
  source?: string;
  paragraphId?: string;
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
  /** Per-fact outcome against the right article. */
  facts: FactResult[];
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
  facts: FactResult[];
}
