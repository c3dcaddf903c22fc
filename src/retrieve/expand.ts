import {
  BIGRAM_PREFIX,
  REGION_GROUPS,
  expandRegionAlias,
  normaliseForIndex,
  segmentWords,
  synonymsOf,
  tokenizeForIndex,
} from '../text/index.ts';

/** A question's lexical query: its own tokens, plus lexicon expansions that count for less. */
export interface ExpandedQuery {
  /** The question's own index tokens. */
  original: string[];
  /** Original and expansion tokens, for BM25. */
  tokens: string[];
  /** Query weight of each expansion token (original tokens weigh 1). */
  weights: Map<string, number>;
}

/**
 * Expands a question with the lexicon: domain synonyms of its words (带队 → 率领, 带领…; 参观 → 考察…) and the
 * provinces behind a regional name (粤赣鄂 → 广东, 江西, 湖北; 长三角 → 上海, 江苏…). Expansions weigh
 * `expansionWeight` each, so the words the user typed still decide the ranking. Pure.
 */
export function expandQuery(question: string, expansionWeight: number): ExpandedQuery {
  const original = tokenizeForIndex(question);
  const own = new Set(original);
  const weights = new Map<string, number>();
  const add = (word: string) => {
    for (const token of tokenizeForIndex(word)) {
      if (own.has(token) || token.startsWith(BIGRAM_PREFIX)) continue;
      weights.set(token, Math.max(weights.get(token) ?? 0, expansionWeight));
    }
  };
  const normalised = normaliseForIndex(question);
  for (const word of segmentWords(normalised)) {
    for (const synonym of synonymsOf(word)) if (synonym.length >= 2) add(synonym);
    for (const province of expandRegionAlias(word) ?? []) add(province);
  }
  for (const [group, members] of Object.entries(REGION_GROUPS)) if (normalised.includes(group)) members.forEach(add);
  // 三个市加起来: reviews write the places counted as 三市 (三市代表团合计…).
  for (const match of normalised.matchAll(/(\d+)个([省市县区州])/g)) add(`${match[1]}${match[2]}`);
  return { original, tokens: [...original, ...weights.keys()], weights };
}
