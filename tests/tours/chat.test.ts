import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cardFor,
  cardsMatching,
  compareTours,
  findTour,
  listTours,
  parseTourFilter,
  renderCompareHtml,
  renderTourHtml,
  renderTourListHtml,
  renderTourText,
  toursOfArticles,
  type TourCard,
} from '../../src/tours/index.ts';
import { articleOf, CITY_TRIP, COUNTY_TRIP, OVERVIEW, PROVINCE_TRIP, PROVINCE_TRIP_OTHER_OUTLET } from './fixtures.ts';

const cards = toursOfArticles([PROVINCE_TRIP, CITY_TRIP, COUNTY_TRIP, PROVINCE_TRIP_OTHER_OUTLET, OVERVIEW]);
const byDelegation = (name: string) => cards.find((c) => c.delegation === name)!;

test('listTours: newest first, filtered by region or year, paged', () => {
  const all = listTours(cards, { pageSize: 2 });
  assert.equal(all.total, cards.length);
  assert.equal(all.pages, Math.ceil(cards.length / 2));
  assert.equal(all.items[0]!.delegation, '安徽省党政代表团');
  const second = listTours(cards, { pageSize: 2, page: 2 });
  assert.notDeepEqual(second.items.map((c) => c.id), all.items.map((c) => c.id));
  assert.deepEqual(listTours(cards, { region: '安徽' }).items.map((c) => c.delegation), ['安徽省党政代表团']);
  assert.deepEqual(listTours(cards, { region: '成都' }).items.map((c) => c.delegation), ['岳阳市党政考察团']);
  assert.deepEqual(listTours(cards, { year: 2023 }).items.map((c) => c.id).sort(), cards.filter((c) => (c.start ?? c.published)!.startsWith('2023')).map((c) => c.id).sort());
  assert.equal(listTours(cards, { year: 2023 }).total, 4);
  assert.equal(listTours(cards, { region: '西藏' }).total, 0);
  assert.equal(listTours(cards, { page: 99 }).page, listTours(cards, { page: 99 }).pages);
});

test('parseTourFilter reads a year and a region in any order', () => {
  const cases: Array<[string, object]> = [
    ['湖南', { region: '湖南' }],
    ['2023', { year: 2023 }],
    ['2023年 郴州', { year: 2023, region: '郴州' }],
    ['', {}],
  ];
  for (const [text, want] of cases) assert.deepEqual(parseTourFilter(text), want, text);
});

test('findTour: by delegation, by home and destination, by leader; null when nothing fits', () => {
  const cases: Array<[string, string | null]> = [
    ['安徽省党政代表团', '安徽省党政代表团'],
    ['岳阳去成都那趟', '岳阳市党政考察团'],
    ['周海波', '临川县考察团'],
    ['西藏那次', null],
  ];
  for (const [keyword, want] of cases) assert.equal(findTour(cards, keyword)?.delegation ?? null, want, keyword);
});

test('compareTours sets two cards field by field and marks equal values', () => {
  const comparison = compareTours(byDelegation('安徽省党政代表团'), byDelegation('临川县考察团'));
  const row = (field: string) => comparison.rows.find((r) => r.field === field)!;
  assert.equal(row('dates').a, '2024-05-14 至 2024-05-17');
  assert.equal(row('dates').b, '2023-02-26 至 2023-02-28');
  assert.equal(row('site_count').a, '28个');
  assert.equal(row('site_count').b, '9个');
  assert.equal(row('agreements').b, '未提及');
  assert.equal(row('dates').same, false);
  const self = compareTours(byDelegation('临川县考察团'), byDelegation('临川县考察团'));
  assert.ok(self.rows.find((r) => r.field === 'dates')!.same);
});

test('cardFor and cardsMatching find the cards an article reports and a question names', () => {
  assert.equal(cardFor(cards, 'anhui-trip-2')?.delegation, '安徽省党政代表团');
  assert.equal(cardFor(cards, 'no-such-doc'), null);
  assert.deepEqual(cardsMatching(cards, '安徽省党政代表团考察了多少个点？').map((c) => c.delegation), ['安徽省党政代表团']);
  assert.deepEqual(cardsMatching(cards, '陈立新带队去了哪里？').map((c) => c.delegation), ['安徽省党政代表团']);
  assert.deepEqual(cardsMatching(cards, '今天天气怎么样？'), []);
});

test('renderTourHtml: one line per field, [n] markers, a button per cited paragraph, HTML escaped', () => {
  const card = byDelegation('安徽省党政代表团');
  const { text, buttons } = renderTourHtml(card);
  assert.match(text, /<b>带队<\/b>：安徽省委书记陈立新、省长赵明远\[1\]/);
  assert.match(text, /<b>考察点数<\/b>：28个\[\d\]\[\d\] ⚠️ 来源说法不一：28（.+） \/ 27（.+）/);
  assert.ok(buttons.length >= 3);
  for (const [i, b] of buttons.entries()) {
    assert.equal(b.label.startsWith(`[${i + 1}] ¶`), true);
    assert.ok(b.paragraphId && /#p\d+$/.test(b.paragraphId));
  }
  const nasty: TourCard = { ...card, delegation: '<b>甲&乙</b>代表团' };
  assert.ok(renderTourHtml(nasty).text.startsWith('<b>&lt;b&gt;甲&amp;乙&lt;/b&gt;代表团</b>'));
});

test('renderTourText quotes every cited paragraph verbatim under the card', () => {
  const card = byDelegation('临川县考察团');
  const text = renderTourText(card);
  assert.match(text, /带队：县委书记周海波\[1\]/);
  assert.ok(text.includes('[1] linchuan-trip#p1（¶1）：2月26日至28日，临川县考察团在县委书记周海波的带领下，前往福建省三明市考察学习。'));
  assert.match(text, /考察点数：9个\[2\]/);
});

test('renderCompareHtml and renderTourListHtml: buttons to the cards and to the pages', () => {
  const compared = renderCompareHtml(byDelegation('安徽省党政代表团'), byDelegation('岳阳市党政考察团'));
  assert.match(compared.text, /<b>时间<\/b>\n {2}甲：2024-05-14 至 2024-05-17\n {2}乙：2021-10-06 至 2021-10-08/);
  assert.deepEqual(compared.buttons.map((b) => b.tourId), [byDelegation('安徽省党政代表团').id, byDelegation('岳阳市党政考察团').id]);
  const page = renderTourListHtml(listTours(cards, { pageSize: 2, page: 2 }));
  assert.match(page.text, /第2\/\d+页/);
  assert.ok(page.buttons.some((b) => b.page === 1));
  assert.ok(page.buttons.some((b) => b.page === 3));
  assert.equal(renderTourListHtml(listTours(cards, { region: '西藏' })).text, '没有符合条件的考察记录。');
  const empty = toursOfArticles([articleOf('x', { title: '考察', paragraphs: ['无关内容。'] })]);
  assert.ok(Array.isArray(empty));
});

test('findTour: a keyword naming a province finds its own delegation before a newer county course of that province', () => {
  const course = articleOf('anhui-county-course', {
    title: '安徽县委书记专题培训班赴浙江学习',
    publishedAt: '2025-03-10',
    paragraphs: ['3月3日至8日，安徽县委书记专题培训班赴浙江学习考察。', '培训班走访了余杭区未来科技城等12个点。'],
  });
  const cards = toursOfArticles([PROVINCE_TRIP, course]);
  assert.equal(cards.length, 2);
  assert.equal(findTour(cards, '安徽')?.docs[0], 'anhui-trip');
});
