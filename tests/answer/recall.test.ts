/**
 * A report that recalls an earlier trip (invented article: tests/fixtures/recall): a question about this trip
 * (这回, 这次, 此次) is answered by this trip's sentences, not by the recalled one (时任…, 当时…); a question naming the
 * earlier year is answered by it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuestionAnswering } from '../../src/app.ts';
import { answerBody } from '../../src/answer/index.ts';
import { openFixtureQa, removeTempDirs } from '../helpers/corpus-index.ts';

describe('this trip, not the one the report recalls', () => {
  let qa: QuestionAnswering;
  before(async () => {
    qa = await openFixtureQa('recall');
  });
  after(removeTempDirs);

  // [question, the answer says, the answer does not say]
  const cases: Array<[string, RegExp, RegExp | null]> = [
    ['青石和红枫这回签了啥？', /三年行动计划/, /框架协议/],
    ['两市这次签署了什么文件？', /三年行动计划/, /框架协议/],
    ['此次两市座谈会是谁主持的？', /许文涛/, /时任/],
    ['这次现场签约了几个项目？', /9个/, /5个/],
    // (the earlier year named: the recalled sentence answers)
    ['2023年那次两市签了什么协议？', /框架协议/, null],
    ['这次签的和两年前那次签的分别是什么协议？', /框架协议/, null],
    // (a paragraph writing no year is of the report's own year: not the answer about 2023)
    ['2023年两市座谈会是谁主持的？', /林远航/, /许文涛/],
    ['2023年那次现场签了几个项目？', /5个/, /9个/],
    // (今年 is the report's own year: not a figure under 2024年 or the recalled 2023 visit)
    ['红枫茶叶今年在青石卖了多少钱？', /4100万元/, /3200万元/],
    ['红枫茶叶今年1至8月在青石的销售额是多少？', /4100万元/, /3200万元/],
  ];
  test('a question about the earlier trip is not answered by this one, nor a meeting by those who led the group', async () => {
    for (const question of ['2023年青石代表团到红枫时，红枫哪位领导会见的？', '2023年那次红枫是谁会见的青石代表团？']) {
      const { answer } = await qa.ask(question);
      assert.equal(answer.found, false, `${question}: ${answerBody(answer)}`);
    }
  });
  for (const [question, says, saysNot] of cases) {
    test(`${question} → ${says.source}`, async () => {
      const { answer } = await qa.ask(question);
      const body = answerBody(answer);
      assert.match(body, says);
      if (saysNot) assert.doesNotMatch(body, saysNot);
    });
  }
});
