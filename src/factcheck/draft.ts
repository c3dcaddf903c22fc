/**
 * Whole drafts: a paragraph or several sentences split into claims, each checked, results ordered worst first
 * (contradicted, then not found, then supported) so the sentence to fix comes first.
 */
import { splitSentences } from '../text/index.ts';
import { parseClaim } from './claim.ts';
import type { FactChecker } from './fact-checker.ts';
import type { FactCheckResult, Verdict } from './types.ts';

/** One sentence of a draft with its check. `index` is its 1-based position in the draft. */
export interface DraftSentenceResult {
  index: number;
  sentence: string;
  result: FactCheckResult;
}

/** A checked draft: sentences worst first, and how many got each verdict. */
export interface DraftCheck {
  sentences: DraftSentenceResult[];
  counts: Record<Verdict, number>;
}

/** Worst first: a contradiction must be seen before anything else. */
export const VERDICT_SEVERITY: Readonly<Record<Verdict, number>> = { contradicted: 0, not_found: 1, supported: 2 };

/** Shorter fragments (标题, 一、) are not claims. */
const MIN_CLAIM_CHARS = 6;

/**
 * Splits a draft into claim sentences: at sentence ends and line breaks; Markdown headings, list markers (1. 一、 -
 * •) and emphasis are dropped; fragments too short to state a fact are skipped. Pure.
 */
export function splitDraft(draft: string): string[] {
  const claims: string[] = [];
  for (const rawLine of draft.split(/\r?\n/)) {
    // A Markdown heading is a title, not a claim.
    if (/^\s*#{1,6}\s/.test(rawLine)) continue;
    const line = rawLine
      .replace(/^\s*(?:#{1,6}\s+|[-*•·>]\s*|\d+[.、)）]\s*|[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）)/, '')
      .replace(/\*\*|__|`/g, '')
      .trim();
    if (!line) continue;
    for (const span of splitSentences(line)) {
      const sentence = span.text.trim();
      if ([...sentence.replace(/[\s\p{P}]/gu, '')].length >= MIN_CLAIM_CHARS) claims.push(sentence);
    }
  }
  return claims;
}

/** Options of `checkDraft`. */
export interface DraftOptions {
  signal?: AbortSignal;
  /** At most this many sentences are checked (the rest are ignored); default 30. */
  maxSentences?: number;
}

/**
 * Checks every sentence of a draft and returns them worst first (the function the bot's /check calls for a
 * message of several sentences). A draft of one sentence gives one result.
 */
export async function checkDraft(checker: FactChecker, draft: string, options: DraftOptions = {}): Promise<DraftCheck> {
  const claims = splitDraft(draft).slice(0, options.maxSentences ?? 30);
  const sentences: DraftSentenceResult[] = [];
  let subject: string | null = null;
  for (const [i, sentence] of claims.entries()) {
    options.signal?.throwIfAborted();
    const { claim, named } = withDraftSubject(sentence, subject);
    subject = named ?? subject;
    const result = await checker.check(claim, { signal: options.signal });
    sentences.push({ index: i + 1, sentence, result: { ...result, claim: sentence } });
  }
  return orderDraft(sentences);
}

/**
 * A draft names its delegation once (湖南省党政代表团…) and then says 代表团: a bare group noun is read as the last
 * subject named with its place. Returns the claim to check and the subject this sentence names, if any.
 */
export function withDraftSubject(sentence: string, previous: string | null): { claim: string; named: string | null } {
  const subject = parseClaim(sentence).facts.find((f) => f.kind === 'subject');
  if (!subject || subject.kind !== 'subject') return { claim: sentence, named: null };
  if (subject.subject.places.length > 0) return { claim: sentence, named: subject.text };
  if (!previous || subject.text !== subject.subject.noun || !previous.endsWith(subject.subject.noun)) return { claim: sentence, named: null };
  return { claim: `${sentence.slice(0, subject.start)}${previous}${sentence.slice(subject.end)}`, named: null };
}

/** Orders sentence results worst first (stable within a verdict) and counts verdicts. Pure. */
export function orderDraft(sentences: readonly DraftSentenceResult[]): DraftCheck {
  const ordered = [...sentences].sort((a, b) => VERDICT_SEVERITY[a.result.verdict] - VERDICT_SEVERITY[b.result.verdict] || a.index - b.index);
  const counts: Record<Verdict, number> = { supported: 0, contradicted: 0, not_found: 0 };
  for (const s of sentences) counts[s.result.verdict] += 1;
  return { sentences: ordered, counts };
}
