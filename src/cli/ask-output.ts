import type { Answer } from '../answer/index.ts';
import { answerBody } from '../answer/index.ts';
import type { CorpusView, RetrievedChunk } from '../retrieve/index.ts';

/** Timings of one question, in milliseconds. */
export interface AskTimings {
  retrieve: number;
  answer: number;
  total: number;
}

/** The stable `ask --json` contract (see README). Field names are relied on by eval scripts and other tools. */
export interface AskJson {
  id: string | null;
  question: string;
  found: boolean;
  /** The direct short answer, verbatim from a cited paragraph; null when no span is certain. */
  short: string | null;
  answer: string;
  citations: Answer['citations'];
  nearest: Answer['nearest'];
  retrieved: Array<{ paragraphId: string; score: number; text: string }>;
  timings_ms: AskTimings;
  /** `ask --file` lines with a "chat" id: the question as resolved against the conversation (follow-ups). */
  understood?: string;
}

/** How many retrieved paragraphs the JSON reports (for evaluation of the ranking). */
export const RETRIEVED_REPORTED = 10;

/** Builds the `ask --json` object. Retrieved chunks are expanded to their paragraphs, best first, deduplicated. */
export function toAskJson(id: string | null, answer: Answer, retrieved: RetrievedChunk[], corpus: CorpusView, timings: AskTimings): AskJson {
  const paragraphs: AskJson['retrieved'] = [];
  const seen = new Set<string>();
  for (const hit of retrieved) {
    for (const n of hit.chunk.paragraphNumbers) {
      const paragraph = corpus.getParagraph(`${hit.chunk.docId}#p${n}`);
      if (!paragraph || seen.has(paragraph.id) || paragraphs.length >= RETRIEVED_REPORTED) continue;
      seen.add(paragraph.id);
      paragraphs.push({ paragraphId: paragraph.id, score: round(hit.score), text: paragraph.text });
    }
  }
  return {
    id,
    question: answer.question,
    found: answer.found,
    short: answer.found ? (answer.short ?? null) : null,
    answer: answerBody(answer),
    citations: answer.citations,
    nearest: answer.nearest,
    retrieved: paragraphs,
    timings_ms: { retrieve: round(timings.retrieve), answer: round(timings.answer), total: round(timings.total) },
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
