import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { chunkParagraphs, cleanArticle, TextError } from '../../src/text/index.ts';
import type { ChunkSpan } from '../../src/domain.ts';

const options = { maxChars: 60, minChars: 10 };
const numbered = (texts: string[]) => texts.map((text, index) => ({ n: index + 1, text }));
const joined = (texts: string[]) => texts.join('\n');

/** Every paragraph character belongs to exactly one chunk, chunks are in order, and offsets slice the joined text. */
function assertCoverage(texts: string[], chunks: ChunkSpan[]): void {
  const cleanedText = joined(texts);
  const owner = new Array<number>(cleanedText.length).fill(0);
  let previousEnd = 0;
  for (const chunk of chunks) {
    assert.equal(cleanedText.slice(chunk.start, chunk.end), chunk.text);
    assert.ok(chunk.start >= previousEnd, 'chunks out of order or overlapping');
    previousEnd = chunk.end;
    for (let i = chunk.start; i < chunk.end; i += 1) owner[i]! += 1;
  }
  let offset = 0;
  for (const text of texts) {
    for (let i = offset; i < offset + text.length; i += 1) assert.equal(owner[i], 1, `character ${i} (${cleanedText[i]}) covered ${owner[i]} times`);
    offset += text.length + 1;
  }
}

describe('chunkParagraphs', () => {
  test('one chunk per ordinary paragraph, offsets into the joined text', () => {
    const texts = ['在江西,代表团先后赴南昌、景德镇两市进行了学习考察。', '在湖北,代表团赴武汉进行了学习考察。'];
    const chunks = chunkParagraphs(numbered(texts), options);
    assert.deepEqual(chunks, [
      { paragraphNumbers: [1], start: 0, end: texts[0]!.length, text: texts[0] },
      { paragraphNumbers: [2], start: texts[0]!.length + 1, end: joined(texts).length, text: texts[1] },
    ]);
  });

  test('a short paragraph merges with the following one; the merged text keeps the newline', () => {
    const texts = ['学了什么?', '6天,3组,18地,49场现场教学,从行程表中发现选点精准。', '在湖北,代表团赴武汉进行了学习考察。'];
    const chunks = chunkParagraphs(numbered(texts), options);
    assert.equal(chunks.length, 2);
    assert.deepEqual(chunks[0]!.paragraphNumbers, [1, 2]);
    assert.equal(chunks[0]!.text, `${texts[0]}\n${texts[1]}`);
  });

  test('consecutive short paragraphs gather until the chunk is long enough', () => {
    const texts = ['时间表', '第一组:', '重点工作', '产业项目建设与重大改革任务落实。'];
    const chunks = chunkParagraphs(numbered(texts), options);
    assert.deepEqual(chunks.map((c) => c.paragraphNumbers), [[1, 2, 3], [4]]);
    assert.equal(chunks[0]!.text, '时间表\n第一组:\n重点工作');
  });

  test('a short last paragraph merges with the previous chunk', () => {
    const texts = ['要以上率下全力抓好招商引资,要大力实施创新驱动发展战略。', '要持续。'];
    const chunks = chunkParagraphs(numbered(texts), options);
    assert.equal(chunks.length, 1);
    assert.deepEqual(chunks[0]!.paragraphNumbers, [1, 2]);
    assert.equal(chunks[0]!.text, joined(texts));
  });

  test('a long paragraph splits at sentence ends, packing sentences up to maxChars', () => {
    const sentence = '要始终高举改革开放大旗,突出谋划好产业项目建设。'; // 24 chars
    const text = sentence.repeat(5);
    const chunks = chunkParagraphs(numbered([text]), options);
    assert.deepEqual(chunks.map((c) => c.text), [sentence.repeat(2), sentence.repeat(2), sentence]);
    assert.ok(chunks.every((c) => c.text.length <= options.maxChars && c.paragraphNumbers.join() === '1'));
  });

  test('a short tail of a split paragraph folds into the piece before it', () => {
    const sentence = '要始终高举改革开放大旗,突出谋划好产业项目建设。';
    const text = `${sentence.repeat(2)}好。`;
    const chunks = chunkParagraphs(numbered([text]), options);
    assert.deepEqual(chunks.map((c) => c.text), [text]);
  });

  test('an over-long sentence is cut at commas as a last resort; an over-long clause stays whole', () => {
    const clause = '湖南省党政代表团先后赴广东江西湖北学习考察'; // 21 chars
    const commaSentence = `${clause},${clause},${clause},${clause}。`;
    assert.deepEqual(
      chunkParagraphs(numbered([commaSentence]), options).map((c) => c.text),
      [`${clause},${clause},`, `${clause},${clause}。`],
    );
    const unbreakable = '湖'.repeat(150);
    assert.deepEqual(chunkParagraphs(numbered([unbreakable]), options).map((c) => c.text), [unbreakable]);
  });

  test('paragraph numbers are taken from the input', () => {
    const chunks = chunkParagraphs([{ n: 7, text: '在湖北,代表团赴武汉进行了学习考察。' }], options);
    assert.deepEqual(chunks[0]!.paragraphNumbers, [7]);
  });

  test('empty input gives no chunks; invalid options throw TextError', () => {
    assert.deepEqual(chunkParagraphs([], options), []);
    assert.deepEqual(chunkParagraphs(numbered(['', '']), options), []);
    for (const bad of [{ maxChars: 0, minChars: 0 }, { maxChars: 10, minChars: 10 }, { maxChars: 10, minChars: -1 }, { maxChars: 1.5, minChars: 0 }]) {
      assert.throws(() => chunkParagraphs(numbered(['文本']), bad), TextError);
    }
  });

  test('property: coverage and order on random paragraphs and sizes', () => {
    const alphabet = [...'湖南省党政代表团考察点学习,,,。。！？”  '];
    let seed = 99;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed >> 8;
    };
    for (let run = 0; run < 300; run += 1) {
      const texts = Array.from({ length: 1 + (next() % 8) }, () =>
        Array.from({ length: next() % 200 }, () => alphabet[next() % alphabet.length]).join('').trim(),
      );
      const maxChars = 20 + (next() % 100);
      const minChars = next() % 20;
      const chunks = chunkParagraphs(numbered(texts), { maxChars, minChars });
      assertCoverage(texts, chunks);
      for (const chunk of chunks) {
        const numbers = chunk.paragraphNumbers;
        assert.ok(numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1), 'paragraph numbers must be consecutive');
      }
    }
  });

  test('property holds on the real corpus with the default settings', async () => {
    const raw = await readFile(new URL('../../data/articles/hunan-county-leaders-jiangsu-zhejiang.txt', import.meta.url), 'utf8');
    const texts = cleanArticle(raw).paragraphs.map((p) => p.text);
    const chunks = chunkParagraphs(numbered(texts), { maxChars: 300, minChars: 20 });
    assertCoverage(texts, chunks);
    assert.ok(chunks.length > texts.length / 2);
  });
});
