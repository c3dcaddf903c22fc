/**
 * Optional LLM answers over any OpenAI-compatible API, validated against the cited paragraphs, with the
 * extractive answerer as the fallback (and the only answerer when no LLM is configured).
 */
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { CorpusView } from '../../retrieve/index.ts';
import { ExtractiveAnswerer } from '../extractive-answerer.ts';
import type { Answerer } from '../types.ts';
import type { TourCard } from '../../tours/index.ts';
import { createChatModel } from './chat-model.ts';
import { LlmAnswerer } from './llm-answerer.ts';
import { loadPrompts } from './prompts.ts';

export { LlmError } from './errors.ts';
export { createChatModel, type ChatModelOptions } from './chat-model.ts';
export { LlmAnswerer, formatEvidence, selectEvidence, type EvidenceParagraph, type LlmAnswererOptions } from './llm-answerer.ts';
export { createFollowUpRewriter, type FollowUpRewriter } from './follow-up.ts';
export {
  DEFAULT_PROMPTS_DIR,
  PROMPT_VARIABLES,
  loadPrompts,
  neutraliseDelimiters,
  parsePromptFile,
  type LoadedPrompt,
  type PromptLibrary,
  type PromptName,
} from './prompts.ts';
export {
  DEFAULT_MIN_KEPT_SHARE,
  bestMatchingSentence,
  checkGeneratedAnswer,
  instructionIn,
  parseGeneratedSentences,
  sentenceProblem,
  unknownUrls,
  unsupportedFacts,
  unsupportedWords,
  validatedDraft,
  type CheckedSentence,
  type GeneratedAnswerCheck,
  type SentenceProblem,
  type SentenceProblemKind,
  type ValidationOptions,
} from './validate.ts';

export interface AnswererDeps {
  corpus: CorpusView;
  /** Inverse document frequency of an index token (for the extractive answerer). */
  idf: (token: string) => number;
  /** In how many chunks a token occurs (lets the extractive answerer anchor on rare question nouns). */
  documentFrequency?: (token: string) => number;
  /** The index's tour cards: questions about one tour's leaders, dates, site count or agreements read them first. */
  cards?: () => readonly TourCard[];
  log: Logger;
  /** Where the prompt templates are; default: the repository's prompts/. */
  promptsDir?: string;
}

/**
 * The answerer the configuration asks for: with `LLM_BASE_URL` set, an `LlmAnswerer` that falls back to the
 * extractive answerer; otherwise the extractive answerer alone. Prompts are loaded and validated here, at start.
 * @throws LlmError when a prompt template is missing or invalid.
 */
export async function createAnswerer(config: Config, deps: AnswererDeps): Promise<Answerer> {
  const extractive = new ExtractiveAnswerer({
    corpus: deps.corpus,
    idf: deps.idf,
    documentFrequency: deps.documentFrequency,
    cards: deps.cards,
    settings: config.answer,
  });
  if (!config.llm.baseUrl) return extractive;
  const prompts = await loadPrompts(deps.promptsDir);
  const answerer = new LlmAnswerer({
    corpus: deps.corpus,
    model: createChatModel(config.llm),
    prompt: prompts.answer,
    fallback: extractive,
    log: deps.log,
    timeoutMs: config.llm.timeoutMs,
    secrets: config.llm.apiKey ? [config.llm.apiKey] : [],
  });
  // The host only: a base URL may carry credentials in its user-info part.
  deps.log.info(`answers: ${config.llm.model} at ${new URL(config.llm.baseUrl).host}, checked against the cited paragraphs (extractive fallback)`);
  return answerer;
}
