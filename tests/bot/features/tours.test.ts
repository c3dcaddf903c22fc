/**
 * Tour cards in chat: the real bot (createBot + runBot with the tours feature) against the Bot API emulator on
 * 127.0.0.1, over a temp index of data/articles plus the invented test articles (13 tours: three /tours pages).
 * /tours paging edits the list in place and keeps the filter, /tour shows a card whose [n] buttons open the cited
 * paragraphs, /compare sets two cards side by side, empty arguments and misses get usage and hints, the inline mode
 * offers cards beside the answer, and an empty index says so. The emulator rejects invalid HTML or over-long text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openQuestionAnswering, type QuestionAnswering } from '../../../src/app.ts';
import { createBot, runBot, toursFeature, TELEGRAM_MESSAGE_LIMIT, type RunningBot } from '../../../src/bot/index.ts';
import { tourMessages } from '../../../src/bot/features/tours.ts';
import { HashedNgramEmbedder } from '../../../src/embed/index.ts';
import { ingestInputs } from '../../../src/ingest/index.ts';
import { createLogger } from '../../../src/log.ts';
import { IndexStore } from '../../../src/store/index.ts';
import type { TourCard } from '../../../src/tours/index.ts';
import { ARTICLES_DIR, ROOT, makeTempDir, removeTempDirs, testConfig } from '../../helpers/corpus-index.ts';
import { TelegramEmulator, parseTelegramHtml, type BotMessage, type EmulatedChat, type EmulatedUser } from '../../helpers/telegram-emulator.ts';

const TOKEN = '777001:TOURS-token';
const INVENTED_DIR = path.join(ROOT, 'tests/fixtures/invented/articles');
let emulator: TelegramEmulator;
let running: RunningBot;
let qa: QuestionAnswering;
const logLines: string[] = [];
let nextUserId = 300;

function newUser(): { user: EmulatedUser; chat: EmulatedChat } {
  const id = nextUserId++;
  return { user: { id, first_name: `用户${id}` }, chat: { id, type: 'private', first_name: `用户${id}` } };
}

/** Builds an index of `dirs` in a temp INDEX_DIR and opens question answering over it. */
async function openIndex(prefix: string, dirs: string[]) {
  const dir = await makeTempDir(prefix);
  const config = testConfig(dir, { TELEGRAM_BOT_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '500' });
  const embedder = new HashedNgramEmbedder();
  await ingestInputs(dirs, { indexDir: dir, embedder, chunk: config.chunk, fetch: config.fetch, baseDir: ROOT });
  const log = createLogger('debug', [TOKEN], (line) => logLines.push(line));
  return { config, log, qa: await openQuestionAnswering(config, log, { embedder }) };
}

before(async () => {
  emulator = await TelegramEmulator.start({ token: TOKEN });
  const opened = await openIndex('tours-bot', [ARTICLES_DIR, INVENTED_DIR]);
  qa = opened.qa;
  const telegram = { ...opened.config.telegram, apiRoot: emulator.apiRoot };
  const features = [toursFeature()];
  const bot = createBot({ knowledge: { current: () => qa, reload: async () => false }, telegram, maxQuestionChars: 100, log: opened.log, features });
  running = await runBot(bot, { telegram, log: opened.log, features, pollTimeoutSeconds: 1 });
});

after(async () => {
  await running?.stop();
  await emulator?.close();
  await removeTempDirs();
});

async function send(chat: EmulatedChat, user: EmulatedUser, text: string, count = 1): Promise<BotMessage[]> {
  const before = emulator.messages.length;
  emulator.sendText(chat, user, text);
  return emulator.waitForMessages(chat.id, count, { after: before });
}

/** Presses a button and waits for the message to be edited (page buttons). */
async function pressAndWaitForEdit(user: EmulatedUser, message: BotMessage, data: string): Promise<void> {
  const edits = message.edits;
  emulator.pressButton(user, message, data);
  await emulator.waitFor(() => message.edits > edits, 10_000, `an edit after pressing ${data}`);
}

/** Presses a button and waits for `count` new messages in the chat. */
async function pressAndWaitForMessages(user: EmulatedUser, message: BotMessage, data: string, count = 1): Promise<BotMessage[]> {
  const before = emulator.messages.length;
  emulator.pressButton(user, message, data);
  return emulator.waitForMessages(message.chat_id, count, { after: before });
}

const buttons = (message: BotMessage) => message.reply_markup?.inline_keyboard.flat() ?? [];
const buttonLabelled = (message: BotMessage, label: RegExp) => buttons(message).find((b) => label.test(b.text));
/** The numbered lines of a list page. */
const listLines = (html: string) => html.split('\n').filter((line) => /^\d+\. /.test(line));
/** The date of a list line (newest first; undated tours come last). */
const lineDate = (line: string) => /（(\d{4}-\d{2}-\d{2})）$/.exec(line)?.[1] ?? '';

describe('/tours', () => {
  test('newest first, five per page; ▶ and ◀ edit the list in place until the last page', async () => {
    const { user, chat } = newUser();
    const [list] = await send(chat, user, '/tours');
    assert.match(list!.text, /共13条，第1\/3页，最新在前/);
    const seen: string[] = [];
    const first = listLines(list!.text);
    assert.equal(first.length, 5);
    seen.push(...first);
    assert.ok(!buttonLabelled(list!, /上一页/), 'no ◀ on the first page');
    assert.equal(buttons(list!).filter((b) => b.callback_data?.startsWith('tour')).length - 1, 5, 'a button per card, plus ▶');

    await pressAndWaitForEdit(user, list!, buttonLabelled(list!, /下一页/)!.callback_data!);
    assert.match(list!.text, /第2\/3页/);
    assert.ok(buttonLabelled(list!, /上一页/) && buttonLabelled(list!, /下一页/), '◀ and ▶ on a middle page');
    seen.push(...listLines(list!.text));

    await pressAndWaitForEdit(user, list!, buttonLabelled(list!, /下一页/)!.callback_data!);
    assert.match(list!.text, /第3\/3页/);
    assert.ok(!buttonLabelled(list!, /下一页/), 'no ▶ on the last page');
    seen.push(...listLines(list!.text));

    assert.equal(seen.length, 13, 'every tour once over the three pages');
    const dated = seen.map(lineDate).filter(Boolean);
    assert.deepEqual(dated, [...dated].sort().reverse(), 'newest first across pages');
    assert.ok(seen.slice(-2).every((line) => lineDate(line) === ''), 'tours without a date come last');

    await pressAndWaitForEdit(user, list!, buttonLabelled(list!, /上一页/)!.callback_data!);
    assert.match(list!.text, /第2\/3页/);
  });

  test('a year, a region, or both filter the list; page buttons keep the filter', async () => {
    const { user, chat } = newUser();
    const [year] = await send(chat, user, '/tours 2024');
    const yearLines = listLines(year!.text);
    assert.ok(yearLines.length >= 1);
    assert.ok(yearLines.every((line) => lineDate(line).startsWith('2024-')), year!.text);

    const [both] = await send(chat, user, '/tours 湖南 2023');
    assert.deepEqual(listLines(both!.text).map((l) => l.replace(/^\d+\. /, '')), ['湖南省党政代表团赴广东、江西、湖北（2023-09-23）']);

    // Six tours went to Jiangsu (two written 江蘇 in traditional script): two pages, the second still filtered.
    const [region] = await send(chat, user, '/tours 江苏');
    assert.match(region!.text, /共6条，第1\/2页/);
    await pressAndWaitForEdit(user, region!, buttonLabelled(region!, /下一页/)!.callback_data!);
    assert.match(region!.text, /共6条，第2\/2页/);
    assert.ok(listLines(region!.text).every((line) => /江[苏蘇]/.test(line)), region!.text);
  });

  test('a page number in the command opens that page', async () => {
    const { user, chat } = newUser();
    const [page] = await send(chat, user, '/tours 3');
    assert.match(page!.text, /第3\/3页/);
  });

  test('a filter that matches nothing says so and points to /tours', async () => {
    const { user, chat } = newUser();
    const [reply] = await send(chat, user, '/tours 北京');
    assert.match(reply!.text, /没有找到符合“北京”的考察记录/);
    assert.match(reply!.text, /\/tours/);
    assert.equal(reply!.reply_markup, undefined);
  });

  test('a page pressed twice and forged card data are answered without an error', async () => {
    const { user, chat } = newUser();
    const [list] = await send(chat, user, '/tours');
    const next = buttonLabelled(list!, /下一页/)!.callback_data!;
    await pressAndWaitForEdit(user, list!, next);
    const answered = emulator.callbackAnswers.length;
    const failures = logLines.filter((l) => /failed/.test(l)).length;
    emulator.pressButton(user, list!, next);
    const forged = emulator.pressButton(user, list!, 'tour:郴州');
    await emulator.waitFor(() => emulator.callbackAnswers.length >= answered + 2, 10_000, 'both presses answered');
    assert.match(emulator.callbackAnswers.find((a) => a.callback_query_id === forged)!.text!, /已不在资料库中/);
    assert.equal(list!.edits, 1, 'the page was not edited again');
    assert.ok(emulator.rejections.some((r) => /not modified/.test(r.description)), 'the second press did reach Telegram');
    assert.equal(logLines.filter((l) => /failed/.test(l)).length, failures, 'nothing failed');
  });

  test('a card button under the list opens that card', async () => {
    const { user, chat } = newUser();
    const [list] = await send(chat, user, '/tours 郴州');
    const cardButton = buttons(list!).find((b) => /郴州党政代表团/.test(b.text))!;
    const [card] = await pressAndWaitForMessages(user, list!, cardButton.callback_data!);
    assert.match(card!.text, /^<b>郴州党政代表团<\/b>\n<b>代表团<\/b>：郴州党政代表团/);
  });
});

describe('/tour', () => {
  test('one line per field with [n]; each [n] ¶m button opens the paragraph that states the value', async () => {
    const { user, chat } = newUser();
    const [card] = await send(chat, user, '/tour 郴州');
    const lines = card!.text.split('\n');
    const countLine = lines.find((l) => l.startsWith('<b>考察点数</b>'))!;
    assert.match(countLine, /^<b>考察点数<\/b>：17个\[(\d+)\]$/);
    const n = /\[(\d+)\]$/.exec(countLine)![1];
    assert.ok(lines.some((l) => /^<b>带队<\/b>：.*\[\d+\]$/.test(l)), 'leaders cited');
    const button = buttonLabelled(card!, new RegExp(`^\\[${n}\\] ¶\\d+$`))!;
    assert.match(button.callback_data!, /^(?:p:chenzhou-delegation-guangzhou#p\d+|k:.+)$/);
    const [paragraph] = await pressAndWaitForMessages(user, card!, button.callback_data!);
    assert.match(paragraph!.text, /<blockquote>[^<]*17个考察点[^<]*<\/blockquote>/);
  });

  test('a keyword naming several tours shows the best and offers the others as buttons', async () => {
    const { user, chat } = newUser();
    const [card] = await send(chat, user, '/tour 湖南');
    assert.match(card!.text, /另有 \d 条相关记录/);
    const others = buttons(card!).filter((b) => b.text.startsWith('其他：'));
    assert.ok(others.length >= 1 && others.length <= 3);
    assert.ok(others.every((b) => /^tourk?:/.test(b.callback_data!)));
  });

  test('no keyword: usage with an example that works on the served cards', async () => {
    const { user, chat } = newUser();
    const [usage] = await send(chat, user, '/tour');
    assert.match(usage!.text, /^用法：\/tour 关键词/);
    const example = /例如：(\/tour \S+)/.exec(usage!.text)![1]!;
    const [card] = await send(chat, user, example);
    assert.match(card!.text, /<b>代表团<\/b>：/, `${example} shows a card`);
  });

  test('no match: 没有找到…, with a hint', async () => {
    const { user, chat } = newUser();
    const [reply] = await send(chat, user, '/tour 北京');
    assert.match(reply!.text, /^没有找到与“北京”相关的考察记录。.*\/tours/);
  });

  test('a long card is split into messages within the limit, the buttons under the last', () => {
    const card: TourCard = {
      id: 'long-doc#t1', docs: ['long-doc'], delegation: '某省党政代表团', level: 'province', from: '某省', leaders: [], hosts: [],
      start: '2024-05-01', end: '2024-05-03', destinations: ['甲市'],
      sites: Array.from({ length: 400 }, (_, i) => `第${i}个<产业园> & 基地`), siteCount: 400, agreements: [], meetings: [], figures: [], conflicts: [],
      citations: { sites: [{ paragraphId: 'long-doc#p3', quote: '考察了400个点。' }] }, published: '2024-05-04', titles: { 'long-doc': '长标题' },
    };
    const { messages, keyboard } = tourMessages(card, [], (id) => id.slice(0, 8));
    assert.ok(messages.length >= 2, `${messages.length} messages`);
    for (const html of messages) {
      assert.ok(html.length <= TELEGRAM_MESSAGE_LIMIT);
      parseTelegramHtml(html);
    }
    assert.deepEqual(keyboard!.inline_keyboard.flat().map((b) => b.callback_data), ['p:long-doc#p3']);
  });
});

describe('/compare', () => {
  test('two cards field by field, with a button to each card', async () => {
    const { user, chat } = newUser();
    const [comparison] = await send(chat, user, '/compare 郴州 营口');
    assert.match(comparison!.text, /^<b>对比<\/b>：甲 郴州党政代表团｜乙 营口市党政代表团/);
    assert.match(comparison!.text, /<b>签署<\/b>\n {2}甲：.*郴州.*\n {2}乙：.*营口/);
    assert.deepEqual(buttons(comparison!).map((b) => b.text), ['甲：郴州党政代表团', '乙：营口市党政代表团']);
    const [card] = await pressAndWaitForMessages(user, comparison!, buttons(comparison!)[1]!.callback_data!);
    assert.match(card!.text, /^<b>营口市党政代表团<\/b>/);
  });

  test('keywords joined by 和 are read as two', async () => {
    const { user, chat } = newUser();
    const [comparison] = await send(chat, user, '/compare 郴州和营口');
    assert.match(comparison!.text, /甲 郴州党政代表团｜乙 营口市党政代表团/);
  });

  test('missing arguments: usage with two keywords that name different tours', async () => {
    const { user, chat } = newUser();
    for (const text of ['/compare', '/compare 郴州']) {
      const [usage] = await send(chat, user, text);
      assert.match(usage!.text, /^用法：\/compare 甲 乙/, text);
      const example = /例如：(\/compare \S+ \S+)/.exec(usage!.text)![1]!;
      const [comparison] = await send(chat, user, example);
      assert.match(comparison!.text, /^<b>对比<\/b>：甲 (.+)｜乙 (?!\1$).+/m, `${example} compares two tours`);
    }
  });

  test('one keyword that names no tour is named in the reply', async () => {
    const { user, chat } = newUser();
    const [reply] = await send(chat, user, '/compare 郴州 北京');
    assert.match(reply!.text, /没有找到与“北京”相关的考察记录/);
  });
});

describe('menu, help and inline mode', () => {
  test('/tours, /tour and /compare are in the command menu and in /help', async () => {
    const menu = emulator.callsOf('setMyCommands').map((c) => c.params as { commands: Array<{ command: string; description: string }> })[0]!;
    for (const command of ['tours', 'tour', 'compare']) {
      const entry = menu.commands.find((c) => c.command === command);
      assert.ok(entry && /\p{Script=Han}/u.test(entry.description), command);
    }
    const { user, chat } = newUser();
    const [help] = await send(chat, user, '/help');
    for (const command of ['/tours', '/tour ', '/compare']) assert.ok(help!.text.includes(command), command);
  });

  test('an inline query naming a tour gets its card beside the answer', async () => {
    const { user } = newUser();
    const id = emulator.inlineQuery(user, '郴州党政代表团去了哪些城市？');
    const answer = await emulator.waitFor(() => emulator.inlineAnswers.find((a) => a.inline_query_id === id), 15_000, 'the inline answer');
    assert.equal(answer.results[0]!.id, 'answer', 'the answer stays first');
    const cards = answer.results.filter((r) => String(r.id).startsWith('tour-'));
    assert.equal(cards.length, 1, JSON.stringify(answer.results.map((r) => r.title)));
    assert.match(String(cards[0]!.title), /郴州党政代表团/);
    const text = String((cards[0]!.input_message_content as { message_text: string }).message_text);
    assert.match(text, /<b>目的地<\/b>：广州、珠海、东莞、深圳\[\d+\]/);
    // Each [n] is resolvable without buttons: a source line names the article and paragraph.
    assert.match(text, /<b>来源<\/b>\n(?:\[\d+\])+ .+ · .+ · ¶\d+(?:, ¶\d+)*/);
  });

  test('an inline question that names no tour gets no card', async () => {
    const { user } = newUser();
    const id = emulator.inlineQuery(user, '签了什么协议？');
    const answer = await emulator.waitFor(() => emulator.inlineAnswers.find((a) => a.inline_query_id === id), 15_000, 'the inline answer');
    assert.ok(!answer.results.some((r) => String(r.id).startsWith('tour-')));
  });

  test('no message was rejected by the emulator (HTML, length, button data)', () => {
    // Only the deliberate repeat of a page (above) may be refused, as Telegram refuses it.
    assert.deepEqual(emulator.rejections.filter((r) => !/not modified/.test(r.description)), []);
    assert.ok(!logLines.some((l) => /update \d+ failed/.test(l)), logLines.filter((l) => /failed/.test(l)).join('\n'));
  });
});

describe('an index without articles', () => {
  test('/tours, /tour and /compare say there are no tour records yet', async () => {
    const empty = await TelegramEmulator.start({ token: TOKEN });
    const dir = await makeTempDir('tours-empty-corpus');
    const opened = await openIndex('tours-empty', [dir]);
    const telegram = { ...opened.config.telegram, apiRoot: empty.apiRoot };
    const bot = createBot({ knowledge: { current: () => opened.qa, reload: async () => false }, telegram, maxQuestionChars: 100, log: opened.log, features: [toursFeature()] });
    const emptyRunning = await runBot(bot, { telegram, log: opened.log, pollTimeoutSeconds: 1 });
    try {
      const { user, chat } = newUser();
      for (const text of ['/tours', '/tour 郴州', '/compare 甲 乙']) {
        const before = empty.messages.length;
        empty.sendText(chat, user, text);
        const [reply] = await empty.waitForMessages(chat.id, 1, { after: before });
        assert.match(reply!.text, /还没有文章，暂时没有考察记录/, text);
      }
    } finally {
      await emptyRunning.stop();
      await empty.close();
    }
  });
});
