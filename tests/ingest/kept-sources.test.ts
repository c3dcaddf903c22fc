/**
 * Rebuilds lose no article: an upload (bytes + file name, as the bot sends) and a URL (from a server on 127.0.0.1)
 * are kept as sources, and a rebuild from the corpus directory — the bot's
 * /reindex and `npm run ingest -- --rebuild` — brings them back under the same doc ids, origins and URLs.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HashedNgramEmbedder } from '../../src/embed/index.ts';
import { ingestDocuments, ingestInputs, readUpload, type IngestOptions, type IngestReport } from '../../src/ingest/index.ts';
import { IndexStore, type LoadedIndex } from '../../src/store/index.ts';
import { makeTempDir, removeTempDirs, testConfig } from '../helpers/corpus-index.ts';
import { runCli } from '../helpers/run-cli.ts';

after(removeTempDirs);

const CORPUS_ARTICLE = ['语料县党政代表团赴外省考察', '', '来源:语料日报 2024-03-01', '', '3月1日,语料县党政代表团赴外省考察学习,共看了5个考察点。'].join('\n');
const UPLOAD = ['上传市党政代表团赴沿海考察港口建设', '', '来源:上传日报 2024-06-01', '', '6月1日,上传市党政代表团赴沿海考察港口建设,参观了7个码头。'].join('\n');
const PAGE = [
  '<!doctype html><html><head><meta charset="utf-8"><title>网页县代表团赴山区考察茶叶产业 - 红网</title></head><body>',
  '<h1>网页县代表团赴山区考察茶叶产业</h1>',
  '<p>来源:红网 2024-05-02 10:00:00</p>',
  '<p>5月2日,网页县代表团赴山区考察茶叶产业,走访了9家茶厂。</p>',
  '</body></html>',
].join('\n');

let server: http.Server;
let base = '';
before(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/news/2024/12345?from=feed') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PAGE);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Setup {
  root: string;
  corpusDir: string;
  indexDir: string;
  options: IngestOptions;
}

async function setup(name: string): Promise<Setup> {
  const root = await makeTempDir(`kept-${name}`);
  const corpusDir = path.join(root, 'articles');
  const indexDir = path.join(root, 'index');
  await fs.mkdir(corpusDir);
  await fs.writeFile(path.join(corpusDir, 'corpus-article.txt'), CORPUS_ARTICLE);
  const config = testConfig(indexDir);
  const options: IngestOptions = { indexDir, embedder: new HashedNgramEmbedder(), chunk: config.chunk, fetch: config.fetch, baseDir: root };
  await ingestInputs([corpusDir], options);
  return { root, corpusDir, indexDir, options };
}

async function reopen(dir: string): Promise<LoadedIndex> {
  const index = await IndexStore.open(dir);
  assert.ok(index);
  return index;
}

/** docId → [file, url, paragraph ids and texts] of every article. */
async function snapshot(indexDir: string): Promise<Record<string, unknown>> {
  const index = await reopen(indexDir);
  return Object.fromEntries(
    index.corpus.listArticles().map((a) => [a.docId, { file: a.file, url: a.meta.url, title: a.meta.title, paragraphs: a.paragraphs.map((p) => [p.id, p.text]) }]),
  );
}

function addedDocId(report: IngestReport): string {
  const outcome = report.outcomes[0];
  assert.ok(outcome && (outcome.kind === 'added' || outcome.kind === 'replaced'), JSON.stringify(report.outcomes));
  return outcome.docId;
}

describe('sources that are not corpus files survive a rebuild', () => {
  test('the bot seam unchanged (no corpus dir given): upload and URL → /reindex → still there, same ids', async () => {
    const s = await setup('bot');
    // Exactly what the bot's maintenance does: ingestDocuments([readUpload(...)]) and ingestInputs([CORPUS_DIR], rebuild).
    const upload = addedDocId(await ingestDocuments([readUpload('上传文章.txt', new TextEncoder().encode(UPLOAD), 1 << 20)], s.options));
    const url = addedDocId(await ingestInputs([`${base}/news/2024/12345?from=feed`], s.options));
    const before = await snapshot(s.indexDir);
    assert.deepEqual(Object.keys(before).sort(), ['corpus-article', upload, url].sort());

    const rebuilt = await ingestInputs([s.corpusDir], { ...s.options, rebuild: true });
    assert.deepEqual(rebuilt.outcomes.map((o) => o.kind), ['added', 'added', 'added'], JSON.stringify(rebuilt.outcomes));
    assert.deepEqual(await snapshot(s.indexDir), before, 'same articles, doc ids, origins, URLs and paragraph ids');
    const index = await reopen(s.indexDir);
    assert.ok(index.corpus.getParagraph(`${upload}#p1`)?.text.includes('7个码头'));
    assert.ok(index.corpus.getParagraph(`${url}#p1`)?.text.includes('9家茶厂'));
  });

  test('with the corpus dir (npm run ingest): copies under CORPUS_DIR/uploads/ with original names and URL; rebuild keeps them', async () => {
    const s = await setup('cli');
    const options = { ...s.options, corpusDir: s.corpusDir };
    const upload = addedDocId(await ingestDocuments([readUpload('上传文章.txt', new TextEncoder().encode(UPLOAD), 1 << 20)], options));
    const pageUrl = `${base}/news/2024/12345?from=feed`;
    const url = addedDocId(await ingestInputs([pageUrl], options));
    // A file on disk outside the corpus is not copied: its owner keeps it (ingesting ~/drafts/ must not fill the corpus).
    const outside = path.join(s.root, 'elsewhere.txt');
    await fs.writeFile(outside, CORPUS_ARTICLE.replace(/语料县/g, '外地县').replace('5个', '6个'));
    addedDocId(await ingestInputs([outside], options));

    const uploads = path.join(s.corpusDir, 'uploads');
    assert.deepEqual((await fs.readdir(uploads)).sort(), ['12345.html', '12345.html.source.json', '上传文章.txt', '上传文章.txt.source.json']);
    assert.equal(await fs.readFile(path.join(uploads, '上传文章.txt'), 'utf8'), UPLOAD);
    const record = JSON.parse(await fs.readFile(path.join(uploads, '12345.html.source.json'), 'utf8'));
    assert.deepEqual(record, { origin: pageUrl, name: '12345', url: pageUrl, docId: url });

    const { elsewhere: _outsideFile, ...before } = await snapshot(s.indexDir);
    const rebuilt = await ingestInputs([s.corpusDir], { ...options, rebuild: true });
    assert.equal(rebuilt.outcomes.filter((o) => o.kind === 'added').length, 3, JSON.stringify(rebuilt.outcomes));
    assert.deepEqual(await snapshot(s.indexDir), before);
    assert.ok(Object.keys(before).includes(upload));
  });

  test('a copy kept without the corpus dir moves into CORPUS_DIR/uploads/ at the next rebuild that knows it', async () => {
    const s = await setup('move');
    const upload = addedDocId(await ingestDocuments([readUpload('moved.md', new TextEncoder().encode(UPLOAD), 1 << 20)], s.options));
    assert.ok((await fs.readdir(path.join(s.indexDir, 'uploads'))).includes('moved.md'));
    await ingestInputs([s.corpusDir], { ...s.options, rebuild: true, corpusDir: s.corpusDir });
    assert.deepEqual((await fs.readdir(path.join(s.corpusDir, 'uploads'))).sort(), ['moved.md', 'moved.md.source.json']);
    assert.deepEqual(await fs.readdir(path.join(s.indexDir, 'uploads')), []);
    assert.ok((await reopen(s.indexDir)).corpus.getArticle(upload));
  });

  test('re-uploading a changed file replaces its copy; --remove deletes it', async () => {
    const s = await setup('remove');
    const options = { ...s.options, corpusDir: s.corpusDir };
    const upload = addedDocId(await ingestDocuments([readUpload('a.txt', new TextEncoder().encode(UPLOAD), 1 << 20)], options));
    const changed = UPLOAD.replace('7个码头', '8个码头');
    const replaced = await ingestDocuments([readUpload('a.txt', new TextEncoder().encode(changed), 1 << 20)], options);
    assert.equal(replaced.outcomes[0]?.kind, 'replaced');
    assert.equal(await fs.readFile(path.join(s.corpusDir, 'uploads', 'a.txt'), 'utf8'), changed);

    const removed = await ingestInputs([], { ...options, remove: [upload] });
    assert.deepEqual(removed.outcomes.map((o) => o.kind), ['removed']);
    assert.deepEqual(await fs.readdir(path.join(s.corpusDir, 'uploads')), []);
    await ingestInputs([s.corpusDir], { ...options, rebuild: true });
    assert.equal((await reopen(s.indexDir)).corpus.getArticle(upload), undefined, 'a removed upload does not come back');
  });
});

describe('a kept copy and a corpus file with the same name', () => {
  test('the rebuild keeps both as separate articles (the corpus file, read first, keeps the plain id)', async () => {
    const s = await setup('clash');
    const upload = addedDocId(await ingestDocuments([readUpload('clash.txt', new TextEncoder().encode(UPLOAD), 1 << 20)], s.options));
    assert.equal(upload, 'clash');
    await fs.writeFile(path.join(s.corpusDir, 'clash.txt'), CORPUS_ARTICLE.replace(/语料县/g, '同名县').replace('5个', '4个'));
    const rebuilt = await ingestInputs([s.corpusDir], { ...s.options, rebuild: true });
    assert.deepEqual(rebuilt.outcomes.map((o) => o.kind), ['added', 'added', 'added'], JSON.stringify(rebuilt.outcomes));
    const titles = (await reopen(s.indexDir)).corpus.listArticles().map((a) => a.meta.title).sort();
    assert.ok(titles.some((t) => t.includes('同名县')) && titles.some((t) => t.includes('上传市')), titles.join(' | '));
  });
});

describe('npm run ingest', () => {
  test('a URL ingested by the CLI is still listed after npm run ingest -- --rebuild', async () => {
    const s = await setup('cli-url');
    const env = { INDEX_DIR: s.indexDir, CORPUS_DIR: s.corpusDir };
    const pageUrl = `${base}/news/2024/12345?from=feed`;
    const first = await runCli('ingest', [pageUrl], env);
    assert.equal(first.code, 0, first.stderr);
    const rebuild = await runCli('ingest', ['--rebuild'], env);
    assert.equal(rebuild.code, 0, rebuild.stderr);
    const listed = await runCli('sources', ['--json'], env);
    assert.ok(listed.stdout.includes(pageUrl), listed.stdout);
    assert.ok(listed.stdout.includes('网页县代表团赴山区考察茶叶产业'), listed.stdout);
  });
});
