export type { Answer, Answerer, AnswerOptions, AnswerSentence, Citation, QuestionType } from './types.ts';
export { ExtractiveAnswerer, type ExtractiveAnswererOptions } from './extractive-answerer.ts';
export { analyseQuestion, quantityFocus, type QuestionAnalysis } from './question.ts';
export { DEFAULT_FEATURE_WEIGHTS, FEATURE_NAMES, type FeatureName, type FeatureWeights } from './features.ts';
export { MAX_SHORT_CHARS } from './short-answer.ts';
export { splitCompound, mergeAnswers, uncoveredText, type CompoundPart } from './compound.ts';
export { CitationBook, citationFor } from './citations.ts';
export { answerBody, renderAnswerText, sourceLine, NOT_FOUND_TEXT } from './render.ts';
export { AnswerError } from './errors.ts';
export {
  createAnswerer,
  createChatModel,
  createFollowUpRewriter,
  loadPrompts,
  checkGeneratedAnswer,
  LlmAnswerer,
  LlmError,
  type AnswererDeps,
  type FollowUpRewriter,
  type PromptLibrary,
} from './llm/index.ts';
