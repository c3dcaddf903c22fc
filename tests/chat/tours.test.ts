/** The tour commands' shared logic (src/chat/tours.ts) over the invented tour fixtures: arguments, lookups, examples. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupComparison, lookupTour, parseTourListArgs, tourExamples, tourListCommand, tourListPage } from '../../src/chat/tours.ts';
import { findTour, toursOfArticles } from '../../src/tours/index.ts';
import { CITY_TRIP, COUNTY_TRIP, OVERVIEW, PROVINCE_TRIP, PROVINCE_TRIP_OTHER_OUTLET } from '../tours/fixtures.ts';

const cards = toursOfArticles([PROVINCE_TRIP, CITY_TRIP, COUNTY_TRIP, PROVINCE_TRIP_OTHER_OUTLET, OVERVIEW]);

test('parseTourListArgs: filter words and a page, a four-digit number is a year', () => {
  const cases: Array<[string, { filterText: string; page: number }]> = [
    ['', { filterText: '', page: 1 }],
    ['2', { filterText: '', page: 2 }],
    ['2023', { filterText: '2023', page: 1 }],
    ['安徽 2023', { filterText: '安徽 2023', page: 1 }],
    ['安徽 3', { filterText: '安徽', page: 3 }],
    ['安徽 第2页', { filterText: '安徽', page: 2 }],
    ['  安徽   2024  2 ', { filterText: '安徽 2024', page: 2 }],
    ['0', { filterText: '', page: 1 }],
  ];
  for (const [args, expected] of cases) assert.deepEqual(parseTourListArgs(args), expected, args);
});

test('tourListCommand writes what parseTourListArgs reads back', () => {
  for (const [filterText, page] of [['', 1], ['', 3], ['安徽 2024', 2], ['成都', 1]] as const) {
    const command = tourListCommand(filterText, page);
    assert.deepEqual(parseTourListArgs(command.replace(/^\/tours\s*/, '')), { filterText, page }, command);
  }
});

test('tourListPage: region and year words of the request filter the page', () => {
  const page = tourListPage(cards, parseTourListArgs('成都'), 5);
  assert.deepEqual(page.items.map((c) => c.delegation), ['岳阳市党政考察团']);
  assert.equal(tourListPage(cards, parseTourListArgs('西藏'), 5).total, 0);
});

test('lookupTour: the best card, and the others the keyword also names', () => {
  const { card, others } = lookupTour(cards, '安徽');
  assert.equal(card?.delegation, '安徽省党政代表团');
  assert.ok(!others.some((c) => c.id === card!.id), 'the card is not among the others');
  assert.deepEqual(lookupTour(cards, '西藏'), { card: null, others: [] });
});

test('lookupComparison: spaces, 和/与/、 without spaces, misses and usage', () => {
  const anhui = findTour(cards, '安徽')!.id;
  const yueyang = findTour(cards, '岳阳')!.id;
  assert.notEqual(anhui, yueyang);
  for (const args of ['安徽 岳阳', '安徽和岳阳', '安徽与岳阳', '安徽、岳阳', '  安徽   岳阳 ']) {
    const outcome = lookupComparison(cards, args);
    assert.equal(outcome.kind, 'found', args);
    if (outcome.kind === 'found') assert.deepEqual([outcome.a.id, outcome.b.id], [anhui, yueyang], args);
  }
  assert.deepEqual(lookupComparison(cards, ''), { kind: 'usage' });
  assert.deepEqual(lookupComparison(cards, '安徽'), { kind: 'usage' });
  assert.deepEqual(lookupComparison(cards, '安徽 西藏'), { kind: 'not-found', keyword: '西藏' });
  assert.deepEqual(lookupComparison(cards, '西藏 安徽'), { kind: 'not-found', keyword: '西藏' });
});

test('lookupComparison: when both keywords first name one tour, the second takes its next tour, else says so', () => {
  const anhui = findTour(cards, '安徽')!;
  assert.equal(findTour(cards, '浙江')!.id, anhui.id, 'both keywords first name the same tour');
  const outcome = lookupComparison(cards, '安徽 浙江');
  assert.equal(outcome.kind, 'found');
  if (outcome.kind === 'found') {
    assert.equal(outcome.a.id, anhui.id);
    assert.notEqual(outcome.b.id, anhui.id);
    assert.ok(outcome.b.destinations.includes('浙江') || outcome.b.from === '浙江', 'the other tour 浙江 names');
  }
  // Only one tour went to Jiangsu: nothing else to compare with.
  assert.deepEqual(lookupComparison(cards, '安徽 江苏'), { kind: 'same', card: anhui });
});

test('tourExamples: keywords that resolve, the pair naming two different cards', () => {
  const { one, pair } = tourExamples(cards);
  assert.ok(one && findTour(cards, one), `example ${one}`);
  assert.ok(pair, 'a pair');
  assert.notEqual(findTour(cards, pair[0])!.id, findTour(cards, pair[1])!.id);
  assert.deepEqual(tourExamples([]), { one: null, pair: null });
});
