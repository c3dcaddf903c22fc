import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { decodeBytes, TextError } from '../../src/text/index.ts';

const corpusFile = new URL('../../data/articles/hunan-delegation-guangdong-jiangxi-hubei.txt', import.meta.url);
const corpusText = await readFile(corpusFile, 'utf8');
/** A corpus passage: simplified Chinese with the corpus's mix of half-width and full-width punctuation. */
const passage = corpusText.slice(corpusText.indexOf('9月23日至28日'), corpusText.indexOf('9月23日至28日') + 300);
/** The same kind of text in traditional characters, as a Big5 page would carry it. */
const traditional =
  '9月23日至28日,由湖南省委書記沈曉明、省長毛偉明率領的湖南省黨政代表團,先後赴廣東、江西、湖北學習考察。' +
  '6天3個省份,2000多公里路程,36個考察點,這是此次湖南省黨政代表團的一組數據。';

describe('decodeBytes', () => {
  test('valid UTF-8 is returned as is', () => {
    const result = decodeBytes(new TextEncoder().encode(passage));
    assert.deepEqual(result, { text: passage, encoding: 'utf-8' });
  });

  test('empty input is empty UTF-8 text', () => {
    assert.deepEqual(decodeBytes(new Uint8Array()), { text: '', encoding: 'utf-8' });
  });

  const boms: Array<[string, Uint8Array, string]> = [
    ['utf-8', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(passage)]), 'utf-8'],
    ['utf-16le', Uint8Array.from([0xff, 0xfe, ...iconv.encode(passage, 'utf16le')]), 'utf-16le'],
    ['utf-16be', Uint8Array.from([0xfe, 0xff, ...iconv.encode(passage, 'utf16-be')]), 'utf-16be'],
  ];
  for (const [name, bytes, encoding] of boms) {
    test(`strips a ${name} BOM`, () => {
      const result = decodeBytes(bytes);
      assert.equal(result.encoding, encoding);
      assert.equal(result.text, passage);
      assert.notEqual(result.text.charCodeAt(0), 0xfeff);
    });
  }

  const legacy: Array<[string, string, string]> = [
    ['gbk', passage, 'gb18030'],
    ['gb18030', passage, 'gb18030'],
    ['big5', traditional, 'big5'],
  ];
  for (const [source, text, expected] of legacy) {
    test(`detects ${source} bytes and converts them (${expected})`, () => {
      const bytes = iconv.encode(text, source);
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'fixture must not be valid UTF-8');
      const result = decodeBytes(bytes);
      assert.equal(result.encoding, expected);
      assert.equal(result.text, text);
    });
  }

  test('the whole GBK-encoded article round-trips', () => {
    const result = decodeBytes(iconv.encode(corpusText, 'gbk'));
    assert.equal(result.encoding, 'gb18030');
    assert.equal(result.text, corpusText);
  });

  test('NUL bytes mean binary input', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('PK'), 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]);
    assert.throws(() => decodeBytes(bytes), (error: unknown) => error instanceof TextError && /binary/.test(error.message) && error.message.startsWith('text: '));
  });

  test('random high bytes without NULs are refused as undecodable, not returned as gibberish', () => {
    let seed = 12345;
    const bytes = new Uint8Array(4000).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return 0x80 + ((seed >> 16) % 128);
    });
    assert.throws(() => decodeBytes(bytes), (error: unknown) => error instanceof TextError && /cannot decode/.test(error.message));
  });
});
