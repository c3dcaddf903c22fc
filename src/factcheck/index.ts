/** The fact-check stage: split a claim into atomic facts, judge them against retrieved evidence, render the verdict. */
export type * from './types.ts';
export { FactCheckError } from './errors.ts';
export { analyseText, extractClaimFacts, isPlaceWord, ROLE_VERBS, type AnalyseOptions } from './claim-facts.ts';
export {
  canonicalPlace,
  compareDates,
  compareQuantities,
  containsPhrase,
  normaliseClaimText,
  parseDates,
  parseQuantities,
  REGION_ALIASES,
  sameCountedThing,
  samePlace,
  textNamesPlace,
  type Comparison,
} from './normalise.ts';
export { collectEvidence, numberEvidence, type EvidenceOptions, type EvidenceSentence } from './evidence.ts';
export {
  articleMatchesFrame,
  assessSentence,
  judgeClaim,
  DEFAULT_VERDICT_SETTINGS,
  type ClaimJudgement,
  type SentenceAssessment,
  type VerdictSettings,
} from './verdict.ts';
export {
  EvidenceFactChecker,
  DEFAULT_FACT_CHECK_SETTINGS,
  describeMismatch,
  explain,
  type EvidenceFactCheckerOptions,
  type FactChecker,
  type FactCheckSettings,
} from './fact-checker.ts';
export { renderFactCheckHtml, renderFactCheckText, toFactCheckJson, VERDICT_LABELS } from './render.ts';
export { checkCommands, claimOf, CHECK_MESSAGES, type CheckCommandOptions } from './telegram.ts';
