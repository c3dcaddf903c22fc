/**
 * Comparison of typed facts (src/facts/compare.ts): quantities with 多/余 and bounds, date coverage, titles held.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compareDates, compareQuantities, titleHeld, type Comparison, type DateValue, type QuantityValue } from '../../src/facts/index.ts';

const q = (value: number, bound: QuantityValue['bound'] = 'exact', measure = '公里'): QuantityValue => ({ value, bound, ordinal: false, measure, noun: '' });

describe('compareQuantities', () => {
  const cases: Array<[string, QuantityValue, QuantityValue, Comparison]> = [
    ['2600余 rules out 3000多', q(3000, 'more'), q(2600, 'more'), 'different'],
    ['2600余 confirms 2600多', q(2600, 'more'), q(2600, 'more'), 'same'],
    ['2600余 rules out 2700余', q(2700, 'more'), q(2600, 'more'), 'different'],
    ['2000多 is confirmed by 2400', q(2000, 'more'), q(2400), 'same'],
    ['2000多 is contradicted by 1800', q(2000, 'more'), q(1800), 'different'],
    ['2000多 against 3000多', q(2000, 'more'), q(3000, 'more'), 'different'],
    ['30多 against 36: confirmed', q(30, 'more', '个'), q(36, 'exact', '个'), 'same'],
    ['36 against 30多: unknown', q(36, 'exact', '个'), q(30, 'more', '个'), 'unknown'],
    ['超过100 confirmed by 150', q(100, 'atLeast'), q(150), 'same'],
    ['约300 against 320: unknown', q(300, 'approx'), q(320), 'unknown'],
    ['约1500 against 2000多: different', q(1500, 'approx'), q(2000, 'more'), 'different'],
    ['约300 against 约300: same', q(300, 'approx'), q(300, 'approx'), 'same'],
    ['37 against 36', q(37, 'exact', '个'), q(36, 'exact', '个'), 'different'],
  ];
  for (const [name, claim, source, expected] of cases) test(name, () => assert.equal(compareQuantities(claim, source), expected));
});

describe('compareDates', () => {
  const d = (fromMonth: number, fromDay: number | undefined, toMonth = fromMonth, toDay = fromDay): DateValue => ({
    from: fromDay === undefined ? { month: fromMonth } : { month: fromMonth, day: fromDay },
    to: toDay === undefined ? { month: toMonth } : { month: toMonth, day: toDay },
  });
  const cases: Array<[string, DateValue, DateValue, Comparison]> = [
    ['a day inside a span', d(9, 25), d(9, 23, 9, 28), 'same'],
    ['a day outside a span', d(10, 21), d(10, 8, 10, 9), 'different'],
    ['overlapping spans differ', d(11, 10, 11, 12), d(11, 9, 11, 11), 'different'],
    ['a month holds its days', d(10, undefined), d(10, 8, 10, 9), 'same'],
    ['a wider claimed span is not confirmed by a narrower one', d(6, 9, 6, 12), d(6, 9, 6, 11), 'unknown'],
  ];
  for (const [name, claim, source, expected] of cases) test(name, () => assert.equal(compareDates(claim, source), expected));
});

describe('titleHeld', () => {
  const cases: Array<[string, string, boolean]> = [
    ['市长', '市委副书记、市长', true],
    ['市委书记', '市委副书记、市长', false],
    ['组长', '副组长、省农业农村厅副厅长', false],
    ['书记', '湖南省委书记', true],
    ['市长', '代市长', false],
  ];
  for (const [claim, chain, expected] of cases) test(`${claim} in ${chain}`, () => assert.equal(titleHeld(claim, chain), expected));
});
