/** The fact-check stage: read a claim into facts, find the tour, judge slot by slot, render the verdict; whole drafts too. */
export type * from './types.ts';
export { FactCheckError } from './errors.ts';
export { parseClaim, GROUP_NOUNS, type Claim, type ClaimFact, type ClaimFactKind, type ClaimSubject, type GroupFamily } from './claim.ts';
export { readArticle, type ArticleReading, type ArticleSentence } from './article.ts';
export {
  judgeArticle,
  containsPhrase,
  subjectMatches,
  DEFAULT_JUDGE_SETTINGS,
  type ArticleJudgement,
  type FactOutcome,
  type FactStatus,
  type JudgeSettings,
} from './judge.ts';
export {
  EvidenceFactChecker,
  DEFAULT_FACT_CHECK_SETTINGS,
  describeMismatch,
  numberEvidence,
  type EvidenceFactCheckerOptions,
  type FactChecker,
  type FactCheckSettings,
} from './fact-checker.ts';
export { checkDraft, orderDraft, splitDraft, VERDICT_SEVERITY, type DraftCheck, type DraftOptions, type DraftSentenceResult } from './draft.ts';
export { renderDraftText, renderFactCheckText, toFactCheckJson, VERDICT_LABELS } from './render.ts';
export {
  parseLabelledClaims,
  percentile,
  summariseClaims,
  VERDICTS,
  type ClaimOutcome,
  type ClaimsReport,
  type LabelledClaim,
} from './evaluate.ts';
