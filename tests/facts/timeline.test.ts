/**
 * The day thread of a report (src/facts/timeline.ts): reworded itineraries written for these tests.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { askedDay, dayFit, extractParagraphFacts, tripTimeline } from '../../src/facts/index.ts';

const report = [
  '5月12日至14日，市委书记甲某率市党政代表团赴外省学习考察。',
  '12日下午，代表团首先来到滨江科技城。随后，考察了云端数据中心。',
  '次日上午，代表团参观了港口集团和自贸片区展示厅。当天下午，召开两地合作座谈会。',
  '第三天，代表团考察了湖畔农业园，随后返回。',
];
const timeline = tripTimeline(report.map((p) => extractParagraphFacts(p, { date: { year: 2024, month: 5 } }).sentences));
const at = (paragraph: number, sentence: number) => timeline.sentences[paragraph]![sentence]!;

describe('tripTimeline: the day of every sentence', () => {
  test('the span gives the first and last day', () => {
    assert.deepEqual([timeline.first?.day, timeline.last?.day], [12, 14]);
  });
  test('a dated opening sets the day and part; 随后 keeps them', () => {
    assert.deepEqual([at(1, 0).day, at(1, 0).part], [12, '下午']);
    assert.deepEqual([at(1, 1).day, at(1, 1).part], [12, '下午']);
  });
  test('次日 moves on a day, 当天下午 keeps the day with another part, 第三天 counts from the first day', () => {
    assert.deepEqual([at(2, 0).day, at(2, 0).part], [13, '上午']);
    assert.deepEqual([at(2, 1).day, at(2, 1).part], [13, '下午']);
    assert.equal(at(3, 0).day, 14);
  });
});

describe('askedDay and dayFit', () => {
  const fit = (question: string, paragraph: number, sentence: number) => dayFit(askedDay(question)!, timeline, at(paragraph, sentence));
  test('第二天上午 / 次日上午 / 13号上午 find the morning of the second day', () => {
    for (const q of ['他们第二天上午去了哪些地方？', '次日上午参观了什么？', '13号上午看了哪些点？']) {
      assert.equal(fit(q, 2, 0), 1, q);
      assert.equal(fit(q, 2, 1), 0, q);
      assert.equal(fit(q, 1, 0), 0, q);
    }
  });
  test('最后一天 is the span’s last day; 首日 its first', () => {
    assert.equal(fit('最后一天考察了哪里？', 3, 0), 1);
    assert.equal(fit('首日去了哪儿？', 1, 1), 1);
    assert.equal(fit('首日去了哪儿？', 2, 0), 0);
  });
  test('a question naming no day asks none; 日报 is no day', () => {
    assert.equal(askedDay('代表团去了哪些地方？'), null);
    assert.equal(askedDay('湖南日报怎么报道的？'), null);
  });
});

describe('tripTimeline: 首日 / 头一天 / 最后一天 opening a sentence', () => {
  const written = [
    '9月3日至5日，县委书记乙某率县党政考察团赴外市学习考察。',
    '首日上午，考察团抵达东湖，参观了东湖科创园。',
    '头一天下午，考察团考察了智能制造基地。',
    '最后一天上午，考察团在西岭召开座谈会。',
  ];
  const thread = tripTimeline(written.map((p) => extractParagraphFacts(p, { date: { year: 2024, month: 9 } }).sentences));
  test('they set the first or last day of the span, with their part', () => {
    assert.deepEqual([thread.sentences[1]![0]!.day, thread.sentences[1]![0]!.part], [3, '上午']);
    assert.deepEqual([thread.sentences[2]![0]!.day, thread.sentences[2]![0]!.part], [3, '下午']);
    assert.deepEqual([thread.sentences[3]![0]!.day, thread.sentences[3]![0]!.part], [5, '上午']);
  });
});
