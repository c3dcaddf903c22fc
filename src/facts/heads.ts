/** What a number counts when no noun follows it: the noun written right before it. */
import { GENERIC_PLACES, NON_FACT_WORDS, STOP_WORDS, tagWords } from '../text/index.ts';

/** Words between a noun and its number that say nothing (总投资达86亿元, 收入是380万元, 考察点达35个). */
export const COPULA_TAIL = /(?:累计达|共计|合计|总计|累计|多达|高达|达到|约为|大约|将近|接近|不少于|至少|超过|突破|共有|一共|共|达|为|是|约|近|逾|有|计|了)+$/;

/** The noun written right before a number (总投资达86亿元 → 总投资; 考察点达35个 → 考察点), or ''. */
export function headBefore(view: string, start: number): string {
  const clause = view.slice(Math.max(0, start - 12), start).split(/[，,。；;：:！？!?、\s（(]/).at(-1) ?? '';
  const last = tagWords(clause.replace(COPULA_TAIL, '')).at(-1);
  if (!last || last.word.length < 2 || !/^(?:n|vn|v|j|l)/.test(last.tag) || /^(?:ns|nr)/.test(last.tag)) return '';
  if (NON_FACT_WORDS.has(last.word) || STOP_WORDS.has(last.word) || GENERIC_PLACES.has(last.word)) return '';
  return last.word;
}
