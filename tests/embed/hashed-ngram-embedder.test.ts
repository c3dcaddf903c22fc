import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  EmbedError,
  HashedNgramEmbedder,
  extractHashedFeatures,
  normaliseForHashing,
  parseHashedNgramId,
} from '../../src/embed/index.ts';

const CORPUS_DIR = path.resolve(import.meta.dirname, '../../data/articles');

const dot = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));

async function corpusParagraphs(): Promise<string[]> {
  const files = (await fs.readdir(CORPUS_DIR)).filter((f) => f.endsWith('.txt')).sort();
  const texts = await Promise.all(files.map((f) => fs.readFile(path.join(CORPUS_DIR, f), 'utf8')));
  return texts.flatMap((t) => t.split('\n')).map((line) => line.trim()).filter(Boolean);
}

describe('normaliseForHashing', () => {
  const cases: Array<[string, string]> = [
    ['三十六个', '36个'],
    ['一百零五', '105'],
    ['二〇二三年', '2023年'],
    ['十二万三千人', '123000人'],
    ['五个点', '5个点'],
    ['十六', '16'],
    ['ＡＢＣ１２３', 'abc123'],
    ['ＧＤＰ增长５．５％', 'gdp增长5.5%'],
    // Not numbers: left alone.
    ['十四五规划', '十四五规划'],
    ['千方百计', '千方百计'],
    ['一带一路', '一带一路'],
    ['老百姓', '老百姓'],
    ['万众一心', '万众一心'],
  ];
  for (const [input, expected] of cases) {
    test(`${input} → ${expected}`, () => assert.equal(normaliseForHashing(input), expected));
  }
});

describe('extractHashedFeatures', () => {
  test('Han runs give unigrams, bigrams and trigrams; numbers glue to their counter', () => {
    const keys = extractHashedFeatures('考察36个点').map((f) => f.key).sort();
    assert.deepEqual(keys, ['1:个', '1:察', '1:点', '1:考', '2:个点', '2:考察', 'n:36', 'nc:36个'].sort());
  });

  test('repeated grams are counted, function characters are not unigrams', () => {
    const features = extractHashedFeatures('考察的考察');
    assert.equal(features.find((f) => f.key === '2:考察')?.count, 2);
    assert.equal(features.some((f) => f.key === '1:的'), false);
    assert.equal(features.some((f) => f.key === '2:察的'), true);
  });

  test('ASCII words are lowercased whole words', () => {
    assert.deepEqual(extractHashedFeatures('Hello, WORLD').map((f) => f.key), ['w:hello', 'w:world']);
  });
});

describe('HashedNgramEmbedder', () => {
  const embedder = new HashedNgramEmbedder();

  test('info names algorithm version and dimension', () => {
    assert.deepEqual(embedder.info, { id: 'builtin:hashed-ngrams-v1-d512', dimension: 512 });
    assert.deepEqual(new HashedNgramEmbedder({ dimension: 64 }).info, { id: 'builtin:hashed-ngrams-v1-d64', dimension: 64 });
    assert.deepEqual(parseHashedNgramId(embedder.info.id), { version: 'v1', dimension: 512 });
    assert.equal(parseHashedNgramId('transformers:x:cls'), null);
  });

  test('rejects a bad dimension', () => {
    for (const dimension of [0, -3, 1.5, Number.NaN]) {
      assert.throws(() => new HashedNgramEmbedder({ dimension }), EmbedError);
    }
  });

  test('vectors are deterministic, unit length and of the stated dimension', async () => {
    const text = '湖南省党政代表团在广东、江西、湖北学习考察';
    const [first] = await embedder.embedDocuments([text]);
    const second = await new HashedNgramEmbedder().embedQuery(text);
    assert.equal(first!.length, 512);
    assert.deepEqual(first, second);
    assert.ok(Math.abs(norm(first!) - 1) < 1e-9);
  });

  test('similar texts are closer than unrelated ones (numerals normalised)', async () => {
    const [a, b, c] = await embedder.embedDocuments(['湖南省党政代表团考察了36个点', '湖南代表团考察点三十六个', '浙江省委书记易炼红主持会议']);
    const similar = dot(a!, b!);
    assert.ok(similar > 0.4, `similar pair scored ${similar}`);
    assert.ok(similar > dot(a!, c!) + 0.3);
    assert.ok(similar > dot(b!, c!) + 0.3);
  });

  test('full-width and half-width forms embed identically', async () => {
    assert.deepEqual(await embedder.embedQuery('ＧＤＰ增长５％'), await embedder.embedQuery('gdp增长5%'));
  });

  test('empty and feature-less input gives a zero vector, never NaN', async () => {
    for (const text of ['', '   ', '，。！']) {
      const vector = await embedder.embedQuery(text);
      assert.equal(vector.length, 512);
      assert.ok(vector.every((v) => v === 0));
    }
  });

  test('a batch equals single embeddings, in order', async () => {
    const paragraphs = (await corpusParagraphs()).slice(0, 40);
    const batch = await embedder.embedDocuments(paragraphs);
    const singles = await Promise.all(paragraphs.map((p) => embedder.embedQuery(p)));
    assert.deepEqual(batch, singles);
  });

  test('embeds every corpus paragraph quickly (throughput reported)', async () => {
    const paragraphs = await corpusParagraphs();
    assert.ok(paragraphs.length > 100);
    const started = performance.now();
    const vectors = await embedder.embedDocuments(paragraphs);
    const seconds = (performance.now() - started) / 1000;
    assert.ok(vectors.every((v) => v.every(Number.isFinite)));
    const perSecond = paragraphs.length / seconds;
    console.log(`hashed embedder: ${paragraphs.length} paragraphs in ${(seconds * 1000).toFixed(1)} ms (${Math.round(perSecond)}/s)`);
    assert.ok(perSecond > 1000, `only ${perSecond} paragraphs/s`);
  });
});
