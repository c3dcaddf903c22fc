import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerBody, NOT_FOUND_TEXT, renderAnswerText, sourceLine, type Answer, type Citation } from '../../src/answer/index.ts';

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    paragraphId: `hunan-delegation-guangdong-jiangxi-hubei#p${n + 2}`,
    docId: 'hunan-delegation-guangdong-jiangxi-hubei',
    file: 'data/articles/hunan-delegation-guangdong-jiangxi-hubei.txt',
    title: '粤赣鄂归来,湖南决策层“趁热”开了学习考察总结会',
    paragraph: n + 2,
    quote: `第${n}句。`,
    text: `第${n}句。其余文字。`,
    url: 'https://hn.rednet.cn/content/646743/74/13104918.html',
    date: '2023-09-30 11:07:33',
    source: '红网',
    ...overrides,
  };
}

function answer(overrides: Partial<Answer>): Answer {
  return { question: '问题？', questionType: 'what', found: true, sentences: [], citations: [], nearest: [], ...overrides };
}

describe('answerBody', () => {
  const cases: Array<[string, Answer, string]> = [
    ['one sentence, one marker', answer({ sentences: [{ text: '甲。', citations: [1] }], citations: [citation(1)] }), '甲。[1]'],
    [
      'markers follow each sentence, shared numbers repeat',
      answer({ sentences: [{ text: '甲。', citations: [1] }, { text: '乙。', citations: [2] }, { text: '丙。', citations: [1] }], citations: [citation(1), citation(2)] }),
      '甲。[1]乙。[2]丙。[1]',
    ],
    ['several citations on one sentence', answer({ sentences: [{ text: '甲。', citations: [1, 2] }], citations: [citation(1), citation(2)] }), '甲。[1][2]'],
    ['not found is the refusal text, whatever sentences hold', answer({ found: false, sentences: [{ text: '不该出现', citations: [1] }] }), NOT_FOUND_TEXT],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => assert.equal(answerBody(input), expected));
  }

  test('the refusal says the articles do not cover the question', () => {
    assert.match(NOT_FOUND_TEXT, /找不到/);
    assert.match(NOT_FOUND_TEXT, /未提及/);
  });
});

describe('sourceLine: [n] 标题 — 来源, 日期, ¶n 链接', () => {
  const title = '粤赣鄂归来,湖南决策层“趁热”开了学习考察总结会';
  const cases: Array<[string, Citation, string]> = [
    ['everything known', citation(1), `[1] ${title} — 红网, 2023-09-30 11:07:33, ¶3 https://hn.rednet.cn/content/646743/74/13104918.html`],
    ['no URL: nothing after the paragraph number', citation(2, { url: null }), `[2] ${title} — 红网, 2023-09-30 11:07:33, ¶4`],
    ['unknown outlet', citation(1, { source: null, url: null }), `[1] ${title} — 来源不详, 2023-09-30 11:07:33, ¶3`],
    ['unknown date', citation(1, { date: null, url: null }), `[1] ${title} — 红网, 日期不详, ¶3`],
    ['nothing but title and paragraph', citation(7, { source: null, date: null, url: null, paragraph: 41 }), `[7] ${title} — 来源不详, 日期不详, ¶41`],
    ['a date without time', citation(3, { date: '2024-06-01', url: 'http://127.0.0.1:8080/a.html' }), `[3] ${title} — 红网, 2024-06-01, ¶5 http://127.0.0.1:8080/a.html`],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => assert.equal(sourceLine(input), expected));
  }
});

describe('renderAnswerText', () => {
  test('a found answer: the short answer first, quotes one per line, then compact sources (one line per article)', () => {
    const text = renderAnswerText(
      answer({
        short: '广东、江西、湖北',
        sentences: [{ text: '甲。', citations: [1] }, { text: '乙。', citations: [2] }, { text: '丙。', citations: [3] }],
        citations: [citation(1), citation(2), citation(3, { docId: 'other', title: '短标题', source: null, date: null, url: null, paragraph: 9 })],
      }),
    );
    assert.equal(
      text,
      ['【广东、江西、湖北】', '甲。[1]', '乙。[2]', '丙。[3]', '', '来源：', '[1][2] 粤赣鄂归来… · 红网 · 2023-09-30 · ¶3, ¶4', '[3] 短标题 · 来源不详 · 日期不详 · ¶9'].join('\n'),
    );
  });

  test('without a short answer the quotes come first', () => {
    const text = renderAnswerText(answer({ sentences: [{ text: '甲。', citations: [1] }], citations: [citation(1)] }));
    assert.equal(text.split('\n')[0], '甲。[1]');
  });

  test('not found with nearest sources: the refusal, then the nearest ones flagged as unverified', () => {
    const text = renderAnswerText(answer({ found: false, nearest: [citation(1, { quote: '' }), citation(2, { quote: '' })] }));
    const lines = text.split('\n');
    assert.equal(lines[0], NOT_FOUND_TEXT);
    assert.equal(lines[1], '');
    assert.match(lines[2]!, /最接近的资料/);
    assert.match(lines[2]!, /未必回答了问题/);
    assert.deepEqual(lines.slice(3), ['[1][2] 粤赣鄂归来… · 红网 · 2023-09-30 · ¶3, ¶4']);
    assert.ok(!text.includes('来源：'), 'no 来源 heading when nothing is cited');
  });

  test('not found and nothing near: just the refusal', () => {
    assert.equal(renderAnswerText(answer({ found: false })), NOT_FOUND_TEXT);
  });

  test('every [n] in the body has a source line', () => {
    const rendered = renderAnswerText(
      answer({ sentences: [{ text: '甲。', citations: [1] }, { text: '乙。', citations: [2, 1] }], citations: [citation(1), citation(2, { docId: 'b', title: '另一篇' })] }),
    );
    const [body, sources] = rendered.split('来源：');
    for (const n of new Set([...body!.matchAll(/\[(\d+)\]/g)].map((m) => m[1]))) assert.ok(sources!.includes(`[${n}]`), `[${n}] listed`);
  });
});
