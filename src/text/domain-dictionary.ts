import { PROVINCES, SITE_HEADS, SYNONYM_GROUPS, TITLES, VERB_GROUP_HEADS } from './lexicon.ts';

/**
 * Domain vocabulary for jieba. The stock dictionary splits officials' names (沈|晓明) and glues or cuts delegation
 * vocabulary (党政|代表团, 考察|点) in ways that hurt both BM25 and entity spotting. Every word here is loaded
 * into the shared segmenter with a part-of-speech tag: places ns, organisations nt, other terms n/nz. Generic
 * words only (titles, provinces, delegation vocabulary from the lexicon): names of people, cities and companies
 * of any corpus are found by patterns and the segmenter, never listed here.
 */

export interface DomainTerm {
  word: string;
  /** jieba part-of-speech tag. */
  tag: 'nr' | 'ns' | 'nt' | 'n' | 'nz' | 'v';
}

/** Generic bodies of delegation reporting. */
const ORGANISATIONS = ['党政代表团', '考察团', '党政考察团', '代表团', '省委常委会', '省人民政府', '市人民政府', '县人民政府'];

/** Recurring domain vocabulary. */
const TERMS = [
  '考察点', '学习考察', '考察学习', '督导调研', '调研督导', '高质量发展', '专题培训班', '现场教学', '战略合作框架协议',
  '战略合作协议', '合作框架协议', '交流总结会', '总结会', '交流座谈会', '党政正职', '县域经济', '招商引资', '营商环境',
  '一把手', '省领导', '市州', '经济运行', '党代会', '主题教育', '四季度', '对口合作', '对口协作', '乡村振兴',
  ...SYNONYM_GROUPS.filter((group) => !VERB_GROUP_HEADS.includes(group[0]!)).flat().filter((word) => word.length >= 2),
  ...SITE_HEADS.filter((word) => word.length >= 3),
];

/** The action words of the synonym groups (率领, 带队, 签署…), tagged as verbs. */
const ACTIONS = SYNONYM_GROUPS.filter((group) => VERB_GROUP_HEADS.includes(group[0]!)).flat().filter((word) => word.length >= 2);

/** Numbered policy formulas of national reach must stay one token (十四五 is not 十|四|五). */
const SLOGANS = ['十四五', '十五五', '十三五', '一带一路', '一把手'];

const TAGGED: ReadonlyArray<readonly [readonly string[], DomainTerm['tag']]> = [
  [TITLES, 'n'],
  [PROVINCES.flatMap((p) => [p.name, p.common]), 'ns'],
  [ORGANISATIONS, 'nt'],
  [TERMS, 'n'],
  [ACTIONS, 'v'],
  [SLOGANS, 'nz'],
];

/** Every domain word with its tag, first occurrence wins. */
export const DOMAIN_TERMS: readonly DomainTerm[] = (() => {
  const seen = new Set<string>();
  const terms: DomainTerm[] = [];
  for (const [words, tag] of TAGGED) {
    for (const word of words) {
      if (!seen.has(word)) terms.push({ word, tag });
      seen.add(word);
    }
  }
  return terms;
})();

/**
 * jieba frequency given to every domain word: high enough to beat the stock dictionary's split of a name into
 * surname + given name (沈|晓明), low enough not to swallow neighbouring words.
 */
export const DOMAIN_WORD_FREQUENCY = 20_000;

/** The domain vocabulary in jieba's `word freq tag` line format, ready for `Jieba.loadDict`. */
export function domainDictionary(frequency: number = DOMAIN_WORD_FREQUENCY): Uint8Array {
  const lines = DOMAIN_TERMS.map(({ word, tag }) => `${word} ${frequency} ${tag}`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}
