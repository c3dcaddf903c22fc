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
    ['9月23日至28日,由湖南省委书记沈晓明、省长毛伟明率领的湖南省党政代表团', ['沈晓明', '毛伟明', '党政代表团']],
    ['6天3个省份,2000多公里路程,36个考察点', ['考察点']],
    ['郴州市委书记刘志仁、市委副书记、代市长吴巨培率领的党政考察团', ['刘志仁', '吴巨培', '市委书记', '代市长']],
    ['省委常委、省委组织部部长汪一光赴湘西州督导', ['汪一光', '湘西州', '组织部部长']],
    ['浙江省委书记易炼红主持会议并讲话,省委副书记、省长王浩讲话,黄莉新出席', ['易炼红', '王浩', '黄莉新']],
    ['洞口县委书记吴韬说', ['吴韬', '县委书记']],
    ['落实“三高四新”战略,全力打造“一极六区”', ['三高四新', '一极六区']],
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
    const tags = new Map(tagWords('沈晓明在张家界调研,汪一光赴湘西州督导,湖南省党政代表团到嘉善考察').map(({ word, tag }) => [word, tag]));
    assert.equal(tags.get('沈晓明'), 'nr');
    assert.equal(tags.get('汪一光'), 'nr');
    assert.equal(tags.get('湘西州'), 'ns');
    assert.equal(tags.get('张家界'), 'ns');
    assert.equal(tags.get('嘉善'), 'ns');
    assert.equal(tags.get('党政代表团'), 'nt');
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
    assert.ok(lines.every((line) => /^\S+ \d+ (?:nr|ns|nt|n|nz)$/.test(line)), 'malformed line');
  });

  test('covers all 34 provincial-level divisions with full and common names', () => {
    assert.equal(PROVINCES.length, 34);
    const words = new Set(DOMAIN_TERMS.map((term) => term.word));
    for (const province of PROVINCES) {
      assert.ok(words.has(province.name) && words.has(province.common), province.name);
    }
  });
});
