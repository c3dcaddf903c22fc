import { DOMAIN_TERMS, normaliseForIndex, tagWords } from '../text/index.ts';
import { escapeRegExp } from './entities.ts';
import type { QuestionAnalysis } from './question.ts';

/**
 * Whether a sentence holds the kind of fact a question asks for (a person for 谁, a date for 何时, a quantity with
 * the asked measure word for 多少个…). A sentence that merely repeats the question's words is not an answer.
 */
export function sentenceFillsSlot(sentence: string, question: QuestionAnalysis): boolean {
  switch (question.type) {
    case 'who':
      return namesPerson(sentence, question);
    case 'when':
      return question.dateRange ? DATE_SPAN.test(normaliseForIndex(sentence)) : DATE.test(normaliseForIndex(sentence));
    case 'howMany':
      return hasQuantity(sentence, question.measure);
    case 'where':
      return namesPlace(sentence, question);
    case 'list':
      return /[、，,;；和及与]/.test(sentence) || namesPlace(sentence, question) || namesPerson(sentence, question);
    default:
      return !question.nameHead || namesWithHead(sentence, question.nameHead);
  }
}

/** A date span such as 9月23日至28日, 11月9日-11日, 2月23日到28日. */
const DATE_SPAN = /\d{1,2}[月日号]\d{0,2}[日号]?\s*(?:至|到|[-–—~～])\s*\d{1,2}[日号]/;

/** A name ending in `head` (纪念馆 for 馆), longer than the bare generic word (场馆, 展馆). */
function namesWithHead(sentence: string, head: string): boolean {
  return new RegExp(`[\\u4e00-\\u9fa5]{2,}${head}`).test(sentence.replace(/场馆|展馆|该馆|本馆/g, ''));
}

const DATE = /\d{1,4}年|\d{1,2}月|\d{1,2}日|\d{1,2}号|国庆|春节|中秋|元旦|开年|年初|年底|上午|下午|傍晚|当天|次日/;

/**
 * Official titles directly before a name are the most reliable person signal in news text. (Not 代表 or 委员: they
 * also start 代表团 and 委员会.) The name must not continue into a noun such as 书记处 or 市长热线.
 */
const TITLED_NAME =
  /(?:书记|省长|市长|县长|区长|州长|部长|主任|主席|秘书长|厅长|局长|董事长|总经理|院长|校长)\s?[\u4e00-\u9fa5]{2,3}(?=[,，、:：(（\s]|$|[率主出在来赴说指表强讲介])/;

/** People the domain dictionary knows; the segmenter's own guesses at names (HMM) are too noisy to trust. */
const KNOWN_PEOPLE = new Set(DOMAIN_TERMS.filter((t) => t.tag === 'nr').map((t) => t.word));

function namesPerson(sentence: string, question: QuestionAnalysis): boolean {
  // 哪位省委书记: only a holder of that very title answers (not a 区委书记 or 县委书记).
  if (question.title) return new RegExp(`${question.title}\\s?[\\u4e00-\\u9fa5]{2,3}`).test(sentence);
  if (TITLED_NAME.test(sentence)) return true;
  return tagWords(sentence).some(({ word }) => KNOWN_PEOPLE.has(word) && !question.entities.includes(word));
}

const PLACE_SUFFIX = /[\u4e00-\u9fa5]{1,12}(?:馆|中心|公司|集团|园|基地|大学|研究院|实验室|街区|社区|示范区|合作区|新区|工厂|总部|市|县|省|州|区)/;

function namesPlace(sentence: string, question: QuestionAnalysis): boolean {
  const mentioned = tagWords(sentence).some(
    ({ word, tag }) => (tag.startsWith('ns') || tag.startsWith('nt')) && !question.entities.includes(word),
  );
  return mentioned || PLACE_SUFFIX.test(sentence);
}

/** Measure words that answer each other: 多少个 is answered by 36个, 多少名 by 120人, 多少钱 by 1750亿元. */
const COMPATIBLE_MEASURES: Readonly<Record<string, readonly string[]>> = {
  个: [...'个家座所处项点场名位人'],
  名: [...'名人位'],
  人: [...'名人位'],
  位: [...'名人位'],
  点: [...'点个'],
  钱: ['元', '美元'],
  元: ['元', '美元'],
  万元: ['元', '美元'],
  亿元: ['元', '美元'],
  万吨: ['吨'],
  公里: ['公里', '千米'],
  千米: ['公里', '千米'],
  平方公里: ['平方公里'],
};

function hasQuantity(sentence: string, measure: string | null): boolean {
  const normalised = normaliseForIndex(sentence);
  if (!measure) return /\d/.test(normalised) || /第[一二三四五六七八九十]/.test(sentence) || /[一二三四五六七八九十]成/.test(sentence);
  const accepted = (COMPATIBLE_MEASURES[measure] ?? [measure]).map(escapeRegExp).join('|');
  return new RegExp(`\\d[\\d.]*\\s*(?:多|余)?[万亿]?(?:${accepted})`).test(normalised);
}
