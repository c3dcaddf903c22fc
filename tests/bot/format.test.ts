import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerBlocks, citationKeyboard, paragraphMessages, renderAnswerMessages, sourcesPage } from '../../src/bot/format.ts';
import { escapeHtml, splitHtmlMessage, TELEGRAM_MESSAGE_LIMIT } from '../../src/bot/html.ts';
import { inlineResults } from '../../src/bot/features/inline.ts';
import { parseTelegramHtml } from '../helpers/telegram-emulator.ts';
import { answerWith, citation } from './fixtures.ts';

const HOSTILE = '<script>alert(1)</script> & <b>粗体</b> "引号" &amp;';

describe('the emulator HTML check (it must be able to reject)', () => {
  const cases: Array<[string, boolean]> = [
    ['<b>粗</b> &lt;ok&gt; &amp; &quot;', true],
    ['<a href="https://x.cn/?a=1&amp;b=2">链接</a>', true],
    ['<blockquote>引</blockquote><span class="tg-spoiler">s</span>', true],
    ['<script>x</script>', false],
    ['<b>未闭合', false],
    ['<b><i>交错</b></i>', false],
    ['a & b', false],
    ['&nbsp;', false],
    ['1 < 2', false],
    ['2 > 1', false],
    ['<a href="javascript:alert(1)">x</a>', false],
    ['<span>无 class</span>', false],
    ['<b class="x">属性</b>', false],
  ];
  for (const [html, valid] of cases) {
    test(`${valid ? 'accepts' : 'rejects'} ${html}`, () => {
      if (valid) assert.doesNotThrow(() => parseTelegramHtml(html));
      else assert.throws(() => parseTelegramHtml(html), /can't parse entities/);
    });
  }
});

describe('answer formatting', () => {
  test('untrusted article text arrives escaped in body, sources and paragraph view', () => {
    const hostile = citation(1, { title: HOSTILE, source: HOSTILE, quote: HOSTILE, text: HOSTILE });
    const answer = answerWith([[HOSTILE, [1]]], [hostile]);
    const messages = renderAnswerMessages(answer);
    for (const html of messages) {
      const visible = parseTelegramHtml(html);
      assert.ok(visible.includes('<script>alert(1)</script>'), 'shown literally');
      assert.ok(!html.includes('<script>'), 'never as markup');
      assert.ok(!html.includes('<b>粗体</b>'));
    }
    const article = { docId: 'd', file: 'd.txt', contentHash: 'h', addedAt: '', meta: { title: HOSTILE, source: HOSTILE, author: null, publishedAt: null, url: null }, paragraphs: [] };
    for (const html of paragraphMessages(article, { id: 'd#p1', docId: 'd', n: 1, text: HOSTILE, kind: 'body' }, 1)) {
      assert.match(parseTelegramHtml(html), /<script>alert\(1\)<\/script>/);
    }
  });

  test('the short answer in bold first, quotes one per line with [n], compact sources one line per article', () => {
    const answer = {
      ...answerWith([['代表团去了广东。', [1]], ['还去了江西。', [1, 2]], ['又去了湖北。', [3]]], [citation(1), citation(2, { docId: 'doc-1', paragraph: 12 }), citation(3, { url: null, source: null, date: null, title: '一个很长很长很长很长很长的新闻标题，后面还有' })]),
      short: '广东、江西',
    };
    const html = renderAnswerMessages(answer)[0]!;
    assert.match(html, /^<b>广东、江西<\/b>\n代表团去了广东。\[1\]\n还去了江西。\[1\]\[2\]\n又去了湖北。\[3\]\n/);
    assert.match(html, /\n\[1\]\[2\] <a href="https:\/\/example\.com\/a\/1\.html">文章 1<\/a> · 红网 · 2023-09-30 · ¶3, ¶12/);
    assert.match(html, /\n\[3\] 一个很长很长很长很长很长的新… · 来源不详 · 日期不详 · ¶5/);
    assert.ok(!/<blockquote>[^<]*\[\d+\]/.test(html), 'no [n] inside a quoted block');
    parseTelegramHtml(html);
  });

  test('a not-found answer says so and lists the nearest sources', () => {
    const blocks = answerBlocks(answerWith([], [citation(1)], false));
    assert.match(blocks[0]!, /找不到/);
    assert.match(blocks.join('\n'), /最接近的资料/);
    assert.match(blocks.join('\n'), /\[1\] <a href/);
  });

  test('a javascript: URL is not linked', () => {
    const html = renderAnswerMessages(answerWith([['句子。', [1]]], [citation(1, { url: 'javascript:alert(1)' })]))[0]!;
    assert.ok(!html.includes('href'));
    parseTelegramHtml(html);
  });

  test('buttons carry the paragraph id, or a short key when it would pass 64 bytes', () => {
    const long = citation(2, { paragraphId: `${'x'.repeat(70)}#p9`, paragraph: 9 });
    const keys: string[] = [];
    const keyboard = citationKeyboard([citation(1), long], (id) => (keys.push(id), 'k7'))!;
    const [first, second] = keyboard.inline_keyboard.flat();
    assert.deepEqual(first, { text: '[1] ¶3', callback_data: 'p:doc-1#p3' });
    assert.deepEqual(second, { text: '[2] ¶9', callback_data: 'k:k7' });
    assert.deepEqual(keys, [long.paragraphId]);
  });

  test('sources are paged with next/previous buttons', () => {
    const articles = Array.from({ length: 5 }, (_, i) => ({
      docId: `d${i}`, file: '', contentHash: '', addedAt: '', paragraphs: [],
      meta: { title: `标题${i}`, source: '红网', author: null, publishedAt: `2023-0${i + 1}-01`, url: null },
    }));
    const first = sourcesPage(articles, 0, 2);
    assert.match(first.html, /共 5 篇文章.*第 1\/3 页/);
    assert.match(first.html, /1\. 标题4/, 'newest first');
    assert.deepEqual(first.keyboard!.inline_keyboard[0]!.map((b) => b.callback_data), ['sources:1']);
    const last = sourcesPage(articles, 9, 2);
    assert.match(last.html, /第 3\/3 页/);
    assert.deepEqual(last.keyboard!.inline_keyboard[0]!.map((b) => b.callback_data), ['sources:1']);
  });

  test('inline results: at most the limit, each valid HTML with a citation', () => {
    const results = inlineResults(answerWith([['去了广东。', [1]], ['去了江西。', [2]], ['去了湖北。', [3]]], [citation(1), citation(2), citation(3)]), 3, 100);
    assert.equal(results.length, 3);
    for (const result of results) {
      const content = result.input_message_content as { message_text: string };
      assert.match(parseTelegramHtml(content.message_text), /\[\d\]/);
    }
  });
});

describe('splitting long answers', () => {
  // 300 sentences of ~30 characters: far over 4096, with a hostile title in every source line.
  const sentences: Array<[string, number[]]> = Array.from({ length: 300 }, (_, i) => [`第${i}句话说明代表团在某地考察了<产业园区> & 企业。`, [(i % 5) + 1]]);
  const citations = Array.from({ length: 5 }, (_, i) => citation(i + 1, { title: HOSTILE }));
  const messages = renderAnswerMessages(answerWith(sentences, citations));

  test('is split into several messages within the limit, each valid Telegram HTML', () => {
    assert.ok(messages.length >= 3, `${messages.length} messages`);
    for (const html of messages) {
      assert.ok(html.length <= TELEGRAM_MESSAGE_LIMIT);
      parseTelegramHtml(html);
    }
  });

  test('no sentence is separated from its citation marker, and nothing is lost', () => {
    for (const html of messages.slice(0, -1)) assert.match(html, /\[\d\]$/m, 'each part ends with a marker');
    for (const html of messages) assert.ok(!/^\[\d\]/.test(html) || /^\[\d\] /.test(html), 'no part starts with an orphan marker');
    const visible = messages.map(parseTelegramHtml).join('');
    for (let i = 0; i < 300; i++) assert.ok(visible.includes(`第${i}句话说明代表团在某地考察了<产业园区> & 企业。[${(i % 5) + 1}]`), `sentence ${i} intact`);
  });

  test('an oversized tagged block is cut with tags closed and reopened', () => {
    const block = `<blockquote>${escapeHtml('很长的段落。'.repeat(1000))}</blockquote>`;
    const parts = splitHtmlMessage([block], 1000);
    assert.ok(parts.length > 5);
    for (const part of parts) {
      assert.ok(part.length <= 1000);
      assert.match(part, /^<blockquote>.*<\/blockquote>$/s);
      parseTelegramHtml(part);
    }
  });
});
