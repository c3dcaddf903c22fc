import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HomophoneSpeller } from '../../src/text/index.ts';

// An invented corpus: the words a question's typos may be read as.
const speller = new HomophoneSpeller([
  '青禾县考察团参观中欧班列集结中心',
  '11月5日，青禾县党政考察团来到松岭市，市委副书记陪同考察。',
  '今年以来，松岭市接待游客86万人次，同比增长12%。',
  '松岭市累计取消各类证明材料320项，企业开办压缩到0.5个工作日。',
  '下午，两地召开东西部协作座谈会，双方签署劳务协作协议。',
  '两地商定共建一个规划面积600亩的产业园。',
  '松岭市程式化审批事项已全部取消。',
]);

test('a one-character homophone typo is read as the articles word', () => {
  const cases: Array<[string, string]> = [
    ['是谁陪通考察的？', '是谁陪同考察的？'],
    ['市委副书记陪通考察了哪里？', '市委副书记陪同考察了哪里？'],
    ['松岭今年接待油客多少人次？', '松岭今年接待游客多少人次？'],
    ['取消了多少项证名材料？', '取消了多少项证明材料？'],
    ['中欧斑列集结中心在哪？', '中欧班列集结中心在哪？'],
  ];
  for (const [asked, understood] of cases) assert.equal(speller.correct(asked).text, understood, asked);
});

test('a traditional question keeps its script; only the typo changes', () => {
  const corrected = speller.correct('考察團參觀的中歐斑列集結中心在哪？');
  assert.equal(corrected.text, '考察團參觀的中歐班列集結中心在哪？');
  assert.deepEqual(corrected.corrections.map(({ from, to }) => [from, to]), [['斑', '班']]);
});

test('correct questions, function words, measure words and dictionary words are left alone', () => {
  for (const asked of [
    '是谁陪同考察的？',
    '青禾县考察团是几号到几号？', // 是/号: interrogatives and function words are never corrected
    '规划面积600目的园区有几个？', // after a number stands a measure word, whatever it is
    '城市化率是多少？', // 城市 is a word the dictionary knows, even if the articles lack it
    '一共去了多少人？',
  ]) {
    const corrected = speller.correct(asked);
    assert.equal(corrected.text, asked, asked);
    assert.deepEqual(corrected.corrections, []);
  }
});

test('near words of the articles do not replace interrogatives, measure words or dictionary words', () => {
  const near = new HomophoneSpeller([
    '考察团来到苏南两个园区。', // 苏南两 is one sound away from 苏哪两
    '此行的目的是学习园区建设经验。', // 目的 is one sound away from 亩的
    '拟表彰名单公示是在5月。', // 公示是 is one sound away from 公式是
    '市领导在松岭市新城区看望了困难群众。', // 城区看 and 松岭市 are one sound away from 城去看 and 松岭时
    '两省签署鲁渝协作协议，赴鲁渝学习的干部', // 鲁渝 is one sound away from 鲁豫
  ]);
  for (const asked of ['赴鲁豫学习的代表团有多少人？', '规划面积800亩的“飞地”在哪？', '这个公式是怎么来的？', '考察团在新城去看了哪个园区？', '督导组在松岭时去了哪？']) {
    assert.equal(near.correct(asked).text, asked, asked);
  }
});

test('empty, non-Chinese and huge input are returned unchanged', () => {
  assert.equal(speller.correct('').text, '');
  assert.equal(speller.correct('who led the delegation?').text, 'who led the delegation?');
  const huge = '考察'.repeat(5000);
  assert.equal(speller.correct(huge).text, huge);
});
