/**
 * Query expansion over the lexicon: words a user types for a total (加起来) and for a count of places (三个市) are
 * looked up as reviews write them (合计, 三市代表团). Invented questions.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expandQuery } from '../../src/retrieve/expand.ts';

describe('query expansion', () => {
  const cases: Array<[question: string, expected: string[]]> = [
    ['三个市加起来一共签了多少钱？', ['3市', '合计']],
    ['两个省加起来去了多少人？', ['2省', '合计']],
    ['四个县的代表团总计考察了几个点？', ['4县', '合计']],
  ];
  for (const [question, expected] of cases) {
    test(`${question} is also looked up as ${expected.join('、')}`, () => {
      const { tokens, weights } = expandQuery(question, 0.5);
      for (const token of expected) {
        assert.ok(tokens.includes(token), `${token} in ${tokens.join(' ')}`);
        assert.equal(weights.get(token), 0.5, 'an expansion weighs less than what the user typed');
      }
    });
  }
});
