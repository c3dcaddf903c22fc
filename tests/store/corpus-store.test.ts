import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Chunk } from '../../src/domain.ts';
import { CorpusStore, StoreError } from '../../src/store/index.ts';
import { makeArticle } from './fixtures/articles.ts';

const ALPHA = makeArticle('alpha', ['湖南代表团赴广东考察。', '学习先进经验。', '座谈交流。']);
const BETA = makeArticle('beta', ['浙江代表团赴江苏考察。'], 'shared-hash');
const GAMMA = makeArticle('gamma', ['同样的内容。'], 'shared-hash');

function store(): CorpusStore {
  const corpus = new CorpusStore();
  for (const f of [ALPHA, BETA, GAMMA]) corpus.addArticle(f.article, f.chunks);
  return corpus;
}

describe('CorpusStore', () => {
  test('lookups by doc, paragraph, chunk and content hash', () => {
    const corpus = store();
    assert.equal(corpus.getArticle('alpha')?.meta.title, '标题 alpha');
    assert.equal(corpus.getParagraph('alpha#p2')?.text, '学习先进经验。');
    assert.equal(corpus.getChunk('alpha#c3')?.text, '座谈交流。');
    assert.deepEqual(corpus.chunksOf('alpha').map((c) => c.id), ['alpha#c1', 'alpha#c2', 'alpha#c3']);
    assert.deepEqual(corpus.chunksOf('nope'), []);
    assert.equal(corpus.findByContentHash('hash-alpha')?.docId, 'alpha');
    assert.equal(corpus.findByContentHash('shared-hash')?.docId, 'beta');
    assert.equal(corpus.findByContentHash('nope'), undefined);
    assert.deepEqual(corpus.listArticles().map((a) => a.docId), ['alpha', 'beta', 'gamma']);
    assert.deepEqual(corpus.counts, { articles: 3, paragraphs: 5, chunks: 5 });
  });

  test('removeArticle drops the article, its paragraphs and chunks, and updates the hash lookup', () => {
    const corpus = store();
    const removed = corpus.removeArticle('beta');
    assert.equal(removed?.chunks.length, 1);
    assert.equal(corpus.getArticle('beta'), undefined);
    assert.equal(corpus.getParagraph('beta#p1'), undefined);
    assert.equal(corpus.getChunk('beta#c1'), undefined);
    assert.equal(corpus.findByContentHash('shared-hash')?.docId, 'gamma');
    assert.equal(corpus.removeArticle('beta'), undefined);
    assert.deepEqual(corpus.counts, { articles: 2, paragraphs: 4, chunks: 4 });
  });

  test('stores copies: mutating the input afterwards changes nothing', () => {
    const fixture = makeArticle('copy', ['原文。']);
    const corpus = new CorpusStore();
    corpus.addArticle(fixture.article, fixture.chunks);
    (fixture.article.paragraphs[0] as { text: string }).text = '改了';
    fixture.chunks[0]!.text = '改了';
    assert.equal(corpus.getParagraph('copy#p1')?.text, '原文。');
    assert.equal(corpus.getChunk('copy#c1')?.text, '原文。');
  });

  test('JSON roundtrip reproduces every article, paragraph and chunk exactly', () => {
    const corpus = store();
    const merged = makeArticle('merged', ['短。', '也短。', '第三段。']);
    const mergedChunk: Chunk = { id: 'merged#c1', docId: 'merged', paragraphNumbers: [1, 2], start: 0, end: 6, text: '短。\n也短。' };
    corpus.addArticle({ ...merged.article, meta: { ...merged.article.meta, author: '记者' } }, [mergedChunk, { ...merged.chunks[2]!, id: 'merged#c2' }]);
    const restored = CorpusStore.fromJSON(JSON.parse(JSON.stringify(corpus.toJSON())));
    assert.deepEqual(restored.listArticles(), corpus.listArticles());
    for (const a of corpus.listArticles()) assert.deepEqual(restored.chunksOf(a.docId), corpus.chunksOf(a.docId));
    assert.equal(restored.getChunk('merged#c1')?.text, '短。\n也短。');
    assert.equal(restored.findByContentHash('shared-hash')?.docId, 'beta');
  });

  const invalid: [string, (f: { article: Article; chunks: Chunk[] }) => void][] = [
    ['chunk text not equal to the cleaned-text slice', (f) => { f.chunks[0]!.text = '不一样'; }],
    ['chunk offsets out of range', (f) => { f.chunks[0]!.end = 999; }],
    ['chunk id not <docId>#c<k>', (f) => { f.chunks[0]!.id = 'x#c1'; }],
    ['chunk from another article', (f) => { f.chunks[0]!.docId = 'other'; }],
    ['non-consecutive paragraph numbers', (f) => { f.chunks[0]!.paragraphNumbers = [1, 3]; }],
    ['paragraph numbering gap', (f) => { (f.article.paragraphs[1] as { n: number }).n = 5; }],
    ['paragraph id not <docId>#p<n>', (f) => { (f.article.paragraphs[0] as { id: string }).id = 'wrong'; }],
    ['bad paragraph kind', (f) => { (f.article.paragraphs[0] as { kind: string }).kind = 'footer'; }],
    ['missing title', (f) => { (f.article.meta as { title: unknown }).title = undefined; }],
  ];
  for (const [name, breakIt] of invalid) {
    test(`addArticle rejects: ${name}`, () => {
      const fixture = makeArticle('bad', ['第一段。', '第二段。', '第三段。']);
      breakIt(fixture);
      const corpus = new CorpusStore();
      assert.throws(() => corpus.addArticle(fixture.article, fixture.chunks), (e: unknown) => e instanceof StoreError && e.code === 'invalid-input');
      assert.deepEqual(corpus.counts, { articles: 0, paragraphs: 0, chunks: 0 });
    });
  }

  test('addArticle rejects a duplicate docId', () => {
    const corpus = store();
    assert.throws(() => corpus.addArticle(ALPHA.article, ALPHA.chunks), /already in the corpus/);
  });

  const badSnapshots: [string, unknown][] = [
    ['null', null],
    ['foreign object', { hello: 1 }],
    ['future version', { format: 'kaocha-corpus', version: 2, articles: [] }],
    ['articles not an array', { format: 'kaocha-corpus', version: 1, articles: {} }],
    ['chunk beyond the text', { format: 'kaocha-corpus', version: 1, articles: [{ ...store().toJSON().articles[0], chunks: [[[1], 0, 9999]] }] }],
  ];
  for (const [name, snapshot] of badSnapshots) {
    test(`fromJSON rejects ${name} as corrupt`, () => {
      assert.throws(() => CorpusStore.fromJSON(snapshot), (e: unknown) => e instanceof StoreError && e.code === 'corrupt' && /rebuild with/.test(e.message));
    });
  }
});
