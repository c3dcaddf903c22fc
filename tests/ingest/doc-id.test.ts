import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { docIdFor, MAX_FILE_SLUG_CHARS, MAX_URL_SLUG_CHARS } from '../../src/ingest/doc-id.ts';

const sha8 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 8);
const fileId = (name: string) => docIdFor({ name, origin: `some/dir/${name}` });
const urlId = (url: string) => docIdFor({ name: 'ignored.html', url, origin: url });
const ASCII_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('docIdFor: files', () => {
  const cases: Array<[name: string, expected: string]> = [
    ['chenzhou-delegation-guangzhou.txt', 'chenzhou-delegation-guangzhou'],
    ['Report Final (v2).MD', 'report-final-v2'],
    ['hunan_county__leaders.html', 'hunan-county-leaders'],
    ['--a..b--.markdown', 'a-b'],
    ['ＡＢＣ１２.txt', 'abc12'], // full-width Latin folds to ASCII without losing anything, so no hash
    ['郴州考察.txt', `doc-${sha8('郴州考察.txt')}`],
    ['郴州2023考察.txt', `2023-${sha8('郴州2023考察.txt')}`],
    ['notes', 'notes'],
  ];
  for (const [name, expected] of cases) {
    test(`${name} → ${expected}`, () => assert.equal(fileId(name), expected));
  }

  test('pinned values: ids must not change between versions, or re-ingestion would orphan citations', () => {
    assert.equal(fileId('郴州考察.txt'), 'doc-cbe5ba86');
    assert.equal(urlId('https://www.hunantoday.cn/news/2023/1118/abc.html'), 'hunantoday-cn-news-2023-1118-abc-b5449f69');
  });

  test('Chinese names that differ get different ids', () => {
    assert.notEqual(fileId('郴州考察.txt'), fileId('长沙考察.txt'));
    assert.notEqual(fileId('郴州2023.txt'), fileId('长沙2023.txt'));
  });

  test('decomposed (NFD) and composed (NFC) spellings of a name give the same id', () => {
    const composed = 'café考察.txt';
    assert.equal(fileId(composed.normalize('NFD')), fileId(composed));
  });

  test('long names are truncated and disambiguated by a hash', () => {
    const long = (tail: string) => `${'delegation-'.repeat(10)}${tail}.txt`;
    const a = fileId(long('a'));
    const b = fileId(long('b'));
    assert.notEqual(a, b);
    assert.ok(a.length <= MAX_FILE_SLUG_CHARS + 9, a);
    assert.match(a, /^delegation-.*-[0-9a-f]{8}$/);
  });

  test('ids depend only on the file name, not on the directory', () => {
    assert.equal(docIdFor({ name: 'x.txt', origin: 'a/x.txt' }), docIdFor({ name: 'x.txt', origin: 'b/x.txt' }));
  });
});

describe('docIdFor: URLs', () => {
  test('host (without www) and path slug, then a hash of the full URL', () => {
    const url = 'https://www.hunantoday.cn/news/2023/1118/abc.html';
    assert.equal(urlId(url), `hunantoday-cn-news-2023-1118-abc-${sha8(url)}`);
  });

  const distinct: Array<[a: string, b: string]> = [
    ['https://example.com/a.php?id=1', 'https://example.com/a.php?id=2'],
    ['http://example.com/a.html', 'https://example.com/a.html'],
    ['https://example.com/新闻/一.html', 'https://example.com/新闻/二.html'],
  ];
  for (const [a, b] of distinct) {
    test(`${a} and ${b} differ`, () => assert.notEqual(urlId(a), urlId(b)));
  }

  test('a fragment does not change the id', () => {
    assert.equal(urlId('https://example.com/a.html#comments'), urlId('https://example.com/a.html'));
  });

  test('the URL wins over the file name, also when only the origin is a URL', () => {
    const url = 'https://example.com/story.html';
    assert.equal(docIdFor({ name: 'story.html', origin: url }), urlId(url));
  });

  test('long paths are truncated', () => {
    const id = urlId(`http://news.example.com/${'x'.repeat(200)}`);
    assert.ok(id.length <= MAX_URL_SLUG_CHARS + 9, id);
    assert.match(id, /^news-example-com-x+-[0-9a-f]{8}$/);
  });
});

test('every id is ASCII-safe for citations and deterministic', () => {
  const sources = [
    { name: '郴州考察.txt', origin: '郴州考察.txt' },
    { name: '!!!.txt', origin: '!!!.txt' },
    { name: '报道 #3 (终稿).html', origin: 'x' },
    { name: 'a', url: 'https://例子.中国/路径?q=中文', origin: 'https://例子.中国/路径?q=中文' },
    { name: 'a', url: 'https://example.com/', origin: 'https://example.com/' },
  ];
  for (const source of sources) {
    const id = docIdFor(source);
    assert.match(id, ASCII_ID, `${source.name} → ${id}`);
    assert.equal(docIdFor(source), id);
  }
});
