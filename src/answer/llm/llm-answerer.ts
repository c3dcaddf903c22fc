import { StringOutputParser } from '@langchain/core/output_parsers';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Article, Paragraph } from '../../domain.ts';
import { createSecretMasker, type Logger } from '../../log.ts';
import type { CorpusView, RetrievedChunk } from '../../retrieve/index.ts';
import { CitationBook } from '../citations.ts';
import { analyseQuestion } from '../question.ts';
import type { Answer, Answerer, AnswerOptions, AnswerSentence } from '../types.ts';
import { LlmError } from './errors.ts';
import { neutraliseDelimiters, type LoadedPrompt } from './prompts.ts';
import { bestMatchingSentence, checkGeneratedAnswer, DEFAULT_MIN_KEPT_SHARE, validatedDraft, type GeneratedAnswerCheck } from './validate.ts';

/** A paragraph shown to the model as `[n]`. */
export interface EvidenceParagraph {
  n: number;
  paragraph: Paragraph;
  article: Article;
}

export interface LlmAnswererOptions {
  corpus: CorpusView;
  /** The chat model (see `createChatModel`). */
  model: BaseChatModel;
  /** The loaded `answer` template (variables {paragraphs} and {question}). */
  prompt: LoadedPrompt;
  /** Answers whenever the model fails, times out or says too little that checks out. */
  fallback: Answerer;
  log: Logger;
  /** Deadline for the whole generation, streaming included. */
  timeoutMs: number;
  /** Strings never to write to the log (the API key), masked as *** in case an error message echoes them. */
  secrets?: readonly string[];
  /** How many retrieved chunks to take paragraphs from. */
  evidenceChunks?: number;
  /** At most this many paragraphs are numbered for the model. */
  maxParagraphs?: number;
  /** Character budget of all numbered paragraphs together (the first paragraph is always included). */
  maxContextChars?: number;
  /**
   * At most one `onDraft` call per this many ms (Telegram allows about one message edit per second). Drafts carry
   * only complete sentences that passed validation, without markers.
   */
  draftIntervalMs?: number;
  /** Share of generated sentences that must pass validation, else the fallback answers. */
  minKeptShare?: number;
}

const DEFAULTS = {
  evidenceChunks: 8,
  maxParagraphs: 12,
  maxContextChars: 6000,
  draftIntervalMs: 1000,
} as const;

/** Longest error text quoted in a log line. */
const MAX_LOGGED_ERROR_CHARS = 200;

/**
 * Answers with a language model over numbered retrieved paragraphs, then keeps only what the paragraphs support
 * (see `checkGeneratedAnswer`). Whenever the model cannot be trusted for this question — it fails, times out, is
 * aborted, returns nothing usable, or too few of its sentences check out — the fallback (extractive) answerer
 * answers instead, so the user always gets a grounded answer or a clear refusal.
 */
export class LlmAnswerer implements Answerer {
  readonly #options: LlmAnswererOptions;
  readonly #mask: (text: string) => string;
  readonly #settings: { evidenceChunks: number; maxParagraphs: number; maxContextChars: number; draftIntervalMs: number; minKeptShare: number };

  constructor(options: LlmAnswererOptions) {
    this.#options = options;
    this.#mask = createSecretMasker(options.secrets ?? []);
    this.#settings = {
      evidenceChunks: options.evidenceChunks ?? DEFAULTS.evidenceChunks,
      maxParagraphs: options.maxParagraphs ?? DEFAULTS.maxParagraphs,
      maxContextChars: options.maxContextChars ?? DEFAULTS.maxContextChars,
      draftIntervalMs: options.draftIntervalMs ?? DEFAULTS.draftIntervalMs,
      minKeptShare: options.minKeptShare ?? DEFAULT_MIN_KEPT_SHARE,
    };
  }

  async answer(question: string, retrieved: RetrievedChunk[], options: AnswerOptions = {}): Promise<Answer> {
    const evidence = selectEvidence(this.#options.corpus, retrieved.slice(0, this.#settings.evidenceChunks), this.#settings);
    if (evidence.length === 0) return this.#fallBack(question, retrieved, 'info', 'no body paragraphs retrieved');
    if (options.signal?.aborted) return this.#fallBack(question, retrieved, 'info', 'aborted before generation');

    const texts = new Map(evidence.map((e) => [e.n, e.paragraph.text]));
    const titles = new Map(evidence.map((e) => [e.n, e.article.meta.title]));
    let generated: string;
    try {
      generated = await this.#generate(question, evidence, options, (partial, cache) => validatedDraft(partial, texts, titles, cache));
    } catch (error) {
      return this.#fallBack(question, retrieved, 'warn', describeFailure(error, this.#options.timeoutMs));
    }

    const check = checkGeneratedAnswer(generated, texts, { minKeptShare: this.#settings.minKeptShare, titles });
    if (!check.sufficient) return this.#fallBack(question, retrieved, check.declined ? 'info' : 'warn', rejectionReason(generated, check));
    const dropped = check.sentences.filter((s) => s.problem);
    if (dropped.length > 0) {
      this.#log('info', `dropped ${dropped.length} of ${check.sentences.length} generated sentences (${dropped.map((s) => `${s.problem!.kind}: ${s.problem!.detail}`).join('; ')})`);
    }

    // Renumber to 1..m in order of first use, keyed by paragraph id, with the paragraph sentence the answer rests on.
    const book = new CitationBook();
    const sentences: AnswerSentence[] = check.kept.map((sentence) => ({
      text: sentence.text,
      citations: [...new Set(sentence.citations.map((n) => {
        const { paragraph, article } = evidence[n - 1]!;
        return book.cite(paragraph, article, bestMatchingSentence(sentence.text, paragraph.text));
      }))],
    }));
    return {
      question,
      questionType: analyseQuestion(question).type,
      found: true,
      sentences,
      citations: book.citations(),
      nearest: [],
    };
  }

  /**
   * Streams the model's answer; rejects on failure, abort or deadline. Drafts passed to `onDraft` (throttled) hold
   * only the complete sentences that already pass validation (`draftOf`), never raw model text: a stalled stream
   * must not leave an invented "99个点" on screen while the fallback is prepared.
   */
  async #generate(
    question: string,
    evidence: EvidenceParagraph[],
    options: AnswerOptions,
    draftOf: (partial: string, cache: Map<string, boolean>) => string,
  ): Promise<string> {
    const deadline = AbortSignal.timeout(this.#options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    const chain = this.#options.prompt.template.pipe(this.#options.model).pipe(new StringOutputParser());
    const input = { paragraphs: formatEvidence(evidence), question: neutraliseDelimiters(question) };

    let text = '';
    let lastDraftAt = Number.NEGATIVE_INFINITY;
    let lastDraft = '';
    const verdicts = new Map<string, boolean>();
    const stream = await untilAborted(chain.stream(input, { signal }), signal);
    const chunks = stream[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await untilAborted(chunks.next(), signal);
        if (next.done) break;
        if (typeof next.value !== 'string') throw new LlmError('model stream yielded a non-text chunk');
        text += next.value;
        const now = performance.now();
        if (options.onDraft && now - lastDraftAt >= this.#settings.draftIntervalMs) {
          const draft = draftOf(text, verdicts);
          if (draft && draft !== lastDraft) {
            lastDraftAt = now;
            lastDraft = draft;
            this.#draft(options.onDraft, draft);
          }
        }
      }
    } finally {
      // Closes the HTTP stream when we stop early; not awaited because a stalled server may never answer.
      void chunks.return?.()?.catch(() => undefined);
    }
    // LangChain may end a stream quietly when the signal fires between chunks.
    signal.throwIfAborted();
    return text;
  }

  #draft(onDraft: (draft: string) => void, text: string): void {
    try {
      onDraft(text);
    } catch (error) {
      this.#log('debug', `onDraft failed: ${String(error)}`);
    }
  }

  async #fallBack(question: string, retrieved: RetrievedChunk[], level: 'info' | 'warn', reason: string): Promise<Answer> {
    this.#log(level, `answering extractively: ${reason}`);
    return this.#options.fallback.answer(question, retrieved);
  }

  #log(level: 'debug' | 'info' | 'warn', message: string): void {
    this.#options.log[level](`llm: ${this.#mask(message)}`);
  }
}

/**
 * The body paragraphs of the retrieved chunks, best chunk first, without repeats, numbered 1..k, within the
 * paragraph count and character budget. Captions and headings are not evidence (as in the extractive answerer).
 */
export function selectEvidence(
  corpus: CorpusView,
  retrieved: readonly RetrievedChunk[],
  limits: { maxParagraphs: number; maxContextChars: number },
): EvidenceParagraph[] {
  const evidence: EvidenceParagraph[] = [];
  const seen = new Set<string>();
  let chars = 0;
  for (const hit of retrieved) {
    const article = corpus.getArticle(hit.chunk.docId);
    if (!article) continue;
    for (const number of hit.chunk.paragraphNumbers) {
      const paragraph = corpus.getParagraph(`${hit.chunk.docId}#p${number}`);
      if (!paragraph || paragraph.kind !== 'body' || seen.has(paragraph.id)) continue;
      if (evidence.length >= limits.maxParagraphs) return evidence;
      if (evidence.length > 0 && chars + paragraph.text.length > limits.maxContextChars) return evidence;
      seen.add(paragraph.id);
      chars += paragraph.text.length;
      evidence.push({ n: evidence.length + 1, paragraph, article });
    }
  }
  return evidence;
}

/** `[n] 《标题》` then the paragraph, blocks separated by a blank line; delimiter look-alikes neutralised. */
export function formatEvidence(evidence: readonly EvidenceParagraph[]): string {
  return evidence
    .map(({ n, paragraph, article }) => `[${n}] 《${neutraliseDelimiters(article.meta.title)}》\n${neutraliseDelimiters(paragraph.text)}`)
    .join('\n\n');
}

/** Resolves like `promise`, or rejects as soon as `signal` aborts (a stalled stream never settles by itself). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** One line saying why generation failed. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `no complete answer within ${timeoutMs} ms`;
  if (error instanceof DOMException && error.name === 'AbortError') return 'generation aborted';
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const oneLine = message.replace(/\s+/g, ' ');
  if (/timed? ?out/i.test(oneLine)) return `no complete answer within ${timeoutMs} ms (${oneLine.slice(0, MAX_LOGGED_ERROR_CHARS)})`;
  return `model request failed (${oneLine.slice(0, MAX_LOGGED_ERROR_CHARS)})`;
}

/** One line saying why a generated answer was not shown. */
function rejectionReason(generated: string, check: GeneratedAnswerCheck): string {
  if (!generated.trim()) return 'model returned no text';
  if (check.declined) return 'model found no answer in the paragraphs';
  if (check.sentences.length === 0) return 'model output has no sentences';
  const problems = check.sentences.filter((s) => s.problem).map((s) => `${s.problem!.kind}: ${s.problem!.detail}`);
  return `only ${check.kept.length} of ${check.sentences.length} generated sentences passed validation (${problems.join('; ')})`;
}
