/**
 * Webhook mode for real: runBot starts its node:http server on a free 127.0.0.1 port and registers the webhook
 * with the Bot API emulator; the tests then play Telegram, POSTing Update JSON to that server with and without
 * the secret token, and watch the emulator for the bot's replies. Retrieval is real (the corpus index).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net, { type AddressInfo } from 'node:net';
import { openQuestionAnswering, type QuestionAnswering } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { AnswerOptions } from '../../src/answer/index.ts';
import { ALLOWED_UPDATES, createBot, runBot, type RunningBot } from '../../src/bot/index.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { buildCorpusIndex, removeTempDirs, testConfig } from '../helpers/corpus-index.ts';
import { TelegramEmulator } from '../helpers/telegram-emulator.ts';
import { answerWith, citation } from './fixtures.ts';

const TOKEN = '765432:WEBHOOK-token';
const SECRET = 'webhook-Secret_42';
const WEBHOOK_PATH = '/telegram/kaocha-hook';
const WEBHOOK_URL = `https://kaocha.example.org${WEBHOOK_PATH}`;
const QUESTION = '湖南省党政代表团去了哪几个省？';
/** A question the scripted answerer takes this long over, to catch a bot that answers after acknowledging. */
const SLOW_QUESTION = '慢问题';
const SLOW_ANSWER_MS = 1_500;
/** How long "no reply" is waited for: far longer than a scripted or corpus answer takes here. */
const SILENCE_MS = 500;
/** The webhook body limit this bot runs with (smaller than the default, which a real update never nears). */
const MAX_BODY_BYTES = 64 * 1024;

let emulator: TelegramEmulator;
let running: RunningBot;
let qa: QuestionAnswering;
let config: Config;
let log: Logger;
let knowledge: Parameters<typeof createBot>[0]['knowledge'];
let port: number;
let stopped = false;
const logLines: string[] = [];
let nextUserId = 200;
let nextUpdateId = 1;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on right now: bind port 0 on 127.0.0.1, read the number, release it. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port: free } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return free;
}

/** A Telegram Update: a private text message from a fresh user (fresh chat, own rate-limit budget). */
function textUpdate(text: string): { chatId: number; update: Record<string, unknown> } {
  const id = nextUserId++;
  const chat = { id, type: 'private', first_name: `用户${id}` };
  const from = { id, is_bot: false, first_name: `用户${id}` };
  const update = { update_id: nextUpdateId++, message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat, from, text } };
  return { chatId: id, update };
}

/** POSTs like Telegram does; `secret: undefined` leaves the header out. */
async function deliver(body: string, options: { secret?: string; path?: string; method?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.secret !== undefined) headers['x-telegram-bot-api-secret-token'] = options.secret;
  const response = await fetch(`http://127.0.0.1:${port}${options.path ?? WEBHOOK_PATH}`, {
    method: options.method ?? 'POST',
    headers,
    ...(options.method === 'GET' ? {} : { body }),
  });
  await response.arrayBuffer();
  return response;
}

async function scriptedAsk(question: string, options?: AnswerOptions) {
  if (question === SLOW_QUESTION) {
    await sleep(SLOW_ANSWER_MS);
    return { answer: answerWith([['慢慢回答的一句话。', [1]]], [citation(1)]) };
  }
  return qa.ask(question, options);
}

before(async () => {
  const corpus = await buildCorpusIndex('bot-webhook');
  emulator = await TelegramEmulator.start({ token: TOKEN });
  port = await freePort();
  config = testConfig(corpus.dir, {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    WEBHOOK_URL,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
  });
  log = createLogger('debug', [TOKEN, SECRET], (line) => logLines.push(line));
  qa = await openQuestionAnswering(config, log, { embedder: corpus.embedder });
  const service = { get index() { return qa.index; }, get embedder() { return qa.embedder; }, ask: scriptedAsk };
  knowledge = { current: () => service, reload: async () => false };
  const bot = createBot({
    knowledge,
    telegram: config.telegram,
    maxQuestionChars: config.maxQuestionChars,
    log,
  });
  running = await runBot(bot, { telegram: config.telegram, log, webhookHost: '127.0.0.1', webhookMaxBodyBytes: MAX_BODY_BYTES });
});

after(async () => {
  if (!stopped) await running.stop();
  await emulator.close();
  await removeTempDirs();
});

describe('webhook mode', () => {
  test('runBot registers the webhook with the configured URL and secret and reports webhook mode', () => {
    assert.equal(running.mode, 'webhook');
    const calls = emulator.callsOf('setWebhook');
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.params.url, WEBHOOK_URL);
    assert.equal(calls[0]!.params.secret_token, SECRET);
    assert.deepEqual(calls[0]!.params.allowed_updates, [...ALLOWED_UPDATES]);
    assert.equal(emulator.callsOf('deleteWebhook').length, 0, 'webhook mode must not delete its own webhook');
    assert.equal(emulator.callsOf('getUpdates').length, 0, 'webhook mode does not poll');
    assert.ok(!logLines.some((line) => line.includes(SECRET)), 'the secret never reaches the log');
  });

  test('an update with the right secret is acknowledged with 200 and answered with a citation', async () => {
    const { chatId, update } = textUpdate(QUESTION);
    const before = emulator.messages.length;
    const response = await deliver(JSON.stringify(update), { secret: SECRET });
    assert.equal(response.status, 200);
    const [reply] = await emulator.waitForMessages(chatId, 1, { after: before });
    assert.match(reply!.text, /\[1\]/);
    assert.equal(reply!.parse_mode, 'HTML');
  });

  const refused: Array<{ name: string; secret?: string; path?: string; method?: string; status: number }> = [
    { name: 'a wrong secret', secret: 'not-the-secret', status: 401 },
    { name: 'a secret of the right length but wrong', secret: SECRET.replace(/.$/, 'X'), status: 401 },
    { name: 'no secret header', status: 401 },
    { name: 'another path', secret: SECRET, path: '/elsewhere', status: 404 },
    { name: 'a GET', secret: SECRET, method: 'GET', status: 404 },
  ];
  for (const { name, secret, path, method, status } of refused) {
    test(`${name} is refused (${status}) and nothing is sent`, async () => {
      const { chatId, update } = textUpdate(QUESTION);
      const response = await deliver(JSON.stringify(update), { secret, path, method });
      assert.equal(response.status, status);
      await sleep(SILENCE_MS);
      assert.equal(emulator.messagesTo(chatId).length, 0);
      assert.equal(emulator.callsOf('sendChatAction').filter((c) => Number(c.params.chat_id) === chatId).length, 0);
    });
  }

  const malformed: Array<[string, string]> = [
    ['not JSON', '{"update_id": 1, "message": '],
    ['JSON that is not an update', '[1, 2, 3]'],
    ['an empty body', ''],
  ];
  for (const [name, body] of malformed) {
    test(`a body that is ${name} gets 400 and the server keeps answering`, async () => {
      const bad = await deliver(body, { secret: SECRET });
      assert.equal(bad.status, 400);
      const { chatId, update } = textUpdate(QUESTION);
      const before = emulator.messages.length;
      const good = await deliver(JSON.stringify(update), { secret: SECRET });
      assert.equal(good.status, 200);
      const [reply] = await emulator.waitForMessages(chatId, 1, { after: before });
      assert.match(reply!.text, /\[1\]/);
    });
  }

  test('a body over the size limit gets 413 and is not handled', async () => {
    const { chatId, update } = textUpdate(QUESTION);
    const padded = JSON.stringify({ ...update, padding: 'x'.repeat(MAX_BODY_BYTES) });
    assert.equal((await deliver(padded, { secret: SECRET })).status, 413);
    await sleep(SILENCE_MS);
    assert.equal(emulator.messagesTo(chatId).length, 0);
  });

  test('a failed setWebhook rejects runBot and leaves the port free', async () => {
    const otherPort = await freePort();
    const telegram = { ...config.telegram, port: otherPort };
    // No retries: the injected 500 must reach runBot instead of being backed off.
    const retry = { maxRetryAttempts: 0, maxDelaySeconds: 0 };
    const bot = createBot({ knowledge, telegram, maxQuestionChars: config.maxQuestionChars, log, retry });
    emulator.failNext('setWebhook', { status: 500 });
    await assert.rejects(runBot(bot, { telegram, log, webhookHost: '127.0.0.1' }), /Internal Server Error/);
    const probe = net.createServer();
    await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(otherPort, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });

  test('a slow answer is acknowledged at once and answered exactly once', async () => {
    const { chatId, update } = textUpdate(SLOW_QUESTION);
    const started = performance.now();
    const response = await deliver(JSON.stringify(update), { secret: SECRET });
    assert.equal(response.status, 200);
    // Telegram redelivers an update it has no 2xx for in time; acknowledging only after answering invites that.
    assert.ok(performance.now() - started < SLOW_ANSWER_MS, 'acknowledged before the answer was ready');
    const [reply] = await emulator.waitForMessages(chatId, 1, { timeoutMs: SLOW_ANSWER_MS * 4 });
    assert.match(reply!.text, /^慢慢回答的一句话。\[1\]/);
    await sleep(SILENCE_MS);
    assert.equal(emulator.messagesTo(chatId).length, 1);
  });

  test('the same update_id posted twice is answered once', async () => {
    const { chatId, update } = textUpdate(QUESTION);
    const before = emulator.messages.length;
    assert.equal((await deliver(JSON.stringify(update), { secret: SECRET })).status, 200);
    assert.equal((await deliver(JSON.stringify(update), { secret: SECRET })).status, 200, 'a redelivery is still acknowledged');
    await emulator.waitForMessages(chatId, 1, { after: before });
    await sleep(SILENCE_MS);
    assert.equal(emulator.messages.slice(before).filter((m) => m.chat_id === chatId).length, 1);
  });

  test('stop() lets an update in flight finish, then the port refuses connections', async () => {
    const { chatId, update } = textUpdate(SLOW_QUESTION);
    assert.equal((await deliver(JSON.stringify(update), { secret: SECRET })).status, 200);
    await running.stop();
    stopped = true;
    assert.equal(emulator.messagesTo(chatId).length, 1, 'the answer in flight was sent before stop() resolved');
    await assert.rejects(
      deliver(JSON.stringify(textUpdate(QUESTION).update), { secret: SECRET }),
      (error: Error & { cause?: { code?: string } }) => error.cause?.code === 'ECONNREFUSED',
    );
    await running.stop(); // idempotent
  });
});
