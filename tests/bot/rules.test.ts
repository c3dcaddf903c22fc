import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isAddressedToBot, isAdmin, isAllowed, questionText, type AccessPolicy, type AddressedMessage } from '../../src/bot/access.ts';
import { RateLimiter } from '../../src/bot/rate-limit.ts';

const BOT = { id: 999, username: 'kaocha_bot' };

describe('access control', () => {
  const open: AccessPolicy = { allowedChatIds: [], adminUserIds: [7] };
  const closed: AccessPolicy = { allowedChatIds: [100, -500], adminUserIds: [7] };
  const cases: Array<[string, AccessPolicy, number | undefined, number | undefined, boolean]> = [
    ['empty allow-list lets everyone in', open, 3, 3, true],
    ['listed private chat', closed, 100, 100, true],
    ['listed group, any member', closed, -500, 3, true],
    ['unlisted chat', closed, 3, 3, false],
    ['unlisted group', closed, -600, 100, false],
    ['admin anywhere', closed, -600, 7, true],
    ['inline query (no chat) from a listed user', closed, undefined, 100, true],
    ['inline query from an unlisted user', closed, undefined, 3, false],
  ];
  for (const [name, policy, chat, user, expected] of cases) test(name, () => assert.equal(isAllowed(policy, chat, user), expected));
  test('admin check', () => {
    assert.equal(isAdmin(closed, 7), true);
    assert.equal(isAdmin(closed, 100), false);
    assert.equal(isAdmin(closed, undefined), false);
  });
});

describe('group rules', () => {
  const group = (text: string, extra: Partial<AddressedMessage> = {}): AddressedMessage => ({ chatType: 'group', text, ...extra });
  const cmd = (text: string, length: number) => [{ type: 'bot_command', offset: 0, length }];
  const cases: Array<[string, AddressedMessage, boolean]> = [
    ['private chat: everything', { chatType: 'private', text: '你好' }, true],
    ['group: plain text ignored', group('湖南省党政代表团去了哪几个省？'), false],
    ['group: /ask', group('/ask 问题', { entities: cmd('/ask 问题', 4) }), true],
    ['group: /ask@kaocha_bot', group('/ask@kaocha_bot 问题', { entities: cmd('/ask@kaocha_bot 问题', 15) }), true],
    ['group: /ask@otherbot is not ours', group('/ask@otherbot 问题', { entities: cmd('/ask@otherbot 问题', 13) }), false],
    ['group: mention', group('@kaocha_bot 问题', { entities: [{ type: 'mention', offset: 0, length: 11 }] }), true],
    ['group: mention of someone else', group('@someone 问题', { entities: [{ type: 'mention', offset: 0, length: 8 }] }), false],
    ['group: reply to the bot', group('那浙江呢？', { replyToUserId: 999 }), true],
    ['group: reply to a person', group('那浙江呢？', { replyToUserId: 5 }), false],
    ['supergroup: mention mid-text', { chatType: 'supergroup', text: '请问 @KAOCHA_bot 问题', entities: [{ type: 'mention', offset: 3, length: 11 }] }, true],
  ];
  for (const [name, message, expected] of cases) test(name, () => assert.equal(isAddressedToBot(message, BOT), expected));

  const texts: Array<[string, string]> = [
    ['/ask 湖南去了哪？', '湖南去了哪？'],
    ['/ask@kaocha_bot  湖南去了哪？', '湖南去了哪？'],
    ['@kaocha_bot 湖南去了哪？', '湖南去了哪？'],
    ['湖南去了哪？ @kaocha_bot', '湖南去了哪？'],
    ['/ask', ''],
  ];
  for (const [text, expected] of texts) test(`question text of "${text}"`, () => assert.equal(questionText(text, BOT.username), expected));
});

describe('rate limit', () => {
  test('allows `limit` per window, tells once, frees up as the window slides', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) assert.equal(limiter.take('u').allowed, true);
    now = 10_000;
    const refused = limiter.take('u');
    assert.deepEqual(refused, { allowed: false, retryAfterMs: 50_000, firstRefusal: true });
    assert.equal(limiter.take('u').firstRefusal, false, 'quiet after the first refusal');
    assert.equal(limiter.take('other').allowed, true, 'per user');
    now = 60_001;
    assert.equal(limiter.take('u').allowed, true, 'window slid');
  });

  test('memory stays bounded', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000, maxKeys: 10, now: () => now });
    for (let i = 0; i < 100; i++) limiter.take(i);
    assert.ok(limiter.size <= 10, `${limiter.size} keys`);
    now = 5000;
    limiter.take('late');
    assert.equal(limiter.size, 1, 'stale keys dropped');
  });
});
