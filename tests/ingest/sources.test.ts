import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import {
  isSourceProblem,
  readSources,
  readUpload,
  type RawDocument,
  type ReadSourcesOptions,
  type SourceProblem,
} from '../../src/ingest/sources.ts';

const GBK_TEXT = '郴州党政代表团赴广州考察学习\n学习广州好经验 主动融入大湾区\n';
const gbkBytes = new Uint8Array(iconv.encode(GBK_TEXT, 'gbk'));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

async function collect(inputs: string[], opts: ReadSourcesOptions): Promise<Array<RawDocument | SourceProblem>> {
  const results: Array<RawDocument | SourceProblem> = [];
  for await (const result of readSources(inputs, opts)) results.push(result);
  return results;
}

function asDocument(result: RawDocument | SourceProblem | undefined): RawDocument {
  assert.ok(result !== undefined, 'expected a result');
  assert.ok(!isSourceProblem(result), `expected a document, got problem: ${JSON.stringify(result)}`);
  return result;
}

function asProblem(result: RawDocument | SourceProblem | undefined): SourceProblem {
  assert.ok(result !== undefined, 'expected a result');
  assert.ok(isSourceProblem(result), `expected a problem, got document ${JSON.stringify({ ...result, bytes: undefined })}`);
  return result;
}

const FETCH = { timeoutMs: 2_000, maxBytes: 64 * 1024 };

describe('readSources: files', () => {
  let root: string;
  let opts: ReadSourcesOptions;

  before(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'kaocha-sources-'));
    const corpus = path.join(root, 'corpus');
    await fs.mkdir(path.join(corpus, 'sub', 'deeper'), { recursive: true });
    await fs.writeFile(path.join(corpus, 'a.txt'), gbkBytes);
    await fs.writeFile(path.join(corpus, 'b.md'), '# 标题\n正文');
    await fs.writeFile(path.join(corpus, 'UPPER.TXT'), 'upper-case extension');
    await fs.writeFile(path.join(corpus, 'notes.pdf'), '%PDF-1.4');
    await fs.writeFile(path.join(corpus, '.hidden.txt'), 'dotfile');
    await fs.mkdir(path.join(corpus, '.git'));
    await fs.writeFile(path.join(corpus, '.git', 'HEAD.txt'), 'inside a dot directory');
    await fs.writeFile(path.join(corpus, 'sub', 'c.html'), '<p>考察</p>');
    await fs.writeFile(path.join(corpus, 'sub', 'deeper', 'd.htm'), '<p>学习</p>');
    await fs.writeFile(path.join(corpus, 'sub', 'deeper', 'e.markdown'), '学习');
    // A directory link back to an ancestor (a loop) and a second name for a.txt: neither may cause repeats or hangs.
    await fs.symlink('..', path.join(corpus, 'sub', 'loop'));
    await fs.symlink('a.txt', path.join(corpus, 'link-to-a.txt'));
    await fs.symlink('missing-target.txt', path.join(corpus, 'zz-broken.txt'));

    await fs.writeFile(path.join(root, 'report.pdf'), '%PDF-1.4');
    await fs.writeFile(path.join(root, 'README'), 'no extension');
    await fs.writeFile(path.join(root, 'empty.txt'), '');
    await fs.writeFile(path.join(root, 'big.txt'), 'x'.repeat(2048));
    await fs.symlink('self.txt', path.join(root, 'self.txt'));
    opts = { fetch: FETCH, baseDir: root };
  });

  after(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  test('a directory is walked recursively in code-point order, skipping dotfiles, loops and unsupported files', async () => {
    const results = await collect([path.join(root, 'corpus')], opts);
    const summary = results.map((r) => (isSourceProblem(r) ? `problem ${r.origin}: ${r.reason}` : `${r.format} ${r.origin}`));
    assert.deepEqual(summary, [
      'text corpus/UPPER.TXT',
      'text corpus/a.txt',
      'markdown corpus/b.md',
      'html corpus/sub/c.html',
      'html corpus/sub/deeper/d.htm',
      'markdown corpus/sub/deeper/e.markdown',
      'problem corpus/zz-broken.txt: 找不到该文件或目录',
    ]);
  });

  test('a GBK file comes through as the exact bytes, undecoded', async () => {
    const [result] = await collect([path.join(root, 'corpus', 'a.txt')], opts);
    const document = asDocument(result);
    assert.deepEqual(document.bytes, gbkBytes);
    assert.equal(document.name, 'a.txt');
    assert.equal(document.url, undefined);
    assert.equal(document.charset, undefined);
  });

  const problems: Array<[input: string, origin: string, reason: RegExp, maxFileBytes?: number]> = [
    ['report.pdf', 'report.pdf', /^不支持的文件类型 \.pdf（支持：/],
    ['README', 'README', /^不支持的文件类型（没有扩展名；支持：/],
    ['empty.txt', 'empty.txt', /^文件为空$/],
    ['does/not/exist.txt', 'does/not/exist.txt', /^找不到该文件或目录$/],
    ['big.txt', 'big.txt', /^文件超过 1 KB 上限（2 KB）$/, 1024],
    ['self.txt', 'self.txt', /^符号链接循环$/],
  ];
  for (const [input, origin, reason, maxFileBytes] of problems) {
    test(`${input} → problem ${reason}`, async () => {
      const results = await collect([path.join(root, input)], { ...opts, maxFileBytes });
      assert.equal(results.length, 1);
      const problem = asProblem(results[0]);
      assert.equal(problem.origin, origin);
      assert.match(problem.reason, reason);
    });
  }

  test('the default size limit lets an ordinary file through', async () => {
    const [result] = await collect([path.join(root, 'big.txt')], opts);
    assert.equal(asDocument(result).bytes.byteLength, 2048);
  });

  test('bad inputs do not stop the rest, and each real file is read once', async () => {
    const results = await collect(
      [path.join(root, 'missing.txt'), path.join(root, 'corpus', 'b.md'), path.join(root, 'empty.txt'), path.join(root, 'corpus', 'sub'), path.join(root, 'corpus', 'b.md')],
      opts,
    );
    assert.deepEqual(
      results.map((r) => r.origin),
      [
        'missing.txt',
        'corpus/b.md',
        'empty.txt',
        'corpus/sub/c.html',
        'corpus/sub/deeper/d.htm',
        'corpus/sub/deeper/e.markdown',
        // sub/loop links back to corpus/, walked once; b.md was already read, sub/ itself is not walked again.
        'corpus/sub/loop/UPPER.TXT',
        'corpus/sub/loop/a.txt',
        'corpus/sub/loop/zz-broken.txt',
      ],
    );
    assert.deepEqual(results.map(isSourceProblem), [true, false, true, false, false, false, false, false, true]);
  });

  test('origins outside the base directory are absolute', async () => {
    const inner = path.join(root, 'corpus', 'sub');
    const [result] = await collect([path.join(root, 'corpus', 'b.md')], { fetch: FETCH, baseDir: inner });
    assert.equal(asDocument(result).origin, path.join(root, 'corpus', 'b.md'));
  });

  test('relative inputs resolve against the working directory', async () => {
    const relative = path.relative(process.cwd(), path.join(root, 'corpus', 'b.md'));
    const [result] = await collect([relative], opts);
    assert.equal(asDocument(result).origin, 'corpus/b.md');
  });
});

describe('readSources: URLs (real HTTP server on 127.0.0.1)', () => {
  let server: http.Server;
  let base: string;
  const stalled: http.ServerResponse[] = [];
  /** Resolves with the number of chunks /endless had sent when its connection closed. */
  let endlessClosed: Promise<number> = Promise.resolve(-1);

  before(async () => {
    server = http.createServer((req, res) => {
      const route = new URL(req.url ?? '/', 'http://localhost').pathname;
      const send = (status: number, type: string | null, body: Uint8Array | string) => {
        if (type !== null) res.setHeader('content-type', type);
        res.writeHead(status).end(body);
      };
      if (route === '/page.html') return send(200, 'text/html; charset=utf-8', '<html><body><p>考察团来到广州</p></body></html>');
      if (route === '/plain') return send(200, 'text/plain; charset=GBK', gbkBytes);
      if (route === '/notes.md') return send(200, 'text/plain', '# 笔记');
      if (route === '/doc') return send(200, 'text/markdown; charset=utf-8', '# 文档');
      if (route === '/file.txt') return send(200, 'application/octet-stream', '纯文本');
      if (route === '/blob') return send(200, 'application/octet-stream', 'bytes');
      if (route === '/no-type.htm') return send(200, null, '<p>无类型</p>');
      if (route === '/image.png') return send(200, 'image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
      if (route === '/paper') return send(200, 'application/pdf', '%PDF-1.4');
      if (route === '/empty') return send(200, 'text/plain', '');
      if (route === '/missing') return send(404, 'text/plain', 'not here');
      if (route === '/broken') return send(500, 'text/plain', 'oops');
      if (route === '/redirect') {
        res.writeHead(302, { location: '/page.html' }).end();
        return;
      }
      if (route === '/to-ftp') {
        res.writeHead(301, { location: 'ftp://127.0.0.1/file.txt' }).end();
        return;
      }
      const chain = /^\/chain\/(\d+)$/.exec(route);
      if (chain) {
        const left = Number(chain[1]);
        res.writeHead(307, { location: left === 0 ? '/page.html' : `/chain/${left - 1}` }).end();
        return;
      }
      if (route === '/hang') {
        stalled.push(res);
        return;
      }
      if (route === '/stall-body') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('partial ');
        stalled.push(res);
        return;
      }
      if (route === '/declared-huge') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(10 * FETCH.maxBytes) });
        res.write('x'.repeat(1024));
        stalled.push(res);
        return;
      }
      if (route === '/endless') {
        // Chunked with no Content-Length: only the running byte count can stop it. Bounded so the test cannot run away.
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = 'x'.repeat(4096);
        let sent = 0;
        const timer = setInterval(() => {
          if (res.destroyed || sent >= 1000) {
            clearInterval(timer);
            res.end();
            return;
          }
          res.write(chunk);
          sent++;
        }, 1);
        endlessClosed = new Promise((resolve) =>
          res.on('close', () => {
            clearInterval(timer);
            resolve(sent);
          }),
        );
        return;
      }
      send(404, 'text/plain', 'unknown route');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    for (const res of stalled) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const fetchOne = async (route: string, fetchLimits = FETCH) => {
    const results = await collect([`${base}${route}`], { fetch: fetchLimits });
    assert.equal(results.length, 1);
    return results[0];
  };

  const documents: Array<[route: string, format: RawDocument['format'], name: string, charset: string | undefined, body: Uint8Array]> = [
    ['/page.html', 'html', 'page.html', 'utf-8', utf8('<html><body><p>考察团来到广州</p></body></html>')],
    ['/plain', 'text', 'plain', 'gbk', gbkBytes],
    ['/notes.md', 'markdown', 'notes.md', undefined, utf8('# 笔记')],
    ['/doc', 'markdown', 'doc', 'utf-8', utf8('# 文档')],
    ['/file.txt', 'text', 'file.txt', undefined, utf8('纯文本')],
    ['/no-type.htm', 'html', 'no-type.htm', undefined, utf8('<p>无类型</p>')],
  ];
  for (const [route, format, name, charset, body] of documents) {
    test(`${route} → ${format} document`, async () => {
      const document = asDocument(await fetchOne(route));
      assert.equal(document.format, format);
      assert.equal(document.origin, `${base}${route}`);
      assert.equal(document.url, `${base}${route}`);
      assert.equal(document.name, name);
      assert.equal(document.charset, charset);
      assert.deepEqual(document.bytes, body);
    });
  }

  test('redirects are followed and the final URL is kept', async () => {
    const document = asDocument(await fetchOne('/redirect'));
    assert.equal(document.origin, `${base}/redirect`);
    assert.equal(document.url, `${base}/page.html`);
    assert.equal(document.format, 'html');
  });

  test('five redirects are followed, six are too many', async () => {
    assert.equal(asDocument(await fetchOne('/chain/4')).url, `${base}/page.html`);
    assert.match(asProblem(await fetchOne('/chain/5')).reason, /^重定向次数过多（超过 5 次）$/);
  });

  const problems: Array<[route: string, reason: RegExp, limits?: typeof FETCH]> = [
    ['/missing', /^网页无法获取（HTTP 404 Not Found）$/],
    ['/broken', /^网页无法获取（HTTP 500 Internal Server Error）$/],
    ['/image.png', /^不支持的内容类型 image\/png$/],
    ['/paper', /^不支持的内容类型 application\/pdf$/],
    ['/blob', /^无法判断内容类型，网址中也没有支持的文件扩展名$/],
    ['/empty', /^网页内容为空$/],
    ['/to-ftp', /^重定向到不支持的网址协议 ftp$/],
    ['/hang', /^下载超时（150 毫秒内未完成）$/, { ...FETCH, timeoutMs: 150 }],
    ['/stall-body', /^下载超时（150 毫秒内未完成）$/, { ...FETCH, timeoutMs: 150 }],
    ['/declared-huge', /^文件超过 64 KB 上限（640 KB）$/],
  ];
  for (const [route, reason, limits] of problems) {
    test(`${route} → problem ${reason}`, async () => {
      const problem = asProblem(await fetchOne(route, limits));
      assert.equal(problem.origin, `${base}${route}`);
      assert.match(problem.reason, reason);
    });
  }

  test('an endless body is aborted once it passes maxBytes, not read to the end', async () => {
    const problem = asProblem(await fetchOne('/endless'));
    assert.equal(problem.reason, '文件超过 64 KB 上限');
    const chunksSent = await endlessClosed;
    assert.ok(chunksSent < 100, `server sent ${chunksSent} chunks of 4 KiB before the client hung up`);
  });

  test('unsupported schemes and unreachable hosts are problems', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const results = await collect(['ftp://127.0.0.1/a.txt', 'file:///etc/hostname', 'http://', `http://127.0.0.1:${closedPort}/a.html`], { fetch: FETCH });
    assert.deepEqual(
      results.map((r) => asProblem(r).reason),
      ['不支持的网址协议 ftp（只支持 http 和 https）', '不支持的网址协议 file（只支持 http 和 https）', '网址无效', '下载失败（ECONNREFUSED）'],
    );
  });

  test('files and URLs mix, in input order', async () => {
    const results = await collect([`${base}/missing`, `${base}/page.html`, '/nonexistent/kaocha.txt'], { fetch: FETCH });
    assert.deepEqual(results.map(isSourceProblem), [true, false, true]);
  });
});

describe('readUpload', () => {
  const MAX_BYTES = 100;
  const cases: Array<[name: string, bytes: Uint8Array, expected: Partial<RawDocument> | RegExp]> = [
    ['郴州考察.TXT', gbkBytes, { origin: '郴州考察.TXT', name: '郴州考察.TXT', format: 'text' }],
    ['article.HTM', utf8('<p>x</p>'), { format: 'html' }],
    ['notes.markdown', utf8('# x'), { format: 'markdown' }],
    ['../../etc/evil.md', utf8('# x'), { origin: 'evil.md', name: 'evil.md', format: 'markdown' }],
    ['C:\\Users\\me\\a.txt', utf8('x'), { name: 'a.txt' }],
    ['scan.pdf', utf8('%PDF'), /^不支持的文件类型 \.pdf/],
    ['empty.txt', new Uint8Array(0), /^文件为空$/],
    ['big.txt', new Uint8Array(101).fill(65), /^文件超过 100 字节 上限（101 字节）$/],
  ];
  for (const [name, bytes, expected] of cases) {
    test(`${name}`, () => {
      const result = readUpload(name, bytes, MAX_BYTES);
      if (expected instanceof RegExp) {
        assert.match(asProblem(result).reason, expected);
      } else {
        const document = asDocument(result);
        for (const [key, value] of Object.entries(expected)) assert.equal(document[key as keyof RawDocument], value, key);
        assert.equal(document.bytes, bytes);
      }
    });
  }
});
