/** The digest as Telegram HTML: compact enough for a phone, valid markup, every [n] resolved in a source line. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../src/domain.ts';
import { renderDigestHtml } from '../../src/bot/index.ts';
import { composeDigest, emptyDigest, type Digest } from '../../src/digest/index.ts';
import { buildCorpusIndex, removeTempDirs } from '../helpers/corpus-index.ts';
import { assertValidTelegramHtml, redated } from '../digest/fixtures.ts';

after(removeTempDirs);

let articles: Article[];
let digest: Digest;
before(async () => {
  articles = (await buildCorpusIndex('digest-html')).index.corpus.listArticles();
  digest = composeDigest(articles);
});

const TITLE = '考察通每日简报 · 2026-11-23';
/** What a reader sees: the text without tags, entities decoded. */
const visible = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('renderDigestHtml', () => {
  test('five articles fit one phone message well under 1,000 characters', () => {
    const parts = renderDigestHtml(digest, { title: TITLE });
    assert.equal(parts.length, 1);
    assert.ok(visible(parts[0]!).length < 900, `${visible(parts[0]!).length} characters shown`);
  });

  test('layout: title and overview, numbered tour headings with their line, then one source line per article', () => {
    const [html] = renderDigestHtml(digest, { title: TITLE });
    assert.match(html!, /^<b>考察通每日简报 · 2026-11-23<\/b>\n新增5篇，4次考察\n\n<b>1\. /);
    assert.match(html!, /\n\n<b>2\. 湖南省党政代表团赴粤赣鄂<\/b>\n9月23日至28日 · 湖南省委书记沈晓明、省长毛伟明带队 · 36个考察点(?:\[\d+\])+\n/);
    assert.match(html!, /<b>5\. 湖南省委书记省长带队…<\/b>\n• [^\n]+(?:\[\d+\])+\n/, 'an article without a tour card: its key sentence');
    const sources = html!.slice(html!.indexOf('<b>来源</b>\n') + '<b>来源</b>\n'.length).split('\n');
    assert.equal(sources.length, 5, 'one source line per article');
    for (const line of sources) {
      assert.match(visible(line), /^(?:\[\d+\])+ \S.* · \S+ · (?:\d{4}-\d{2}-\d{2}|\d{1,2}月\d{1,2}日|日期不详) · ¶\d+(?:, ¶\d+)*$/, line);
    }
    assert.ok(sources.some((l) => l.includes('<a href="https://hn.rednet.cn/content/646743/74/13104918.html">粤赣鄂归来…</a> · 红网 · 2023-09-30')));
  });

  test('every part is valid Telegram HTML within the limit, and every [n] has a source line and vice versa', () => {
    for (const limit of [4096, 160]) {
      const parts = renderDigestHtml(digest, { title: TITLE, messageLimit: limit });
      if (limit === 160) assert.ok(parts.length >= 5, `a small limit forces several parts (got ${parts.length})`);
      for (const part of parts) {
        assert.ok(part.length <= limit, `part of ${part.length} chars fits ${limit}`);
        assertValidTelegramHtml(part);
      }
      const all = parts.join('\n');
      const body = all.slice(0, all.indexOf('<b>来源</b>'));
      const markers = new Set([...body.matchAll(/\[(\d+)\]/g)].map((m) => m[1]));
      const listed = new Set([...all.matchAll(/^((?:\[\d+\])+) /gm)].flatMap((m) => [...m[1]!.matchAll(/\[(\d+)\]/g)].map((x) => x[1])));
      assert.ok(markers.size >= 8);
      assert.deepEqual([...markers].sort(), [...listed].sort());
    }
  });

  test('no day is shown without its month', () => {
    const text = visible(renderDigestHtml(digest, { title: TITLE }).join('\n')).replace(/\d{1,2}月\d{1,2}日(?:至|-|—)\d{1,2}日/g, '');
    assert.doesNotMatch(text, /(?<![月\d])\d{1,2}日/);
  });

  test('titles, quotes and URLs from articles are escaped', () => {
    const evil = redated(articles.find((a) => a.docId === 'chenzhou-delegation-guangzhou')!, 'evil', '2026-01-01T00:00:00.000Z');
    evil.meta = { ...evil.meta, title: '<script>&"郴州"</script>', url: 'https://example.com/?a=1&b="2"' };
    const [html] = renderDigestHtml(composeDigest([evil]), { title: 'T<>' });
    assertValidTelegramHtml(html!);
    assert.ok(html!.startsWith('<b>T&lt;&gt;</b>'));
    assert.ok(html!.includes('&lt;script&gt;&amp;"郴州"'));
    assert.ok(html!.includes('href="https://example.com/?a=1&amp;b=&quot;2&quot;"'));
  });

  test('an empty period is the title and a one-line note', () => {
    assert.deepEqual(renderDigestHtml(emptyDigest('2026-11-21 17:00'), { title: TITLE }), [`<b>${TITLE}</b>\n自 2026-11-21 17:00 以来没有新增文章。`]);
  });
});
