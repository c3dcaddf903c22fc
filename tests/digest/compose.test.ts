import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../src/domain.ts';
import {
  composeDigest,
  digestItems,
  keySentences,
  renderDigestHtml,
  renderDigestText,
  toDigestJson,
  tourOf,
  type Digest,
} from '../../src/digest/index.ts';
import { buildCorpusIndex, CORPUS_DOC_IDS, removeTempDirs, type CorpusIndex } from '../helpers/corpus-index.ts';
import { assertValidTelegramHtml, redated } from './fixtures.ts';

after(removeTempDirs);

let corpus: CorpusIndex;
let articles: Article[];
let digest: Digest;

before(async () => {
  corpus = await buildCorpusIndex('digest-compose');
  articles = corpus.index.corpus.listArticles();
  digest = composeDigest(articles);
});

const article = (docId: string) => articles.find((a) => a.docId === docId)!;

describe('composeDigest over the seed corpus', () => {
  test('every article is an item with 2–3 sentences, each quoting a body paragraph verbatim (never a caption)', () => {
    const items = digestItems(digest);
    assert.deepEqual(items.map((i) => i.docId).sort(), [...CORPUS_DOC_IDS].sort());
    for (const item of items) {
      assert.ok(item.sentences.length >= 2 && item.sentences.length <= 3, `${item.docId} has 2–3 sentences`);
      for (const sentence of item.sentences) {
        assert.equal(sentence.citations.length, 1);
        for (const c of sentence.citations) {
          const paragraph = corpus.index.corpus.getParagraph(c.paragraphId);
          assert.ok(paragraph, `${c.paragraphId} exists`);
          assert.equal(paragraph.docId, item.docId);
          assert.equal(paragraph.n, c.paragraph);
          assert.notEqual(paragraph.kind, 'caption', `${c.paragraphId} is not a caption`);
          assert.ok(paragraph.text.includes(c.quote), `quote is verbatim in ${c.paragraphId}: ${c.quote}`);
          // Shown text = the quote with months added to bare days (13日 → 4月13日), maybe cut with ……
          const unmonthed = sentence.text.replace(/\d{1,2}月(?=\d{1,2}日)/g, '');
          assert.ok(unmonthed.startsWith(c.quote.replace(/\d{1,2}月(?=\d{1,2}日)/g, '')), 'the shown text is the quote (or its start)');
        }
      }
    }
  });

  test('no sentence is taken from a caption even when a caption states the same kind of facts', () => {
    const captions = articles.flatMap((a) => a.paragraphs.filter((p) => p.kind === 'caption').map((p) => p.id));
    assert.ok(captions.length > 0, 'the seed corpus has captions');
    const cited = digestItems(digest).flatMap((i) => i.sentences.flatMap((s) => s.citations.map((c) => c.paragraphId)));
    assert.deepEqual(cited.filter((id) => captions.includes(id)), []);
  });

  const salient: Array<{ docId: string; mustQuote: string; why: string }> = [
    { docId: 'hunan-delegation-guangdong-jiangxi-hubei', mustQuote: '沈晓明、省长毛伟明率领', why: 'who led, when, where' },
    { docId: 'hunan-delegation-guangdong-jiangxi-hubei', mustQuote: '36个考察点', why: 'how many sites' },
    { docId: 'chenzhou-delegation-guangzhou', mustQuote: '签署《广州市人民政府 郴州市人民政府战略合作框架协议》', why: 'agreement signed' },
    { docId: 'chenzhou-delegation-guangzhou', mustQuote: '刘志仁、市委副书记、代市长吴巨培率领', why: 'who led' },
    { docId: 'hunan-county-leaders-jiangsu-zhejiang', mustQuote: '2月23日至28日', why: 'when' },
  ];
  for (const row of salient) {
    test(`${row.docId}: quotes "${row.mustQuote}" (${row.why})`, () => {
      const quotes = keySentences(article(row.docId)).flatMap((s) => s.citations.map((c) => c.quote));
      assert.ok(quotes.some((q) => q.includes(row.mustQuote)), `one of ${JSON.stringify(quotes)}`);
    });
  }

  const tours: Array<[string, string]> = [
    ['chenzhou-delegation-guangzhou', '郴州党政代表团赴广州'],
    ['hunan-county-leaders-jiangsu-zhejiang', '湖南赴江浙'],
    ['hunan-delegation-guangdong-jiangxi-hubei', '湖南省党政代表团赴粤赣鄂'],
    ['zhejiang-delegation-jiangsu-shanghai', '浙江省党政代表团赴苏沪'],
  ];
  for (const [docId, label] of tours) {
    test(`tour of ${docId} is ${label}`, () => assert.equal(tourOf(article(docId))?.label, label));
  }

  test('the overview counts the articles and names the tours', () => {
    assert.match(digest.overview, /^新增5篇：/);
    for (const [, label] of tours) assert.ok(digest.overview.includes(label), `${label} in ${digest.overview}`);
  });

  test('an empty period composes to an empty digest with a one-line overview', () => {
    const empty = composeDigest([]);
    assert.deepEqual(empty.groups, []);
    assert.equal(empty.overview, '没有新增文章。');
  });
});

describe('grouping and filters', () => {
  test('two reports of the same tour published days apart are grouped; another tour of the same province is not', () => {
    const base = article('hunan-delegation-guangdong-jiangxi-hubei');
    const followUp = redated(base, 'hunan-follow-up', base.addedAt);
    followUp.meta = { ...base.meta, title: '湖南省党政代表团赴广东学习考察', publishedAt: '2023-09-25' };
    const grouped = composeDigest([base, article('hunan-county-leaders-jiangsu-zhejiang'), followUp]);
    assert.equal(grouped.groups.length, 2);
    const tour = grouped.groups.find((g) => g.items.length === 2)!;
    assert.deepEqual(tour.items.map((i) => i.docId), ['hunan-delegation-guangdong-jiangxi-hubei', 'hunan-follow-up']);
    assert.equal(tour.label, '湖南省党政代表团赴粤赣鄂', 'named after the report naming the whole tour');
    assert.match(grouped.overview, /^新增3篇：湖南赴江浙；湖南省党政代表团赴粤赣鄂（2篇）$/, 'newest first');

    const yearLater = redated(base, 'hunan-next-year', base.addedAt);
    yearLater.meta = { ...followUp.meta, publishedAt: '2024-09-25' };
    assert.equal(composeDigest([base, yearLater]).groups.length, 2, 'same route a year later is another tour');
  });

  const filters: Array<{ name: string; filters: { keyword?: string; region?: string }; expected: string[] }> = [
    { name: 'region 湖南', filters: { region: '湖南' }, expected: ['chenzhou-delegation-guangzhou', 'hunan-county-leaders-jiangsu-zhejiang', 'hunan-delegation-guangdong-jiangxi-hubei', 'hunan-leaders-supervise-cities'] },
    { name: 'region 上海', filters: { region: '上海' }, expected: ['zhejiang-delegation-jiangsu-shanghai'] },
    { name: 'region alias 粤 (广东)', filters: { region: '粤' }, expected: ['chenzhou-delegation-guangzhou', 'hunan-delegation-guangdong-jiangxi-hubei'] },
    { name: 'keyword 框架协议', filters: { keyword: '框架协议' }, expected: ['chenzhou-delegation-guangzhou'] },
    { name: 'keyword 督导 and region 湖南', filters: { keyword: '督导', region: '湖南' }, expected: ['hunan-leaders-supervise-cities'] },
    { name: 'keyword found only in a caption does not match', filters: { keyword: '中微半导体' }, expected: [] },
  ];
  for (const row of filters) {
    test(`filter ${row.name}`, () => {
      assert.deepEqual(digestItems(composeDigest(articles, row.filters)).map((i) => i.docId).sort(), row.expected);
    });
  }
});

describe('rendering', () => {
  test('HTML: valid Telegram markup, [n] markers resolved in a sources list, every part within the limit', () => {
    for (const limit of [4096, 700]) {
      const parts = renderDigestHtml(digest, { title: '考察通每日简报 · 2026-11-23', messageLimit: limit });
      if (limit === 700) assert.ok(parts.length >= 3, `a small limit forces several parts (got ${parts.length})`);
      for (const part of parts) {
        assert.ok(part.length <= limit, `part of ${part.length} chars fits ${limit}`);
        assertValidTelegramHtml(part);
      }
      const all = parts.join('\n');
      const markers = new Set([...all.matchAll(/•[^\n]*?((?:\[\d+\])+)$/gm)].flatMap((m) => [...m[1]!.matchAll(/\[(\d+)\]/g)].map((x) => x[1])));
      // Compact source lines: one per article, `[1][2] 标题… · 来源 · 日期 · ¶3, ¶12`.
      const listed = new Set([...all.matchAll(/^((?:\[\d+\])+) /gm)].flatMap((m) => [...m[1]!.matchAll(/\[(\d+)\]/g)].map((x) => x[1])));
      assert.ok(markers.size >= 10);
      assert.deepEqual([...markers].sort(), [...listed].sort(), 'every marker has a source line and vice versa');
    }
  });

  test('HTML escapes titles and URLs from articles', () => {
    const evil = redated(article('chenzhou-delegation-guangzhou'), 'evil', '2026-01-01T00:00:00.000Z');
    evil.meta = { ...evil.meta, title: '<script>&"郴州"</script>', url: 'https://example.com/?a=1&b="2"' };
    const [html] = renderDigestHtml(composeDigest([evil]), { title: 'T<>' });
    assertValidTelegramHtml(html!);
    assert.ok(html!.includes('&lt;script&gt;&amp;"郴州"&lt;/script&gt;'));
    assert.ok(html!.includes('href="https://example.com/?a=1&amp;b=&quot;2&quot;"'));
  });

  test('plain text and JSON carry the same items and quotes', () => {
    const text = renderDigestText(digest, { title: '考察通简报' });
    const json = toDigestJson(digest);
    assert.equal(json.overview, digest.overview);
    assert.deepEqual(Object.keys(json.items[0]!), ['docId', 'title', 'source', 'date', 'url', 'sentences']);
    assert.deepEqual(Object.keys(json.items[0]!.sentences[0]!.citations[0]!), ['paragraphId', 'paragraph', 'quote']);
    for (const item of json.items) {
      assert.ok(text.includes(item.title.slice(0, 5)));
      for (const s of item.sentences) assert.ok(text.includes(s.text));
    }
  });
});
