import { StringOutputParser } from '@langchain/core/output_parsers';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { neutraliseDelimiters, type LoadedPrompt } from './prompts.ts';

/** Rewrites a follow-up (那江西呢？) into a question that stands on its own, given the conversation so far. */
export type FollowUpRewriter = (history: string, question: string, signal?: AbortSignal) => Promise<string>;

/** Longest rewrite accepted, relative to the input: a model that starts answering instead of rewriting overshoots. */
const MAX_REWRITE_GROWTH = 4;
const MIN_REWRITE_BUDGET = 80;

/**
 * Builds a rewriter from the `followUp` template (variables {history}, {question}). It never fails: on any error,
 * an empty or overlong result, it returns the question unchanged, which retrieval can still use.
 */
export function createFollowUpRewriter(model: BaseChatModel, prompt: LoadedPrompt, timeoutMs: number): FollowUpRewriter {
  const chain = prompt.template.pipe(model).pipe(new StringOutputParser());
  return async (history, question, signal) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      const rewritten = await chain.invoke(
        { history: neutraliseDelimiters(history), question: neutraliseDelimiters(question) },
        { signal: signal ? AbortSignal.any([signal, deadline]) : deadline },
      );
      const line = rewritten.trim().split('\n')[0]!.replace(/^["“「]|["”」]$/g, '').trim();
      const budget = Math.max(MIN_REWRITE_BUDGET, MAX_REWRITE_GROWTH * (question.length + history.length / 10));
      return line && line.length <= budget ? line : question;
    } catch {
      return question;
    }
  };
}
