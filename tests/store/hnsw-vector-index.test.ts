import { after, test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { HnswVectorIndex, StoreError } from '../../src/store/index.ts';
import { makeTempDir, removeTempDirs, unitVector } from './fixtures/articles.ts';

const DIM = 16;

function tempDir(): Promise<string> {
  return makeTempDir('hnsw');
}

/** Exact nearest neighbours by cosine, for checking the approximate ones. */
function bruteForce(vectors: Map<string, number[]>, query: number[], k: number): string[] {
  const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);
  return [...vectors]
    .map(([id, v]) => ({ id, score: dot(v, query) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((h) => h.id);
}

describe('HnswVectorIndex', () => {
  after(removeTempDirs);

  test('finds a stored vector first with cosine similarity ~1, results best first', () => {
    const index = new HnswVectorIndex(DIM);
    for (let i = 0; i < 50; i++) index.add(`c${i}`, unitVector(i + 1, DIM));
    const hits = index.search(unitVector(8, DIM), 5);
    assert.equal(hits[0]?.chunkId, 'c7');
    assert.ok(Math.abs((hits[0]?.score ?? 0) - 1) < 1e-5);
    for (let i = 1; i < hits.length; i++) assert.ok((hits[i - 1]?.score ?? 0) >= (hits[i]?.score ?? 0));
    assert.equal(index.size, 50);
  });

  test('agrees with brute force on a small set', () => {
    const index = new HnswVectorIndex(DIM);
    const stored = new Map<string, number[]>();
    for (let i = 0; i < 200; i++) {
      const v = unitVector(1000 + i, DIM);
      stored.set(`c${i}`, v);
      index.add(`c${i}`, v);
    }
    const query = unitVector(77, DIM);
    assert.deepEqual(index.search(query, 10).map((h) => h.chunkId), bruteForce(stored, query, 10));
  });

  test('clamps k to the live count and returns nothing for k <= 0 or an empty index', () => {
    const index = new HnswVectorIndex(DIM);
    assert.deepEqual(index.search(unitVector(1, DIM), 10), []);
    index.add('a', unitVector(1, DIM));
    index.add('b', unitVector(2, DIM));
    assert.equal(index.search(unitVector(1, DIM), 50).length, 2);
    assert.deepEqual(index.search(unitVector(1, DIM), 0), []);
  });

  test('remove hides a vector, and re-adding an id replaces its vector', () => {
    const index = new HnswVectorIndex(DIM);
    for (let i = 0; i < 20; i++) index.add(`c${i}`, unitVector(i + 1, DIM));
    index.remove('c3');
    index.remove('missing');
    assert.equal(index.size, 19);
    assert.ok(!index.search(unitVector(4, DIM), 19).some((h) => h.chunkId === 'c3'));
    index.add('c5', unitVector(999, DIM));
    assert.equal(index.size, 19);
    assert.equal(index.search(unitVector(999, DIM), 1)[0]?.chunkId, 'c5');
    assert.notEqual(index.search(unitVector(6, DIM), 1)[0]?.chunkId, 'c5');
  });

  test('grows past its initial capacity and recycles deleted slots', () => {
    const index = new HnswVectorIndex(DIM, { initialCapacity: 4 });
    for (let i = 0; i < 37; i++) index.add(`c${i}`, unitVector(i + 1, DIM));
    assert.equal(index.size, 37);
    for (let i = 0; i < 37; i++) assert.equal(index.search(unitVector(i + 1, DIM), 1)[0]?.chunkId, `c${i}`);
    for (let i = 0; i < 10; i++) index.remove(`c${i}`);
    for (let i = 0; i < 10; i++) index.add(`n${i}`, unitVector(500 + i, DIM));
    assert.equal(index.size, 37);
    assert.equal(index.search(unitVector(505, DIM), 1)[0]?.chunkId, 'n5');
  });

  test('save/load keeps ids, scores, deletions and keeps accepting additions', async () => {
    const dir = await tempDir();
    const index = new HnswVectorIndex(DIM, { initialCapacity: 8 });
    for (let i = 0; i < 30; i++) index.add(`c${i}`, unitVector(i + 1, DIM));
    index.remove('c2');
    await index.save(dir);
    const loaded = await HnswVectorIndex.load(dir);
    assert.equal(loaded.size, 29);
    assert.equal(loaded.dimension, DIM);
    const query = unitVector(42, DIM);
    assert.deepEqual(loaded.search(query, 29), index.search(query, 29));
    loaded.add('new', unitVector(4242, DIM));
    loaded.add('c2', unitVector(3, DIM));
    assert.equal(loaded.size, 31);
    assert.equal(loaded.search(unitVector(4242, DIM), 1)[0]?.chunkId, 'new');
    assert.equal(loaded.search(unitVector(3, DIM), 1)[0]?.chunkId, 'c2');
  });

  test('an empty index saves and loads', async () => {
    const dir = await tempDir();
    await new HnswVectorIndex(DIM).save(dir);
    const loaded = await HnswVectorIndex.load(dir);
    assert.equal(loaded.size, 0);
    assert.deepEqual(loaded.search(unitVector(1, DIM), 3), []);
  });

  const badVectors: [string, number[]][] = [
    ['wrong dimension', unitVector(1, DIM - 1)],
    ['not normalised', Array.from({ length: DIM }, () => 1)],
    ['NaN component', [Number.NaN, ...unitVector(1, DIM - 1)]],
    ['zero vector', Array.from({ length: DIM }, () => 0)],
  ];
  for (const [name, vector] of badVectors) {
    test(`add rejects a vector: ${name}`, () => {
      const index = new HnswVectorIndex(DIM);
      assert.throws(() => index.add('x', vector), (e: unknown) => e instanceof StoreError && e.code === 'invalid-input' && e.message.startsWith('index: '));
      assert.equal(index.size, 0);
    });
  }

  test('search accepts an unnormalised query but rejects a wrong dimension', () => {
    const index = new HnswVectorIndex(DIM);
    index.add('a', unitVector(1, DIM));
    assert.equal(index.search(unitVector(1, DIM).map((x) => x * 3), 1)[0]?.chunkId, 'a');
    assert.throws(() => index.search([1, 0], 1), StoreError);
  });

  test('load of a corrupt labels file is a clear StoreError', async () => {
    const dir = await tempDir();
    const index = new HnswVectorIndex(DIM);
    index.add('a', unitVector(1, DIM));
    await index.save(dir);
    await fs.writeFile(path.join(dir, 'vector-labels.json'), '{"format":');
    await assert.rejects(HnswVectorIndex.load(dir), /^StoreError: index: .*vector-labels\.json is corrupt \(not valid JSON\)/);
  });
});
