import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toursOfArticles } from '../../src/tours/index.ts';
import { articleOf, CITY_TRIP, PROVINCE_TRIP, PROVINCE_TRIP_OTHER_OUTLET } from './fixtures.ts';

test('two outlets reporting the same trip become one card listing both sources', () => {
  const cards = toursOfArticles([PROVINCE_TRIP, CITY_TRIP, PROVINCE_TRIP_OTHER_OUTLET]);
  assert.equal(cards.length, 2);
  const card = cards.find((c) => c.delegation === '安徽省党政代表团')!;
  assert.deepEqual(card.docs, ['anhui-trip', 'anhui-trip-2']);
  assert.equal(card.start, '2024-05-14');
  assert.equal(card.end, '2024-05-17');
});

test('sources that disagree on the site count: both values, each with its source, flagged', () => {
  const card = toursOfArticles([PROVINCE_TRIP, PROVINCE_TRIP_OTHER_OUTLET])[0]!;
  assert.equal(card.siteCount, 28);
  const conflict = card.conflicts.find((c) => c.field === 'site_count');
  assert.ok(conflict);
  assert.deepEqual(conflict.values.map((v) => [v.value, v.docId]), [[28, 'anhui-trip'], [27, 'anhui-trip-2']]);
  assert.ok(conflict.values.every((v) => v.citation && v.citation.quote.includes(String(v.value))));
});

test('the same delegation on trips months apart stays two cards', () => {
  const later = articleOf('anhui-later', {
    title: '安徽省党政代表团赴广东考察',
    publishedAt: '2024-11-03',
    paragraphs: ['10月29日至31日，安徽省党政代表团赴广东学习考察。'],
  });
  const cards = toursOfArticles([PROVINCE_TRIP, later]);
  assert.equal(cards.length, 2);
  assert.deepEqual(cards.map((c) => c.docs), [['anhui-trip'], ['anhui-later']]);
});

test('removing an article removes it from its cards (cards follow the articles loaded)', () => {
  assert.deepEqual(toursOfArticles([PROVINCE_TRIP]).map((c) => c.docs), [['anhui-trip']]);
  assert.deepEqual(toursOfArticles([PROVINCE_TRIP_OTHER_OUTLET]).map((c) => c.docs), [['anhui-trip-2']]);
});

test('an outlet that names no delegation joins the trip of the same leader to the same place on the same days', () => {
  const plain = articleOf('anhui-plain', {
    title: '陈立新在江苏考察',
    publishedAt: '2024-05-16',
    paragraphs: ['5月15日，安徽省委书记陈立新率队在江苏考察，参观了苏州纳米城。'],
  });
  const otherLeader = articleOf('other-leader', {
    title: '市领导在江苏考察',
    publishedAt: '2024-05-16',
    paragraphs: ['5月15日，滁州市委书记许永安率队在江苏考察。'],
  });
  const cards = toursOfArticles([PROVINCE_TRIP, plain, otherLeader]);
  assert.deepEqual(cards.map((c) => c.docs), [['anhui-trip', 'anhui-plain'], ['other-leader']]);
});

test('outlets writing a place with and without its province: one trip, one destination', () => {
  const cases: Array<[string[], string[], string[]]> = [
    [['6月2日，岳阳市委书记孙卫东率队赴江西省九江市考察。'], ['6月2日，岳阳市委书记孙卫东率考察团在九江考察，参观了九江港。'], ['江西省九江市']],
    [['6月2日，宁乡县委书记顾明哲率队前往山东省潍坊市考察。'], ['6月3日，宁乡县委书记顾明哲带队在潍坊市考察学习。'], ['山东省潍坊市']],
    [['6月2日，株洲市委书记黎明远率队赴湖北省宜昌市考察。'], ['6月2日，株洲市委书记黎明远带领考察团到宜昌市考察。'], ['湖北省宜昌市']],
  ];
  cases.forEach(([first, second, want], i) => {
    // Drafts are memoised per article content: every case has its own ids.
    const cards = toursOfArticles([
      articleOf(`one-${i}`, { title: '考察', publishedAt: '2024-06-05', paragraphs: first }),
      articleOf(`two-${i}`, { title: '考察', publishedAt: '2024-06-05', paragraphs: second }),
    ]);
    assert.deepEqual(cards.map((c) => [c.docs, c.destinations]), [[[`one-${i}`, `two-${i}`], want]], first[0]);
  });
});
