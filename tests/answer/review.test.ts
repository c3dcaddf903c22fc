/**
 * A review of several delegations' tours (invented article: tests/fixtures/review): a question about one
 * delegation is answered by that tour's figure, never by the sum over all of them; a question asking the sum is.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuestionAnswering } from '../../src/app.ts';
import { answerBody } from '../../src/answer/index.ts';
import { openFixtureQa, removeTempDirs } from '../helpers/corpus-index.ts';

describe('one tour of a review, or all of them', () => {
  let qa: QuestionAnswering;
  before(async () => {
    qa = await openFixtureQa('review');
  });
  after(removeTempDirs);

  const cases: Array<[string, RegExp]> = [
    ['临江市党政代表团签了多少钱？', /^58亿元$/],
    ['临江代表团一行多少人？', /^35人$/],
    ['白岭市党政代表团一共考察了多少个点位？', /^17个$/],
    ['三市代表团一共签了多少钱？', /^286亿元$/],
    ['三市代表团合计多少人？', /^114人$/],
    ['三个市加起来一共签了多少钱？', /^286亿元$/],
    // (a tour the review opens without 率…代表团 is not taken for the tour before it)
    ['江口市党政代表团是谁带队去的烟台？', /韩立春/],
  ];
  for (const [question, expected] of cases) {
    test(`${question} → ${expected.source}`, async () => {
      const { answer } = await qa.ask(question);
      assert.match(answer.short ?? '', expected, answerBody(answer));
    });
  }
});
