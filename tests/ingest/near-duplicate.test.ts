import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IngestError } from '../../src/ingest/errors.ts';
import { DEFAULT_NEAR_DUP_PERMUTATIONS, findNearDuplicate, fingerprint, similarity } from '../../src/ingest/near-duplicate.ts';

const CORPUS_DIR = path.resolve(import.meta.dirname, '../../data/articles');
const articles = readdirSync(CORPUS_DIR)
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => ({
    docId: file.replace(/\.txt$/, ''),
    paragraphs: readFileSync(path.join(CORPUS_DIR, file), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  }));

/** The same story as re-published elsewhere: new title and byline, one body paragraph dropped, a new footer. */
function republish(paragraphs: string[]): string[] {
  const copy = paragraphs.slice(2);
  copy.splice(Math.floor(copy.length / 2), 1);
  return ['【转载】' + (paragraphs[0] ?? ''), '来源:某某日报 2023-11-20 记者 王某', ...copy, '责任编辑:李四', '本文链接:https://example.com/a.html'];
}

/** Exact Jaccard of the 5-character shingle sets, computed the slow way to check the estimate. */
function exactJaccard(a: string[], b: string[]): number {
  const shingles = (paragraphs: string[]) => {
    const chars = Array.from(paragraphs.join('').normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ''));
    const set = new Set<string>();
    for (let i = 0; i + 5 <= chars.length; i++) set.add(chars.slice(i, i + 5).join(''));
    return set;
  };
  const setA = shingles(a);
  const setB = shingles(b);
  let shared = 0;
  for (const shingle of setA) if (setB.has(shingle)) shared++;
  return shared / (setA.size + setB.size - shared);
}

describe('near-duplicate detection on the real corpus', () => {
  test('the corpus has several articles to compare', () => assert.ok(articles.length >= 3));

  for (const article of articles) {
    test(`${article.docId}: re-published copy scores ≥ 0.8`, () => {
      const score = similarity(fingerprint(article.paragraphs), fingerprint(republish(article.paragraphs)));
      assert.ok(score >= 0.8, `similarity ${score}`);
    });
  }

  test('different articles score < 0.3 pairwise', () => {
    const fingerprints = articles.map((article) => fingerprint(article.paragraphs));
    for (let i = 0; i < articles.length; i++) {
      for (let j = i + 1; j < articles.length; j++) {
        const score = similarity(fingerprints[i]!, fingerprints[j]!);
        assert.ok(score < 0.3, `${articles[i]!.docId} vs ${articles[j]!.docId}: ${score}`);
      }
    }
  });

  test('the estimate tracks the exact Jaccard for a partial overlap', () => {
    const whole = articles[0]!.paragraphs;
    const firstHalf = whole.slice(0, Math.ceil(whole.length / 2));
    const exact = exactJaccard(whole, firstHalf);
    assert.ok(exact > 0.2 && exact < 0.8, `test needs a middling overlap, got ${exact}`);
    const estimate = similarity(fingerprint(whole), fingerprint(firstHalf));
    assert.ok(Math.abs(estimate - exact) < 0.15, `estimate ${estimate} vs exact ${exact}`);
  });

  test('findNearDuplicate picks the re-published article among the others', () => {
    const candidates = articles.map((article) => ({ docId: article.docId, fp: fingerprint(article.paragraphs) }));
    const target = articles[2]!;
    const match = findNearDuplicate(fingerprint(republish(target.paragraphs)), candidates);
    assert.equal(match?.docId, target.docId);
    assert.ok(match.similarity >= 0.8);
  });

  test('findNearDuplicate returns null when nothing reaches the threshold', () => {
    const candidates = articles.slice(1).map((article) => ({ docId: article.docId, fp: fingerprint(article.paragraphs) }));
    assert.equal(findNearDuplicate(fingerprint(articles[0]!.paragraphs), candidates), null);
    assert.equal(findNearDuplicate(fingerprint(articles[0]!.paragraphs), []), null);
  });
});

describe('fingerprint', () => {
  test('is JSON-serialisable and survives a round trip', () => {
    const fp = fingerprint(articles[0]!.paragraphs);
    assert.equal(fp.mins.length, DEFAULT_NEAR_DUP_PERMUTATIONS);
    assert.ok(fp.mins.every((value) => Number.isInteger(value) && value >= 0 && value <= 0xffffffff));
    const restored = JSON.parse(JSON.stringify(fp));
    assert.deepEqual(restored, fp);
    assert.equal(similarity(restored, fp), 1);
  });

  test('ignores whitespace, punctuation, width and paragraph breaks', () => {
    const a = fingerprint(['考察团一行来到广州市，参观了科学城。', '随后召开座谈会。']);
    const b = fingerprint(['考察团一行来到广州市 参观了科学城', '随后召开座谈会!']);
    const c = fingerprint(['考察团一行来到广州市,参观了科学城。随后召开座谈会。']);
    assert.equal(similarity(a, b), 1);
    assert.equal(similarity(a, c), 1);
  });

  test('short texts differ from each other', () => {
    assert.ok(similarity(fingerprint(['郴州']), fingerprint(['广州'])) < 0.3);
    assert.equal(similarity(fingerprint(['郴州']), fingerprint(['郴州'])), 1);
  });

  test('an empty body is similar to nothing, not even another empty body', () => {
    const empty = fingerprint(['', '  ', '。。']);
    assert.deepEqual(empty.mins, []);
    assert.equal(similarity(empty, empty), 0);
    assert.equal(similarity(empty, fingerprint(articles[0]!.paragraphs)), 0);
  });

  test('fingerprints made with different settings refuse to compare', () => {
    const body = articles[0]!.paragraphs;
    assert.throws(() => similarity(fingerprint(body), fingerprint(body, { permutations: 64 })), IngestError);
    assert.throws(() => similarity(fingerprint(body), fingerprint(body, { shingleChars: 4 })), /^IngestError: ingest: /);
  });

  test('rejects nonsense options', () => {
    assert.throws(() => fingerprint(['x'], { permutations: 0 }), IngestError);
    assert.throws(() => fingerprint(['x'], { shingleChars: 1.5 }), IngestError);
  });
});
