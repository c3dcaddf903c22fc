/** How an answer sentence is shown (bot and terminal alike): verbatim, with months added to bare days. */
import type { Answer, AnswerSentence } from '../answer/types.ts';
import { withMonths } from './dates.ts';

/** The sentence with "13日" read as "9月13日" from its cited paragraph (or the article's date). */
export function displaySentence(answer: Answer, sentence: AnswerSentence): string {
  const citation = answer.citations.find((c) => c.n === sentence.citations[0]);
  if (!citation) return sentence.text;
  const at = citation.text.indexOf(sentence.text.slice(0, 8));
  return withMonths(sentence.text, at >= 0 ? citation.text.slice(0, at) : '', citation.date);
}
