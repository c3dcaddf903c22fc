import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseForIndex, normaliseNumerals, parseChineseNumber, toHalfWidth } from '../../src/text/index.ts';

describe('toHalfWidth', () => {
  const cases: Array<[string, string]> = [
    ['２０２３年９月', '2023年9月'],
    ['ＡＩ＋，（扩大）：？！％', 'AI+,(扩大):?!%'],
    ['湖南\u3000长沙', '湖南 长沙'],
    // CJK punctuation outside the full-width ASCII block keeps its meaning.
    ['“三高四新”。、《若干意见》「」', '“三高四新”。、《若干意见》「」'],
  ];
  for (const [input, expected] of cases) test(input, () => assert.equal(toHalfWidth(input), expected));
});

describe('parseChineseNumber', () => {
  const cases: Array<[string, number | null]> = [
    ['三十六', 36],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['两千', 2000],
    ['一百零五', 105],
    ['一千零五十', 1050],
    ['三百五', 350],
    ['一万五', 15000],
    ['十万', 100000],
    ['一千七百五十亿', 175000000000],
    ['一亿二千万', 120000000],
    ['二〇二三', 2023],
    ['２０００', 2000],
    ['2000多', 2000],
    ['30余', 30],
    ['1750亿', 175000000000],
    ['3.5万', 35000],
    ['2064.47万', 20644700],
    ['十四五', null],
    ['九九八十一', null],
    ['三高四新', null],
    ['百', null],
    ['万', null],
    ['', null],
    ['abc', null],
  ];
  for (const [input, expected] of cases) test(`${input || '(empty)'} → ${expected}`, () => assert.equal(parseChineseNumber(input), expected));
});

describe('normaliseNumerals', () => {
  const cases: Array<[string, string]> = [
    ['三十六个', '36个'],
    ['2000多公里', '2000多公里'],
    ['两千多公里', '2000多公里'],
    ['十一月十八日', '11月18日'],
    ['九月', '9月'],
    ['二〇二三年', '2023年'],
    ['赴三省学习考察', '赴3省学习考察'],
    ['两个大局', '2个大局'],
    ['十年', '10年'],
    ['一千七百五十亿元', '1750亿元'],
    ['三十万电子商务人才', '30万电子商务人才'],
    ['第二、推动', '第2、推动'],
    ['第一站', '第1站'],
    ['第四季度', '第4季度'],
    ['四季度', '4季度'],
    ['二十届三中全会', '20届三中全会'],
    ['百分之三十', '30%'],
    ['一小时经济圈', '1小时经济圈'],
    // Idioms, slogans and names are not quantities.
    ['一江两岸', '一江两岸'],
    ['一把手', '一把手'],
    ['一极六区', '一极六区'],
    ['三高四新', '三高四新'],
    ['十四五规划', '十四五规划'],
    ['八八战略', '八八战略'],
    ['一号工程', '一号工程'],
    ['十分必要', '十分必要'],
    ['一分部署,九分落实', '一分部署,九分落实'],
    ['百年征程', '百年征程'],
    ['千方百计', '千方百计'],
    ['统一市场', '统一市场'],
    ['五家渠市', '五家渠市'],
    ['三人行必有我师', '三人行必有我师'],
    ['王一鸥', '王一鸥'],
    ['万一', '万一'],
  ];
  for (const [input, expected] of cases) test(`${input} → ${expected}`, () => assert.equal(normaliseNumerals(input), expected));
});

describe('normaliseForIndex', () => {
  test('half-width, lower case and numerals in one pass', () => {
    assert.equal(normaliseForIndex('ＶＲ科创城，三十六个考察点？'), 'vr科创城,36个考察点?');
  });

  test('is idempotent on corpus-like and random text', () => {
    const alphabet = [...'零〇一二两三四五六七八九十百千万亿第个名家座天年月日次省市县季度公里%多余的湖南省党政代表团考察点,，。？Ａａ1２ ']
      .concat(['百分之', '一江两岸', '五家渠', '统一', '十四五']);
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed >> 8;
    };
    for (let run = 0; run < 2000; run += 1) {
      const length = 1 + (next() % 16);
      const text = Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
      const once = normaliseForIndex(text);
      assert.equal(normaliseForIndex(once), once, `not idempotent for ${JSON.stringify(text)}`);
    }
  });
});
