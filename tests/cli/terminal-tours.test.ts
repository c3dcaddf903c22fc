/**
 * /tours, /tour and /compare in the terminal chat: `TerminalChat.handle` over a real index of data/articles plus the
 * invented test articles (13 tours, three pages), and once through `npm start` without a token (src/cli/start.ts in
 * a child process) to see the commands are really there for users.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { openQuestionAnswering } from '../../src/app.ts';
import { QUIT, TerminalChat } from '../../src/chat/terminal.ts';
import { HashedNgramEmbedder } from '../../src/embed/index.ts';
import { ingestInputs } from '../../src/ingest/index.ts';
import { createLogger } from '../../src/log.ts';
import { ARTICLES_DIR, ROOT, buildCorpusIndex, makeTempDir, removeTempDirs, testConfig } from '../helpers/corpus-index.ts';
import { scrubbedEnv } from '../helpers/run-cli.ts';

let chat: TerminalChat;

/** A fresh chat over an index of `dirs`. */
async function chatOver(prefix: string, dirs: string[]): Promise<TerminalChat> {
  const dir = await makeTempDir(prefix);
  const config = testConfig(dir);
  const embedder = new HashedNgramEmbedder();
  await ingestInputs(dirs, { indexDir: dir, embedder, chunk: config.chunk, fetch: config.fetch, baseDir: ROOT });
  const qa = await openQuestionAnswering(config, createLogger('error'), { embedder });
  return new TerminalChat({ knowledge: () => qa, maxQuestionChars: config.maxQuestionChars });
}

before(async () => {
  chat = await chatOver('terminal-tours', [ARTICLES_DIR, path.join(ROOT, 'tests/fixtures/invented/articles')]);
});

after(removeTempDirs);

async function say(line: string, on: TerminalChat = chat): Promise<string> {
  const reply = await on.handle(line);
  assert.notEqual(reply, QUIT);
  return reply as string;
}

const listLines = (text: string) => text.split('\n').filter((line) => /^\d+\. /.test(line));

describe('terminal /tours', () => {
  test('pages with /tours <n>, 下一页 and 上一页; each tour once, newest first', async () => {
    const first = await say('/tours');
    assert.match(first, /^考察记录（共13条，第1\/3页，最新在前）/);
    assert.match(first, /下一页：\/tours 2（或输入“下一页”）/);
    const second = await say('下一页');
    assert.match(second, /第2\/3页/);
    assert.match(second, /上一页：\/tours；下一页：\/tours 3/);
    const third = await say('下一页');
    assert.match(third, /第3\/3页/);
    assert.equal(await say('下一页'), '已经是最后一页。');
    const ids = [first, second, third].flatMap(listLines).map((line) => /\[([^\]]+)\]$/.exec(line)![1]);
    assert.equal(new Set(ids).size, 13);
    assert.equal(ids[0], 'yingkou-changzhou-duikou-hezuo-2025#t1', 'the 2025-06 tour is the newest');
    assert.deepEqual(await say('/tours 3'), third);
    assert.match(await say('上一页'), /第2\/3页/);
  });

  test('下一页 without a list before it is an ordinary message, not a page', async () => {
    const fresh = await chatOver('terminal-tours-fresh', [ARTICLES_DIR]);
    assert.doesNotMatch(await say('下一页', fresh), /考察记录/);
  });

  test('filters by region and year, the page number after them', async () => {
    const both = await say('/tours 湖南 2023');
    assert.deepEqual(listLines(both).map((l) => l.replace(/^\d+\. /, '')), ['湖南省党政代表团赴广东、江西、湖北（2023-09-23）  [hunan-delegation-guangdong-jiangxi-hubei#t1]']);
    const jiangsu = await say('/tours 江苏');
    assert.match(jiangsu, /共6条，第1\/2页/);
    assert.match(jiangsu, /下一页：\/tours 江苏 2/);
    const page2 = await say('/tours 江苏 2');
    assert.match(page2, /共6条，第2\/2页/);
    assert.ok(listLines(page2).every((l) => /江[苏蘇]/.test(l)), page2);
    assert.match(await say('/tours 北京'), /^没有找到符合“北京”的考察记录。用 \/tours 查看全部考察记录。$/);
  });
});

describe('terminal /tour and /compare', () => {
  test('/tour: one line per field with [n], then the numbered verbatim quotes', async () => {
    const card = await say('/tour 郴州');
    assert.match(card, /^【郴州党政代表团】/);
    const n = /\n考察点数：17个\[(\d+)\]\n/.exec(card)?.[1];
    assert.ok(n, card);
    assert.match(card, new RegExp(`\\n\\[${n}\\] chenzhou-delegation-guangzhou#p\\d+（¶\\d+）：[^\\n]*17个考察点`));
  });

  test('/tour with a card id from the list shows that card', async () => {
    assert.match(await say('/tour zhejiang-delegation-jiangsu-shanghai#t1'), /^【浙江省党政代表团】2023-04-12/);
  });

  test('/tour: usage with a working example; no match says so', async () => {
    const usage = await say('/tour');
    const example = /例如：(\/tour \S+)/.exec(usage)?.[1];
    assert.ok(example, usage);
    assert.match(await say(example), /^【.+】/);
    assert.match(await say('/tour 北京'), /^没有找到与“北京”相关的考察记录/);
  });

  test('/compare: 甲 and 乙 per field; usage and misses', async () => {
    const comparison = await say('/compare 郴州 营口');
    assert.match(comparison, /^对比：甲 郴州党政代表团｜乙 营口市党政代表团/);
    assert.match(comparison, /\n考察点数\n {2}甲：17个\n {2}乙：未提及/);
    assert.match(await say('/compare'), /^用法：\/compare 甲 乙.*\n例如：\/compare \S+ \S+$/);
    assert.match(await say('/compare 郴州 北京'), /没有找到与“北京”相关的考察记录/);
  });

  test('/help lists the tour commands', async () => {
    const help = await say('/help');
    for (const usage of [/^\/tours \[地区\] \[年份\]/m, /^\/tour <关键词>/m, /^\/compare <甲> <乙>/m]) assert.match(help, usage);
  });
});

describe('npm start without a token', () => {
  test('/help and /tours reach the tour commands', { timeout: 60_000 }, async () => {
    const corpus = await buildCorpusIndex('terminal-tours-start');
    const modelsDir = await makeTempDir('terminal-tours-models');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
      cwd: ROOT,
      env: scrubbedEnv({ INDEX_DIR: corpus.dir, MODELS_DIR: modelsDir }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stdin.end('/help\n/tours\n/quit\n');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 0);
    assert.match(stdout, /\/tours \[地区\] \[年份\]/);
    assert.match(stdout, /考察记录（共5条，第1\/1页，最新在前）/);
  });
});
