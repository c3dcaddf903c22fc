/**
 * The CLI as users and scripts run it: real child processes (`node --import tsx src/cli/<command>.ts`) from the
 * repository root against a temp INDEX_DIR, offline, with an empty MODELS_DIR (so the built-in embedder is used).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { HashedNgramEmbedder } from '../../src/embed/index.ts';
import { ingestInputs } from '../../src/ingest/index.ts';
import { IndexStore } from '../../src/store/index.ts';
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
import { runCli, type CliRun } from '../helpers/run-cli.ts';

after(removeTempDirs);

let modelsDir = '';

/** `src/cli/<command>.ts` with an empty MODELS_DIR, so the built-in embedder is used. */
function runCliCommand(command: 'ask' | 'sources' | 'ingest', args: string[], env: Record<string, string>): Promise<CliRun> {
  return runCli(command, args, { MODELS_DIR: modelsDir, ...env });
}

/** Non-empty stdout lines parsed as JSON (fails the test on a line that is not JSON). */
function jsonLines(run: CliRun): Array<Record<string, unknown>> {
  return run.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        assert.fail(`stdout line is not JSON: ${line}\nstderr: ${run.stderr}`);
      }
    });
}

const ASK_FIELDS = ['answer', 'citations', 'found', 'id', 'nearest', 'question', 'retrieved', 'short', 'timings_ms'];
const CITATION_FIELDS = ['date', 'docId', 'file', 'n', 'paragraph', 'paragraphId', 'quote', 'source', 'text', 'title', 'url'];

before(async () => {
  modelsDir = await makeTempDir('cli-models');
});

describe('ask --json against a real index', () => {
  let corpus: CorpusIndex;
  before(async () => {
    corpus = await buildCorpusIndex('cli-ask');
  });
  const ask = (args: string[], env: Record<string, string> = {}) => runCliCommand('ask', args, { INDEX_DIR: corpus.dir, ...env });

  /** Checks one `ask --json` object against the README contract and the index it was answered from. */
  function assertAskJson(json: Record<string, unknown>, question: string, id: string | null): void {
    assert.deepEqual(Object.keys(json).filter((k) => k !== 'understood').sort(), ASK_FIELDS);
    assert.equal(json.id, id);
    assert.equal(json.question, question);
    assert.equal(typeof json.found, 'boolean');
    assert.equal(typeof json.answer, 'string');
    const citations = json.citations as Array<Record<string, unknown>>;
    const nearest = json.nearest as Array<Record<string, unknown>>;
    for (const citation of [...citations, ...nearest]) {
      assert.deepEqual(Object.keys(citation).sort(), CITATION_FIELDS);
      const paragraph = corpus.index.corpus.getParagraph(citation.paragraphId as string);
      const article = corpus.index.corpus.getArticle(citation.docId as string);
      assert.ok(paragraph && article, `${String(citation.paragraphId)} is in the index`);
      assert.equal(citation.text, paragraph.text, 'text is the paragraph as indexed');
      assert.ok((citation.text as string).includes(citation.quote as string), 'quote is verbatim in text');
      assert.equal(citation.paragraph, paragraph.n);
      assert.equal(citation.file, article.file);
      assert.equal(citation.title, article.meta.title);
      assert.equal(citation.url, article.meta.url);
      assert.equal(citation.date, article.meta.publishedAt);
      assert.equal(citation.source, article.meta.source);
    }
    const answer = json.answer as string;
    const markers = new Set([...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    assert.deepEqual([...markers].sort(), citations.map((c) => c.n as number).sort(), 'every [n] has a citation and every citation is used');
    if (json.found) {
      assert.ok(citations.length > 0);
      assert.deepEqual(citations.map((c) => c.n), citations.map((_, i) => i + 1));
      for (const c of citations) assert.ok(answer.includes(c.quote as string), 'the quote appears in the answer');
    } else {
      assert.deepEqual(citations, []);
      assert.match(answer, /找不到|未提及/);
    }

    const retrieved = json.retrieved as Array<Record<string, unknown>>;
    assert.ok(retrieved.length > 0 && retrieved.length <= 10, `${retrieved.length} retrieved`);
    assert.equal(new Set(retrieved.map((r) => r.paragraphId)).size, retrieved.length, 'no paragraph twice');
    for (const r of retrieved) {
      assert.deepEqual(Object.keys(r).sort(), ['paragraphId', 'score', 'text']);
      assert.equal(typeof r.score, 'number');
      assert.equal(r.text, corpus.index.corpus.getParagraph(r.paragraphId as string)?.text);
    }

    const timings = json.timings_ms as Record<string, unknown>;
    assert.deepEqual(Object.keys(timings).sort(), ['answer', 'retrieve', 'total']);
    const { retrieve, answer: answering, total } = timings as { retrieve: number; answer: number; total: number };
    for (const value of [retrieve, answering, total]) assert.ok(Number.isFinite(value) && value >= 0);
    assert.ok(total >= retrieve && total >= answering, JSON.stringify(timings));
  }

  test('one question prints exactly one JSON object following the contract', async () => {
    const question = '李殿勋去哪个市督导经济运行？';
    const run = await ask(['--json', question]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.trim().split('\n').length, 1, 'one line');
    const [json] = jsonLines(run);
    assertAskJson(json!, question, null);
    assert.equal(json!.found, true);
    assert.match(json!.answer as string, /株洲/);
    assert.ok(!run.stderr.includes('[error]'), run.stderr);
  });

  test('an uncovered question: found false, no citations, the nearest sources listed', async () => {
    const question = '湖南省党政代表团在云南考察了哪些企业？';
    const run = await ask(['--json', question]);
    assert.equal(run.code, 0, run.stderr);
    const [json] = jsonLines(run);
    assertAskJson(json!, question, null);
    assert.equal(json!.found, false);
    assert.ok((json!.nearest as unknown[]).length > 0);
  });

  test('--mode lexical and --mode dense answer too', async () => {
    for (const mode of ['lexical', 'dense']) {
      const question = '江阴市有多少家上市企业？';
      const run = await ask(['--json', '--mode', mode, question]);
      assert.equal(run.code, 0, run.stderr);
      const [json] = jsonLines(run);
      assertAskJson(json!, question, null);
    }
  });

  test('--file: one object per non-empty line with its id; malformed lines yield error objects and the rest go on', async () => {
    const dir = await makeTempDir('cli-jsonl');
    const file = path.join(dir, 'questions.jsonl');
    const lines = [
      JSON.stringify({ id: 'a', question: '江阴市有多少家上市企业？' }),
      '',
      'this is not json',
      JSON.stringify({ id: 7, question: '桃江县县长是谁？' }),
      JSON.stringify({ id: 'c' }),
      '   ',
      JSON.stringify({ id: 'd', question: '湖南省党政代表团在云南考察了哪些企业？' }),
    ];
    await fs.writeFile(file, `${lines.join('\r\n')}\r\n`);
    const run = await ask(['--json', '--file', file]);
    assert.equal(run.code, 0, run.stderr);
    const outputs = jsonLines(run);
    assert.equal(outputs.length, 5, run.stdout);
    assert.deepEqual(outputs[1], { id: null, line: 3, error: 'invalid JSON line' });
    assert.deepEqual(outputs[3], { id: 'c', line: 5, error: 'missing "question"' });
    assertAskJson(outputs[0]!, '江阴市有多少家上市企业？', 'a');
    assertAskJson(outputs[2]!, '桃江县县长是谁？', '7');
    assertAskJson(outputs[4]!, '湖南省党政代表团在云南考察了哪些企业？', 'd');
    assert.equal(outputs[0]!.found, true);
    assert.equal(outputs[4]!.found, false);
  });

  test('--file: a JSON line that is not an object yields an error object too', async () => {
    const dir = await makeTempDir('cli-jsonl-null');
    const file = path.join(dir, 'questions.jsonl');
    await fs.writeFile(file, ['null', JSON.stringify({ id: 'b', question: '桃江县县长是谁？' })].join('\n'));
    const run = await ask(['--json', '--file', file]);
    assert.equal(run.code, 0, run.stderr);
    const outputs = jsonLines(run);
    assert.equal(outputs.length, 2, run.stderr);
    assert.equal(outputs[0]!.line, 1);
    assert.equal(outputs[1]!.id, 'b');
  });

  test('--file that does not exist: exit 1 with a one-line message, not a stack trace', async () => {
    const run = await ask(['--json', '--file', path.join(ROOT, 'no-such-questions.jsonl')]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /no-such-questions\.jsonl/);
    assert.ok(!/\n\s+at /.test(run.stderr), run.stderr);
  });

  test('without --json: the short answer, the quote with [1], then 来源： and a compact source line', async () => {
    const run = await ask(['江阴市有多少家上市企业？']);
    assert.equal(run.code, 0, run.stderr);
    const text = run.stdout.trimEnd();
    assert.match(text, /60多家上市企业[^\n]*\[1\]\n/);
    assert.match(text, /\n\n来源：\n\[1\] 湖南县市区党政“一把手”集体… · 新浪财经 · 2025-03-03 · ¶29$/);
  });

  test('--file lines sharing a "chat" id are one conversation: a follow-up is resolved and reported as understood', async () => {
    const dir = await makeTempDir('cli-chat');
    const file = path.join(dir, 'chat.jsonl');
    await fs.writeFile(file, [
      JSON.stringify({ id: 'a1', chat: 'c1', question: '湖南省党政代表团去了哪几个省？' }),
      JSON.stringify({ id: 'b1', chat: 'c2', question: '浙江省党政代表团去了哪里？' }),
      JSON.stringify({ id: 'a2', chat: 'c1', question: '他们签了什么协议？' }),
      JSON.stringify({ id: 'n1', question: '他们签了什么协议？' }),
    ].join('\n'));
    const run = await ask(['--json', '--file', file]);
    assert.equal(run.code, 0, run.stderr);
    const results = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const byId = new Map(results.map((r) => [r.id, r]));
    assert.equal(byId.get('a2').question, '他们签了什么协议？');
    assert.equal(byId.get('a2').understood, '湖南省党政代表团签了什么协议？');
    assert.equal(byId.get('a1').understood, '湖南省党政代表团去了哪几个省？');
    assert.equal(byId.get('n1').understood, '他们签了什么协议？', 'no chat id: no context');
  });

  test('an index built with another embedder is refused with the rebuild hint', async () => {
    const dir = await makeTempDir('cli-other-embedder');
    const config = testConfig(dir);
    await ingestInputs([path.join(ARTICLES_DIR, 'zhejiang-delegation-jiangsu-shanghai.txt')], {
      indexDir: dir,
      embedder: new HashedNgramEmbedder({ dimension: 64 }),
      chunk: config.chunk,
      fetch: config.fetch,
    });
    const run = await runCliCommand('ask', ['--json', '易炼红主持了什么会议？'], { INDEX_DIR: dir });
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /index: built with embedder/);
    assert.match(run.stderr, /npm run ingest -- --rebuild/);
  });
});

describe('ask: failures and exit codes', () => {
  const cases: Array<{ name: string; args: string[]; env: (emptyDir: string) => Record<string, string>; code: number; stderr: RegExp[] }> = [
    { name: 'no index: exit 1, tells how to build one', args: ['--json', '问题'], env: (d) => ({ INDEX_DIR: d }), code: 1, stderr: [/npm run ingest/] },
    { name: 'unknown option: exit 2 with usage', args: ['--bogus', '问题'], env: (d) => ({ INDEX_DIR: d }), code: 2, stderr: [/unknown option --bogus/, /usage:/] },
    { name: 'bad --mode: exit 2', args: ['--mode', 'fuzzy', '问题'], env: (d) => ({ INDEX_DIR: d }), code: 2, stderr: [/--mode must be one of/] },
    { name: 'no question: exit 2', args: ['--json'], env: (d) => ({ INDEX_DIR: d }), code: 2, stderr: [/no question given/] },
    {
      name: 'invalid environment: exit 1 naming the variable',
      args: ['--json', '问题'],
      env: (d) => ({ INDEX_DIR: d, RETRIEVAL_RRF_K: 'abc' }),
      code: 1,
      stderr: [/RETRIEVAL_RRF_K/, /config:/],
    },
  ];
  for (const { name, args, env, code, stderr } of cases) {
    test(name, async () => {
      const emptyDir = await makeTempDir('cli-empty');
      const run = await runCliCommand('ask', args, env(emptyDir));
      assert.equal(run.code, code, run.stderr);
      assert.equal(run.stdout, '', 'nothing on stdout');
      for (const pattern of stderr) assert.match(run.stderr, pattern);
      assert.ok(!/\n\s+at /.test(run.stderr), `no stack trace: ${run.stderr}`);
    });
  }
});

describe('sources and ingest commands', () => {
  let indexDir = '';
  before(async () => {
    indexDir = await makeTempDir('cli-ingest');
  });

  test('ingest builds the index and prints a summary; a second run changes nothing', async () => {
    const first = await runCliCommand('ingest', ['data/articles'], { INDEX_DIR: indexDir });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /新增 5，更新 0，未变 0，重复 0，删除 0，失败 0。/);
    assert.match(first.stderr, /索引现有 5 篇文章, \d+ 段, \d+ 块（第 1 版）/);
    for (const docId of CORPUS_DOC_IDS) assert.match(first.stderr, new RegExp(`已收录 data/articles/${docId}\\.txt → ${docId}`));
    const index = await IndexStore.open(indexDir);
    assert.equal(index?.manifest.counts.articles, 5);

    const second = await runCliCommand('ingest', ['data/articles'], { INDEX_DIR: indexDir });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /新增 0，更新 0，未变 5，重复 0，删除 0，失败 0。索引无变化/);
    assert.equal((await IndexStore.readManifest(indexDir))?.generation, 1);
  });

  test('sources --json lists the five articles with titles', async () => {
    const run = await runCliCommand('sources', ['--json'], { INDEX_DIR: indexDir });
    assert.equal(run.code, 0, run.stderr);
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(rows.map((r) => r.docId), [...CORPUS_DOC_IDS]);
    for (const row of rows) {
      assert.equal(typeof row.title, 'string');
      assert.ok((row.title as string).length > 5, `title of ${String(row.docId)}`);
      assert.equal(row.file, `data/articles/${String(row.docId)}.txt`);
      assert.ok(Number.isInteger(row.paragraphs) && (row.paragraphs as number) > 0);
      for (const key of ['source', 'publishedAt', 'url', 'author', 'addedAt']) assert.ok(key in row, `${key} present`);
    }
    const red = rows.find((r) => r.docId === 'hunan-delegation-guangdong-jiangxi-hubei');
    assert.equal(red?.title, '粤赣鄂归来,湖南决策层“趁热”开了学习考察总结会');
    assert.equal(red?.source, '红网');
    assert.equal(red?.url, 'https://hn.rednet.cn/content/646743/74/13104918.html');
  });

  test('sources without --json: a count line, then each article with 来源不详/日期不详 where unknown', async () => {
    const run = await runCliCommand('sources', [], { INDEX_DIR: indexDir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^共 5 篇文章（嵌入模型：builtin:hashed-ngrams-v1-d512）/);
    assert.match(run.stdout, /- hunan-leaders-supervise-cities\n {2}湖南省委书记省长带队,省领导赴市州密集督导\n {2}来源不详 · 日期不详 · 52 段\n/);
    assert.match(run.stdout, /\n {2}https:\/\/hn\.rednet\.cn\/content\/646743\/74\/13104918\.html\n/);
  });

  test('ingest --remove takes an article out', async () => {
    const run = await runCliCommand('ingest', ['--remove', 'zhejiang-delegation-jiangsu-shanghai'], { INDEX_DIR: indexDir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /已删除 zhejiang-delegation-jiangsu-shanghai/);
    assert.match(run.stderr, /索引现有 4 篇文章/);
    const index = await IndexStore.open(indexDir);
    assert.equal(index?.corpus.getArticle('zhejiang-delegation-jiangsu-shanghai'), undefined);
  });

  test('ingest with nothing to do exits 2; with only bad inputs exits 1', async () => {
    const nothing = await runCliCommand('ingest', [], { INDEX_DIR: indexDir });
    assert.equal(nothing.code, 2);
    assert.match(nothing.stderr, /nothing to ingest/);
    const bad = await runCliCommand('ingest', ['data/no-such-file.txt'], { INDEX_DIR: indexDir });
    assert.equal(bad.code, 1, bad.stderr);
    assert.match(bad.stderr, /未收录 data\/no-such-file\.txt：找不到该文件或目录/);
    assert.match(bad.stderr, /失败 1。索引无变化/);
  });

  test('sources with no index says how to build one', async () => {
    const empty = await makeTempDir('cli-sources-empty');
    const run = await runCliCommand('sources', [], { INDEX_DIR: empty });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /还没有索引。先运行：npm run ingest -- /);
    const json = await runCliCommand('sources', ['--json'], { INDEX_DIR: empty });
    assert.deepEqual(JSON.parse(json.stdout), []);
  });
});
