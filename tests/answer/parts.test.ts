/**
 * A review of numbered parts (invented article: tests/fixtures/parts): a question naming one part (第二批) is answered
 * from that part's paragraph, never from another part's, and refused when its part does not say.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuestionAnswering } from '../../src/app.ts';
import { answerBody } from '../../src/answer/index.ts';
import { openFixtureQa, removeTempDirs } from '../helpers/corpus-index.ts';

describe('one numbered part of a review', () => {
  let qa: QuestionAnswering;
  before(async () => {
    qa = await openFixtureQa('parts');
  });
  after(removeTempDirs);

  test('the asked part answers', async () => {
    for (const [question, expected] of [
      ['梅川第二批代表团共多少人？', /22人/],
      ['第一批代表团签约项目总投资多少？', /18亿元/],
      ['第三批考察团察看了几个考察点？', /5个/],
    ] as const) {
      const { answer } = await qa.ask(question);
      assert.match(answer.short ?? '', expected, `${question}: ${answerBody(answer)}`);
    }
  });
  test('another part does not answer for it', async () => {
    for (const question of ['梅川第三批消费帮扶考察团签约了多少个项目？', '第三批考察团在白沙签约总投资多少？']) {
      const { answer } = await qa.ask(question);
      assert.equal(answer.found, false, `${question}: ${answerBody(answer)}`);
    }
  });
});
