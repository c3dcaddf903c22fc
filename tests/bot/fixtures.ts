/** Answers and citations for bot tests, built in code so each test says exactly what it renders. */
import type { Answer, Citation } from '../../src/answer/index.ts';

export function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    paragraphId: `doc-${n}#p${n + 2}`,
    docId: `doc-${n}`,
    file: `doc-${n}.txt`,
    title: `文章 ${n}`,
    paragraph: n + 2,
    quote: `引用 ${n}。`,
    text: `段落 ${n} 的全文。`,
    url: `https://example.com/a/${n}.html`,
    date: '2023-09-30 11:07:33',
    source: '红网',
    ...overrides,
  };
}

export function answerWith(sentences: Array<[string, number[]]>, citations: Citation[], found = true): Answer {
  return {
    question: '测试问题？',
    questionType: 'what',
    found,
    sentences: found ? sentences.map(([text, cited]) => ({ text, citations: cited })) : [],
    citations: found ? citations : [],
    nearest: found ? [] : citations,
  };
}
