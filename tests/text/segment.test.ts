import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BIGRAM_PREFIX,
  DOMAIN_TERMS,
  PROVINCES,
  domainDictionary,
  segmentWords,
  tagWords,
  tokenizeForIndex,
} from '../../src/text/index.ts';

describe('segmentWords', () => {
  const cases: Array<[string, string[]]> = [
    ['9月3日至5日,由甘肃省委书记和省长率领的甘肃省党政代表团', ['党政代表团', '省委书记']],
    ['6天3个省份,2000多公里路程,36个考察点', ['考察点']],
    ['某市市委书记、市委副书记、代市长率领的党政考察团', ['市委书记', '代市长', '党政考察团']],
    ['省委常委、省委组织部部长赴某州督导调研', ['组织部部长', '督导调研']],
    ['双方签署战略合作框架协议', ['战略合作框架协议']],
    ['某县县委书记说', ['县委书记']],
    ['落实“十四五”规划', ['十四五']],
  ];
  for (const [text, words] of cases) {
    test(`keeps ${words.join(', ')} whole`, () => {
      const segmented = segmentWords(text);
      for (const word of words) assert.ok(segmented.includes(word), `${word} missing from ${segmented.join('|')}`);
    });
  }

  test('drops whitespace and punctuation tokens', () => {
    const segmented = segmentWords('湖南, 长沙。“考察”!  ');
    assert.ok(segmented.length > 0);
    assert.ok(segmented.every((word) => /[\p{L}\p{N}]/u.test(word)), segmented.join('|'));
  });
});

describe('tagWords', () => {
  test('domain words carry our tags, even where the stock dictionary disagrees', () => {
    const tags = new Map(tagWords('湖南省党政代表团到浙江考察,考察团赴青海').map(({ word, tag }) => [word, tag]));
    assert.equal(tags.get('湖南省'), 'ns');
    assert.equal(tags.get('浙江'), 'ns');
    assert.equal(tags.get('青海'), 'ns');
    assert.equal(tags.get('党政代表团'), 'nt');
    assert.equal(tags.get('考察团'), 'nt');
  });
});

describe('tokenizeForIndex', () => {
  const text = '6天3个省份,2000多公里路程,36个考察点,这是此次湖南省党政代表团的一组数据。VR科创城';

  test('is deterministic', () => {
    assert.deepEqual(tokenizeForIndex(text), tokenizeForIndex(text));
  });

  test('has words, prefixed character bigrams and ASCII words/numbers', () => {
    const tokens = tokenizeForIndex(text);
    for (const token of ['考察点', '党政代表团', '湖南', `${BIGRAM_PREFIX}湖南`, `${BIGRAM_PREFIX}南省`, '36', '2000', 'vr']) {
      assert.ok(tokens.includes(token), `${token} missing`);
    }
  });

  test('drops punctuation and stop words', () => {
    const tokens = tokenizeForIndex('湖南的代表团是谁带队的？什么时候去的');
    assert.ok(tokens.every((token) => token.trim() !== '' && /[\p{L}\p{N}]/u.test(token)));
    for (const stop of ['的', '是', '谁', '什么', `${BIGRAM_PREFIX}什么`]) assert.ok(!tokens.includes(stop), `${stop} should be dropped`);
  });

  test('queries and documents meet: numerals, full-width forms and case are normalised', () => {
    const document = new Set(tokenizeForIndex('考察点多达36个,VR科创城'));
    for (const query of ['三十六个考察点', 'ＶＲ科创城', 'vr科创城']) {
      const missing = tokenizeForIndex(query).filter((token) => !document.has(token));
      assert.deepEqual(missing.filter((token) => !token.startsWith(BIGRAM_PREFIX) && token !== '个'), [], query);
    }
    assert.ok(tokenizeForIndex('三十六个考察点').includes('36'));
  });

  test('empty and punctuation-only text gives no tokens', () => {
    assert.deepEqual(tokenizeForIndex(''), []);
    assert.deepEqual(tokenizeForIndex(' ,。！“”'), []);
  });
});

describe('domain dictionary', () => {
  test('is in jieba word-freq-tag line format', () => {
    const lines = new TextDecoder().decode(domainDictionary()).trimEnd().split('\n');
    assert.equal(lines.length, DOMAIN_TERMS.length);
    assert.ok(lines.every((line) => /^\S+ \d+ (?:nr|ns|nt|n|nz|v)$/.test(line)), 'malformed line');
  });

  test('covers all 34 provincial-level divisions with full and common names', () => {
    assert.equal(PROVINCES.length, 34);
    const words = new Set(DOMAIN_TERMS.map((term) => term.word));
    for (const province of PROVINCES) {
      assert.ok(words.has(province.name) && words.has(province.common), province.name);
    }
  });
});
