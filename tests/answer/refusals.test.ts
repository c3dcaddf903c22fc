/**
 * When the articles hold a fact of the asked kind that is not the asked fact, the answer is 找不到, not that fact:
 * another year's figure, a total over several places for one of them, other people than the group's size, a kind
 * of site never named. Invented article: tests/fixtures/refusals; each refusal has a control
 * question the same article does answer.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuestionAnswering } from '../../src/app.ts';
import { answerBody } from '../../src/answer/index.ts';
import { openFixtureQa, removeTempDirs } from '../helpers/corpus-index.ts';

describe('a fact of the asked kind is not always the asked fact', () => {
  let qa: QuestionAnswering;
  before(async () => {
    qa = await openFixtureQa('refusals');
  });
  after(removeTempDirs);

  const refused = [
    '2023年东川给北岭投了多少帮扶资金？',
    '东川今年在青石县安排了多少个协作项目？',
    '北岭代表团这次一共去了多少人？',
    '北岭代表团在东川参观了哪所大学？',
    // The province's delegation is not the city's, though the article names the province.
    '黑龙江省党政代表团去厦门是哪天出发的？',
    // 两个村 counts villages; it names none.
    '代表团在翔安区抽查的那两个村叫什么名字？',
    // A figure of something else: what the how-much question measures (光伏组件, 大豆, 新材料) is never named.
    '南岭的光伏组件项目投资了多少钱？',
    '南岭大豆在海滨卖了多少吨？',
    '两地签的新材料项目总投资是多少？',
    // A return visit recalls the first one: that delegation's size is not this one's (nor are workers or visits).
    '铜川市党政代表团这次回访钦州一共去了多少人？',
    '铜川代表团到钦州回访，一行多少人？',
    '这次铜川团去钦州有几个人？',
    // Projects signed are not projects in production or landed.
    '铜川钦州座谈会上签的项目投产了多少个？',
    '两市签约项目落地了几个？',
    // A figure compared with last year's (同比增长, 比上年同期增加) is this year's.
    '铜川去年上半年农村居民人均可支配收入是多少？',
    '去年上半年铜川农村居民人均收入多少钱？',
    '铜川脱贫人口去年上半年人均纯收入多少？',
    // Who signed one agreement is not who signed another (the 文旅 one names no signers).
    '铜川钦州的文旅合作协议是由谁签署的？',
    '两市文旅合作协议是哪两位领导签的字？',
    '代表两市签文旅合作协议的是谁？',
    // 去年 is the year before the article's: this year's visit (no year written) is not last year's.
    '去年铜川代表团回访钦州签了几个项目？',
    '铜川去年派代表团去钦州花了几天？',
  ];
  for (const question of refused) {
    test(`${question} → 找不到`, async () => {
      const { answer } = await qa.ask(question);
      assert.equal(answer.found, false, answerBody(answer));
    });
  }

  const answered: Array<[string, RegExp]> = [
    ['东川累计给北岭投了多少帮扶资金？', /12\.6亿元/],
    ['今年东川在三个县区一共安排了多少个协作项目？', /64个/],
    ['两市是哪年建立对口合作关系的？', /2016年/],
    ['北岭代表团在青石县参观了哪几家企业？', /青石茶业有限公司/],
    ['牡丹江市党政代表团去厦门是哪天出发的？', /10月17日/],
    ['牡丹江代表团在同安区看了哪几个村？', /军营村/],
    ['远洋渔业集团那个水产饲料项目投资多少？', /4\.2亿元/],
    ['南岭茶叶去年在海滨卖了多少吨？', /1\.1万吨/],
    ['南岭和海滨签约合作项目总金额是多少？', /86亿元/],
    // (两地 counts the places before 签约合作项目; the projects are counted by 12个.)
    ['南岭和海滨在推介会上签了几个项目？', /12个/],
    ['两地推介会签约了多少个项目？', /12个/],
    ['去年钦州市党政代表团到铜川考察一行多少人？', /28人/],
    ['铜川在钦州的务工人员有多少？', /2600人/],
    ['铜川和钦州座谈会上现场签约了多少个项目？', /6个/],
    ['铜川上半年农村居民人均可支配收入是多少？', /8120元/],
    ['铜川脱贫人口人均纯收入比上年同期增加了多少？', /512元/],
    // (A figure whose year is written may be the asked 去年, compared or not.)
    ['铜川去年村集体经济收入多少？', /86万元/],
    ['铜川钦州港口物流合作框架协议是谁签署的？', /闻立新/],
    ['去年来铜川考察的那个代表团是谁带队的？', /骆文川/],
    ['去年钦州那个代表团来铜川考察是谁率队的？', /骆文川/],
    // 今年签约的 says which projects: the money they brought in so far (累计到位) answers.
    ['铜川钦州今年签约的项目到位资金多少？', /5\.2亿元/],
    ['今年签约的项目累计到位了多少资金？', /5\.2亿元/],
    ['两市今年新签约的项目到位资金一共多少？', /5\.2亿元/],
    // The pair a question names signs its own agreement: the other pair's figures are not theirs.
    ['吉林和浙江在座谈会上现场签约了多少个项目？', /9个/],
    ['浙江和吉林签约的项目总投资多少？', /150亿元/],
    ['吉林与江苏现场签了几个项目？', /12个/],
  ];
  for (const [question, expected] of answered) {
    test(`${question} → ${expected.source}`, async () => {
      const { answer } = await qa.ask(question);
      assert.equal(answer.found, true, answerBody(answer));
      assert.match(answer.short ?? '', expected, answerBody(answer));
    });
  }
});
