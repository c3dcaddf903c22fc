/**
 * A follow-up most often asks about the passage the previous answer came from: 总投资多少？ after 签了几个项目？ is
 * the investment of those projects, after 引进了多少家企业？ that of those enterprises. The answerer is given the
 * previous answer's cited paragraphs (`near`) and prefers the sentence it quoted. Invented article:
 * tests/fixtures/continuity.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuestionAnswering } from '../../src/app.ts';
import { answerBody } from '../../src/answer/index.ts';
import { openFixtureQa, removeTempDirs } from '../helpers/corpus-index.ts';

describe('a follow-up is read against the passage of the previous answer', () => {
  let qa: QuestionAnswering;
  before(async () => {
    qa = await openFixtureQa('continuity');
  });
  after(removeTempDirs);

  const cases: Array<[first: string, firstShort: RegExp, followUp: string, expected: RegExp]> = [
    ['青山代表团和柳河签了几个合作项目？', /8个/, '青山代表团总投资多少？', /50亿元/],
    ['柳河开发区引进了多少家企业？', /30家/, '青山代表团总投资多少？', /120亿元/],
    ['座谈会上双方签约了几个项目？', /8个/, '青山代表团一共投资了多少钱？', /50亿元/],
    ['开发区引进了几家装备制造企业？', /30家/, '青山代表团一共投资了多少钱？', /120亿元/],
  ];
  for (const [first, firstShort, followUp, expected] of cases) {
    test(`${followUp} after ${first} → ${expected.source}`, async () => {
      const previous = (await qa.ask(first)).answer;
      assert.match(previous.short ?? '', firstShort, answerBody(previous));
      const near = previous.citations.map((c) => ({ docId: c.docId, paragraph: c.paragraph, quote: c.quote }));
      const { answer } = await qa.ask(followUp, { near });
      assert.match(answer.short ?? '', expected, answerBody(answer));
    });
  }
});
