/**
 * Compound questions (two things asked at once) on made-up wordings, not from any eval set: how they split, and
 * how the parts' answers are joined.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SHORT_CHARS, mergeAnswers, splitCompound, uncoveredText, type Answer, type Citation } from '../../src/answer/index.ts';

describe('splitCompound: one part per asking clause, later parts carrying the first one\'s words', () => {
  const split: Array<[string, string[]]> = [
    ['青川那个推进会在哪里开的，哪天？', ['青川那个推进会在哪里开的？', '青川那个推进会在开的哪天？']],
    ['考察团一共走了几个县、行程多少公里？', ['考察团一共走了几个县？', '考察团一共走了县行程多少公里？']],
    ['交流会是哪天开的？在哪开？', ['交流会是哪天开的？', '交流会是开的在哪开？']],
    ['西岭市哪个领导接见的考察团，在哪接见的', ['西岭市哪个领导接见的考察团？', '西岭市领导接见的考察团在哪接见的？']],
    // Traditional characters: the context is folded so its question words go too.
    ['考察團簽了幾個項目？總投資多少？', ['考察團簽了幾個項目？', '考察团签了项目總投資多少？']],
    // A count of another kind alone swaps the count; a verb and its noun asked after a verb and its count swap both.
    ['东川代表团在北岭一共走了几个乡镇、几个村？', ['东川代表团在北岭一共走了几个乡镇？', '东川代表团在北岭一共走了几个村？']],
    ['两地一共看了多少家企业，几个园区？', ['两地一共看了多少家企业？', '两地一共看了几个园区？']],
    ['今年签约的项目开工了几个，到位资金多少？', ['今年签约的项目开工了几个？', '今年签约的项目到位资金多少？']],
    // Two counts asked with nothing between them are two parts.
    ['调研组一共去了几个乡几个村？', ['调研组一共去了几个乡？', '调研组一共去了几个村？']],
    ['代表团看了多少个点多少家企业？', ['代表团看了多少个点？', '代表团看了多少家企业？']],
    ['工作组在西岭走访了几个县几个镇？', ['工作组在西岭走访了几个县？', '工作组在西岭走访了几个镇？']],
  ];
  for (const [question, parts] of split) test(question, () => assert.deepEqual(splitCompound(question).map((p) => p.question), parts));

  const whole = [
    '湖南代表团去了哪几个省？',
    '据报道，代表团一共看了几个点？', // a clause that asks nothing is context, not a part
    '两家报纸说的点数一样吗？各说多少？', // 吗 asks no slot: one comparison question
    '郴州和广州签了什么协议？', // 和 joins names, not questions
    '那江西呢？',
    '',
  ];
  for (const question of whole) test(`"${question}" stays one question`, () => assert.deepEqual(splitCompound(question).map((p) => p.question), [question.trim()]));

  test('each part keeps the clause as the user wrote it', () => {
    assert.deepEqual(splitCompound('推进会在哪开的，哪天').map((p) => p.clause), ['推进会在哪开的', '哪天']);
  });
});

function citation(n: number, paragraphId: string, quote: string): Citation {
  return { n, paragraphId, docId: paragraphId.split('#')[0]!, file: 'a.txt', title: '标题', paragraph: n, quote, text: quote, url: null, date: null, source: null };
}

function answer(found: boolean, short: string | null, quotes: Array<[string, string]>): Answer {
  const citations = quotes.map(([id, q], i) => citation(i + 1, id, q));
  return { question: 'q', questionType: 'when', found, short, sentences: quotes.map(([, q], i) => ({ text: q, citations: [i + 1] })), citations, nearest: [] };
}

describe('mergeAnswers', () => {
  test('citations are renumbered by paragraph, a shared sentence appears once, shorts are joined with ；', () => {
    const merged = mergeAnswers('问', [
      { clause: 'a', question: 'a？', answer: answer(true, '7月2日', [['d#p3', '7月2日，会议在北岭举行。']]) },
      { clause: 'b', question: 'b？', answer: answer(true, '北岭', [['d#p5', '北岭是会场。'], ['d#p3', '7月2日，会议在北岭举行。']]) },
    ]);
    assert.equal(merged.short, '7月2日；北岭');
    assert.deepEqual(merged.citations.map((c) => [c.n, c.paragraphId]), [[1, 'd#p3'], [2, 'd#p5']]);
    assert.deepEqual(merged.sentences.map((s) => [s.text, s.citations]), [['7月2日，会议在北岭举行。', [1]], ['北岭是会场。', [2]]]);
    assert.equal(merged.uncovered, undefined);
  });

  test('a part the articles do not cover is listed as such, never given a citation', () => {
    const merged = mergeAnswers('问', [
      { clause: '谁主持的', question: 'a？', answer: answer(true, '王某', [['d#p1', '王某主持会议。']]) },
      { clause: '花了多少钱', question: 'b？', answer: answer(false, null, []) },
    ]);
    assert.equal(merged.found, true);
    assert.deepEqual(merged.uncovered, ['花了多少钱']);
    assert.ok(merged.sentences.every((s) => s.citations.length > 0));
    assert.equal(uncoveredText(merged.uncovered!), '现有资料中未提及：「花了多少钱」。');
  });

  test('nothing found anywhere is a refusal', () => {
    const merged = mergeAnswers('问', [{ clause: 'a', question: 'a？', answer: answer(false, null, []) }, { clause: 'b', question: 'b？', answer: answer(false, null, []) }]);
    assert.equal(merged.found, false);
  });

  test('joined short answers stay within MAX_SHORT_CHARS', () => {
    const long = '甲'.repeat(MAX_SHORT_CHARS - 10);
    const merged = mergeAnswers('问', [
      { clause: 'a', question: 'a？', answer: answer(true, long, [['d#p1', `${long}。`]]) },
      { clause: 'b', question: 'b？', answer: answer(true, '乙'.repeat(20), [['d#p2', `${'乙'.repeat(20)}。`]]) },
    ]);
    assert.equal(merged.short, long);
  });
});
