/**
 * Reliability defects of issue 11, each through the Bot API emulator: a failing typing indicator never delays the
 * answer, Bot API retries stay within a budget, an unreachable Bot API at start is logged and given up on, an index
 * locked by another writer gets a clear message, forged button data is always answered, and the refusal memory is
 * bounded.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net, { type AddressInfo } from 'node:net';
import { HttpError } from 'grammy';
import { openQuestionAnswering, type QuestionAnswering } from '../../src/app.ts';
import {
  budgetedRetry,
  BotError,
  createBot,
  createIndexMaintenance,
  RecentIds,
  RefusalBook,
  runBot,
  type RunningBot,
} from '../../src/bot/index.ts';
import { createLogger } from '../../src/log.ts';
import { IndexWriter } from '../../src/store/index.ts';
import { ARTICLES_DIR, buildCorpusIndex, removeTempDirs, testConfig, type CorpusIndex } from '../helpers/corpus-index.ts';
import { TelegramEmulator, type EmulatedChat, type EmulatedUser } from '../helpers/telegram-emulator.ts';

const TOKEN = '112233:RELIABILITY-token';
const ADMIN: EmulatedUser = { id: 9, first_name: '管理员' };
const QUESTION = '湖南省党政代表团去了哪几个省？';
let emulator: TelegramEmulator;
let running: RunningBot;
let qa: QuestionAnswering;
let corpus: CorpusIndex;
const logLines: string[] = [];
let nextUserId = 500;

function newUser(): { user: EmulatedUser; chat: EmulatedChat } {
  const id = nextUserId++;
  return { user: { id, first_name: `用户${id}` }, chat: { id, type: 'private', first_name: `用户${id}` } };
}

async function send(chat: EmulatedChat, user: EmulatedUser, text: string) {
  const before = emulator.messages.length;
  emulator.sendText(chat, user, text);
  return emulator.waitForMessages(chat.id, 1, { after: before, timeoutMs: 15_000 });
}

before(async () => {
  corpus = await buildCorpusIndex('bot-reliability');
  emulator = await TelegramEmulator.start({ token: TOKEN });
  const config = testConfig(corpus.dir, { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, ADMIN_USER_IDS: String(ADMIN.id) });
  const log = createLogger('debug', [TOKEN], (line) => logLines.push(line));
  qa = await openQuestionAnswering(config, log, { embedder: corpus.embedder });
  const bot = createBot({
    knowledge: { current: () => qa, reload: async () => false },
    telegram: config.telegram,
    maxQuestionChars: config.maxQuestionChars,
    log,
    maintenance: createIndexMaintenance({
      indexDir: corpus.dir,
      corpusDir: ARTICLES_DIR,
      embedder: corpus.embedder,
      chunk: config.chunk,
      fetch: config.fetch,
      uploadMaxBytes: config.telegram.uploadMaxBytes,
    }),
  });
  running = await runBot(bot, { telegram: config.telegram, log, pollTimeoutSeconds: 1 });
});

after(async () => {
  await running.stop();
  await emulator.close();
  await removeTempDirs();
});

describe('typing indicator is best effort', () => {
  test('a 429 on sendChatAction neither delays the answer nor is retried', async () => {
    const { user, chat } = newUser();
    emulator.failNext('sendChatAction', { status: 429, retryAfter: 5 });
    const actionsBefore = emulator.callsOf('sendChatAction').length;
    const started = performance.now();
    const [reply] = await send(chat, user, QUESTION);
    assert.match(reply!.text, /\[1\]/);
    assert.ok(performance.now() - started < 3_000, `answered in ${Math.round(performance.now() - started)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(emulator.callsOf('sendChatAction').length - actionsBefore, 1, 'the indicator was sent once, not retried');
  });

  test('a 500 on sendChatAction is not retried either', async () => {
    const { user, chat } = newUser();
    emulator.failNext('sendChatAction', { status: 500 });
    const actionsBefore = emulator.callsOf('sendChatAction').length;
    const started = performance.now();
    await send(chat, user, QUESTION);
    assert.ok(performance.now() - started < 3_000);
    assert.equal(emulator.callsOf('sendChatAction').length - actionsBefore, 1);
  });
});

describe('budgeted retries', () => {
  const ok = { ok: true as const, result: true };
  test('network errors are retried within the total budget, then thrown', async () => {
    const waits: number[] = [];
    const retry = budgetedRetry(
      { maxRetryAttempts: 100, maxDelaySeconds: 10, totalBudgetMs: 5_000, initialBackoffMs: 500 },
      { sleep: async (ms) => void waits.push(ms) },
    );
    let calls = 0;
    const prev = (async () => {
      calls++;
      throw new HttpError('Network request failed', new Error('ECONNREFUSED'));
    }) as never;
    await assert.rejects(retry(prev, 'sendMessage' as never, {} as never), HttpError);
    assert.ok(waits.reduce((a, b) => a + b, 0) <= 5_000, `waited ${waits.join('+')}`);
    assert.equal(calls, waits.length + 1);
  });

  test('a 429 longer than maxDelaySeconds is returned at once; a short one is waited for', async () => {
    const waits: number[] = [];
    const retry = budgetedRetry({ maxRetryAttempts: 5, maxDelaySeconds: 10, totalBudgetMs: 60_000, initialBackoffMs: 100 }, { sleep: async (ms) => void waits.push(ms) });
    const long = { ok: false as const, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 120 } };
    assert.deepEqual(await retry((async () => long) as never, 'sendMessage' as never, {} as never), long);
    assert.deepEqual(waits, []);
    let n = 0;
    const short = async () => (n++ === 0 ? { ok: false as const, error_code: 429, description: 'x', parameters: { retry_after: 2 } } : ok);
    assert.deepEqual(await retry(short as never, 'sendMessage' as never, {} as never), ok);
    assert.deepEqual(waits, [2_000]);
  });

  test('sendChatAction is never retried', async () => {
    let calls = 0;
    const retry = budgetedRetry(undefined, { sleep: async () => undefined });
    const failing = async () => {
      calls++;
      return { ok: false as const, error_code: 500, description: 'Internal Server Error' };
    };
    await retry(failing as never, 'sendChatAction' as never, {} as never);
    assert.equal(calls, 1);
  });
});

describe('Bot API unreachable at start', () => {
  test('each retry is logged with its reason, then the start fails with a clear message', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const lines: string[] = [];
    const log = createLogger('debug', [TOKEN], (line) => lines.push(line));
    const config = testConfig(corpus.dir, { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` });
    const bot = createBot({ knowledge: { current: () => qa, reload: async () => false }, telegram: config.telegram, maxQuestionChars: 100, log });
    const started = performance.now();
    await assert.rejects(
      runBot(bot, { telegram: config.telegram, log, startTimeoutMs: 1_500, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 200))) }),
      (error: unknown) => error instanceof BotError && /无法连接 Telegram Bot API/.test(error.message) && /ECONNREFUSED|network/.test(error.message),
    );
    assert.ok(performance.now() - started < 10_000);
    const retries = lines.filter((l) => /连接 Telegram Bot API 失败（第 \d+ 次：network error/.test(l));
    assert.ok(retries.length >= 2, lines.join('\n'));
    assert.ok(!lines.join('\n').includes('RELIABILITY-token'));
  });
});

describe('index lock and stale buttons', () => {
  test('/reindex while another writer holds the index lock says the index is being updated', async () => {
    const writer = await IndexWriter.open(corpus.dir, corpus.embedder.info);
    try {
      const adminChat: EmulatedChat = { id: ADMIN.id, type: 'private' };
      const before = emulator.messages.length;
      emulator.sendText(adminChat, ADMIN, '/reindex');
      const replies = await emulator.waitFor(() => {
        const found = emulator.messages.slice(before).filter((m) => m.chat_id === ADMIN.id);
        return found.length >= 2 ? found : undefined;
      }, 15_000, 'two replies');
      assert.match(replies[1]!.text, /索引正在更新，请稍后再试/);
      assert.ok(!replies.some((m) => /抱歉，处理这条消息时出错了/.test(m.text)));
    } finally {
      await writer.close();
    }
  });

  for (const data of ['sources:-1', 'x', 'p:no-such-doc#p1', 'k:zzz', 'sources:99999999999999999999999']) {
    test(`button data ${JSON.stringify(data)} always gets answerCallbackQuery`, async () => {
      const { user, chat } = newUser();
      const [reply] = await send(chat, user, '/sources');
      const id = emulator.pressButton(user, reply!, data);
      await emulator.waitFor(() => emulator.callbackAnswers.find((a) => a.callback_query_id === id), 5_000, `the answer to ${data}`);
    });
  }
});

describe('bounded memories', () => {
  test('the refusal book keeps at most its cap and drops expired chats', () => {
    let now = 0;
    const book = new RefusalBook(1_000, 100, () => now);
    for (let id = 1; id <= 20_000; id++) assert.equal(book.shouldRefuse(id), true);
    assert.ok(book.size <= 100, `${book.size} chats remembered`);
    assert.equal(book.shouldRefuse(20_000), false, 'within the cooldown: silence');
    now = 5_000;
    book.shouldRefuse(1);
    assert.equal(book.size, 1, 'expired chats pruned');
  });

  test('recent update ids are bounded', () => {
    const ids = new RecentIds(10);
    for (let i = 0; i < 1_000; i++) ids.add(i);
    assert.equal(ids.size, 10);
    assert.equal(ids.add(999), false);
    assert.equal(ids.add(1), true);
  });
});

test('no message was rejected by the emulator', () => {
  assert.deepEqual(emulator.rejections, []);
});
