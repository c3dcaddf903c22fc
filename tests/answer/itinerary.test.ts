/**
 * Questions about one day of a trip (invented report in tests/fixtures/itinerary): the sentence of the asked day
 * and part of the day answers, and a list of sites visited comes whole, each name as written.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuestionAnswering } from '../../src/app.ts';
import { answerBody } from '../../src/answer/index.ts';
import { openFixtureQa, removeTempDirs } from '../helpers/corpus-index.ts';

describe('a question about one day of the trip', () => {
  let qa: QuestionAnswering;
  before(async () => {
    qa = await openFixtureQa('itinerary');
  });
  after(removeTempDirs);

  const secondMorning = ['青川港集团集装箱码头', '中欧（青川）物流枢纽', '自贸片区综合服务大厅'];
  const cases: Array<[string, string[]]> = [
    ['南山代表团第二天上午去了哪些地方？', secondMorning],
    ['南山市党政代表团13号上午看了哪些点？', secondMorning],
    ['南山团次日上午都考察了哪里？', secondMorning],
    ['南山代表团最后一天看了哪些地方？', ['湖畔现代农业园', '白石村乡村振兴示范点']],
    ['南山代表团第一天去了哪些地方？', ['青川滨江科技城', '云端数据中心', '青川规划展览馆']],
  ];
  test('a part of the day asked with no day (上午看了哪些地方) is answered by the sentence of that part', async () => {
    const morning = ['白鹭湾湿地公园', '白鹭古城历史文化街区', '白鹭文旅大数据中心'];
    for (const question of ['柳原代表团在白鹭上午看了哪些地方？', '柳原市党政代表团上午去了白鹭哪几个点？', '柳原团上午在白鹭参观了哪几处地方？']) {
      const { answer } = await qa.ask(question);
      assert.equal(answer.found, true, `${question}: ${answerBody(answer)}`);
      for (const site of morning) assert.ok((answer.short ?? '').includes(site), `${question}: ${answer.short}`);
    }
  });
  test('我市党政代表团 in the local paper of the asked place is that place\'s delegation', async () => {
    for (const question of ['青川党政代表团之前去南山是几月份？', '青川市党政代表团是什么时候去的南山？', '青川代表团哪个月去南山考察的？']) {
      const { answer } = await qa.ask(question);
      assert.equal(answer.found, true, `${question}: ${answerBody(answer)}`);
      assert.match(answer.short ?? '', /2月/, question);
    }
  });
  test('the date of a thing comes only from a sentence saying what happened to it', async () => {
    // The report names the station and, in the next sentence, a year of something else.
    for (const question of ['南山驻青川劳务工作站是哪一年设立的？', '南山在青川的劳务工作站什么时候成立的？', '南山驻青川劳务工作站是哪年建的？']) {
      const { answer } = await qa.ask(question);
      assert.equal(answer.found, false, `${question}: ${answerBody(answer)}`);
    }
  });
  test('回 / 回来 / 回到 ask the day of the return (返回)', async () => {
    for (const question of ['南山代表团是哪天从青川回南山的？', '南山团几号回来的？', '南山代表团哪天回的南山？']) {
      const { answer } = await qa.ask(question);
      assert.equal(answer.short, '14日晚', `${question}: ${answerBody(answer)}`);
    }
  });
  test('a figure said of a place inside the asked one is in its scope', async () => {
    for (const question of ['代表团在宜宾时，南溪区说近三年建成了多少亩高标准农田？', '白河代表团在宜宾考察期间，南溪区介绍建成高标准农田多少亩？', '在宜宾的时候南溪区累计建成了多少亩高标准农田？']) {
      const { answer } = await qa.ask(question);
      assert.equal(answer.short, '5600亩', `${question}: ${answerBody(answer)}`);
    }
  });
  test('开 asks when a meeting was held, written 举行 as well as 召开', async () => {
    for (const question of ['白宜两地农业合作座谈会是哪天开的？', '白宜农业合作座谈会哪天开的？', '白宜两地的农业合作座谈会是几号开的？']) {
      const { answer } = await qa.ask(question);
      assert.match(answer.short ?? '', /^24日/, `${question}: ${answerBody(answer)}`);
    }
  });
  test('a relation dated with a verb is dated only by a sentence saying it; another event of the same places is not', async () => {
    for (const question of ['青川和南山是哪一年建立友好关系的？', '青川和南山哪年结成友好城市的？', '青川与南山是哪一年正式建立合作关系的？']) {
      const { answer } = await qa.ask(question);
      assert.equal(answer.found, false, `${question}: ${answerBody(answer)}`);
    }
    const { answer } = await qa.ask('青川港与南山港哪一年开通的航线？');
    assert.equal(answer.short, '2021年', answerBody(answer));
  });
  for (const [question, sites] of cases) {
    test(`${question} → ${sites.join('、')}`, async () => {
      const { answer } = await qa.ask(question);
      assert.equal(answer.found, true, answerBody(answer));
      for (const site of sites) assert.ok((answer.short ?? '').includes(site), `${site} in ${answer.short}`);
    });
  }
});
