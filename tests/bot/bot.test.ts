/**
 * The bot in-process against the Bot API emulator: the handlers, middleware and delivery paths that the
 * end-to-end test cannot steer (a scripted answerer gives long answers, drafts and failures; the emulator
 * injects 429/500 responses). Retrieval is real: the corpus index built from data/articles.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openQuestionAnswering, type QuestionAnswering } from '../../src/app.ts';
import type { AnswerOptions } from '../../src/answer/index.ts';
import { createBot, runBot, type RunningBot } from '../../src/bot/index.ts';
import { createLogger } from '../../src/log.ts';
import { buildCorpusIndex, removeTempDirs, testConfig } from '../helpers/corpus-index.ts';
import { TelegramEmulator, type EmulatedChat, type EmulatedUser } from '../helpers/telegram-emulator.ts';
import { answerWith, citation } from './fixtures.ts';

const TOKEN = '654321:IN-PROCESS-token';
const ADMIN: EmulatedUser = { id: 7, first_name: '管理员' };
let emulator: TelegramEmulator;
let running: RunningBot;
let qa: QuestionAnswering;
const logLines: string[] = [];
let nextUserId = 100;

/** A fresh user in a fresh private chat, so tests do not share context or rate-limit budget. */
function newUser(): { user: EmulatedUser; chat: EmulatedChat } {
  const id = nextUserId++;
  return { user: { id, first_name: `用户${id}` }, chat: { id, type: 'private', first_name: `用户${id}` } };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Scripted questions; anything else goes to the real question answering over the corpus. */
async function scriptedAsk(question: string, options?: AnswerOptions) {
  if (question === '长答案') {
    const sentences: Array<[string, number[]]> = Array.from({ length: 250 }, (_, i) => [`第${i}句：代表团考察了<园区> & 企业。`, [(i % 3) + 1]]);
    return { answer: answerWith(sentences, [1, 2, 3].map((n) => citation(n, { title: '<b>标题</b> & 文章' }))) };
  }
  if (question === '草稿') {
    for (const draft of ['湖南', '湖南省党政代表团', '湖南省党政代表团去了广东']) {
      options?.onDraft?.(draft);
      await sleep(80);
    }
    return { answer: answerWith([['湖南省党政代表团去了广东。', [1]]], [citation(1)]) };
  }
  if (question === '出错') throw new Error('answer: scripted failure');
  return qa.ask(question, options);
}

before(async () => {
  const corpus = await buildCorpusIndex('bot-inprocess');
  emulator = await TelegramEmulator.start({ token: TOKEN });
  const config = testConfig(corpus.dir, {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    ADMIN_USER_IDS: String(ADMIN.id),
    RATE_LIMIT_PER_MINUTE: '6',
    MAX_QUESTION_CHARS: '50',
  });
  const log = createLogger('debug', [TOKEN], (line) => logLines.push(line));
  qa = await openQuestionAnswering(config, log, { embedder: corpus.embedder });
  const service = { get index() { return qa.index; }, get embedder() { return qa.embedder; }, ask: scriptedAsk };
  const bot = createBot({
    knowledge: { current: () => service, reload: async () => false },
    telegram: config.telegram,
    maxQuestionChars: config.maxQuestionChars,
    log,
    behaviour: { draftEditIntervalMs: 50 },
  });
  running = await runBot(bot, { telegram: config.telegram, log, pollTimeoutSeconds: 1 });
});

after(async () => {
  await running.stop();
  await emulator.close();
  await removeTempDirs();
});

async function send(chat: EmulatedChat, user: EmulatedUser, text: string, count = 1) {
  const before = emulator.messages.length;
  emulator.sendText(chat, user, text);
  return emulator.waitForMessages(chat.id, count, { after: before });
}

describe('bot handlers', () => {
  test('a long answer is split at sentence boundaries, buttons on the last part only', async () => {
    const { user, chat } = newUser();
    const before = emulator.messages.length;
    emulator.sendText(chat, user, '长答案');
    // Wait for the part that carries the keyboard: it is the last one.
    await emulator.waitFor(() => emulator.messages.slice(before).some((m) => m.chat_id === chat.id && m.reply_markup), 10_000, 'the last part');
    const parts = emulator.messages.slice(before).filter((m) => m.chat_id === chat.id);
    assert.ok(parts.length >= 2, `${parts.length} parts`);
    assert.deepEqual(parts.map((m) => Boolean(m.reply_markup)), [...parts.slice(1).map(() => false), true]);
    for (const part of parts.slice(0, -1)) assert.match(part.text, /\[\d\]$/);
    assert.match(parts.at(-1)!.text, /&lt;b&gt;标题&lt;\/b&gt; &amp; 文章/);
  });

  test('streamed drafts are shown, then replaced by the final cited answer', async () => {
    const { user, chat } = newUser();
    const [message] = await send(chat, user, '草稿');
    await emulator.waitFor(() => /\[1\]/.test(message!.text) && message!.reply_markup, 5000, 'the final edit');
    assert.ok(message!.edits >= 1, 'the draft message was edited');
    assert.match(message!.text, /^湖南省党政代表团去了广东。\[1\]/);
    assert.equal(emulator.messagesTo(chat.id).length, 1, 'no second message');
  });

  test('429 and 500 from Telegram are retried: the answer is not lost', async () => {
    const { user, chat } = newUser();
    emulator.failNext('sendMessage', { status: 429, retryAfter: 1 });
    emulator.failNext('sendMessage', { status: 500 });
    const started = performance.now();
    const [reply] = await send(chat, user, '湖南省党政代表团去了哪几个省？');
    assert.match(reply!.text, /\[1\]/);
    assert.ok(performance.now() - started >= 1000, 'waited for retry_after');
  });

  test('per-user rate limit: a friendly message once, then silence', async () => {
    const { user, chat } = newUser();
    for (let i = 0; i < 6; i++) await send(chat, user, '/help');
    const [limited] = await send(chat, user, '湖南省党政代表团去了哪几个省？');
    assert.match(limited!.text, /提问太频繁了，请 \d+ 秒后再试/);
    emulator.sendText(chat, user, '再来一个');
    const other = newUser();
    await send(other.chat, other.user, '/help');
    assert.equal(emulator.messagesTo(chat.id).length, 7, 'the eighth message got no reply');
  });

  test('length cap, empty /ask and unknown commands get clear messages', async () => {
    const { user, chat } = newUser();
    assert.match((await send(chat, user, '问'.repeat(51)))[0]!.text, /问题太长了（51 字），请控制在 50 字以内/);
    assert.match((await send(chat, user, '/ask   '))[0]!.text, /请在命令后写上问题/);
    assert.match((await send(chat, user, '/nonsense'))[0]!.text, /没有这个命令/);
  });

  test('/source n shows the full cited paragraph of the last answer; /new forgets it', async () => {
    const { user, chat } = newUser();
    await send(chat, user, '湖南省党政代表团去了哪几个省？');
    const [paragraph] = await send(chat, user, '/source 1');
    assert.match(paragraph!.text, /^<b>\[1\] .+<\/b>\n.+ · ¶\d+\n<blockquote>/);
    assert.match((await send(chat, user, '/source 9'))[0]!.text, /没有第 9 条出处/);
    await send(chat, user, '/new');
    assert.match((await send(chat, user, '/source 1'))[0]!.text, /还没有可查看的出处/);
  });

  test('a follow-up is answered in terms of the previous question', async () => {
    const { user, chat } = newUser();
    await send(chat, user, '湖南省党政代表团去了哪几个省？');
    const [reply] = await send(chat, user, '他们还去了哪里？');
    assert.match(reply!.text, /^（理解为：湖南省党政代表团还去了哪里？）/);
  });

  test('/stats for admins only', async () => {
    const { user, chat } = newUser();
    assert.match((await send(chat, user, '/stats'))[0]!.text, /仅限管理员/);
    const adminChat: EmulatedChat = { id: ADMIN.id, type: 'private' };
    const [stats] = await send(adminChat, ADMIN, '/stats');
    assert.match(stats!.text, /文章：5\n段落：\d+/);
    assert.match(stats!.text, /嵌入模型：<code>builtin:hashed-ngrams/);
    assert.match(stats!.text, /运行时间：/);
  });

  test('/sources pages through the articles', async () => {
    const { user, chat } = newUser();
    const [page] = await send(chat, user, '/sources');
    assert.match(page!.text, /共 5 篇文章/);
  });

  test('a failing update gets an apology, logged with its update id, and the bot keeps answering', async () => {
    const { user, chat } = newUser();
    const [apology] = await send(chat, user, '出错');
    assert.match(apology!.text, /抱歉，处理这条消息时出错了/);
    assert.ok(logLines.some((l) => /update \d+ failed: answer: scripted failure/.test(l)));
    assert.match((await send(chat, user, '湖南省党政代表团去了哪几个省？'))[0]!.text, /\[1\]/);
  });

  test('inline mode returns up to three short cited answers', async () => {
    const { user } = newUser();
    const id = emulator.inlineQuery(user, '湖南省党政代表团去了哪几个省？');
    const answer = await emulator.waitFor(() => emulator.inlineAnswers.find((a) => a.inline_query_id === id), 10_000, 'the inline answer');
    assert.ok(answer.results.length >= 1 && answer.results.length <= 3);
    for (const result of answer.results) assert.match(String((result.input_message_content as { message_text: string }).message_text), /\[\d\]/);
  });

  test('no message was rejected by the emulator and the token never reached the logs', () => {
    assert.deepEqual(emulator.rejections, []);
    assert.ok(!logLines.join('\n').includes('IN-PROCESS-token'));
  });
});
