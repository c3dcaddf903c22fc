import { after, test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { IndexStore, IndexWriter, StoreError, assertEmbedderCompatible, type IndexManifest } from '../../src/store/index.ts';
import { formatLock, parseLock, processStartTime } from '../../src/store/index-store.ts';
import { TEST_EMBEDDER, bigrams, indexInputs, makeArticle, makeTempDir, removeTempDirs, unitVector, type ArticleFixture } from './fixtures/articles.ts';

const DIM = TEST_EMBEDDER.dimension;
const ALPHA = makeArticle('alpha', ['湖南代表团赴广东考察学习。', '双方座谈交流经验。']);
const BETA = makeArticle('beta', ['浙江代表团前往江苏上海考察。']);
const GAMMA = makeArticle('gamma', ['郴州代表团到广州南沙参观。', '考察团一行听取介绍。']);
const SEEDS: Record<string, number> = { alpha: 100, beta: 200, gamma: 300 };

function tempDir(): Promise<string> {
  return makeTempDir('index');
}

function add(writer: IndexWriter, fixture: ArticleFixture): void {
  const { vectors, tokens } = indexInputs(fixture, DIM, SEEDS[fixture.article.docId] ?? 1);
  writer.addArticle(fixture.article, fixture.chunks, vectors, tokens);
}

/** Opens a writer, applies `change`, commits and closes; returns the new manifest. */
async function commitWith(dir: string, change: (w: IndexWriter) => void, options: Parameters<typeof IndexWriter.open>[2] = {}): Promise<IndexManifest> {
  const writer = await IndexWriter.open(dir, TEST_EMBEDDER, options);
  try {
    change(writer);
    return await writer.commit();
  } finally {
    await writer.close();
  }
}

async function entries(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).sort();
}

const isStoreError = (code: StoreError['code'], pattern?: RegExp) => (e: unknown) =>
  e instanceof StoreError && e.code === code && e.message.startsWith('index: ') && (!pattern || pattern.test(e.message));

describe('IndexStore and IndexWriter', () => {
  after(removeTempDirs);

  test('a directory without a manifest (or without the directory) has no index', async () => {
    const dir = await tempDir();
    assert.equal(await IndexStore.open(dir), null);
    assert.equal(await IndexStore.readManifest(path.join(dir, 'missing')), null);
  });

  test('roundtrip: what a writer commits, a reader loads and can search', async () => {
    const dir = await tempDir();
    const at = new Date('2024-06-01T08:00:00.000Z');
    const manifest = await commitWith(dir, (w) => [ALPHA, BETA].forEach((f) => add(w, f)), { now: () => at });
    assert.deepEqual(manifest, {
      formatVersion: 1,
      embedder: TEST_EMBEDDER,
      counts: { articles: 2, paragraphs: 3, chunks: 3 },
      generation: 1,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    });
    assert.deepEqual(await IndexStore.readManifest(dir), manifest);
    assert.deepEqual(await entries(dir), ['gen-1', 'manifest.json']);

    const index = await IndexStore.open(dir);
    assert.ok(index);
    assert.deepEqual(index.manifest, manifest);
    assert.deepEqual(index.corpus.getArticle('alpha'), ALPHA.article);
    assert.deepEqual(index.corpus.chunksOf('alpha'), ALPHA.chunks);
    assert.equal(index.vectors.search(unitVector(SEEDS.alpha! + 1, DIM), 1)[0]?.chunkId, 'alpha#c2');
    assert.equal(index.lexical.search(bigrams('江苏上海'), 3)[0]?.chunkId, 'beta#c1');
    assert.ok(index.lexical.idf('江苏') > index.lexical.idf('代表'));
  });

  test('incremental commits keep earlier articles; old generations are cleaned up', async () => {
    const dir = await tempDir();
    let clock = Date.parse('2024-06-01T00:00:00Z');
    const now = () => new Date((clock += 60_000));
    const first = await commitWith(dir, (w) => add(w, ALPHA), { now });
    const second = await commitWith(dir, (w) => {
      assert.ok(w.hasContentHash(ALPHA.article.contentHash));
      assert.ok(!w.hasContentHash(BETA.article.contentHash));
      add(w, BETA);
      add(w, GAMMA);
    }, { now });
    const third = await commitWith(dir, (w) => assert.ok(w.removeArticle('beta')), { now });
    assert.deepEqual([first.generation, second.generation, third.generation], [1, 2, 3]);
    assert.equal(third.createdAt, first.createdAt);
    assert.ok(third.updatedAt > second.updatedAt);
    assert.deepEqual(third.counts, { articles: 2, paragraphs: 4, chunks: 4 });
    assert.deepEqual(await entries(dir), ['gen-2', 'gen-3', 'manifest.json']);

    const index = await IndexStore.open(dir);
    assert.deepEqual(index?.corpus.listArticles().map((a) => a.docId), ['alpha', 'gamma']);
    assert.equal(index?.vectors.size, 4);
    assert.equal(index?.lexical.documentFrequency('江苏'), 0);
    assert.equal(index?.vectors.search(unitVector(SEEDS.gamma!, DIM), 1)[0]?.chunkId, 'gamma#c1');
  });

  test('re-adding a docId replaces the article and its index entries', async () => {
    const dir = await tempDir();
    await commitWith(dir, (w) => add(w, ALPHA));
    const changed = makeArticle('alpha', ['内容改成了深圳考察。'], 'hash-alpha-v2');
    await commitWith(dir, (w) => add(w, changed));
    const index = await IndexStore.open(dir);
    assert.deepEqual(index?.corpus.counts, { articles: 1, paragraphs: 1, chunks: 1 });
    assert.equal(index?.corpus.getChunk('alpha#c2'), undefined);
    assert.equal(index?.lexical.search(bigrams('深圳'), 1)[0]?.chunkId, 'alpha#c1');
    assert.equal(index?.lexical.documentFrequency('座谈'), 0);
    assert.equal(index?.vectors.size, 1);
  });

  test('a commit without changes writes no new generation', async () => {
    const dir = await tempDir();
    await commitWith(dir, (w) => add(w, ALPHA));
    const writer = await IndexWriter.open(dir, TEST_EMBEDDER);
    assert.equal(writer.hasChanges, false);
    assert.equal((await writer.commit()).generation, 1);
    await writer.close();
    assert.deepEqual(await entries(dir), ['gen-1', 'manifest.json']);
  });

  test('an empty index can be committed and loaded', async () => {
    const dir = await tempDir();
    const manifest = await commitWith(dir, () => undefined);
    assert.equal(manifest.generation, 1);
    const index = await IndexStore.open(dir);
    assert.deepEqual(index?.corpus.counts, { articles: 0, paragraphs: 0, chunks: 0 });
    assert.deepEqual(index?.lexical.search(['考察'], 5), []);
  });

  test('invalid input to addArticle is rejected and changes nothing', async () => {
    const dir = await tempDir();
    const writer = await IndexWriter.open(dir, TEST_EMBEDDER);
    const { vectors, tokens } = indexInputs(ALPHA, DIM, 1);
    assert.throws(() => writer.addArticle(ALPHA.article, ALPHA.chunks, vectors.slice(1), tokens), isStoreError('invalid-input', /2 chunks but 1 vectors/));
    assert.throws(() => writer.addArticle(ALPHA.article, ALPHA.chunks, [vectors[0]!, [1, 0]], tokens), isStoreError('invalid-input'));
    const broken = { ...ALPHA.chunks[0]!, text: '篡改' };
    assert.throws(() => writer.addArticle(ALPHA.article, [broken, ALPHA.chunks[1]!], vectors, tokens), isStoreError('invalid-input'));
    assert.deepEqual(writer.corpus.counts, { articles: 0, paragraphs: 0, chunks: 0 });
    await writer.close();
    assert.throws(() => add(writer, ALPHA), isStoreError('invalid-input', /closed/));
  });

  test('a writer with another embedder is refused with the rebuild hint; --rebuild starts over', async () => {
    const dir = await tempDir();
    await commitWith(dir, (w) => add(w, ALPHA));
    const other = { id: 'test:other-model', dimension: 4 };
    await assert.rejects(IndexWriter.open(dir, other), (e: unknown) => {
      assert.ok(e instanceof StoreError);
      assert.equal(e.code, 'embedder-mismatch');
      assert.equal(e.message, 'index: built with embedder test:random-vectors-v1, this run uses test:other-model — rebuild with: npm run ingest -- --rebuild');
      return true;
    });
    // The failed open released the lock.
    const rebuilt = await IndexWriter.open(dir, other, { rebuild: true });
    assert.deepEqual(rebuilt.corpus.counts, { articles: 0, paragraphs: 0, chunks: 0 });
    const fixture = makeArticle('delta', ['重建后的第一篇。']);
    rebuilt.addArticle(fixture.article, fixture.chunks, [unitVector(5, 4)], [bigrams(fixture.chunks[0]!.text)]);
    const manifest = await rebuilt.commit();
    await rebuilt.close();
    assert.equal(manifest.generation, 2);
    assert.deepEqual(manifest.embedder, other);
    assert.deepEqual(await entries(dir), ['gen-1', 'gen-2', 'manifest.json']);
    assert.deepEqual((await IndexStore.open(dir))?.corpus.listArticles().map((a) => a.docId), ['delta']);
  });

  const mismatches: [string, { id: string; dimension: number }, RegExp | null][] = [
    ['same embedder', TEST_EMBEDDER, null],
    ['other id', { id: 'builtin:hashed-ngrams-v1', dimension: 8 }, /built with embedder test:random-vectors-v1, this run uses builtin:hashed-ngrams-v1 —/],
    ['same id, other dimension', { id: TEST_EMBEDDER.id, dimension: 16 }, /\(8 dimensions\), this run uses test:random-vectors-v1 \(16 dimensions\)/],
  ];
  for (const [name, embedder, expected] of mismatches) {
    test(`assertEmbedderCompatible: ${name}`, async () => {
      const dir = await tempDir();
      const manifest = await commitWith(dir, () => undefined);
      if (expected) assert.throws(() => assertEmbedderCompatible(manifest, embedder), isStoreError('embedder-mismatch', expected));
      else assert.doesNotThrow(() => assertEmbedderCompatible(manifest, embedder));
    });
  }

  test('crash leftovers (an unreferenced generation, a temp dir) do not affect readers and are cleaned by the next commit', async () => {
    const dir = await tempDir();
    await commitWith(dir, (w) => add(w, ALPHA));
    // What a writer killed after renaming its generation (but before the manifest swap) leaves behind,
    // plus a half-written temp dir of another one.
    await fs.mkdir(path.join(dir, 'gen-2'));
    await fs.writeFile(path.join(dir, 'gen-2', 'corpus.json'), '{"half":');
    await fs.mkdir(path.join(dir, '.tmp-gen-3-12345'));
    await fs.writeFile(path.join(dir, '.tmp-manifest.json-12345'), '{');
    const index = await IndexStore.open(dir);
    assert.equal(index?.manifest.generation, 1);
    assert.deepEqual(index?.corpus.listArticles().map((a) => a.docId), ['alpha']);

    const manifest = await commitWith(dir, (w) => add(w, BETA));
    assert.equal(manifest.generation, 3);
    assert.deepEqual(await entries(dir), ['gen-1', 'gen-3', 'manifest.json']);
    assert.deepEqual((await IndexStore.open(dir))?.corpus.listArticles().map((a) => a.docId), ['alpha', 'beta']);
  });

  const corruptManifests: [string, string, RegExp][] = [
    ['not JSON', '{"formatVersion": 1, "embedder"', /manifest\.json is corrupt \(not valid JSON\) — rebuild with/],
    ['empty file', '', /manifest\.json is corrupt \(not valid JSON\)/],
    ['unknown format version', JSON.stringify({ formatVersion: 2 }), /has index format version 2, this build reads version 1 — rebuild with/],
    ['missing counts', JSON.stringify({ formatVersion: 1, embedder: TEST_EMBEDDER, generation: 1, createdAt: '', updatedAt: '' }), /is corrupt \(bad counts\)/],
    ['an array', '[]', /is corrupt/],
  ];
  for (const [name, content, expected] of corruptManifests) {
    test(`corrupt manifest (${name}) is a clear StoreError for readers and writers; rebuild recovers`, async () => {
      const dir = await tempDir();
      await commitWith(dir, (w) => add(w, ALPHA));
      await fs.writeFile(path.join(dir, 'manifest.json'), content);
      await assert.rejects(IndexStore.open(dir), isStoreError('corrupt', expected));
      await assert.rejects(IndexWriter.open(dir, TEST_EMBEDDER), isStoreError('corrupt', expected));
      const manifest = await commitWith(dir, (w) => add(w, BETA), { rebuild: true });
      assert.equal(manifest.generation, 2);
      assert.deepEqual((await IndexStore.open(dir))?.corpus.listArticles().map((a) => a.docId), ['beta']);
    });
  }

  const brokenGenerations: [string, (genDir: string) => Promise<void>, RegExp][] = [
    ['generation directory missing', (g) => fs.rm(g, { recursive: true }), /gen-1 \(generation 1 named by manifest\.json\) is missing/],
    ['corpus.json truncated', (g) => fs.truncate(path.join(g, 'corpus.json'), 10), /corpus\.json \(missing or not valid JSON\)/],
    ['lexical index truncated', (g) => fs.truncate(path.join(g, 'lexical.bin'), 20), /lexical\.bin is corrupt/],
    ['vector labels missing', (g) => fs.rm(path.join(g, 'vector-labels.json')), /cannot read .*vector-labels\.json/],
    ['vector index missing', (g) => fs.rm(path.join(g, 'vectors.hnsw')), /cannot read .*vectors\.hnsw/],
    ['vector index truncated', (g) => fs.truncate(path.join(g, 'vectors.hnsw'), 100), /cannot read .*vectors\.hnsw/],
  ];
  for (const [name, damage, expected] of brokenGenerations) {
    test(`a damaged generation (${name}) is a clear StoreError`, async () => {
      const dir = await tempDir();
      await commitWith(dir, (w) => add(w, ALPHA));
      await damage(path.join(dir, 'gen-1'));
      await assert.rejects(IndexStore.open(dir), isStoreError('corrupt', expected));
    });
  }

  test('a generation whose files disagree with the manifest counts is refused', async () => {
    const dir = await tempDir();
    await commitWith(dir, (w) => add(w, ALPHA));
    const file = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(await fs.readFile(file, 'utf8')) as IndexManifest;
    await fs.writeFile(file, JSON.stringify({ ...manifest, counts: { ...manifest.counts, chunks: 7 } }));
    await assert.rejects(IndexStore.open(dir), isStoreError('corrupt', /the manifest says/));
  });

  test('one writer at a time: a live holder is refused, a released or stale lock is taken', async () => {
    const dir = await tempDir();
    const first = await IndexWriter.open(dir, TEST_EMBEDDER);
    await assert.rejects(IndexWriter.open(dir, TEST_EMBEDDER), isStoreError('locked', /\.lock is held by another writer in this process/));
    await first.close();
    const second = await IndexWriter.open(dir, TEST_EMBEDDER);
    await second.close();

    await fs.writeFile(path.join(dir, '.lock'), `${process.ppid}\n`);
    await assert.rejects(IndexWriter.open(dir, TEST_EMBEDDER), isStoreError('locked', new RegExp(`held by process ${process.ppid}`)));

    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await fs.writeFile(path.join(dir, '.lock'), `${exited.stdout}\n`);
    const takeover = await IndexWriter.open(dir, TEST_EMBEDDER);
    assert.deepEqual(parseLock(await fs.readFile(path.join(dir, '.lock'), 'utf8')), { pid: process.pid, startTime: processStartTime(process.pid) });
    await takeover.close();
    await assert.rejects(fs.access(path.join(dir, '.lock')));
    assert.deepEqual(await entries(dir), []);
  });

  test('the lock names the process by pid and start time: a reused pid does not hold it, the real holder does', async (t) => {
    const parentStart = processStartTime(process.ppid);
    if (parentStart === null) return t.skip('no /proc: start times unknown, locks hold pids only');
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, '.lock'), `${process.ppid} ${parentStart}\n`);
    await assert.rejects(IndexWriter.open(dir, TEST_EMBEDDER), isStoreError('locked', new RegExp(`held by process ${process.ppid}`)));

    // The writer died and its pid now belongs to another (live) process, started at another time.
    await fs.writeFile(path.join(dir, '.lock'), `${process.ppid} ${BigInt(parentStart) + 1n}\n`);
    const takeover = await IndexWriter.open(dir, TEST_EMBEDDER);
    assert.equal(parseLock(await fs.readFile(path.join(dir, '.lock'), 'utf8'))?.pid, process.pid);
    await takeover.close();
  });

  test('parseLock reads both lock formats and refuses junk', () => {
    assert.deepEqual(parseLock('123\n'), { pid: 123, startTime: null });
    assert.deepEqual(parseLock('123 456789\n'), { pid: 123, startTime: '456789' });
    for (const junk of ['', 'abc', '-1', '12 x', '1 2 3']) assert.equal(parseLock(junk), null, junk);
    assert.equal(formatLock({ pid: 7, startTime: '99' }), '7 99\n');
  });

  test("a dead writer's half-written generation is removed by the next writer even when it commits nothing", async () => {
    const dir = await tempDir();
    await commitWith(dir, (w) => add(w, ALPHA));
    const leftover = path.join(dir, '.tmp-gen-9-999999');
    await fs.mkdir(leftover);
    await fs.writeFile(path.join(leftover, 'vectors.hnsw'), Buffer.alloc(64 * 1024));
    const writer = await IndexWriter.open(dir, TEST_EMBEDDER);
    assert.equal(writer.hasChanges, false);
    await writer.close();
    assert.ok(!(await entries(dir)).some((name) => name.startsWith('.tmp-')), (await entries(dir)).join(', '));
  });
});
