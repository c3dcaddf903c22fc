/**
 * A run of province abbreviations (甘闽, 浙甘) names its provinces together; an answer about it comes from where all
 * of them are named. Invented article: tests/fixtures/aliases.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuestionAnswering } from '../../src/app.ts';
import { answerBody } from '../../src/answer/index.ts';
import { openFixtureQa, removeTempDirs } from '../helpers/corpus-index.ts';

describe('province abbreviation runs and totals', () => {
  let qa: QuestionAnswering;
  before(async () => {
    qa = await openFixtureQa('aliases');
  });
  after(removeTempDirs);

  const cases: Array<[string, RegExp]> = [
    ['甘闽两省政府签了个啥协议？', /福建省人民政府 甘肃省人民政府产业合作协议/],
    ['浙甘两省签的是什么协议', /浙江省人民政府 甘肃省人民政府东西部协作框架协议/],
    // A total is answered by the total, not by one part of it.
    ['甘肃团这趟一共看了多少个点？', /23个/],
    ['代表团浙闽之行总共考察了几个点', /23个/],
  ];
  for (const [question, expected] of cases) {
    test(question, async () => {
      const { answer } = await qa.ask(question);
      assert.equal(answer.found, true, answerBody(answer));
      assert.match(`${answer.short ?? ''} ${answerBody(answer)}`.split('[')[0]!, expected, answerBody(answer));
    });
  }
});
