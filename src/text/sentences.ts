/**
 * Sentence splitting for Chinese news text. Offsets are exact so that answers can quote a sentence and still
 * point at its place in the verbatim paragraph.
 */

/** A sentence with its position: `text.slice(start, end) === sentence.text`. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Characters that end a sentence. The half-width `;` is included because copied pages (like this corpus) often
 * carry half-width punctuation in place of ；. The ASCII `.` is not: it is a decimal point far more often.
 */
const TERMINATORS = new Set([...'。！？；!?;…']);
/** Closing quotes and brackets that belong to the sentence they close (……。” stays together). */
const CLOSERS = new Set([...'”’」』）)】》〉〕"\'']);

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

/**
 * Splits text into sentences after 。！？；!?; and ellipses (……), keeping any closing quotes/brackets with the
 * sentence they end; a line break also ends a sentence (headings and list lines have no terminator).
 * Never yields empty or whitespace-only sentences; sentences carry no leading/trailing whitespace, and together
 * they cover every non-whitespace character of the input exactly once, in order.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  let start = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && isSpace(text[s]!)) s += 1;
    while (e > s && isSpace(text[e - 1]!)) e -= 1;
    if (e > s) sentences.push({ text: text.slice(s, e), start: s, end: e });
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\r') {
      push(start, i);
      start = i + 1;
      i += 1;
      continue;
    }
    if (TERMINATORS.has(ch)) {
      let end = i + 1;
      // 好！”。 and ？！ stay one sentence: absorb any run of terminators and closers.
      while (end < text.length && (TERMINATORS.has(text[end]!) || CLOSERS.has(text[end]!))) end += 1;
      push(start, end);
      start = end;
      i = end;
      continue;
    }
    i += 1;
  }
  push(start, text.length);
  return sentences;
}
