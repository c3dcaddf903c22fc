/**
 * Reciprocal rank fusion: each list contributes 1 / (k + rank) for every id it ranks (rank is 1-based).
 * Rank-based, so the incomparable scales of cosine similarity and BM25 never need calibrating.
 */
export function fuseRankings(lists: ReadonlyArray<ReadonlyArray<string>>, k: number): Array<{ id: string; score: number }> {
  const scores = new Map<string, number>();
  for (const list of lists) {
    list.forEach((id, index) => {
      scores.set(id, (scores.get(id) ?? 0) + 1 / (k + index + 1));
    });
  }
  return [...scores.entries()]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/**
 * Reorders a ranked list so that, within the first `window` places, no group (article) holds more than
 * `maxPerGroup` items; the displaced items keep their relative order right after the window. This keeps one long
 * article from crowding out the others when a question spans several tours.
 */
export function diversify<T>(ranked: readonly T[], groupOf: (item: T) => string, window: number, maxPerGroup: number): T[] {
  const head: T[] = [];
  const deferred: T[] = [];
  const perGroup = new Map<string, number>();
  for (const item of ranked) {
    if (head.length >= window) {
      deferred.push(item);
      continue;
    }
    const group = groupOf(item);
    const used = perGroup.get(group) ?? 0;
    if (used < maxPerGroup) {
      perGroup.set(group, used + 1);
      head.push(item);
    } else {
      deferred.push(item);
    }
  }
  return [...head, ...deferred];
}
