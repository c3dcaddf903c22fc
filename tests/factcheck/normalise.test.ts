import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyseText,
  canonicalPlace,
  compareDates,
  compareQuantities,
  normaliseClaimText,
  parseDates,
  parseQuantities,
  sameCountedThing,
  textNamesPlace,
} from '../../src/factcheck/index.ts';

function quantity(text: string) {
  const found = parseQuantities(normaliseClaimText(text), [], (w) => ['浙江', '江苏'].includes(w));
  assert.equal(found.length, 1, `one quantity in ${text}: ${JSON.stringify(found)}`);
  return found[0]!;
}

function date(text: string) {
  const found = parseDates(normaliseClaimText(text));
  assert.equal(found.length, 1, `one date in ${text}`);
  return found[0]!;
}

describe('quantities', () => {
  const table: Array<[string, number, string, string, string]> = [
    // text, value, bound, measure, noun
    ['三十六个考察点', 36, 'exact', '个', '考察点'],
    ['36个考察点', 36, 'exact', '个', '考察点'],
    ['2000多公里路程', 2000, 'more', '公里', '路程'],
    ['1750亿元', 1750e8, 'exact', '元', ''],
    ['4个组', 4, 'exact', '组', ''],
    ['37个点', 37, 'exact', '点', ''],
    ['超过100万人次', 1e6, 'atLeast', '人次', ''],
    ['8家科技和新材料企业', 8, 'exact', '家', '科技和新材料企业'],
    ['60多家上市企业', 60, 'more', '家', '上市企业'],
  ];
  for (const [text, value, bound, measure, noun] of table) {
    test(text, () => {
      const q = quantity(text);
      assert.deepEqual([q.value, q.bound, q.measure, q.noun], [value, bound, measure, noun]);
    });
  }

  test('ordinals and owners', () => {
    assert.equal(quantity('第二组').ordinal, true);
    assert.equal(quantity('第二组').value, 2);
    assert.equal(quantity('浙江有25个').owner, '浙江');
    assert.equal(quantity('考察点多达36个').noun, '考察点');
  });

  test('same counted thing', () => {
    assert.ok(sameCountedThing(quantity('37个点'), quantity('36个考察点')));
    assert.ok(sameCountedThing(quantity('4个组'), quantity('3组')));
    assert.ok(sameCountedThing(quantity('5座城市'), quantity('4座城市')));
    assert.ok(!sameCountedThing(quantity('5座城市'), quantity('3天')));
    assert.ok(!sameCountedThing(quantity('第2组'), quantity('3组')));
  });

  const comparisons: Array<[string, string, string]> = [
    ['36个', '三十六个', 'same'],
    ['37个', '36个', 'different'],
    ['2000多公里', '2000多公里', 'same'],
    ['2000多公里', '2400公里', 'same'],
    ['3000多公里', '2000多公里', 'different'],
    ['超过100万人次', '2064.47万人次', 'same'],
    ['超过800万吨', '500万吨', 'different'],
    ['36个', '30多个', 'unknown'],
    ['约300人', '320人', 'unknown'],
  ];
  for (const [claim, source, expected] of comparisons) {
    test(`${claim} vs ${source} → ${expected}`, () => assert.equal(compareQuantities(quantity(claim), quantity(source)), expected));
  }
});

describe('dates', () => {
  test('ranges, open ends and inherited months', () => {
    const range = date('9月23日至28日');
    assert.deepEqual([range.from, range.to], [{ month: 9, day: 23 }, { month: 9, day: 28 }]);
    assert.equal(date('11月3日起').openEnded, true);
    const [first, second] = parseDates(normaliseClaimText('10月8日至9日,来到衡阳。21日至22日,再赴怀化'));
    assert.deepEqual(first!.to, { month: 10, day: 9 });
    assert.deepEqual([second!.from, second!.to], [{ month: 10, day: 21 }, { month: 10, day: 22 }]);
    assert.deepEqual(parseDates('13日上午', { year: 2023, month: 4 })[0]!.from, { year: 2023, month: 4, day: 13 });
    assert.deepEqual(date('二〇二四年').from, { year: 2024 });
  });

  const table: Array<[string, string, string]> = [
    ['9月25日', '9月23日至28日', 'same'],
    ['9月24日', '9月23日', 'different'],
    ['10月21日至22日', '10月8日至9日', 'different'],
    ['11月10日至12日', '11月9日-11日', 'different'],
    ['11月3日起', '11月3日起', 'same'],
    ['11月5日', '11月3日起', 'same'],
    ['2024年', '2024年', 'same'],
    ['2023年', '2024年', 'different'],
    ['9月23日至28日', '9月25日', 'unknown'],
    ['10月份', '10月31日', 'same'],
    ['10月21日', '10月', 'unknown'],
  ];
  for (const [claim, source, expected] of table) {
    test(`${claim} vs ${source} → ${expected}`, () => assert.equal(compareDates(date(claim), date(source)), expected));
  }
});

describe('places and titles', () => {
  const table: Array<[string, string]> = [
    ['湖南省', '湖南'],
    ['湖南', '湖南'],
    ['郴州市', '郴州'],
    ['余杭区', '余杭'],
    ['广西壮族自治区', '广西'],
  ];
  for (const [name, canonical] of table) test(`${name} → ${canonical}`, () => assert.equal(canonicalPlace(name), canonical));

  test('a text names a place under any spelling, collective names by a member', () => {
    assert.ok(textNamesPlace('先后前往郴州市、永州市', '郴州'));
    assert.ok(textNamesPlace('在浙江和江苏两省举办', '江浙'));
    assert.ok(!textNamesPlace('在浙江举办', '湖南省'));
  });

  test('a title before a name is read as the title, and the person matches by name', () => {
    const { persons } = analyseText('省委书记沈晓明来到衡阳');
    assert.deepEqual(persons.map((p) => [p.name, p.title]), [['沈晓明', '省委书记']]);
    const titled = analyseText('市委书记 刘志仁:这很好');
    assert.equal(titled.persons[0]?.name, '刘志仁');
  });
});
