/**
 * Share of the query's IDF weight whose tokens occur in `tokens`. Rare query words (a county, a person) dominate,
 * which is what separates the paragraph that answers from ones that merely share the topic.
 */
export function weightedCoverage(queryWeights: ReadonlyMap<string, number>, tokens: ReadonlySet<string>): number {
  let total = 0;
  let found = 0;
  for (const [token, weight] of queryWeights) {
    total += weight;
    if (tokens.has(token)) found += weight;
  }
  return total === 0 ? 0 : found / total;
}

/**
 * Re-scores the head of a fused ranking: `coverage + fusionWeight × (score / best score)`. Fusion alone is rank-based
 * and blind to which query words a chunk contains; coverage alone ignores semantic similarity. Items past `depth`
 * keep their order after the reranked head.
 */
export function rerankByCoverage<T extends { score: number }>(
  ranked: readonly T[],
  coverageOf: (item: T) => number,
  depth: number,
  fusionWeight: number,
): T[] {
  const head = ranked.slice(0, depth);
  const best = head[0]?.score || 1;
  const rescored = head
    .map((item, index) => ({ item, index, value: coverageOf(item) + fusionWeight * (item.score / best) }))
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .map(({ item, value }) => ({ ...item, score: value }));
  return [...rescored, ...ranked.slice(depth)];
}
