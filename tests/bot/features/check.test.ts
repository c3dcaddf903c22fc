/**
 * The /check command in a real grammY Bot: updates go through `bot.handleUpdate`, and an API transformer captures
 * what the bot would send instead of calling Telegram.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Bot } from 'grammy';
import type { Message, Update, UserFromGetMe } from 'grammy/types';
import { openQuestionAnswering } from '../../../src/app.ts';
import { createLogger } from '../../../src/log.ts';
import { CHECK_MESSAGES, checkCommands } from '../../../src/bot/index.ts';
import { EvidenceFactChecker, type FactChecker } from '../../../src/factcheck/index.ts';
import { buildCorpusIndex, removeTempDirs } from '../../helpers/corpus-index.ts';

after(removeTempDirs);

const BOT_INFO = {
  id: 42,
  is_bot: true,
  first_name: 'Kaocha',
  username: 'kaocha_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;

interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

function makeBot(checker: FactChecker, maxClaimChars = 200): { bot: Bot; calls: ApiCall[] } {
  const bot = new Bot('42:TEST', { botInfo: BOT_INFO });
  const calls: ApiCall[] = [];
  bot.api.config.use(async (_previous, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    const result = method === 'sendMessage' ? { message_id: 1000 + calls.length, date: 0, chat: { id: 1, type: 'private' }, text: '' } : true;
    return { ok: true, result } as never;
  });
  bot.use(checkCommands(checker, { maxClaimChars, log: createLogger('error', [], () => undefined) }));
  return { bot, calls };
}

let updateId = 1;
function commandUpdate(text: string, replyTo?: Partial<Message>): Update {
  const command = text.split(' ')[0]!;
  return {
    update_id: updateId++,
    message: {
      message_id: 10,
      date: 0,
      chat: { id: 1, type: 'private', first_name: 'Staff' },
      from: { id: 7, is_bot: false, first_name: 'Staff' },
      text,
      entities: [{ type: 'bot_command', offset: 0, length: command.length }],
      ...(replyTo ? { reply_to_message: { message_id: 9, date: 0, chat: { id: 1, type: 'private', first_name: 'Staff' }, ...replyTo } as Message } : {}),
    } as Update["message"],
  };
}

function sent(calls: ApiCall[]): Array<Record<string, unknown>> {
  return calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload);
}

let realChecker: FactChecker;

before(async () => {
  const built = await buildCorpusIndex('check-bot');
  const qa = await openQuestionAnswering(built.config, createLogger('error'), { embedder: built.embedder });
  realChecker = new EvidenceFactChecker({ retriever: qa.retriever, corpus: qa.index.corpus });
});

describe('/check in a grammY bot', () => {
  test('/check <claim> replies with the verdict, the explanation and cited evidence in HTML', async () => {
    const { bot, calls } = makeBot(realChecker);
    await bot.handleUpdate(commandUpdate('/check 湖南省党政代表团赴广东、江西、湖北学习考察，共考察了37个点。'));
    assert.equal(calls[0]?.method, 'sendChatAction');
    assert.equal(calls[0]?.payload.action, 'typing');
    const [reply, ...more] = sent(calls);
    assert.equal(more.length, 0);
    assert.equal(reply!.parse_mode, 'HTML');
    assert.deepEqual(reply!.reply_parameters, { message_id: 10, allow_sending_without_reply: true });
    const text = String(reply!.text);
    assert.ok(text.startsWith('<b>⚠️ 有出入</b>'), text);
    assert.match(text, /原文为36个考察点，而非37个点/);
    assert.match(text, /<blockquote>[^<]*36个考察点[^<]*<\/blockquote>\[\d+\]/);
    assert.match(text, /(?:\[\d+\])+ <a href="[^"]+">粤赣鄂归来…<\/a> · 红网 · 2023-09-30 · ¶\d+/);
  });

  test('/check as a reply checks the replied message', async () => {
    const { bot, calls } = makeBot(realChecker);
    await bot.handleUpdate(commandUpdate('/check', { text: '湖南省党政代表团9月23日考察了华为终端总部。' }));
    const [reply] = sent(calls);
    assert.ok(String(reply!.text).startsWith('<b>✅ 属实</b>'), String(reply!.text));
    assert.match(String(reply!.text), /华为终端总部/);
  });

  test('empty input gets the usage, an over-long claim a clear limit, and hostile text stays escaped', async () => {
    const claims: string[] = [];
    const stub: FactChecker = {
      async check(claim) {
        claims.push(claim);
        return { claim, verdict: 'not_found', explanation: '现有文章中未找到相关内容。', mismatches: [], evidence: [], facts: [], timings: { retrieve: 0, check: 0, total: 0 } };
      },
    };
    const { bot, calls } = makeBot(stub, 20);
    await bot.handleUpdate(commandUpdate('/check'));
    await bot.handleUpdate(commandUpdate(`/check ${'长'.repeat(21)}`));
    await bot.handleUpdate(commandUpdate('/check <b>&amp</b>'));
    const replies = sent(calls);
    assert.equal(replies[0]!.text, CHECK_MESSAGES.usage);
    assert.equal(replies[1]!.text, CHECK_MESSAGES.tooLong(20));
    assert.deepEqual(claims, ['<b>&amp</b>']);
    assert.match(String(replies[2]!.text), /断言：&lt;b&gt;&amp;amp&lt;\/b&gt;/);
  });

  test('a failing checker gets a short apology, not a crash', async () => {
    const failing: FactChecker = {
      async check() {
        throw new Error('boom');
      },
    };
    const { bot, calls } = makeBot(failing);
    await bot.handleUpdate(commandUpdate('/check 沈晓明去了衡阳'));
    assert.equal(sent(calls)[0]!.text, CHECK_MESSAGES.failed);
  });
});
