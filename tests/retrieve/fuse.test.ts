import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diversify, fuseRankings } from '../../src/retrieve/index.ts';

const ids = (fused: Array<{ id: string }>) => fused.map((f) => f.id);

describe('fuseRankings', () => {
  const cases: Array<{ name: string; lists: string[][]; k: number; order: string[] }> = [
    { name: 'no lists', lists: [], k: 60, order: [] },
    { name: 'empty lists', lists: [[], []], k: 60, order: [] },
    { name: 'one list keeps its order', lists: [['c', 'a', 'b']], k: 60, order: ['c', 'a', 'b'] },
    { name: 'agreement beats one first place', lists: [['a', 'b', 'c'], ['b', 'd', 'a']], k: 60, order: ['b', 'a', 'd', 'c'] },
    { name: 'equal scores are ordered by id', lists: [['y', 'b'], ['x', 'a']], k: 60, order: ['x', 'y', 'a', 'b'] },
    { name: 'mirrored lists tie everywhere and sort by id', lists: [['q', 'p'], ['p', 'q']], k: 10, order: ['p', 'q'] },
    // a: 1/(k+1) from one list; b: 2/(k+4) from both. b wins iff k > 2.
    { name: 'small k favours a single first place', lists: [['a', 'x', 'y', 'b'], ['z', 'v', 'w', 'b']], k: 1, order: ['a', 'z', 'b', 'v', 'x', 'w', 'y'] },
    { name: 'large k favours agreement', lists: [['a', 'x', 'y', 'b'], ['z', 'v', 'w', 'b']], k: 60, order: ['b', 'a', 'z', 'v', 'x', 'w', 'y'] },
  ];
  for (const { name, lists, k, order } of cases) {
    test(name, () => assert.deepEqual(ids(fuseRankings(lists, k)), order));
  }

  test('scores are the sum of 1 / (k + rank) over the lists', () => {
    const fused = new Map(fuseRankings([['a', 'b'], ['b']], 10).map((f) => [f.id, f.score]));
    assert.equal(fused.get('a'), 1 / 11);
    assert.equal(fused.get('b'), 1 / 12 + 1 / 11);
    assert.equal(fused.size, 2);
  });

  test('scores never increase down the fused list and every id appears once', () => {
    const fused = fuseRankings([['a', 'b', 'c', 'd'], ['d', 'c', 'e'], ['f', 'a']], 5);
    assert.equal(new Set(ids(fused)).size, fused.length);
    assert.deepEqual(new Set(ids(fused)), new Set(['a', 'b', 'c', 'd', 'e', 'f']));
    for (let i = 1; i < fused.length; i++) assert.ok(fused[i - 1]!.score >= fused[i]!.score);
  });

  test('the input lists are not modified', () => {
    const lists = [['b', 'a'], ['a']];
    fuseRankings(lists, 60);
    assert.deepEqual(lists, [['b', 'a'], ['a']]);
  });
});

describe('diversify', () => {
  const byLetter = (item: string) => item[0]!;
  const cases: Array<{ name: string; ranked: string[]; window: number; maxPerGroup: number; expected: string[] }> = [
    { name: 'empty', ranked: [], window: 5, maxPerGroup: 1, expected: [] },
    { name: 'a third a-item is pushed behind the window', ranked: ['a1', 'a2', 'a3', 'b1', 'c1'], window: 3, maxPerGroup: 2, expected: ['a1', 'a2', 'b1', 'a3', 'c1'] },
    { name: 'cap of one interleaves groups', ranked: ['a1', 'a2', 'b1', 'b2', 'c1'], window: 3, maxPerGroup: 1, expected: ['a1', 'b1', 'c1', 'a2', 'b2'] },
    { name: 'items past the window keep their order', ranked: ['a1', 'a2', 'a3', 'a4', 'b1', 'b2'], window: 4, maxPerGroup: 1, expected: ['a1', 'b1', 'a2', 'a3', 'a4', 'b2'] },
    { name: 'a single group cannot fill the window', ranked: ['a1', 'a2', 'a3'], window: 3, maxPerGroup: 1, expected: ['a1', 'a2', 'a3'] },
    { name: 'a generous cap changes nothing', ranked: ['a1', 'a2', 'b1', 'a3'], window: 4, maxPerGroup: 4, expected: ['a1', 'a2', 'b1', 'a3'] },
    { name: 'window 0 changes nothing', ranked: ['a1', 'a2', 'b1'], window: 0, maxPerGroup: 1, expected: ['a1', 'a2', 'b1'] },
    { name: 'a window of 1 only fixes the first place', ranked: ['a1', 'a2', 'b1'], window: 1, maxPerGroup: 1, expected: ['a1', 'a2', 'b1'] },
  ];
  for (const { name, ranked, window, maxPerGroup, expected } of cases) {
    test(`${name} (window ${window}, max ${maxPerGroup})`, () => {
      const input = [...ranked];
      assert.deepEqual(diversify(input, byLetter, window, maxPerGroup), expected);
      assert.deepEqual(input, ranked, 'input not modified');
    });
  }

  /**
   * Reference model: the head is the first `window` items whose rank within their own group is below the cap; the
   * rest follow in their original order. (When too few groups exist to fill the window, deferred items move up
   * into it: the cap is a preference, not a guarantee.)
   */
  function modelDiversify(ranked: string[], window: number, maxPerGroup: number): string[] {
    const seen = new Map<string, number>();
    const eligible = ranked.filter((item) => {
      const n = seen.get(byLetter(item)) ?? 0;
      seen.set(byLetter(item), n + 1);
      return n < maxPerGroup;
    });
    const head = eligible.slice(0, window);
    return [...head, ...ranked.filter((item) => !head.includes(item))];
  }

  test('property: matches the reference model on random rankings', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 300; round++) {
      const length = Math.floor(random() * 15);
      const ranked = Array.from({ length }, (_, i) => `${'abcd'[Math.floor(random() * 4)]}${i}`);
      const window = Math.floor(random() * 8);
      const maxPerGroup = 1 + Math.floor(random() * 3);
      const result = diversify(ranked, byLetter, window, maxPerGroup);
      assert.deepEqual(result, modelDiversify(ranked, window, maxPerGroup), JSON.stringify({ ranked, window, maxPerGroup }));
      for (const group of 'abcd') {
        assert.deepEqual(
          result.filter((x) => x[0] === group),
          ranked.filter((x) => x[0] === group),
          'a group keeps its own order',
        );
      }
    }
  });
});
