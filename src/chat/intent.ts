/**
 * What a chat message is before it is treated as a question: small talk (你好, 谢谢, 👍) gets a short friendly
 * reply, English gets a Chinese hint, gibberish gets "没看懂…" — never "找不到" with random sources. Pure.
 */
import { CHAT_TEXT } from './messages.ts';

export type MessageIntent = { kind: 'question' } | { kind: 'reply'; reason: 'smalltalk' | 'english' | 'gibberish'; text: string };

const GREETING = /^(?:你好|您好|嗨|哈喽|早上好|上午好|中午好|下午好|晚上好|早安|晚安|在吗|在不在|hi|hello|hey)[呀啊哇！!。.~～\s]*$/iu;
const THANKS = /^(?:谢谢|多谢|感谢|谢了|thx|thanks|thank you)(?:你|您|啦|了|哈)?[！!。.~～\s]*$/iu;
const ACK = /^(?:好的|好|嗯|嗯嗯|哦|噢|收到|明白|知道了|ok|okay|行|可以|不错|厉害|棒|👌|👍|🙏|😊|🙂|😄|❤️|💯|👏)+[！!。.~～\s]*$/iu;
const FAREWELL = /^(?:再见|拜拜|bye|回见)[！!。.~～\s]*$/iu;
/** A question cue: an interrogative, a question particle or mark. */
const QUESTION_CUE = /[哪谁几啥吗呢？?]|什么|多少|怎么|如何|为什么|为何|是否|有没有|请问|介绍|说说|讲讲|列出|告诉/u;
const ENGLISH_WORD = /\b(?:what|who|whom|where|when|which|why|how|did|does|do|is|are|was|were|the|delegation|visit|visited|tour|province|city|sign|signed|lead|led)\b/iu;

/** Classifies one message (already trimmed, within the length limit). */
export function classifyMessage(text: string): MessageIntent {
  const t = text.trim();
  if (GREETING.test(t)) return { kind: 'reply', reason: 'smalltalk', text: CHAT_TEXT.greeting };
  if (THANKS.test(t)) return { kind: 'reply', reason: 'smalltalk', text: CHAT_TEXT.thanks };
  if (FAREWELL.test(t)) return { kind: 'reply', reason: 'smalltalk', text: CHAT_TEXT.farewell };
  if (ACK.test(t)) return { kind: 'reply', reason: 'smalltalk', text: CHAT_TEXT.acknowledged };
  const han = (t.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (t.match(/[A-Za-z]/g) ?? []).length;
  if (han === 0 && latin >= 3) {
    return ENGLISH_WORD.test(t) ? { kind: 'reply', reason: 'english', text: CHAT_TEXT.english } : { kind: 'reply', reason: 'gibberish', text: CHAT_TEXT.gibberish };
  }
  // No letters of any script (emoji, punctuation, digits only).
  if (han === 0 && !/\p{L}/u.test(t)) return { kind: 'reply', reason: 'gibberish', text: CHAT_TEXT.gibberish };
  return { kind: 'question' };
}

/**
 * After retrieval found nothing: a text without any question cue and without anything the articles share
 * (`knownWords` is true when some retrieved paragraph contains a two-character word of the text) is gibberish.
 */
export function isGibberishMiss(text: string, sharesWordsWithSources: boolean): boolean {
  return !QUESTION_CUE.test(text) && !sharesWordsWithSources;
}

/** Whether some two-character Han sequence of `text` occurs in any of `paragraphs` (cheap topical overlap). */
export function sharesWords(text: string, paragraphs: readonly string[]): boolean {
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c));
  for (let i = 0; i + 1 < han.length; i++) {
    const bigram = han[i]! + han[i + 1]!;
    if (paragraphs.some((p) => p.includes(bigram))) return true;
  }
  return false;
}
