/**
 * The digest commands in a real grammY Bot: updates go through `bot.handleUpdate`, and an API transformer answers
 * Telegram methods locally while recording every payload, so the test sees exactly what would reach Telegram.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Bot } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { Article } from '../../../src/domain.ts';
import { digestCommands, renderDigestHtml } from '../../../src/bot/index.ts';
import { DigestDatabase, DigestService, telegramTransport } from '../../../src/digest/index.ts';
import { buildCorpusIndex, makeTempDir, removeTempDirs } from '../../helpers/corpus-index.ts';
import { FakeClock, SwappableIndex, assertValidTelegramHtml, memoryLogger, redated, seedArticles } from '../../digest/fixtures.ts';

after(removeTempDirs);

const BOT_INFO: UserFromGetMe = {
  id: 42, is_bot: true, first_name: 'Kaocha', username: 'kaocha_bot', can_join_groups: true,
  can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false,
} as UserFromGetMe;

interface Call {
  method: string;
  payload: Record<string, unknown>;
}

let articles: Article[];
before(async () => {
  const seeds = seedArticles((await buildCorpusIndex('digest-telegram')).index);
  articles = [
    redated(seeds.get('hunan-delegation-guangdong-jiangxi-hubei')!, 'h1', '2026-11-23T01:00:00.000Z'),
    redated(seeds.get('chenzhou-delegation-guangzhou')!, 'c1', '2026-11-23T02:00:00.000Z'),
  ];
});

async function setup(options: { memberStatus?: string; blockedChats?: number[] } = {}) {
  const calls: Call[] = [];
  const bot = new Bot('123456:TEST-token', { botInfo: BOT_INFO });
  let messageId = 100;
  bot.api.config.use(async (_prev, method, payload) => {
    const p = payload as Record<string, unknown>;
    calls.push({ method, payload: p });
    if (method === 'sendMessage' && options.blockedChats?.includes(Number(p.chat_id))) {
      return { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } as never;
    }
    if (method === 'sendMessage') {
      return { ok: true, result: { message_id: ++messageId, date: 0, chat: { id: p.chat_id, type: 'private' }, text: p.text } } as never;
    }
    if (method === 'getChatMember') {
      return { ok: true, result: { status: options.memberStatus ?? 'member', user: { id: p.user_id, is_bot: false, first_name: 'U' } } } as never;
    }
    return { ok: true, result: true } as never;
  });
  const dir = await makeTempDir('digest-telegram-state');
  const db = DigestDatabase.open(dir);
  const clock = new FakeClock('2026-11-23T04:00:00Z');
  const log = memoryLogger();
  const service = new DigestService({
    db, clock, log, index: new SwappableIndex(articles).provider, transport: telegramTransport(bot.api), render: renderDigestHtml,
    defaults: { defaultTime: '08:00', defaultTimezone: 'Asia/Shanghai' },
  });
  bot.use(digestCommands(service, { log }));
  let updateId = 1;
  const send = async (text: string, chat: { id: number; type: 'private' | 'group' | 'supergroup' } = { id: 500, type: 'private' }) => {
    const before = calls.length;
    const command = text.split(' ')[0]!;
    const update = {
      update_id: updateId++,
      message: {
        message_id: updateId, date: 0, text,
        chat: chat.type === 'private' ? { id: chat.id, type: 'private', first_name: 'U' } : { id: chat.id, type: chat.type, title: '考察群' },
        from: { id: 700, is_bot: false, first_name: 'U' },
        entities: [{ type: 'bot_command', offset: 0, length: command.length }],
      },
    } as unknown as Update;
    await bot.handleUpdate(update);
    return calls.slice(before);
  };
  const texts = (sent: Call[]) => sent.filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text));
  return { bot, calls, db, clock, service, log, send, texts };
}

describe('digest commands', () => {
  test('/subscribe, /digest_settings, /digest and /unsubscribe in a private chat', async () => {
    const t = await setup();
    const [subscribed] = t.texts(await t.send('/subscribe 07:30'));
    assert.match(subscribed!, /已订阅每日简报：每天 07:30（Asia\/Shanghai）/);
    assert.match(subscribed!, /下次推送：2026-11-24 07:30/);
    assert.equal(t.service.getSubscription(500)?.time, '07:30');

    const [badTime] = t.texts(await t.send('/subscribe 25:00'));
    assert.match(badTime!, /时间格式不对/);
    assert.equal(t.service.getSubscription(500)?.time, '07:30', 'a bad time changes nothing');

    const [changed] = t.texts(await t.send('/digest_settings tz Asia/Tokyo'));
    assert.match(changed!, /已更新。[\s\S]*每天 07:30（Asia\/Tokyo）/);
    const [filtered] = t.texts(await t.send('/digest_settings region 湖南'));
    assert.match(filtered!, /地区筛选：湖南/);
    const [shown] = t.texts(await t.send('/digest_settings'));
    assert.match(shown!, /每日简报设置：[\s\S]*关键词筛选：无[\s\S]*修改方法/);

    const digestCalls = (await t.send('/digest')).filter((c) => c.method === 'sendMessage');
    assert.equal(digestCalls.length, 1);
    const digest = digestCalls[0]!;
    assert.equal(digest.payload.parse_mode, 'HTML');
    assert.equal(digest.payload.chat_id, 500);
    const html = String(digest.payload.text);
    assertValidTelegramHtml(html);
    assert.match(html, /新增2篇，2次考察/);
    // The tour line from its card, newest tour first; days with their month.
    assert.match(html, /<b>1\. 湖南省党政代表团赴粤赣鄂<\/b>\n9月23日至28日 · 湖南省委书记沈晓明、省长毛伟明带队 · 36个考察点\[1\]\[2\]/);
    assert.match(html, /<b>2\. 郴州党政代表团赴[^<]+<\/b>/);
    assert.match(html, /\[1\]\[2\] <a [^>]+>粤赣鄂归来…<\/a> · 红网/);
    assert.equal(t.db.listDeliveries(500).length, 1, '/digest is recorded in the delivery ledger');

    const [again] = t.texts(await t.send('/digest'));
    assert.match(again!, /没有新增文章/);

    assert.match(t.texts(await t.send('/unsubscribe'))[0]!, /已取消每日简报/);
    assert.match(t.texts(await t.send('/unsubscribe'))[0]!, /尚未订阅/);
    assert.match(t.texts(await t.send('/digest_settings time 09:00'))[0]!, /尚未订阅/);
    t.db.close();
  });

  const groups: Array<{ status: string; allowed: boolean }> = [
    { status: 'member', allowed: false },
    { status: 'administrator', allowed: true },
    { status: 'creator', allowed: true },
  ];
  for (const row of groups) {
    test(`in a group a ${row.status} ${row.allowed ? 'may' : 'may not'} subscribe or change settings`, async () => {
      const t = await setup({ memberStatus: row.status });
      const group = { id: -1001234, type: 'supergroup' as const };
      const sent = await t.send('/subscribe', group);
      assert.ok(sent.some((c) => c.method === 'getChatMember' && c.payload.user_id === 700), 'membership is checked');
      assert.equal(t.service.getSubscription(-1001234) !== null, row.allowed);
      if (!row.allowed) assert.match(t.texts(sent)[0]!, /只有群管理员/);
      // Anyone may look at the settings or ask for a digest.
      assert.doesNotMatch(t.texts(await t.send('/digest_settings', group))[0]!, /只有群管理员/);
      assert.equal(t.texts(await t.send('/digest', group)).length, 1);
      t.db.close();
    });
  }

  test('a 403 from Telegram unsubscribes the chat (through the real grammY transport)', async () => {
    const t = await setup({ blockedChats: [501] });
    t.service.subscribe(501);
    await t.service.runDue(t.clock.set('2026-11-24T00:00:00Z'));
    assert.equal(t.service.getSubscription(501), null);
    assert.ok(t.log.lines.some((l) => /chat 501 blocked the bot/.test(l)));
    t.db.close();
  });
});
