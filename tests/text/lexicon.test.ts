import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalWord,
  expandRegionAlias,
  foldScript,
  isTraditional,
  levelOf,
  measuresCompatible,
  normaliseForIndex,
  placeVariants,
  stripAdminSuffix,
  synonymsOf,
} from '../../src/text/index.ts';
import { namesProvinceByAbbreviation, outletPlace, outletPlaceIn, outletsIn } from '../../src/text/index.ts';

describe('foldScript', () => {
  const cases: Array<[string, string]> = [
    ['黨政代表團赴廣東學習考察', '党政代表团赴广东学习考察'],
    ['於3月28日啟程', '于3月28日启程'],
    ['簽署戰略合作協議', '签署战略合作协议'],
    ['already simplified 考察团', 'already simplified 考察团'],
    ['签了什么？著名的', '签了什么？著名的'],
  ];
  for (const [traditional, simplified] of cases) {
    test(`${traditional} → ${simplified}`, () => assert.equal(foldScript(traditional), simplified));
  }
  test('keeps length and offsets for any text', () => {
    for (const text of ['團員88名', '「臺灣」與「台灣」', '𠮷野家 emoji 👍 混合 text', '']) {
      assert.equal(foldScript(text).length, text.length);
    }
  });
  test('normaliseForIndex folds, so both scripts index alike', () => {
    assert.equal(normaliseForIndex('雲南黨政代表團的八十八名團員'), normaliseForIndex('云南党政代表团的八十八名团员'));
  });
  test('isTraditional tells the scripts apart', () => {
    assert.equal(isTraditional('雲南黨政代表團於3月22日從昆明啟程，赴浙江學習考察。'), true);
    assert.equal(isTraditional('云南党政代表团于3月22日从昆明启程，赴浙江学习考察。'), false);
  });
});

describe('places', () => {
  const variants: Array<[string, string[]]> = [
    ['甘肃省', ['甘肃省', '甘肃']],
    ['某某市', ['某某市', '某某']],
    ['粤赣鄂', ['广东', '江西', '湖北']],
    ['京津冀', ['北京', '天津', '河北']],
    ['廣東省', ['广东省', '广东']],
  ];
  for (const [place, expected] of variants) {
    test(`placeVariants(${place}) includes ${expected.join('、')}`, () => {
      const got = placeVariants(place);
      for (const v of expected) assert.ok(got.includes(v), `${v} not in ${got.join('、')}`);
    });
  }
  test('a run of non-abbreviations is no alias', () => assert.equal(expandRegionAlias('考察团'), null));
  test('a province written whole is that province, not a run of abbreviations (辽宁 is not 辽 + 宁)', () => {
    assert.equal(expandRegionAlias('辽宁'), null);
    assert.deepEqual(placeVariants('辽宁'), ['辽宁', '辽宁省']);
    assert.deepEqual(expandRegionAlias('宁辽'), ['宁夏', '辽宁']);
  });
  test('stripAdminSuffix keeps two characters', () => {
    assert.equal(stripAdminSuffix('某县'), '某县');
    assert.equal(stripAdminSuffix('宁夏回族自治区'), '宁夏');
    assert.equal(stripAdminSuffix('某某区'), '某某');
  });
  test('levelOf reads the suffix', () => {
    assert.equal(levelOf('某某省'), 'province');
    assert.equal(levelOf('某某市'), 'city');
    assert.equal(levelOf('某某县'), 'county');
    assert.equal(levelOf('四川'), 'province');
    assert.equal(levelOf('某某'), null);
  });
});

describe('synonyms and measures', () => {
  test('率领 / 带队 / 率队 are one group', () => {
    assert.ok(synonymsOf('带队').includes('率领'));
    assert.ok(synonymsOf('率队').includes('带领'));
    assert.equal(canonicalWord('率队'), '率领');
  });
  test('考察 is answered by 参观 and 走访', () => {
    assert.ok(synonymsOf('考察').includes('参观'));
    assert.ok(synonymsOf('考察').includes('走访'));
  });
  const measures: Array<[string, string, boolean]> = [
    ['座', '个', true], ['名', '人', true], ['位', '名', true], ['公里', '千米', true], ['个', '名', false], ['元', '个', false],
  ];
  for (const [a, b, same] of measures) test(`${a} ~ ${b}: ${same}`, () => assert.equal(measuresCompatible(a, b), same));
  test('words with no group have no synonyms', () => assert.deepEqual(synonymsOf('火星'), []));
});

describe('outletsIn: news outlets a text names', () => {
  const cases: Array<[string, string[]]> = [
    ['西岭日报说代表团看了几个点？', ['西岭日报']],
    ['据北川晚报报道，考察团来了', ['北川晚报']],
    ['东江新闻网和南山电视台说法不同', ['东江新闻网', '南山电视台']],
    ['据新华社报道，考察团签了协议', ['新华社']],
    ['代表团看了几个点？', []],
    ['两地签署合作框架协议', []],
  ];
  for (const [text, outlets] of cases) test(text, () => assert.deepEqual(outletsIn(text).map((o) => o.text), outlets));
});

describe('namesProvinceByAbbreviation: 来陕, 在皖期间, 赴渝考察', () => {
  const cases: Array<[string, string, boolean]> = [
    ['代表团来陕学习考察', '陕西', true],
    ['在皖期间，代表团走访了合肥', '安徽省', true],
    ['抵渝后，代表团首先参观了科学城', '重庆', true],
    ['代表团在宁波考察', '宁夏', false], // 宁 begins another place's name here
    ['考察团在晋江参观', '山西', false],
    ['代表团赴陕西考察', '湖北', false],
  ];
  for (const [text, place, named] of cases) test(`${text} names ${place}: ${named}`, () => assert.equal(namesProvinceByAbbreviation(text, place), named));
});

describe('outletPlace: the place a local outlet is named after', () => {
  const cases: Array<[string, string | null]> = [['北岭日报', '北岭'], ['东川市新闻网', '东川'], ['人民日报', null], ['中国青年报', null], ['新华社', null]];
  for (const [outlet, place] of cases) test(`${outlet} → ${place}`, () => assert.equal(outletPlace(outlet), place));
  test('outletPlaceIn: the first local outlet of several lines (a page header may name it)', () => {
    assert.equal(outletPlaceIn(['', '报纸名称：北岭日报　出版日期：2014.05.12']), '北岭');
    assert.equal(outletPlaceIn(['人民日报', '东川晚报记者']), '东川');
  });
});
