import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { MessageContent } from '@langchain/core/messages';
import { ChatOpenAICompletions } from '@langchain/openai';
import type { LlmSettings } from '../../config.ts';
import { LlmError } from './errors.ts';

export interface ChatModelOptions {
  /** Sampling temperature; 0 keeps answers close to the paragraphs and repeatable. */
  temperature?: number;
  /**
   * Retries of a failed request. 0 by default: the extractive answer is ready at once, so a retry with backoff
   * only makes the user wait longer for a worse outcome.
   */
  maxRetries?: number;
}

/**
 * Local servers (Ollama, llama.cpp, vLLM) need no key, but the OpenAI client refuses to start without one; any
 * non-empty string will do for them.
 */
const NO_API_KEY = 'not-needed';

/**
 * The Chat Completions model with offline token counting. A non-streamed `invoke` on a streaming model estimates
 * token usage, and LangChain's estimator downloads a tiktoken table from the internet (with retries that can hold
 * the process for minutes when offline). The estimate is only reported, never used to cut text, so a length-based
 * count is enough: about one token per Chinese character.
 */
class CompatibleChatModel extends ChatOpenAICompletions {
  override async getNumTokens(content: MessageContent): Promise<number> {
    if (typeof content === 'string') return content.length;
    return content.reduce((count, block) => count + (block.type === 'text' && typeof block.text === 'string' ? block.text.length : 0), 0);
  }
}

/**
 * Builds the chat model for an OpenAI-compatible endpoint (DeepSeek, DashScope, Moonshot, OpenAI, Ollama, vLLM…).
 * It speaks the Chat Completions API, the one every compatible server implements (ChatOpenAI may switch some
 * model names to the OpenAI-only Responses API), streams, and has no usage-stats stream option some servers reject.
 * @throws LlmError when `settings.baseUrl` or `settings.model` is missing.
 */
export function createChatModel(settings: LlmSettings, options: ChatModelOptions = {}): BaseChatModel {
  if (!settings.baseUrl || !settings.model) {
    throw new LlmError('LLM_BASE_URL and LLM_MODEL are both needed for LLM answers');
  }
  return new CompatibleChatModel({
    model: settings.model,
    apiKey: settings.apiKey ?? NO_API_KEY,
    configuration: { baseURL: settings.baseUrl },
    timeout: settings.timeoutMs,
    maxTokens: settings.maxTokens,
    maxRetries: options.maxRetries ?? 0,
    temperature: options.temperature ?? 0,
    streaming: true,
    streamUsage: false,
  });
}
