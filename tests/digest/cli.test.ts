/** `npm run digest` as users run it: a child process against a temp INDEX_DIR and DATA_DIR. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DATABASE_FILE, type DigestJson } from '../../src/digest/index.ts';
import { CORPUS_DOC_IDS, buildCorpusIndex, makeTempDir, removeTempDirs, type CorpusIndex } from '../helpers/corpus-index.ts';
import { runCli, type CliRun } from '../helpers/run-cli.ts';

after(removeTempDirs);

function runDigest(args: string[], env: Record<string, string>): Promise<CliRun> {
  return runCli('digest', args, env);
}

let corpus: CorpusIndex;
let dataDir: string;
before(async () => {
  corpus = await buildCorpusIndex('digest-cli');
  dataDir = path.join(await makeTempDir('digest-cli-data'), 'state');
});

describe('npm run digest', () => {
  test('--json --since 2000-01-01 prints the JSON contract with verbatim quotes for every article', async () => {
    const run = await runDigest(['--json', '--since', '2000-01-01'], { INDEX_DIR: corpus.dir, DATA_DIR: dataDir });
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 1, 'one JSON document on stdout');
    const json = JSON.parse(lines[0]!) as DigestJson;
    assert.deepEqual(Object.keys(json), ['overview', 'items']);
    assert.equal(json.overview, '新增5篇，4次考察');
    assert.deepEqual(json.items.map((i) => i.docId).sort(), [...CORPUS_DOC_IDS].sort());
    for (const item of json.items) {
      assert.deepEqual(Object.keys(item), ['docId', 'title', 'source', 'date', 'dateText', 'url', 'tour', 'sentences']);
      assert.ok(item.tour !== null || item.sentences.length === 1, `${item.docId}: a tour line or its key sentence`);
      const quoted = [...(item.tour ? [item.tour.label, item.tour.when, item.tour.leaders, item.tour.sites].flatMap((f) => f?.citations ?? []) : []), ...item.sentences.flatMap((s) => s.citations)];
      for (const c of quoted) {
        assert.deepEqual(Object.keys(c), ['paragraphId', 'paragraph', 'quote']);
        const paragraph = corpus.index.corpus.getParagraph(c.paragraphId);
        assert.ok(paragraph && paragraph.kind !== 'caption' && paragraph.n === c.paragraph);
        assert.ok(paragraph.text.includes(c.quote), `verbatim quote in ${c.paragraphId}`);
      }
    }
    const red = json.items.find((i) => i.docId === 'hunan-delegation-guangdong-jiangxi-hubei')!;
    assert.deepEqual([red.source, red.date, red.url], ['红网', '2023-09-30', 'https://hn.rednet.cn/content/646743/74/13104918.html']);
    await fs.access(path.join(dataDir, DATABASE_FILE));
  });

  test('plain text by default, with [n] markers and a sources list', async () => {
    const run = await runDigest(['--since', '2000-01-01'], { INDEX_DIR: corpus.dir, DATA_DIR: dataDir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^考察通简报 · 自 2000-01-01 00:00 起\n新增5篇，4次考察\n\n1\. /);
    assert.match(run.stdout, /\n来源：\n(?:\[\d+\])+ /);
  });

  test('a future --since prints an empty digest', async () => {
    const run = await runDigest(['--json', '--since', '2999-01-01'], { INDEX_DIR: corpus.dir, DATA_DIR: dataDir });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { overview: '没有新增文章。', items: [] });
  });

  const bad: Array<{ args: string[]; message: RegExp }> = [
    { args: ['--since', '2026-02-30'], message: /--since must be a real date YYYY-MM-DD/ },
    { args: ['--since', '23/11/2026'], message: /--since must be a real date/ },
    { args: ['--since'], message: /--since needs a date/ },
    { args: ['--jsno'], message: /unknown argument --jsno/ },
  ];
  for (const row of bad) {
    test(`usage error: ${row.args.join(' ')}`, async () => {
      const run = await runDigest(row.args, { INDEX_DIR: corpus.dir, DATA_DIR: dataDir });
      assert.equal(run.code, 2);
      assert.match(run.stderr, row.message);
      assert.match(run.stderr, /usage: npm run --silent digest/);
      assert.equal(run.stdout, '');
    });
  }

  test('a missing index is one clear line, not a stack trace', async () => {
    const run = await runDigest(['--json'], { INDEX_DIR: path.join(dataDir, 'no-index'), DATA_DIR: dataDir });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /index: no index in .*npm run ingest/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
});
