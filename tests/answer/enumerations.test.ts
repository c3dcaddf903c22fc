/**
 * 哪三点要求 / “三个更加”都是什么: the answer is the enumeration (一是…二是…, 其一…其二…), every item quoted and the
 * items as the short answer. Reworded questions over an invented article: tests/fixtures/enumerations.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuestionAnswering } from '../../src/app.ts';
import { analyseQuestion, answerBody } from '../../src/answer/index.ts';
import { continuesEnumeration, enumerationItems, opensEnumeration } from '../../src/answer/features.ts';
import { openFixtureQa, removeTempDirs } from '../helpers/corpus-index.ts';

describe('enumerations: reading the markers', () => {
  test('an enumeration opens with 一是 / 其一 / 第一, and goes on with 二是 / 其次 / 最后', () => {
    assert.ok(opensEnumeration('他提出两点意见：一是稳住产业，二是守住底线。'));
    assert.ok(opensEnumeration('其一，更加注重实效；'));
    assert.ok(!opensEnumeration('一是一，二是二，他说。'.slice(4)));
    assert.ok(continuesEnumeration('二是深化合作；'));
    assert.ok(continuesEnumeration('最后，要加强督促。'));
    assert.ok(!continuesEnumeration('他说，二是关键。'));
  });
  test('each item is what its marker introduces, up to the first clause break', () => {
    assert.deepEqual(enumerationItems(['会议明确：一是建好园区，引进企业；', '二是办好培训；', '三是用好资金。']), ['建好园区', '办好培训', '用好资金']);
    assert.deepEqual(enumerationItems(['要求做到三点：一是快，二是准，三是稳。']), []);
  });
  test('questions asking for a numbered set of points ask for an enumeration', () => {
    for (const q of ['书记提了哪三点要求？', '县长说的“三个更加”都是什么', '会上提了哪些建议？', '要在哪几个方面下功夫？']) assert.ok(analyseQuestion(q).asksEnumeration, q);
    for (const q of ['考察团去了哪几个县？', '签了什么协议？']) assert.ok(!analyseQuestion(q).asksEnumeration, q);
  });
});

describe('enumerations: answered whole', () => {
  let qa: QuestionAnswering;
  before(async () => {
    qa = await openFixtureQa('enumerations');
  });
  after(removeTempDirs);

  const cases: Array<[string, string[]]> = [
    ['陆一鸣在总结会上提了哪三点要求？', ['抓好项目落地', '深化产业协作', '加强干部交流']],
    ['南湖县委书记回来以后都提了些什么要求', ['抓好项目落地', '深化产业协作', '加强干部交流']],
    ['江涛说的“三个更加”分别是啥？', ['更加注重招商实效', '更加注重营商环境', '更加注重人才引育']],
  ];
  for (const [question, items] of cases) {
    test(`${question} → ${items.join('、')}`, async () => {
      const { answer } = await qa.ask(question);
      assert.equal(answer.found, true, answerBody(answer));
      for (const item of items) {
        assert.ok(answer.short?.includes(item), `short ${answer.short} lacks ${item}`);
        assert.ok(answer.sentences.some((s) => s.text.includes(item)), `${item} quoted: ${answerBody(answer)}`);
      }
    });
  }
});
