/**
 * `check` as scripts run it: a real child process (`node --import tsx src/cli/check.ts`) against a temp INDEX_DIR, offline.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ROOT, buildCorpusIndex, makeTempDir, removeTempDirs } from '../helpers/corpus-index.ts';
import { runCli, type CliRun } from '../helpers/run-cli.ts';

after(removeTempDirs);

const CHILD_TIMEOUT_MS = 60_000;

let env: Record<string, string> = {};

before(async () => {
  const built = await buildCorpusIndex('check-cli');
  env = { INDEX_DIR: built.dir, MODELS_DIR: await makeTempDir('models'), EMBEDDING_OFFLINE: '1', MAX_QUESTION_CHARS: '60' };
});

function runCheck(args: string[]): Promise<CliRun> {
  return runCli('check', args, env, CHILD_TIMEOUT_MS);
}

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('check CLI', () => {
  test('--json with one claim prints the contract object', async () => {
    const run = await runCheck(['--json', '郴州党政考察团这次3天走了5座城市。']);
    assert.equal(run.code, 0, run.stderr);
    const [object, ...rest] = jsonLines(run.stdout);
    assert.equal(rest.length, 0);
    assert.deepEqual(Object.keys(object!), ['id', 'claim', 'verdict', 'explanation', 'mismatches', 'evidence', 'facts']);
    assert.equal(object!.id, null);
    assert.equal(object!.verdict, 'contradicted');
    assert.deepEqual(object!.mismatches, [{ kind: 'number', claim: '5座城市', source: '4座城市' }]);
    const evidence = object!.evidence as Array<Record<string, unknown>>;
    assert.deepEqual(Object.keys(evidence[0]!), ['n', 'paragraphId', 'docId', 'file', 'title', 'paragraph', 'quote', 'text']);
    assert.equal(evidence[0]!.docId, 'chenzhou-delegation-guangzhou');
  });

  test('--file: one line out per claim line, errors on their own line, no crash', async () => {
    const dir = await makeTempDir('claims');
    const file = path.join(dir, 'claims.jsonl');
    await fs.writeFile(
      file,
      [
        JSON.stringify({ id: 'a', claim: '湖南省党政代表团9月23日考察了华为终端总部。' }),
        'not json',
        JSON.stringify({ id: 7 }),
        '',
        JSON.stringify({ id: 'long', claim: '湖南'.repeat(40) }),
        JSON.stringify({ id: 'b', claim: '郴州党政考察团在深圳考察了腾讯公司。' }),
      ].join('\n'),
    );
    const run = await runCheck(['--json', '--file', file]);
    assert.equal(run.code, 0, run.stderr);
    const lines = jsonLines(run.stdout);
    assert.deepEqual(
      lines.map((l) => [l.id, l.verdict ?? l.error]),
      [
        ['a', 'supported'],
        [null, 'invalid JSON line'],
        ['7', 'missing "claim"'],
        ['long', 'claim is longer than 60 characters'],
        ['b', 'not_found'],
      ],
    );
  });

  test('the facts field gives each fact its status', async () => {
    const run = await runCheck(['--json', '郴州党政考察团这次3天走了5座城市。']);
    const [object] = jsonLines(run.stdout);
    const facts = object!.facts as Array<Record<string, unknown>>;
    assert.ok(facts.some((f) => f.kind === 'quantity' && f.claim === '5座城市' && f.status === 'contradicted' && f.source === '4座城市'));
    assert.ok(facts.some((f) => f.kind === 'quantity' && f.claim === '3天' && f.status === 'confirmed' && typeof f.paragraphId === 'string'));
  });

  test('a draft (several sentences, or a .md file) gives one verdict per sentence, worst first', async () => {
    const dir = await makeTempDir('draft');
    const file = path.join(dir, 'draft.md');
    await fs.writeFile(file, '# 草稿\n\n郴州党政考察团这次3天走了4座城市。郴州党政考察团这次3天走了5座城市。\n');
    const fromFile = await runCheck(['--json', '--file', file]);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.deepEqual(
      jsonLines(fromFile.stdout).map((l) => [l.id, l.verdict]),
      [
        ['2', 'contradicted'],
        ['1', 'supported'],
      ],
    );
    const text = await runCheck(['郴州党政考察团这次3天走了4座城市。郴州党政考察团这次3天走了5座城市。']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^共核查2句：⚠️ 有出入 1 句/);
    assert.ok(text.stdout.indexOf('⚠️ 有出入（第2句）') < text.stdout.indexOf('✅ 属实（第1句）'));
  });

  test('usage errors exit 2 with a message', async () => {
    const run = await runCheck(['--json']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no claim given/);
    assert.equal(run.stdout, '');
  });
});
