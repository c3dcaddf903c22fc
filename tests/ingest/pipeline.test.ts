import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import iconv from 'iconv-lite';
import { HashedNgramEmbedder } from '../../src/embed/index.ts';
import { ingestDocuments, ingestInputs, noiseShare, readUpload, type IngestOptions, type IngestOutcome, type IngestReport } from '../../src/ingest/index.ts';
import { IndexStore, type LoadedIndex } from '../../src/store/index.ts';
import { tokenizeForIndex } from '../../src/text/index.ts';
import {
  ARTICLES_DIR,
  CORPUS_DOC_IDS,
  ROOT,
  buildCorpusIndex,
  makeTempDir,
  removeTempDirs,
  testConfig,
  type CorpusIndex,
} from '../helpers/corpus-index.ts';

after(removeTempDirs);

/** Ingest options for `indexDir` with the product's chunk/fetch settings; origins relative to `baseDir`. */
function optionsFor(indexDir: string, baseDir: string, extra: Partial<IngestOptions> = {}): IngestOptions {
  const config = testConfig(indexDir);
  return { indexDir, embedder: new HashedNgramEmbedder(), chunk: config.chunk, fetch: config.fetch, baseDir, ...extra };
}

function kinds(report: IngestReport): string[] {
  return report.outcomes.map((o) => o.kind);
}

function only<K extends IngestOutcome['kind']>(report: IngestReport, kind: K): IngestOutcome & { kind: K } {
  assert.equal(report.outcomes.length, 1, JSON.stringify(report.outcomes));
  const outcome = report.outcomes[0]!;
  assert.equal(outcome.kind, kind, JSON.stringify(outcome));
  return outcome as IngestOutcome & { kind: K };
}

async function reopen(dir: string): Promise<LoadedIndex> {
  const index = await IndexStore.open(dir);
  assert.ok(index, `an index is committed in ${dir}`);
  return index;
}

/** Every paragraph of the index as [id, text], article by article. */
function paragraphSnapshot(index: LoadedIndex): Array<[string, string]> {
  return index.corpus
    .listArticles()
    .flatMap((a) => a.paragraphs.map((p): [string, string] => [p.id, p.text]))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A short article written for these tests (nothing like it is in the corpus). */
const NEW_ARTICLE = [
  '测试县党政代表团赴邻省考察学习乡村振兴经验',
  '',
  '来源:测试日报 2024-06-01',
  '',
  '6月1日,测试县党政代表团一行12人赴邻省考察学习乡村振兴经验,先后参观了3个示范村和2家农业合作社。',
  '',
  '代表团表示,将把学到的经验运用到本县的乡村振兴工作中,推动农业产业提质增效。',
].join('\n');
const NEW_ARTICLE_PARAGRAPHS = [
  '6月1日,测试县党政代表团一行12人赴邻省考察学习乡村振兴经验,先后参观了3个示范村和2家农业合作社。',
  '代表团表示,将把学到的经验运用到本县的乡村振兴工作中,推动农业产业提质增效。',
];

describe('ingesting the seed corpus', () => {
  let corpus: CorpusIndex;
  before(async () => {
    corpus = await buildCorpusIndex('pipeline');
  });

  test('adds the five articles and commits one generation with matching counts', () => {
    const { report, index } = corpus;
    assert.deepEqual(kinds(report), ['added', 'added', 'added', 'added', 'added']);
    assert.deepEqual(
      report.outcomes.map((o) => (o.kind === 'added' ? o.docId : null)),
      [...CORPUS_DOC_IDS],
    );
    for (const outcome of report.outcomes) {
      assert.equal(outcome.kind, 'added');
      assert.match(outcome.origin, /^data\/articles\/[a-z-]+\.txt$/, 'origins are relative to the base dir');
      assert.ok(outcome.title.length > 5, `title of ${outcome.docId}`);
      // Long paragraphs split into several chunks and (with CHUNK_MIN_CHARS) tiny ones merge, so counts differ.
      assert.ok(outcome.paragraphs > 10 && outcome.chunks > 10, `${outcome.paragraphs} paragraphs, ${outcome.chunks} chunks`);
    }
    const manifest = report.manifest;
    assert.ok(manifest);
    assert.equal(manifest.generation, 1);
    assert.equal(manifest.embedder.id, corpus.embedder.info.id);
    assert.equal(manifest.counts.articles, 5);
    const sum = (key: 'paragraphs' | 'chunks') => report.outcomes.reduce((n, o) => n + (o.kind === 'added' ? o[key] : 0), 0);
    assert.equal(manifest.counts.paragraphs, sum('paragraphs'));
    assert.equal(manifest.counts.chunks, sum('chunks'));
    assert.deepEqual(index.manifest, manifest, 'IndexStore.open reads the manifest the writer committed');
    assert.deepEqual(index.corpus.counts, manifest.counts);
    assert.equal(index.vectors.size, manifest.counts.chunks);
    assert.equal(index.lexical.size, manifest.counts.chunks);
  });

  test('paragraph ids are <docId>#p<n>, numbered 1.. in article order', () => {
    for (const article of corpus.index.corpus.listArticles()) {
      article.paragraphs.forEach((p, i) => {
        assert.equal(p.n, i + 1);
        assert.equal(p.id, `${article.docId}#p${i + 1}`);
        assert.equal(p.docId, article.docId);
        assert.deepEqual(corpus.index.corpus.getParagraph(p.id), p);
        assert.notEqual(p.text.trim(), '', `${p.id} is not blank`);
      });
    }
  });

  test('metadata is recovered from the article headers', () => {
    const meta = (docId: string) => corpus.index.corpus.getArticle(docId)?.meta;
    assert.deepEqual(meta('hunan-delegation-guangdong-jiangxi-hubei'), {
      title: '粤赣鄂归来,湖南决策层“趁热”开了学习考察总结会',
      source: '红网',
      author: '刘玉先 王义正',
      publishedAt: '2023-09-30 11:07:33',
      url: 'https://hn.rednet.cn/content/646743/74/13104918.html',
    });
    assert.equal(meta('zhejiang-delegation-jiangsu-shanghai')?.title, '考察结束,省委书记在返程火车上召开交流总结会');
    assert.equal(meta('zhejiang-delegation-jiangsu-shanghai')?.source, '新京报');
    assert.equal(meta('zhejiang-delegation-jiangsu-shanghai')?.publishedAt, '2023-04-15 15:32:52');
  });

  test('chunk invariants: offsets into the cleaned text, ids, sizes, captions never indexed', () => {
    const { chunk: settings } = corpus.config;
    for (const article of corpus.index.corpus.listArticles()) {
      const cleanedText = article.paragraphs.map((p) => p.text).join('\n');
      const chunks = corpus.index.corpus.chunksOf(article.docId);
      const kindOf = new Map(article.paragraphs.map((p) => [p.n, p.kind]));
      const covered = new Set<number>();
      let previousEnd = -1;
      chunks.forEach((chunk, i) => {
        assert.equal(chunk.id, `${article.docId}#c${i + 1}`);
        assert.equal(chunk.docId, article.docId);
        assert.equal(cleanedText.slice(chunk.start, chunk.end), chunk.text, `${chunk.id} text matches its offsets`);
        assert.ok(chunk.start >= previousEnd, `${chunk.id} follows the previous chunk`);
        previousEnd = chunk.end;
        assert.ok(chunk.text.length <= settings.maxChars, `${chunk.id} is at most ${settings.maxChars} chars`);
        assert.ok(chunk.paragraphNumbers.length > 0);
        chunk.paragraphNumbers.forEach((n, j) => {
          assert.ok(kindOf.has(n), `${chunk.id} covers an existing paragraph`);
          if (j > 0) assert.equal(n, chunk.paragraphNumbers[j - 1]! + 1, 'merged paragraphs are consecutive');
          covered.add(n);
        });
        assert.ok(chunk.paragraphNumbers.some((n) => kindOf.get(n) !== 'caption'), `${chunk.id} is not captions only`);
      });
      for (const p of article.paragraphs) {
        assert.equal(covered.has(p.n), p.kind !== 'caption', `${p.id} (${p.kind}) is indexed unless it is a caption`);
      }
    }
  });

  test('re-ingesting the same files is a no-op: all unchanged, no new generation', async () => {
    const before = await fs.readFile(path.join(corpus.dir, 'manifest.json'), 'utf8');
    const report = await ingestInputs([ARTICLES_DIR], optionsFor(corpus.dir, ROOT));
    assert.deepEqual(kinds(report), ['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    assert.deepEqual(
      report.outcomes.map((o) => (o.kind === 'unchanged' ? o.docId : null)),
      [...CORPUS_DOC_IDS],
    );
    assert.equal(report.manifest, null);
    assert.equal(await fs.readFile(path.join(corpus.dir, 'manifest.json'), 'utf8'), before, 'manifest untouched');
  });

  test('a re-published copy (new headline, one paragraph dropped) under another name is a duplicate', async () => {
    const work = await makeTempDir('pipeline-dup');
    const original = await fs.readFile(path.join(ARTICLES_DIR, 'zhejiang-delegation-jiangsu-shanghai.txt'), 'utf8');
    const lines = original.split('\n');
    const headline = lines.findIndex((l) => l.startsWith('考察结束,省委书记'));
    const dropped = lines.findIndex((l) => l.startsWith('王浩指出'));
    assert.ok(headline >= 0 && dropped >= 0, 'the lines to edit exist');
    const copy = lines
      .map((line, i) => (i === headline ? '浙江省委书记易炼红在返程列车上主持召开学习考察交流总结会' : line))
      .filter((_, i) => i !== dropped)
      .join('\n');
    await fs.writeFile(path.join(work, 'republished-story.txt'), copy);

    const report = await ingestInputs([path.join(work, 'republished-story.txt')], optionsFor(corpus.dir, work));
    const outcome = only(report, 'duplicate');
    assert.equal(outcome.of, 'zhejiang-delegation-jiangsu-shanghai');
    assert.equal(outcome.origin, 'republished-story.txt');
    assert.ok(outcome.similarity >= 0.8 && outcome.similarity < 1, `similarity ${outcome.similarity}`);
    assert.equal(report.manifest, null, 'nothing committed');
    assert.equal((await reopen(corpus.dir)).corpus.getArticle('republished-story'), undefined);
  });

  test('an identical copy under another name is a duplicate with similarity 1', async () => {
    const work = await makeTempDir('pipeline-copy');
    await fs.copyFile(path.join(ARTICLES_DIR, 'chenzhou-delegation-guangzhou.txt'), path.join(work, 'copy.txt'));
    const outcome = only(await ingestInputs([path.join(work, 'copy.txt')], optionsFor(corpus.dir, work)), 'duplicate');
    assert.equal(outcome.of, 'chenzhou-delegation-guangzhou');
    assert.equal(outcome.similarity, 1);
  });
});

describe('rebuild', () => {
  test('keeps the same paragraph ids and texts and starts a new generation', async () => {
    const corpus = await buildCorpusIndex('pipeline-rebuild');
    const beforeRebuild = paragraphSnapshot(corpus.index);
    const report = await ingestInputs([ARTICLES_DIR], optionsFor(corpus.dir, ROOT, { rebuild: true }));
    assert.deepEqual(kinds(report), ['added', 'added', 'added', 'added', 'added']);
    assert.equal(report.manifest?.generation, 2);
    assert.deepEqual(report.manifest?.counts, corpus.report.manifest?.counts);
    const rebuilt = await reopen(corpus.dir);
    assert.deepEqual(paragraphSnapshot(rebuilt), beforeRebuild);
    const chunkIds = (index: LoadedIndex) => index.corpus.listArticles().flatMap((a) => index.corpus.chunksOf(a.docId).map((c) => [c.id, c.text]));
    assert.deepEqual(chunkIds(rebuilt), chunkIds(corpus.index), 'chunks are stable too');
  });

  test('rebuild with only some inputs drops the others', async () => {
    const corpus = await buildCorpusIndex('pipeline-rebuild-some');
    const one = path.join(ARTICLES_DIR, 'zhejiang-delegation-jiangsu-shanghai.txt');
    const report = await ingestInputs([one], optionsFor(corpus.dir, ROOT, { rebuild: true }));
    assert.deepEqual(kinds(report), ['added']);
    assert.equal(report.manifest?.counts.articles, 1);
    const rebuilt = await reopen(corpus.dir);
    assert.deepEqual(rebuilt.corpus.listArticles().map((a) => a.docId), ['zhejiang-delegation-jiangsu-shanghai']);
    assert.equal(rebuilt.corpus.getParagraph('chenzhou-delegation-guangzhou#p1'), undefined);
  });
});

describe('changing the index', () => {
  let dir: string;
  let work: string;
  before(async () => {
    dir = await makeTempDir('pipeline-change');
    work = await makeTempDir('pipeline-change-files');
  });

  test('a new article is added; the same name with changed content is replaced under the same id', async () => {
    const file = path.join(work, 'county-visit.txt');
    await fs.writeFile(file, NEW_ARTICLE);
    const added = only(await ingestInputs([file], optionsFor(dir, work)), 'added');
    assert.equal(added.docId, 'county-visit');
    assert.equal(added.title, '测试县党政代表团赴邻省考察学习乡村振兴经验');
    assert.equal(added.paragraphs, 2);
    const oldWords = tokenizeForIndex('提质增效');
    assert.ok((await reopen(dir)).lexical.search(oldWords, 5).length > 0, 'the first version is searchable');

    const changed = NEW_ARTICLE.replace('推动农业产业提质增效', '推动特色农业产业做大做强');
    await fs.writeFile(file, changed);
    const seen: IngestOutcome[] = [];
    const report = await ingestInputs([file], optionsFor(dir, work, { onOutcome: (o) => seen.push(o) }));
    const replaced = only(report, 'replaced');
    assert.deepEqual(seen, report.outcomes, 'onOutcome sees every outcome');
    assert.equal(replaced.docId, 'county-visit');
    assert.equal(report.manifest?.generation, 2);
    assert.equal(report.manifest?.counts.articles, 1, 'replaced, not added a second time');

    const index = await reopen(dir);
    assert.equal(index.corpus.getParagraph('county-visit#p2')?.text, '代表团表示,将把学到的经验运用到本县的乡村振兴工作中,推动特色农业产业做大做强。');
    const chunkTexts = index.corpus.chunksOf('county-visit').map((c) => c.text).join('\n');
    assert.ok(!chunkTexts.includes('提质增效'), 'the old text is gone from the chunks');
    assert.deepEqual(index.lexical.search(oldWords, 5), [], 'and from the lexical index');
  });

  test('the same file edited and ingested from another base directory replaces it under the same id', async () => {
    const index = await makeTempDir('pipeline-basedir-index');
    const root = await makeTempDir('pipeline-basedir-root');
    await fs.mkdir(path.join(root, 'articles'));
    const file = path.join(root, 'articles', 'basedir-visit.txt');
    await fs.writeFile(file, NEW_ARTICLE);
    const first = only(await ingestInputs([file], optionsFor(index, root)), 'added');
    await fs.writeFile(file, NEW_ARTICLE.replace('推动农业产业提质增效', '推动特色农业产业做大做强'));
    // Same file, now named relative to its own folder: the recorded origin was articles/basedir-visit.txt.
    const second = only(await ingestInputs([file], optionsFor(index, path.join(root, 'articles'))), 'replaced');
    assert.equal(second.docId, first.docId);
    assert.equal((await reopen(index)).manifest.counts.articles, 1);
  });

  test('two different files with the same name in different folders are two articles', async () => {
    const index = await makeTempDir('pipeline-samename-index');
    const root = await makeTempDir('pipeline-samename-root');
    for (const folder of ['a', 'b']) await fs.mkdir(path.join(root, folder));
    await fs.writeFile(path.join(root, 'a', 'same.txt'), NEW_ARTICLE);
    await fs.writeFile(path.join(root, 'b', 'same.txt'), NEW_ARTICLE.replace('测试县', '另一县').replace('乡村振兴', '数字经济').replace('推动农业产业提质增效', '建设数据中心和算力平台，引进软件企业'));
    const first = only(await ingestInputs([path.join(root, 'a', 'same.txt')], optionsFor(index, root)), 'added');
    const second = only(await ingestInputs([path.join(root, 'b', 'same.txt')], optionsFor(index, root)), 'added');
    assert.notEqual(second.docId, first.docId);
  });

  test('remove deletes the article and its paragraphs; an unknown id is rejected', async () => {
    const report = await ingestDocuments([], optionsFor(dir, work, { remove: ['county-visit', 'no-such-article'] }));
    assert.deepEqual(report.outcomes, [
      { kind: 'removed', docId: 'county-visit' },
      { kind: 'rejected', origin: 'no-such-article', reason: '没有这个编号的文章' },
    ]);
    assert.equal(report.manifest?.counts.articles, 0);
    const index = await reopen(dir);
    assert.equal(index.corpus.getArticle('county-visit'), undefined);
    assert.equal(index.corpus.getParagraph('county-visit#p1'), undefined);
    assert.equal(index.corpus.getChunk('county-visit#c1'), undefined);
    assert.equal(index.vectors.size, 0);
    assert.equal(index.lexical.size, 0);
  });
});

describe('bad inputs and encodings', () => {
  test('binary and empty files are rejected with a reason while the good ones are added', async () => {
    const dir = await makeTempDir('pipeline-bad');
    const work = await makeTempDir('pipeline-bad-files');
    await fs.writeFile(path.join(work, 'a-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0x41, 0x42]));
    await fs.writeFile(path.join(work, 'b-empty.txt'), '');
    await fs.copyFile(path.join(ARTICLES_DIR, 'zhejiang-delegation-jiangsu-shanghai.txt'), path.join(work, 'c-good.txt'));
    await fs.writeFile(path.join(work, 'd-only-whitespace.txt'), '\n\n   \n');
    await fs.writeFile(path.join(work, 'e-good.txt'), NEW_ARTICLE);

    const report = await ingestInputs([work], optionsFor(dir, work));
    const byOrigin = new Map(report.outcomes.map((o) => ['origin' in o ? o.origin : o.docId, o]));
    const reason = (origin: string) => {
      const outcome = byOrigin.get(origin);
      if (outcome?.kind !== 'rejected') assert.fail(`${origin} should be rejected: ${JSON.stringify(outcome)}`);
      return outcome.reason;
    };
    assert.equal(reason('a-binary.txt'), '看起来是二进制文件，不是文本');
    assert.equal(reason('b-empty.txt'), '文件为空');
    assert.equal(reason('d-only-whitespace.txt'), '清理后没有找到文章正文');
    assert.equal(byOrigin.get('c-good.txt')?.kind, 'added');
    assert.equal(byOrigin.get('e-good.txt')?.kind, 'added');
    assert.equal(report.manifest?.counts.articles, 2);
  });

  const BINARY = '看起来是二进制文件，不是文本';
  const UNDECODABLE = '无法识别文字编码（不是 UTF-8，也不是可读的 GBK/GB18030 或 Big5 中文）';
  const noise: Array<[name: string, bytes: Uint8Array, reason: string]> = [
    ['1,000 × 0xFF (no NUL, no control byte)', new Uint8Array(1000).fill(0xff), BINARY],
    ['0x80–0xFF repeated', Uint8Array.from({ length: 2000 }, (_, i) => 0x80 + (i % 128)), UNDECODABLE],
  ];
  for (const [name, bytes, expected] of noise) {
    test(`an upload of ${name} is rejected as not text, in Chinese, with the English detail kept for logs`, async () => {
      const dir = await makeTempDir('pipeline-noise');
      const report = await ingestDocuments([readUpload('noise.txt', bytes, 1 << 20)], optionsFor(dir, ROOT));
      const outcome = only(report, 'rejected');
      assert.equal(outcome.reason, expected);
      assert.ok(outcome.detail && /[a-z]/.test(outcome.detail), JSON.stringify(outcome));
      assert.equal(report.manifest?.counts.articles ?? 0, 0, 'nothing was indexed');
    });
  }

  test('Latin-1 punctuation in a Chinese article is not noise', () => {
    assert.ok(noiseShare('代表团一行·考察了©红网×3个园区，全程约200公里。') < 0.3);
    assert.ok(noiseShare('ÿ'.repeat(100)) > 0.9);
    assert.equal(noiseShare('   '), 0);
  });

  test('a GBK-encoded article is decoded before cleaning', async () => {
    const dir = await makeTempDir('pipeline-gbk');
    const work = await makeTempDir('pipeline-gbk-files');
    const bytes = iconv.encode(NEW_ARTICLE, 'gbk');
    assert.notDeepEqual(bytes, Buffer.from(NEW_ARTICLE, 'utf8'), 'the fixture really is not UTF-8');
    await fs.writeFile(path.join(work, 'gbk-article.txt'), bytes);

    const outcome = only(await ingestInputs([path.join(work, 'gbk-article.txt')], optionsFor(dir, work)), 'added');
    const article = (await reopen(dir)).corpus.getArticle(outcome.docId);
    assert.ok(article);
    assert.equal(article.meta.title, '测试县党政代表团赴邻省考察学习乡村振兴经验');
    assert.equal(article.meta.source, '测试日报');
    assert.equal(article.meta.publishedAt, '2024-06-01');
    assert.deepEqual(article.paragraphs.map((p) => p.text), NEW_ARTICLE_PARAGRAPHS);
  });
});

describe('ingesting a URL from a server on 127.0.0.1', () => {
  let server: http.Server;
  let base = '';
  const PAGE = [
    '<!doctype html><html><head><meta charset="utf-8"><title>样例市党政代表团赴外地考察园区建设 - 红网</title></head><body>',
    '<div class="nav">首页 &gt; 新闻</div>',
    '<h1>样例市党政代表团赴外地考察园区建设</h1>',
    '<p>来源:红网 2024-05-02 10:00:00</p>',
    '<p>5月2日,样例市党政代表团赴外地考察学习产业园区建设经验,共走访了8个项目。</p>',
    '<p>代表团成员表示,要把外地的好做法带回样例市,加快园区建设步伐。</p>',
    '<script>var tracking = "不应进入正文";</script>',
    '</body></html>',
  ].join('\n');

  before(async () => {
    server = http.createServer((request, response) => {
      if (request.url === '/news/2024/sample.html') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(PAGE);
      } else {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('the page is added with its <title>, URL and paragraphs; a 404 is rejected', async () => {
    const dir = await makeTempDir('pipeline-url');
    const url = `${base}/news/2024/sample.html`;
    const report = await ingestInputs([url, `${base}/missing.html`], optionsFor(dir, ROOT));
    const [added, missing] = report.outcomes;
    if (added?.kind !== 'added') assert.fail(`the page should be added: ${JSON.stringify(added)}`);
    assert.equal(added.origin, url);
    assert.match(added.docId, /^127-0-0-1-news-2024-sample-[0-9a-f]{8}$/);
    if (missing?.kind !== 'rejected') assert.fail(`the 404 should be rejected: ${JSON.stringify(missing)}`);
    assert.equal(missing.origin, `${base}/missing.html`);
    assert.match(missing.reason, /^网页无法获取（HTTP 404/);

    const article = (await reopen(dir)).corpus.getArticle(added.docId);
    assert.ok(article);
    assert.equal(article.file, url);
    assert.equal(article.meta.title, '样例市党政代表团赴外地考察园区建设');
    assert.equal(article.meta.url, url);
    assert.equal(article.meta.source, '红网');
    assert.equal(article.meta.publishedAt, '2024-05-02 10:00:00');
    const texts = article.paragraphs.map((p) => p.text);
    assert.deepEqual(texts, [
      '5月2日,样例市党政代表团赴外地考察学习产业园区建设经验,共走访了8个项目。',
      '代表团成员表示,要把外地的好做法带回样例市,加快园区建设步伐。',
    ]);
  });
});
