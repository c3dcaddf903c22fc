/**
 * Per-fact judgement and aggregation on hand-made evidence: each mismatch kind, the slot rules that keep a
 * different value in an unrelated sentence from counting as a contradiction, and the verdict order.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Paragraph } from '../../src/domain.ts';
import {
  analyseText,
  assessSentence,
  extractClaimFacts,
  judgeClaim,
  normaliseClaimText,
  type EvidenceSentence,
  type SentenceAssessment,
} from '../../src/factcheck/index.ts';

function evidence(sentence: string, options: { passage?: string; article?: string; rank?: number; month?: number } = {}): EvidenceSentence {
  const paragraph: Paragraph = { id: 'doc#p1', docId: 'doc', n: 1, text: sentence, kind: 'body' };
  const article: Article = {
    docId: 'doc',
    file: 'doc.txt',
    meta: { title: '标题', source: null, author: null, publishedAt: null, url: null },
    contentHash: '',
    addedAt: '',
    paragraphs: [paragraph],
  };
  return {
    article,
    paragraph,
    sentence,
    analysis: analyseText(sentence, { inheritDate: options.month ? { month: options.month } : {} }),
    passage: normaliseClaimText(`${options.passage ?? ''}\n${sentence}`),
    passageSentences: [],
    articleText: normaliseClaimText(`${options.article ?? ''}\n${options.passage ?? ''}\n${sentence}`),
    rank: options.rank ?? 0,
  };
}

function assess(claim: string, sentence: string, options?: Parameters<typeof evidence>[1]): SentenceAssessment {
  return assessSentence(extractClaimFacts(claim), evidence(sentence, options));
}

describe('mismatch kinds', () => {
  const table: Array<[string, string, string, { passage?: string; article?: string; month?: number }, string, string]> = [
    // kind, claim, sentence, context, claimed value, source value
    ['number', '湖南省党政代表团共考察了37个点。', '6天3个省份,36个考察点,这是此次湖南省党政代表团的一组数据。', {}, '37个点', '36个考察点'],
    ['date', '沈晓明10月21日至22日到衡阳调研。', '10月8日至9日,省委书记沈晓明来到衡阳,调研经济社会发展情况。', {}, '10月21日至22日', '10月8日至9日'],
    ['place', '沈晓明10月21日至22日到衡阳调研。', '21日至22日,沈晓明再赴怀化调研。', { passage: '10月8日至9日,省委书记沈晓明来到衡阳。', month: 10 }, '衡阳', '怀化'],
    ['person', '交流总结会是黄莉新主持的。', '浙江省委书记易炼红主持会议并讲话,黄莉新、刘捷出席。', { passage: '在返程的火车上召开交流总结会。' }, '黄莉新主持', '易炼红主持'],
    ['org', '江浙培训班由湖南省委组织部主办。', '培训班由湖南省委宣传部主办。', { article: '江浙专题培训班' }, '湖南省委组织部主办', '湖南省委宣传部主办'],
  ];
  for (const [kind, claim, sentence, context, claimed, source] of table) {
    test(`${kind}: ${claim}`, () => {
      const result = assess(claim, sentence, context);
      assert.equal(result.allSupported, false);
      assert.deepEqual(
        result.contradictions.map((c) => c.mismatch),
        [{ kind, claim: claimed, source }],
      );
    });
  }

  test('a count of another owner is not the same slot (江苏25个 does not confirm 浙江有25个)', () => {
    const result = assess('2024年全国百强县里浙江有25个。', '2024年公布的全国百强县市中,江浙两省共有40个县市在列(江苏25个、浙江15个)。');
    assert.equal(result.allSupported, false);
    assert.deepEqual(result.contradictions.map((c) => c.mismatch), [{ kind: 'number', claim: '25个', source: '浙江15个' }]);
  });
});

describe('slot rules', () => {
  test('a different number at another time is not a contradiction (10月份 vs 上半年)', () => {
    const result = assess('张家界10月份接待游客超过100万人次。', '张家界今年上半年接待国内外游客2064.47万人次,同比增长9.28%。');
    assert.equal(result.allSupported, false);
    assert.deepEqual(result.contradictions, []);
  });

  test('a different date of another event is not a contradiction (返回 vs 召开)', () => {
    const result = assess('湖南省党政代表团9月30日返回长沙。', '9月29日,湖南省党政代表团总结会在长沙召开。');
    assert.deepEqual(result.contradictions, []);
  });

  test('a person alone does not pin down where they went', () => {
    const result = assess('沈晓明在张家界考察。', '由湖南省委书记沈晓明率领的代表团先后赴广东、江西、湖北学习考察。');
    assert.deepEqual(result.contradictions, []);
  });

  test('the subject must be the same delegation: 郴州党政代表团 is not 湖南省党政代表团', () => {
    const result = assess('湖南省党政代表团与广州签署了战略合作协议。', '郴州与广州签订战略合作协议。', { article: '郴州党政代表团赴广州考察学习。湖南' });
    assert.equal(result.facts.find((f) => f.fact.kind === 'frame')?.status, 'missing');
    assert.equal(result.allSupported, false);
  });

  test('normalised forms confirm: 三十六 = 36, 湖南省 = 湖南, a range covers a day, a title is not needed', () => {
    assert.ok(assess('湖南省党政代表团的考察点多达三十六个。', '考察点多达36个,湖南党政代表团行程紧凑。').allSupported);
    assert.ok(assess('省委书记沈晓明9月25日在江西考察。', '9月23日至28日,沈晓明率团赴江西考察。').allSupported);
    assert.ok(assess('郴州与广州签署了战略合作框架协议。', '郴州与广州签订《战略合作框架协议》。').allSupported);
  });
});

describe('verdict aggregation', () => {
  const claim = extractClaimFacts('郴州党政考察团3天走了5座城市。');
  const article = { article: '郴州党政代表团赴广州考察' };
  const contradicting = assessSentence(claim, evidence('3天时间,4座城市,17个考察点。', article));
  const supporting = assessSentence(claim, evidence('3天时间,5座城市。', { ...article, rank: 5 }));
  const unrelated = assessSentence(claim, evidence('郴州是湖南的南大门。', article));

  test('supported when one sentence confirms every fact, even if another contradicts', () => {
    assert.equal(judgeClaim([contradicting, supporting, unrelated], 3).verdict, 'supported');
  });

  test('contradicted when a sentence contradicts in the same slot and none confirms', () => {
    const judgement = judgeClaim([unrelated, contradicting], 3);
    assert.equal(judgement.verdict, 'contradicted');
    assert.deepEqual(judgement.mismatches, [{ kind: 'number', claim: '5座城市', source: '4座城市' }]);
  });

  test('not_found with the nearest sentences otherwise', () => {
    const judgement = judgeClaim([unrelated], 3);
    assert.equal(judgement.verdict, 'not_found');
    assert.equal(judgement.nearest.length, 1);
    assert.equal(judgeClaim([], 3).best, null);
  });
});
