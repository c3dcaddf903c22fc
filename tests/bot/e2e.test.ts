/**
 * End to end: the real `npm start` program (src/cli/start.ts in a child process) with a bot token, against the Bot API emulator on 127.0.0.1, over a
 * temp index built from data/articles. Users ask seed questions, an unauthorised chat is refused, a group
 * message without a mention is ignored, an admin uploads an article that then answers questions, and SIGTERM
 * stops the process cleanly. Every message the bot sends must pass the emulator's strict HTML check.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp } from 'node:fs/promises';
import { ARTICLES_DIR, ROOT, buildCorpusIndex, makeTempDir, removeTempDirs } from '../helpers/corpus-index.ts';
import { scrubbedEnv } from '../helpers/run-cli.ts';
import { TelegramEmulator, type EmulatedChat, type EmulatedUser } from '../helpers/telegram-emulator.ts';

const TOKEN = '123456:TEST-token';
const ADMIN: EmulatedUser = { id: 1001, first_name: '管理员' };
const STAFF: EmulatedUser = { id: 1002, first_name: '工作人员' };
const STRANGER: EmulatedUser = { id: 6666, first_name: '陌生人' };
const GROUP: EmulatedChat = { id: -5001, type: 'group', title: '考察组' };
const privateChat = (user: EmulatedUser): EmulatedChat => ({ id: user.id, type: 'private', first_name: user.first_name });

let emulator: TelegramEmulator;
let child: ChildProcess;
let stderr = '';
let exit: Promise<[number | null, NodeJS.Signals | null]>;

const UPLOADED_ARTICLE = [
  '永州市党政代表团赴广西桂林学习考察',
  '',
  '来源:测试日报 作者:张三 2024-03-05 10:00:00',
  '',
  '3月4日至5日，永州市委书记朱洪武率永州市党政代表团赴广西桂林学习考察，重点考察了桂林的文旅融合项目。',
  '代表团一行先后参观了象鼻山景区和阳朔西街，详细了解景区管理和夜间经济发展情况。',
  '朱洪武表示，永州要学习桂林经验，推动文化和旅游深度融合发展。',
].join('\n');

before(async () => {
  emulator = await TelegramEmulator.start({ token: TOKEN });
  const corpus = await buildCorpusIndex('bot-e2e');
  const modelsDir = await makeTempDir('bot-e2e-models');
  const dataDir = await makeTempDir('bot-e2e-data');
  // Uploads are kept under CORPUS_DIR/uploads/: a copy of the articles, never the repository's own folder.
  const corpusDir = await makeTempDir('bot-e2e-corpus');
  await cp(ARTICLES_DIR, corpusDir, { recursive: true });
  const env = scrubbedEnv({
    CORPUS_DIR: corpusDir,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    MODELS_DIR: modelsDir,
    DATA_DIR: dataDir,
    INDEX_DIR: corpus.dir,
    ADMIN_USER_IDS: String(ADMIN.id),
    ALLOWED_CHAT_IDS: [STAFF.id, GROUP.id].join(','),
    RATE_LIMIT_PER_MINUTE: '200',
  });
  // What `npm start` runs (tsx src/cli/start.ts), as one process: SIGTERM then reaches the bot itself, not a
  // wrapper (npm does not forward it), and the test only ever signals the pid it spawned.
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout!.resume();
  exit = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  await emulator.waitFor(() => emulator.callsOf('getUpdates').length > 0, 30_000, 'the bot to start polling');
});

after(async () => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await emulator.close();
  await removeTempDirs();
});

/** Sends `text` and waits for `count` new messages in the chat. */
async function ask(chat: EmulatedChat, user: EmulatedUser, text: string, count = 1) {
  const before = emulator.messages.length;
  emulator.sendText(chat, user, text);
  return emulator.waitForMessages(chat.id, count, { after: before, timeoutMs: 15_000 });
}

describe('npm start with TELEGRAM_BOT_TOKEN', () => {
  test('registers the Chinese command menu; admin commands only in the admin scope', () => {
    const menus = emulator.callsOf('setMyCommands').map((c) => c.params as { commands: Array<{ command: string; description: string }>; scope?: { type: string; chat_id?: number } });
    const everyone = menus.find((m) => !m.scope)!;
    assert.ok(everyone.commands.some((c) => c.command === 'sources'));
    assert.ok(everyone.commands.some((c) => c.command === 'check') && everyone.commands.some((c) => c.command === 'digest'));
    assert.ok(!everyone.commands.some((c) => c.command === 'reindex' || c.command === 'stats'), 'no admin commands for everyone');
    const admin = menus.find((m) => m.scope?.type === 'chat' && m.scope.chat_id === ADMIN.id)!;
    assert.ok(admin.commands.some((c) => c.command === 'reindex'));
    for (const menu of menus) assert.ok(menu.commands.every((c) => /\p{Script=Han}/u.test(c.description)));
  });

  test('/help per role: examples for everyone, admin commands only for admins', async () => {
    const [staffHelp] = await ask(privateChat(STAFF), STAFF, '/help');
    for (const command of ['/check', '/subscribe', '/digest', '/digest_settings', '/sources']) assert.ok(staffHelp!.text.includes(command), command);
    assert.match(staffHelp!.text, /例如/);
    assert.ok(!/\/reindex|\/stats/.test(staffHelp!.text), 'no admin commands for staff');
    const [adminHelp] = await ask(privateChat(ADMIN), ADMIN, '/help');
    assert.match(adminHelp!.text, /\/reindex/);
    assert.match(adminHelp!.text, /\/stats/);
    const [start] = await ask(privateChat(STAFF), STAFF, '/start');
    assert.match(start!.text, /试试这些问题/);
    assert.ok(!/\/reindex/.test(start!.text));
  });

  test('small talk gets a short friendly reply; gibberish and English get hints, never 找不到', async () => {
    for (const [text, expected] of [['你好', /你好！我是考察通/], ['谢谢', /不客气/], ['👍', /好的/], ['asdfgh qwerty', /没看懂，可以换个问法，例如：/], ['Which provinces did the Hunan delegation visit?', /请用中文提问/]] as const) {
      const [reply] = await ask(privateChat(STAFF), STAFF, text);
      assert.match(reply!.text, expected, text);
      assert.ok(!/找不到/.test(reply!.text), `${text}: no 找不到`);
      assert.equal(reply!.reply_markup, undefined, `${text}: no source buttons`);
    }
  });

  test('follow-ups keep the delegation; /new starts over', async () => {
    const chat = privateChat(STAFF);
    await ask(chat, STAFF, '湖南省党政代表团去了哪几个省？');
    const [pronoun] = await ask(chat, STAFF, '他们签了什么协议？');
    assert.match(pronoun!.text, /^（理解为：湖南省党政代表团签了什么协议？）/);
    const [elliptic] = await ask(chat, STAFF, '那浙江呢？');
    assert.match(elliptic!.text, /^（理解为：浙江省党政代表团签了什么协议？）/);
    await ask(chat, STAFF, '/new');
    const [fresh] = await ask(chat, STAFF, '他们签了什么协议？');
    assert.ok(!/理解为/.test(fresh!.text), 'no context after /new');
  });

  test('a staff member gets cited answers to seed questions', async () => {
    for (const question of ['湖南省党政代表团去了哪几个省？', '郴州党政考察团去广州，是哪两位市领导率队的？', '浙江省党政代表团去了哪里学习考察？']) {
      const [reply] = await ask(privateChat(STAFF), STAFF, question);
      assert.match(reply!.text, /\[1\]/, `a [1] marker in the answer to ${question}`);
      // Compact sources: one line per article, its paragraphs together, the title shortened.
      assert.match(reply!.text, /<b>来源<\/b>\n(?:\[\d+\])+ .+ · .+ · (?:\d{4}-\d{2}-\d{2}|日期不详) · ¶\d+(?:, ¶\d+)*/, `a source line for ${question}`);
      assert.ok(!/<blockquote>[^<]*\[\d+\]/.test(reply!.text), 'no [n] inside a quoted block');
      assert.ok(reply!.reply_markup?.inline_keyboard.flat().some((b) => /^\[1\] ¶\d+$/.test(b.text)), 'a [1] ¶n button');
    }
    assert.ok(emulator.callsOf('sendChatAction').length >= 3, 'typing indicator before answers');
  });

  test('the button under an answer opens the cited paragraph', async () => {
    const [answer] = await ask(privateChat(STAFF), STAFF, '湖南省党政代表团去了哪几个省？');
    const button = answer!.reply_markup!.inline_keyboard[0]![0]!;
    const before = emulator.messages.length;
    emulator.pressButton(STAFF, answer!, button.callback_data!);
    const [paragraph] = await emulator.waitForMessages(STAFF.id, 1, { after: before });
    assert.match(paragraph!.text, /<blockquote>.+<\/blockquote>/s);
  });

  test('an unauthorised chat gets one polite refusal and nothing else', async () => {
    const [refusal] = await ask(privateChat(STRANGER), STRANGER, '湖南省党政代表团去了哪几个省？');
    assert.match(refusal!.text, /仅对授权用户开放/);
    emulator.sendText(privateChat(STRANGER), STRANGER, '再问一次');
    // The staff user's answer arriving later proves the stranger's second message was processed (and ignored).
    await ask(privateChat(STAFF), STAFF, '/help');
    assert.equal(emulator.messagesTo(STRANGER.id).length, 1);
  });

  test('in a group: ignored without a mention, answered with /ask and quoted', async () => {
    emulator.sendText(GROUP, STAFF, '湖南省党政代表团去了哪几个省？');
    const [reply] = await ask(GROUP, STAFF, '/ask 湖南省党政代表团去了哪几个省？');
    assert.equal(emulator.messagesTo(GROUP.id).length, 1, 'the unaddressed message got no reply');
    assert.match(reply!.text, /\[1\]/);
    assert.ok(reply!.reply_to_message_id, 'the answer quotes the asker');
  });

  test('an admin uploads an article; it is ingested and then answerable', async () => {
    const before = emulator.messages.length;
    emulator.sendDocument(privateChat(ADMIN), ADMIN, 'yongzhou-guilin.txt', UPLOADED_ARTICLE);
    const [, report] = await emulator.waitForMessages(ADMIN.id, 2, { after: before, timeoutMs: 20_000 });
    assert.match(report!.text, /已收录：<b>永州市党政代表团赴广西桂林学习考察<\/b>/);
    assert.match(report!.text, /日期：2024-03-05/);
    assert.match(report!.text, /新增段落：\d+/);
    const [answer] = await ask(privateChat(ADMIN), ADMIN, '永州市党政代表团去了哪里学习考察？');
    assert.match(answer!.text, /桂林.*\[1\]/);
    assert.match(answer!.text, /\[1\] .*永州市党政代表团赴广西桂林学…/);
  });

  test('a document from a non-admin is refused', async () => {
    const before = emulator.messages.length;
    emulator.sendDocument(privateChat(STAFF), STAFF, 'x.txt', '内容');
    const [reply] = await emulator.waitForMessages(STAFF.id, 1, { after: before });
    assert.match(reply!.text, /仅限管理员/);
  });

  test('/check flags a wrong number with what the article says instead', async () => {
    const [reply] = await ask(privateChat(STAFF), STAFF, '/check 湖南省党政代表团此行共考察了37个考察点');
    assert.match(reply!.text, /有出入/);
    assert.match(reply!.text, /36/);
    assert.match(reply!.text, /\[1\]/, 'the evidence is cited');
  });

  test('/subscribe then /digest delivers a cited digest of the new articles', async () => {
    const [subscribed] = await ask(privateChat(STAFF), STAFF, '/subscribe 07:30');
    assert.match(subscribed!.text, /07:30/);
    const before = emulator.messages.length;
    emulator.sendText(privateChat(STAFF), STAFF, '/digest');
    await emulator.waitFor(
      () => emulator.messages.slice(before).some((m) => m.chat_id === STAFF.id && /来源/.test(m.text)),
      20_000,
      'the digest with its sources',
    );
    const digest = emulator.messages.slice(before).filter((m) => m.chat_id === STAFF.id).map((m) => m.text).join('\n');
    assert.match(digest, /新增\d+篇/, 'the one-line overview');
    assert.match(digest, /湖南省党政代表团/);
    assert.match(digest, /\[1\]/);
  });

  test('every message was valid Telegram HTML and the token never reached the logs', () => {
    assert.deepEqual(emulator.rejections, []);
    assert.ok(!stderr.includes('TEST-token'), 'token not in stderr');
  });

  test('SIGTERM stops the process cleanly', async () => {
    child.kill('SIGTERM');
    const [code, signal] = await Promise.race([
      exit,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no exit within 15 s; stderr:\n${stderr}`)), 15_000)),
    ]);
    assert.equal(signal, null, `exited by itself, not killed (stderr:\n${stderr})`);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /SIGTERM received/);
  });
});
