import type { RetrievedChunk } from '../retrieve/index.ts';

/** A numbered source behind an answer; `n` is what `[n]` markers refer to. */
export interface Citation {
  n: number;
  paragraphId: string;
  docId: string;
  file: string;
  title: string;
  /** ¶ number in the cleaned article (1-based). */
  paragraph: number;
  /** The cited sentence, verbatim from the article. */
  quote: string;
  /** The whole cited paragraph, verbatim. */
  text: string;
  url: string | null;
  date: string | null;
  source: string | null;
}

/** One sentence of an answer, and the citation numbers that back it. */
export interface AnswerSentence {
  text: string;
  citations: number[];
}

export type QuestionType = 'who' | 'when' | 'where' | 'howMany' | 'list' | 'why' | 'how' | 'what';

export interface Answer {
  question: string;
  questionType: QuestionType;
  /** False when the articles do not cover the question; `sentences` then hold no facts. */
  found: boolean;
  /**
   * The direct short answer (沈晓明、毛伟明 · 9月23日至28日 · 36个), verbatim from a cited paragraph, shown first;
   * null for why/how questions or when no span is certain.
   */
  short?: string | null;
  sentences: AnswerSentence[];
  /** Parts of a compound question the articles do not cover (shown as such after the quotes); absent when none. */
  uncovered?: string[];
  citations: Citation[];
  /** When not found: the closest sources, so the user can look for themselves. */
  nearest: Citation[];
}

/** Per-call options of an answerer. */
export interface AnswerOptions {
  /**
   * Called with the draft text as a generating answerer (LLM) streams it. Drafts are unvalidated and may be
   * shown only as "正在生成…" previews; the returned `Answer` is what counts.
   */
  onDraft?: (draft: string) => void;
  /** Aborts the work (e.g. the bot is shutting down). */
  signal?: AbortSignal;
  /**
   * The paragraphs the previous answer of the conversation cited, for a follow-up read against it (一共多少钱？ after
   * 签了几个项目？): the follow-up most often asks about the same passage, so its sentences are read and preferred.
   */
  near?: ReadonlyArray<{ docId: string; paragraph: number; quote?: string }>;
}

/** Turns retrieved evidence into an answer. Implementations must never state what a cited paragraph does not say. */
export interface Answerer {
  answer(question: string, retrieved: RetrievedChunk[], options?: AnswerOptions): Promise<Answer>;
}
