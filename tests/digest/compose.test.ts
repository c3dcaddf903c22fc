import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../../src/domain.ts';
import {
  articleDate,
  composeDigest,
  DEFAULT_COMPOSE_OPTIONS,
  digestItems,
  keySentence,
  keySentenceCandidates,
  renderDigestText,
  spanText,
  toDigestJson,
  tourLineCitations,
  yearOfUrl,
  type Digest,
  type DigestCitation,
} from '../../src/digest/index.ts';
import { cardFor, toursOfArticles } from '../../src/tours/index.ts';
import { ROOT, buildCorpusIndex, CORPUS_DOC_IDS, removeTempDirs, type CorpusIndex } from '../helpers/corpus-index.ts';
import { redated } from './fixtures.ts';

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
const groupOf = (d: Digest, docId: string) => d.groups.find((g) => g.items.some((i) => i.docId === docId))!;

/** A copy of `base` under a new id with other metadata (and optionally other paragraph texts). */
function variant(base: Article, docId: string, meta: Partial<Article['meta']>, texts?: string[]): Article {
  const copy = redated(base, docId, base.addedAt);
  copy.meta = { ...base.meta, ...meta };
  if (texts) copy.paragraphs = texts.map((text, i) => ({ id: `${docId}#p${i + 1}`, docId, n: i + 1, text, kind: 'body' as const }));
  return copy;
}

/** Fails when a day is shown without its month (13日 alone); ranges such as 9月23日至28日 carry theirs. */
function assertMonthsShown(text: string): void {
  const withoutRanges = text.replace(/\d{1,2}月\d{1,2}日(?:至|-|—)\d{1,2}日/g, '');
  assert.doesNotMatch(withoutRanges, /(?<![月\d])\d{1,2}日/, `every day has its month: ${text}`);
}

/** Every citation of the digest, tour lines and sentences. */
function citationsOf(d: Digest): DigestCitation[] {
  return d.groups.flatMap((g) => [...(g.tour ? tourLineCitations(g.tour) : []), ...g.items.flatMap((i) => i.sentences.flatMap((s) => s.citations))]);
}

describe('composeDigest over the seed corpus', () => {
  test('every article is one item; every citation quotes a body or heading paragraph of its article verbatim', () => {
    assert.deepEqual(digestItems(digest).map((i) => i.docId).sort(), [...CORPUS_DOC_IDS].sort());
    const cited = citationsOf(digest);
    assert.ok(cited.length >= 8);
    for (const c of cited) {
      const paragraph = corpus.index.corpus.getParagraph(c.paragraphId);
      assert.ok(paragraph, `${c.paragraphId} exists`);
      assert.equal(paragraph.n, c.paragraph);
      assert.notEqual(paragraph.kind, 'caption', `${c.paragraphId} is not a caption`);
      assert.ok(paragraph.text.includes(c.quote), `quote is verbatim in ${c.paragraphId}: ${c.quote}`);
    }
    for (const item of digestItems(digest)) {
      assert.ok(item.sentences.length <= 1, `${item.docId}: at most its key sentence`);
      for (const sentence of item.sentences) {
        // Shown text = the quote with months added to bare days (13日 → 4月13日), maybe cut with ……
        const unmonthed = (text: string) => text.replace(/\d{1,2}月(?=\d{1,2}日)/g, '');
        assert.ok(unmonthed(sentence.text).startsWith(unmonthed(sentence.citations[0]!.quote)), 'the shown text is the quote (or its start)');
        assert.equal(corpus.index.corpus.getParagraph(sentence.citations[0]!.paragraphId)!.kind, 'body', 'key sentences come from body paragraphs');
      }
    }
  });

  test('newest first: dated articles by date, undated last', () => {
    assert.deepEqual(
      digestItems(digest).map((i) => [i.docId, i.date]),
      [
        ['hunan-county-leaders-jiangsu-zhejiang', '2025-03-03'],
        ['hunan-delegation-guangdong-jiangxi-hubei', '2023-09-30'],
        ['zhejiang-delegation-jiangsu-shanghai', '2023-04-15'],
        ['chenzhou-delegation-guangzhou', null],
        ['hunan-leaders-supervise-cities', null],
      ],
    );
  });

  const labels: Array<[string, string]> = [
    ['hunan-delegation-guangdong-jiangxi-hubei', '湖南省党政代表团赴粤赣鄂'],
    ['zhejiang-delegation-jiangsu-shanghai', '浙江省党政代表团赴苏沪'],
    ['chenzhou-delegation-guangzhou', '郴州党政代表团赴广州、珠海、东莞、深圳'],
    ['hunan-county-leaders-jiangsu-zhejiang', '湖南县(市、区)党政正职推动县域经济高质量发展专题培训班赴浙苏'],
  ];
  for (const [docId, label] of labels) {
    test(`the tour of ${docId} is labelled from its card: ${label}`, () => {
      const group = groupOf(digest, docId);
      assert.equal(group.label, label);
      const card = cardFor(toursOfArticles(articles), docId)!;
      assert.equal(group.tour?.cardId, card.id, 'the line is the card of the article');
      assert.ok(label.startsWith(card.delegation!), 'the delegation as named on the card');
    });
  }

  test('a tour line states when (with its month), who led and how many sites, each cited', () => {
    const tour = groupOf(digest, 'hunan-delegation-guangdong-jiangxi-hubei').tour!;
    assert.equal(tour.when?.text, '9月23日至28日');
    assert.equal(tour.leaders?.text, '湖南省委书记沈晓明、省长毛伟明');
    assert.equal(tour.sites?.text, '36个考察点');
    for (const fact of [tour.label, tour.when!, tour.leaders!, tour.sites!]) assert.ok(fact.citations.length >= 1, `${fact.text} is cited`);
    assert.ok(tour.sites!.citations[0]!.quote.includes('36个考察点'));
    assert.ok(tour.leaders!.citations[0]!.quote.includes('沈晓明'));
  });

  test('a tour line that says it all gets no quote; one without a date gets the sentence that dates it', () => {
    assert.deepEqual(groupOf(digest, 'hunan-delegation-guangdong-jiangxi-hubei').items[0]!.sentences, [], 'the line already says who, when, where, how many');
    const chenzhou = groupOf(digest, 'chenzhou-delegation-guangzhou');
    assert.equal(chenzhou.tour!.when, null, 'its card has no year, hence no date');
    const [sentence] = chenzhou.items[0]!.sentences;
    assert.ok(sentence, 'the key sentence adds what the line lacks');
    assert.match(sentence.text, /^11月9日下午/);
    assert.ok(sentence.citations[0]!.quote.includes('签署《广州市人民政府 郴州市人民政府战略合作框架协议》'), 'and what was signed');
  });

  test('an article without a tour card is shown by its key sentence under its shortened title', () => {
    const group = groupOf(digest, 'hunan-leaders-supervise-cities');
    assert.equal(group.tour, null);
    assert.equal(group.label, '湖南省委书记省长带队…');
    const [sentence] = group.items[0]!.sentences;
    assert.ok(sentence, 'an article without a card always gets its key sentence');
    assert.match(sentence.text, /\d{1,2}月\d{1,2}日/, 'it says when');
  });

  test('no shown text has a day without its month', () => {
    for (const group of digest.groups) {
      if (group.tour?.when) assertMonthsShown(group.tour.when.text);
      for (const item of group.items) for (const s of item.sentences) assertMonthsShown(s.text);
    }
    assertMonthsShown(renderDigestText(digest, { title: '考察通简报' }));
  });

  test('the overview counts articles and tours', () => {
    assert.equal(digest.overview, '新增5篇，4次考察');
  });

  test('an empty period composes to an empty digest with a one-line overview', () => {
    const empty = composeDigest([]);
    assert.deepEqual(empty.groups, []);
    assert.equal(empty.overview, '没有新增文章。');
  });
});

describe('key sentences from the one fact extractor', () => {
  const picks: Array<{ docId: string; mustQuote: string; why: string }> = [
    { docId: 'hunan-delegation-guangdong-jiangxi-hubei', mustQuote: '沈晓明、省长毛伟明率领', why: 'who led, when, where' },
    { docId: 'chenzhou-delegation-guangzhou', mustQuote: '17个考察点', why: 'how many, where: more than who led alone' },
    { docId: 'hunan-county-leaders-jiangsu-zhejiang', mustQuote: '2月23日至28日', why: 'when, where' },
  ];
  for (const row of picks) {
    test(`${row.docId} without a tour line: "${row.mustQuote}" (${row.why})`, () => {
      const sentence = keySentence(article(row.docId), { ...DEFAULT_COMPOSE_OPTIONS, minFactGain: 0 });
      assert.ok(sentence?.citations[0]!.quote.includes(row.mustQuote), JSON.stringify(sentence));
    });
  }

  test('a dateline (中国访谈网11月18日讯(…)) is not quoted: the quote starts with the report', () => {
    const first = keySentenceCandidates(article('chenzhou-delegation-guangzhou'), DEFAULT_COMPOSE_OPTIONS)[0]!;
    assert.match(first.quote, /^11月9日-11日,/);
    assert.ok(!first.facts.includes('when') || first.quote.startsWith('11月9日'), 'the dateline date is no "when"');
  });

  test('a bare day is shown with the month written before it (13日傍晚 → 4月13日傍晚); the quote stays verbatim', () => {
    const candidate = keySentenceCandidates(article('zhejiang-delegation-jiangsu-shanghai'), DEFAULT_COMPOSE_OPTIONS).find((c) => c.quote.startsWith('13日傍晚'))!;
    assert.ok(candidate, 'the seed article has 13日傍晚');
    assert.match(candidate.text, /^4月13日傍晚/);
  });

  test('a day in Chinese numerals inside a name (一号工程) is not a date and gets no month', () => {
    const base = article('zhejiang-delegation-jiangsu-shanghai');
    const speech = variant(base, 'speech', {}, ['深入实施三个“一号工程”和“十项重大工程”,推动各项工作落细落实。']);
    const [candidate] = keySentenceCandidates(speech, DEFAULT_COMPOSE_OPTIONS);
    assert.equal(candidate!.text, candidate!.quote);
    assert.ok(!candidate!.facts.includes('when'));
  });

  test('long sentences are cut at a clause boundary with ……, and only facts in the shown part count', () => {
    for (const c of keySentenceCandidates(article('hunan-leaders-supervise-cities'), DEFAULT_COMPOSE_OPTIONS)) {
      assert.ok(c.quote.length <= DEFAULT_COMPOSE_OPTIONS.maxSentenceChars);
      assert.equal(c.text.endsWith('……'), c.clipped);
    }
  });
});

describe('dates', () => {
  const spans: Array<[string | null, string | null, number | null, string | null]> = [
    ['2023-09-23', '2023-09-28', 2023, '9月23日至28日'],
    ['2023-09-30', '2023-10-02', 2023, '9月30日至10月2日'],
    ['2023-04-13', '2023-04-13', 2023, '4月13日'],
    ['2023-09-23', null, 2023, '9月23日起'],
    [null, '2023-09-28', 2023, '至9月28日'],
    ['2023-09-23', '2023-09-28', 2025, '2023年9月23日至28日'],
    ['2023-09-23', '2023-09-28', null, '2023年9月23日至28日'],
    ['2023-12-30', '2024-01-02', 2024, '2023年12月30日至2024年1月2日'],
    [null, null, 2023, null],
  ];
  for (const [start, end, year, expected] of spans) {
    test(`tour span ${start}..${end} (report year ${year}) → ${expected}`, () => assert.equal(spanText(start, end, year), expected));
  }

  const urls: Array<[string | null, number | null]> = [
    ['http://www.example.cn/politics/2021-11/18/c_1128.htm', 2021],
    ['https://www.example.gov.cn/xxgk/202111/t20211118_123.html', 2021],
    ['https://example.com/news/20191118/a.html', 2019],
    ['https://hn.rednet.cn/content/646743/74/13104918.html', null],
    ['not a url', null],
    [null, null],
  ];
  for (const [url, year] of urls) test(`year of link ${url} → ${year}`, () => assert.equal(yearOfUrl(url), year));

  test('an article date: publish date, else its dateline with the year from the dateline paragraph or the link', () => {
    const chenzhou = article('chenzhou-delegation-guangzhou');
    assert.deepEqual(articleDate(article('hunan-delegation-guangdong-jiangxi-hubei')), { date: '2023-09-30', dateText: '2023-09-30' });
    assert.deepEqual(articleDate(chenzhou), { date: null, dateText: '11月18日' }, '11月18日讯 without a year anywhere');
    assert.deepEqual(articleDate(variant(chenzhou, 'linked', { url: 'http://www.example.cn/2021-11/18/c_1.htm' })), { date: '2021-11-18', dateText: '2021-11-18' });
    const texts = chenzhou.paragraphs.map((p) => p.text);
    const withYear = variant(chenzhou, 'year-in-text', {}, [texts[0]!.replace('11月9日-11日', '2021年11月9日-11日'), ...texts.slice(1)]);
    assert.deepEqual(articleDate(withYear), { date: '2021-11-18', dateText: '2021-11-18' });
    const january = variant(chenzhou, 'january', {}, [texts[0]!.replace('11月18日讯', '1月8日讯').replace('11月9日-11日', '2021年12月29日-31日')]);
    assert.equal(articleDate(january).date, '2022-01-08', 'a December trip reported in January: the report is next year');
    assert.deepEqual(articleDate(article('hunan-leaders-supervise-cities')), { date: null, dateText: null });
  });

  test('a dateline date sorts like a publish date', () => {
    const chenzhou = variant(article('chenzhou-delegation-guangzhou'), 'linked', { url: 'http://www.example.cn/2024-11/18/c_1.htm' });
    const d = composeDigest([article('hunan-delegation-guangdong-jiangxi-hubei'), chenzhou]);
    assert.deepEqual(digestItems(d).map((i) => i.docId), ['linked', 'hunan-delegation-guangdong-jiangxi-hubei']);
  });
});

describe('grouping, ordering and filters', () => {
  test('two reports of one tour are one group (newest report first); groups are newest first whatever the listing order', () => {
    const base = article('hunan-delegation-guangdong-jiangxi-hubei');
    const followUp = variant(base, 'hunan-follow-up', { title: '湖南省党政代表团赴广东江西湖北学习考察', publishedAt: '2023-10-08' });
    const d = composeDigest([article('hunan-leaders-supervise-cities'), base, article('zhejiang-delegation-jiangsu-shanghai'), followUp]);
    assert.deepEqual(d.groups.map((g) => g.label), ['湖南省党政代表团赴粤赣鄂', '浙江省党政代表团赴苏沪', '湖南省委书记省长带队…']);
    assert.deepEqual(d.groups[0]!.items.map((i) => i.docId), ['hunan-follow-up', 'hunan-delegation-guangdong-jiangxi-hubei']);
    assert.equal(d.overview, '新增4篇，2次考察');
  });

  test('a tour in another year than its report shows the year', () => {
    const later = variant(article('hunan-delegation-guangdong-jiangxi-hubei'), 'later', { publishedAt: '2024-01-05' });
    assert.equal(composeDigest([later]).groups[0]!.tour?.when?.text, '2023年9月23日至28日');
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

describe('plain text and JSON', () => {
  test('text: numbered tour headings, tour lines with [n], compact source lines in the answers\' format', () => {
    const text = renderDigestText(digest, { title: '考察通简报' });
    assert.match(text, /^考察通简报\n新增5篇，4次考察\n\n1\. 湖南县\(市、区\)/);
    assert.match(text, /\n2\. 湖南省党政代表团赴粤赣鄂\n9月23日至28日 · 湖南省委书记沈晓明、省长毛伟明带队 · 36个考察点(?:\[\d+\])+\n/);
    const sources = text.slice(text.indexOf('\n来源：\n') + 5).split('\n');
    assert.equal(sources.length, 5, 'one line per article');
    for (const line of sources) assert.match(line, /^(?:\[\d+\])+ \S.* · \S+ · (?:\d{4}-\d{2}-\d{2}|\d{1,2}月\d{1,2}日|日期不详) · ¶\d+(?:, ¶\d+)*$/);
    assert.ok(sources.some((l) => / · 中国访谈网 · 11月18日 · /.test(l)), 'a dateline gives the date, not 日期不详');
    const markers = new Set([...text.slice(0, text.indexOf('\n来源：')).matchAll(/\[(\d+)\]/g)].map((m) => m[1]));
    const listed = new Set(sources.flatMap((l) => [.../^((?:\[\d+\])+)/.exec(l)![1]!.matchAll(/\[(\d+)\]/g)].map((m) => m[1])));
    assert.deepEqual([...markers].sort(), [...listed].sort(), 'every marker has a source line and vice versa');
  });

  test('JSON carries the items in display order with their tour line and quotes', () => {
    const json = toDigestJson(digest);
    assert.equal(json.overview, digest.overview);
    assert.deepEqual(json.items.map((i) => i.docId), digestItems(digest).map((i) => i.docId));
    assert.deepEqual(Object.keys(json.items[0]!), ['docId', 'title', 'source', 'date', 'dateText', 'url', 'tour', 'sentences']);
    const chenzhou = json.items.find((i) => i.docId === 'chenzhou-delegation-guangzhou')!;
    assert.deepEqual(Object.keys(chenzhou.sentences[0]!.citations[0]!), ['paragraphId', 'paragraph', 'quote']);
    assert.equal(chenzhou.tour?.label.text, '郴州党政代表团赴广州、珠海、东莞、深圳');
    assert.equal(json.items.find((i) => i.docId === 'hunan-leaders-supervise-cities')!.tour, null);
  });
});

describe('structure', () => {
  test('the digest stage imports nothing from the bot stage', () => {
    const dir = path.join(ROOT, 'src/digest');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.doesNotMatch(source, /from '\.\.\/bot\//, `src/digest/${file} imports from src/bot`);
    }
  });

  test('the digest reads facts through the one extractor: no own regexes for dates, titles or counts', () => {
    const dir = path.join(ROOT, 'src/digest');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.doesNotMatch(source, /率领\||书记\||签署\||\\d\{1,2\}月/, `src/digest/${file} keeps its own fact vocabulary`);
    }
  });
});
