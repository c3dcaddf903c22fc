/**
 * The terminal chat as users run it: `npm start` without a token (src/cli/start.ts in a child process, stdin piped),
 * over a temp index of data/articles. The same commands and follow-ups as the bot: /help, /sources, /source n,
 * /check, /new, /quit, "问题太长了", small talk; and no English line on a normal offline start.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { ROOT, buildCorpusIndex, makeTempDir, removeTempDirs } from '../helpers/corpus-index.ts';
import { scrubbedEnv } from '../helpers/run-cli.ts';

let child: ChildProcessWithoutNullStreams;
let stdout = '';
let stderr = '';
const PROMPT = '问> ';

/** Types a line and returns what the chat printed before its next prompt. */
async function say(line: string, timeoutMs = 20_000): Promise<string> {
  const from = stdout.length;
  child.stdin.write(`${line}\n`);
  const started = Date.now();
  while (!stdout.slice(from).includes(PROMPT)) {
    if (Date.now() - started > timeoutMs) throw new Error(`no prompt after "${line}"; stdout:\n${stdout.slice(from)}\nstderr:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return stdout.slice(from, stdout.indexOf(PROMPT, from)).trim();
}

before(async () => {
  const corpus = await buildCorpusIndex('terminal-chat');
  const modelsDir = await makeTempDir('terminal-chat-models');
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
    cwd: ROOT,
    env: scrubbedEnv({ INDEX_DIR: corpus.dir, MODELS_DIR: modelsDir, MAX_QUESTION_CHARS: '60' }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const started = Date.now();
  while (!stdout.includes(PROMPT)) {
    if (Date.now() - started > 30_000) throw new Error(`the chat did not start; stderr:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

after(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await removeTempDirs();
});

describe('terminal chat (npm start without a token)', () => {
  test('a normal offline start prints no English line: one Chinese line about the built-in embedder', () => {
    const lines = stderr.split('\n').filter(Boolean);
    for (const line of lines) assert.match(line, /\p{Script=Han}/u, `a Chinese line: ${line}`);
    assert.equal(lines.filter((l) => /内置离线嵌入/.test(l)).length, 1, stderr);
    assert.match(stdout, /终端问答模式/);
  });

  test('/help lists the commands with examples', async () => {
    const help = await say('/help');
    for (const command of ['/sources', '/source', '/check', '/new', '/quit']) assert.ok(help.includes(command), command);
    assert.match(help, /例如/);
  });

  test('an answer: short answer first, quotes with [n], compact sources; /source 1 shows the paragraph', async () => {
    const answer = await say('湖南省党政代表团去了哪几个省？');
    assert.match(answer, /\[1\]/);
    assert.match(answer, /\n来源：\n(?:\[\d+\])+ .+ · .+ · (?:\d{4}-\d{2}-\d{2}|日期不详) · ¶\d+/);
    const paragraph = await say('/source 1');
    assert.match(paragraph, /^\[1\] .+\n.+ · ¶\d+\n/);
    assert.match(await say('/source 99'), /没有第 99 条出处/);
  });

  test('a homophone typo is read as the articles word, and the chat says so', async () => {
    await say('/new');
    assert.match(await say('湖南省党政代表团在江西开的座坛会是谁主持的？'), /^（理解为：湖南省党政代表团在江西开的座谈会是谁主持的？）/);
    await say('/new');
  });

  test('follow-ups use the same context as the bot; /new clears it', async () => {
    await say('湖南省党政代表团去了哪几个省？');
    assert.match(await say('他们签了什么协议？'), /^（理解为：湖南省党政代表团签了什么协议？）/);
    assert.match(await say('/new'), /已开始新话题/);
    assert.doesNotMatch(await say('他们签了什么协议？'), /理解为/);
  });

  test('/check, /sources, too long, small talk and gibberish', async () => {
    assert.match(await say('/check 湖南省党政代表团赴广东、江西、湖北学习考察'), /^(?:✅|⚠️|❔)/u);
    assert.match(await say('/sources'), /资料库：共 5 篇文章/);
    assert.match(await say('问'.repeat(61)), /问题太长了（61 字），请控制在 60 字以内/);
    assert.match(await say('你好'), /你好！我是考察通/);
    assert.match(await say('谢谢'), /不客气/);
    assert.match(await say('qwrtzp xkcdv'), /没看懂，可以换个问法，例如：/);
    assert.match(await say('/nonsense'), /没有这个命令/);
  });

  test('/quit ends the session with exit code 0', async () => {
    child.stdin.write('/quit\n');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0, stderr);
  });
});
