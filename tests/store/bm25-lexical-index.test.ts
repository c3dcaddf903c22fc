import { after, test, describe } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Bm25LexicalIndex, StoreError } from '../../src/store/index.ts';
import { makeTempDir, removeTempDirs } from './fixtures/articles.ts';

const DOCS: Record<string, string[]> = {
  a: ['考察', '团', '学习', '经济', '发展', '经验'],
  b: ['考察', '团', '深圳', '学习', '科技', '创新'],
  c: ['考察', '团', '学习', '经验', '交流'],
  d: ['代表团', '前往', '江苏', '浙江', '考察', '学习', '学习', '学习'],
};

function build(docs: Record<string, string[]> = DOCS): Bm25LexicalIndex {
  const index = new Bm25LexicalIndex();
  for (const [id, tokens] of Object.entries(docs)) index.add(id, tokens);
  return index;
}

describe('Bm25LexicalIndex', () => {
  after(removeTempDirs);

  const rankings: [string, string[], string][] = [
    ['the doc with the rare term wins over common terms', ['考察', '学习', '深圳'], 'b'],
    ['a term found in one doc only', ['江苏'], 'd'],
    ['higher term frequency wins among equals', ['学习'], 'd'],
    ['two shared rare-ish terms beat one', ['经验', '交流'], 'c'],
  ];
  for (const [name, query, winner] of rankings) {
    test(`ranking: ${name}`, () => {
      assert.equal(build().search(query, 10)[0]?.chunkId, winner);
    });
  }

  test('scores are positive, descending, and only matching docs are returned', () => {
    const hits = build().search(['深圳', '经济'], 10);
    assert.deepEqual(hits.map((h) => h.chunkId).sort(), ['a', 'b']);
    for (const h of hits) assert.ok(h.score > 0);
    assert.ok((hits[0]?.score ?? 0) >= (hits[1]?.score ?? 0));
  });

  test('k limits results; unknown tokens, empty queries and k <= 0 give nothing', () => {
    const index = build();
    assert.equal(index.search(['考察'], 2).length, 2);
    assert.deepEqual(index.search(['不存在'], 5), []);
    assert.deepEqual(index.search([], 5), []);
    assert.deepEqual(index.search(['考察'], 0), []);
  });

  test('repeated query tokens weigh more than single ones', () => {
    const index = build();
    const once = index.search(['深圳', '经济'], 2);
    const twice = index.search(['深圳', '经济', '经济'], 2);
    const scoreOf = (hits: { chunkId: string; score: number }[], id: string) => hits.find((h) => h.chunkId === id)?.score ?? 0;
    assert.ok(scoreOf(twice, 'a') > scoreOf(once, 'a'));
    assert.equal(scoreOf(twice, 'b'), scoreOf(once, 'b'));
  });

  test('documentFrequency, idf and size follow additions and removals', () => {
    const index = build();
    assert.equal(index.size, 4);
    assert.equal(index.documentFrequency('考察'), 4);
    assert.equal(index.documentFrequency('深圳'), 1);
    assert.equal(index.documentFrequency('不存在'), 0);
    assert.ok(index.idf('深圳') > index.idf('学习'));
    assert.ok(index.idf('不存在') >= index.idf('深圳'));
    assert.ok(Math.abs(index.idf('深圳') - Math.log(1 + (4 - 1 + 0.5) / 1.5)) < 1e-12);
    index.remove('b');
    assert.equal(index.size, 3);
    assert.equal(index.documentFrequency('深圳'), 0);
    assert.equal(index.documentFrequency('考察'), 3);
    assert.deepEqual(index.search(['深圳'], 5), []);
    assert.ok(!index.search(['考察'], 10).some((h) => h.chunkId === 'b'));
  });

  test('re-adding a chunk id replaces its tokens', () => {
    const index = build();
    index.add('a', ['上海']);
    assert.equal(index.size, 4);
    assert.equal(index.documentFrequency('经济'), 0);
    assert.equal(index.search(['上海'], 1)[0]?.chunkId, 'a');
  });

  test('serialize/deserialize gives identical results and stays incrementally updatable', async () => {
    const index = build();
    index.remove('c');
    index.add('e', ['考察', '深圳', '南山']);
    const file = path.join(await makeTempDir('bm25'), 'lexical.bin');
    await index.save(file);
    const loaded = await Bm25LexicalIndex.load(file);
    const queries = [['考察', '深圳'], ['学习'], ['经验', '交流', '南山']];
    for (const q of queries) assert.deepEqual(loaded.search(q, 10), index.search(q, 10));
    assert.equal(loaded.size, 4);
    assert.equal(loaded.idf('深圳'), index.idf('深圳'));
    // Removing a document that came from disk updates df (exercises the lazily built forward index).
    loaded.remove('b');
    loaded.add('f', ['深圳', '深圳']);
    assert.equal(loaded.documentFrequency('深圳'), 2);
    assert.equal(loaded.documentFrequency('科技'), 0);
    assert.deepEqual(loaded.search(['深圳'], 5).map((h) => h.chunkId), ['f', 'e']);
    const again = Bm25LexicalIndex.deserialize(loaded.serialize());
    assert.deepEqual(again.search(['深圳', '学习'], 10), loaded.search(['深圳', '学习'], 10));
  });

  test('agrees with a straightforward BM25 on random data, before and after a save', () => {
    const vocabulary = Array.from({ length: 40 }, (_, i) => `t${i}`);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const docs: Record<string, string[]> = {};
    for (let d = 0; d < 120; d++) docs[`d${d}`] = Array.from({ length: 5 + Math.floor(random() * 20) }, () => vocabulary[Math.floor(random() * random() * 40)] as string);
    const index = build(docs);
    const query = ['t1', 't5', 't5', 't30'];
    const n = Object.keys(docs).length;
    const avgdl = Object.values(docs).reduce((s, t) => s + t.length, 0) / n;
    const expected = Object.entries(docs)
      .map(([id, tokens]) => {
        let score = 0;
        for (const q of query) {
          const df = Object.values(docs).filter((t) => t.includes(q)).length;
          const tf = tokens.filter((t) => t === q).length;
          if (tf === 0) continue;
          score += Math.log(1 + (n - df + 0.5) / (df + 0.5)) * ((tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * tokens.length) / avgdl)));
        }
        return { id, score };
      })
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score);
    const hits = index.search(query, 15);
    hits.forEach((h, i) => assert.ok(Math.abs(h.score - (expected[i]?.score ?? -1)) < 1e-9, `rank ${i + 1}`));
    assert.deepEqual(Bm25LexicalIndex.deserialize(index.serialize()).search(query, 15), hits);
  });

  const corruptions: [string, (bytes: Buffer) => Buffer][] = [
    ['wrong magic', (b) => Buffer.concat([Buffer.from('XXXXXXXX'), b.subarray(8)])],
    ['truncated', (b) => b.subarray(0, b.length - 4)],
    ['unknown version', (b) => { const c = Buffer.from(b); c.writeUInt32LE(99, 8); return c; }],
    ['empty', () => Buffer.alloc(0)],
  ];
  for (const [name, corrupt] of corruptions) {
    test(`deserialize rejects a ${name} file with a clear StoreError`, () => {
      const bytes = Buffer.from(build().serialize());
      assert.throws(() => Bm25LexicalIndex.deserialize(corrupt(bytes)), (e: unknown) => e instanceof StoreError && e.code === 'corrupt' && /is corrupt/.test(e.message));
    });
  }

  test('rejects bad BM25 parameters', () => {
    assert.throws(() => new Bm25LexicalIndex({ b: 2 }), StoreError);
  });
});
