import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ExtractiveAnswerer, answerBody, NOT_FOUND_TEXT, type Answer } from '../../src/answer/index.ts';
import type { Chunk } from '../../src/domain.ts';
import { HybridRetriever, type RetrievedChunk } from '../../src/retrieve/index.ts';
import { buildCorpusIndex, paragraphContaining, removeTempDirs, type CorpusIndex } from '../helpers/corpus-index.ts';

after(removeTempDirs);

const RETRIEVE_LIMIT = 10;

/**
 * Answerable questions written for these tests (not from the eval set): the fact the answer must state and a
 * snippet of the paragraph it must cite, both looked up by hand in data/articles.
 */
const ANSWERABLE: Array<[question: string, fact: string, docId: string, snippet: string]> = [
  ['浙江省党政代表团在返程火车上开的交流总结会由谁主持？', '易炼红', 'zhejiang-delegation-jiangsu-shanghai', '易炼红主持会议'],
  ['浙江省党政代表团是在哪里召开交流总结会的？', '火车上', 'zhejiang-delegation-jiangsu-shanghai', '返程的火车上'],
  ['浙江省党政代表团在南京考察了哪个实验室？', '紫金山实验室', 'zhejiang-delegation-jiangsu-shanghai', '紫金山实验室'],
  ['江阴市有多少家上市企业？', '60多家', 'hunan-county-leaders-jiangsu-zhejiang', '60多家上市企业'],
  ['义乌集聚了多少电子商务人才？', '30万', 'hunan-county-leaders-jiangsu-zhejiang', '30万电子商务人才'],
  ['桃江县县长是谁？', '周登高', 'hunan-county-leaders-jiangsu-zhejiang', '县长周登高'],
  ['江浙两省有多少个县市进入全国百强县？', '40个', 'hunan-county-leaders-jiangsu-zhejiang', '共有40个县市在列'],
  ['谭勇说长沙要发挥哪个科学城的牵引作用？', '湘江科学城', 'hunan-county-leaders-jiangsu-zhejiang', '湘江科学城'],
  ['张家界今年上半年接待了多少游客？', '2064.47万人次', 'hunan-leaders-supervise-cities', '2064.47万人次'],
  ['岳阳去年石化产业总产值是多少？', '1750亿元', 'hunan-leaders-supervise-cities', '1750亿元'],
  ['李殿勋去哪个市督导经济运行？', '株洲', 'hunan-leaders-supervise-cities', '李殿勋赴株洲'],
  ['沈晓明在郴州调研期间看了几家企业？', '6家', 'hunan-leaders-supervise-cities', '这6家企业'],
  ['广东省电池行业协会有多少家会员单位？', '500家', 'chenzhou-delegation-guangzhou', '500家会员单位'],
  ['郴州赴广州考察学习交流会是哪天召开的？', '11月15日', 'chenzhou-delegation-guangzhou', '11月15日'],
  ['中新广州知识城的定位是什么？', '国家知识中心', 'chenzhou-delegation-guangzhou', '国家知识中心'],
  ['2020年9月习近平总书记在湖南考察时擘画了什么蓝图？', '三高四新', 'hunan-delegation-guangdong-jiangxi-hubei', '2020年9月'],
];

/** Places, people and figures the corpus never mentions (checked: none of 云南/青海/哈尔滨/海南/预算/经费 occurs). */
const UNCOVERED = [
  '湖南省党政代表团在云南考察了哪些企业？',
  '青海省党政代表团去了哪里？',
  '哈尔滨市委书记何时带队考察？',
  '沈晓明在海南调研了什么？',
  '浙江省党政代表团这次学习考察的经费预算是多少？',
  '郴州考察团这次的差旅预算是多少？',
];

let corpus: CorpusIndex;
let retriever: HybridRetriever;
let answerer: ExtractiveAnswerer;
const ask = async (question: string) => answerer.answer(question, await retriever.retrieve(question, RETRIEVE_LIMIT));

before(async () => {
  corpus = await buildCorpusIndex('answer');
  retriever = new HybridRetriever({ index: corpus.index, embedder: corpus.embedder, settings: corpus.config.retrieval });
  answerer = new ExtractiveAnswerer({
    corpus: corpus.index.corpus,
    idf: (t) => corpus.index.lexical.idf(t),
    documentFrequency: (t) => corpus.index.lexical.documentFrequency(t),
    settings: corpus.config.answer,
  });
});

describe('ExtractiveAnswerer on the real corpus index', () => {
  /** What must hold for every answer, found or not. */
  function assertInvariants(answer: Answer, question: string): void {
    const corpusView = corpus.index.corpus;
    assert.equal(answer.question, question);
    if (!answer.found) {
      assert.deepEqual(answer.sentences, [], 'a refusal states no facts');
      assert.deepEqual(answer.citations, []);
      assert.equal(answerBody(answer), NOT_FOUND_TEXT);
      assert.ok(answer.nearest.length <= 3);
      assert.equal(new Set(answer.nearest.map((c) => c.paragraphId)).size, answer.nearest.length, 'nearest are distinct');
      answer.nearest.forEach((c, i) => {
        assert.equal(c.n, i + 1);
        assert.equal(corpusView.getParagraph(c.paragraphId)?.kind, 'body', 'nearest are body paragraphs');
      });
      return;
    }
    assert.ok(answer.sentences.length > 0, 'a found answer has sentences');
    // Each chosen sentence that ends in a colon may bring the sentence it announces.
    assert.ok(answer.sentences.length <= 2 * corpus.config.answer.maxSentences, 'bounded by maxSentences');
    assert.deepEqual(answer.nearest, []);
    const firstUse: number[] = [];
    for (const sentence of answer.sentences) {
      assert.ok(sentence.citations.length >= 1, `"${sentence.text}" carries a citation`);
      for (const n of sentence.citations) {
        if (!firstUse.includes(n)) firstUse.push(n);
        const citation = answer.citations.find((c) => c.n === n);
        assert.ok(citation, `[${n}] exists`);
        // A long sentence is trimmed to the clauses that carry the answer, with "…" where it was cut.
        const kept = sentence.text.replace(/^…/, '').replace(/…$/, '');
        assert.ok(citation.text.includes(kept), `"${sentence.text}" is verbatim in ${citation.paragraphId}`);
      }
    }
    assert.deepEqual(firstUse, answer.citations.map((_, i) => i + 1), 'numbers are 1..k in order of first use');
    assert.deepEqual(answer.citations.map((c) => c.n), firstUse, 'citations are listed in number order');
    assert.equal(new Set(answer.citations.map((c) => c.paragraphId)).size, answer.citations.length, 'one number per paragraph');
    for (const citation of answer.citations) {
      const paragraph = corpusView.getParagraph(citation.paragraphId);
      const article = corpusView.getArticle(citation.docId);
      assert.ok(paragraph && article, `${citation.paragraphId} exists`);
      assert.equal(paragraph.kind, 'body', `${citation.paragraphId} is body text, never a caption or heading`);
      assert.equal(citation.text, paragraph.text, 'text is the paragraph verbatim');
      assert.ok(citation.quote.length > 0 && citation.text.includes(citation.quote), 'the quote is verbatim in the paragraph');
      assert.ok(answer.sentences.some((s) => s.text.replace(/^…/, '').replace(/…$/, '') === citation.quote), 'the quote is a sentence of the answer');
      assert.equal(citation.paragraphId, `${citation.docId}#p${citation.paragraph}`);
      assert.deepEqual(
        [citation.title, citation.file, citation.url, citation.date, citation.source],
        [article.meta.title, article.file, article.meta.url, article.meta.publishedAt, article.meta.source],
      );
    }
  }

  for (const [question, fact, docId, snippet] of ANSWERABLE) {
    test(`answers "${question}" with ${fact}, citing the paragraph that says it`, async () => {
      const answer = await ask(question);
      assertInvariants(answer, question);
      assert.equal(answer.found, true, `expected an answer: ${answerBody(answer)}`);
      assert.ok(answerBody(answer).includes(fact), answerBody(answer));
      const wanted = paragraphContaining(corpus.index, docId, snippet).id;
      assert.ok(
        answer.citations.some((c) => c.paragraphId === wanted && c.quote.includes(fact)),
        `cites ${wanted} with a quote stating ${fact}: ${JSON.stringify(answer.citations.map((c) => [c.paragraphId, c.quote]))}`,
      );
    });
  }

  for (const question of UNCOVERED) {
    test(`says the articles do not cover "${question}" and offers the nearest sources`, async () => {
      const answer = await ask(question);
      assertInvariants(answer, question);
      assert.equal(answer.found, false, `must not answer: ${answerBody(answer)}`);
      assert.ok(answer.nearest.length > 0, 'nearest sources are offered');
      for (const near of answer.nearest) assert.equal(near.quote, '', 'nearest sources quote nothing');
    });
  }

  test('invariants hold for a mix of other questions, answered or not', async () => {
    const questions = [
      '湖南省党政代表团去了哪几个省？',
      '沈晓明强调了哪“九要”？',
      '为什么湖南要学习江浙的县域经济？',
      '郴州与广州是怎么合作的？',
      '培训班第三组去了哪些地方？',
      '刘志仁对深圳人才集团提出了什么希望？',
      '两篇湖南的文章都提到了哪位省委书记？',
      '广州方面是谁签的字？',
      '<script>alert(1)</script>',
      '？？？',
      'x'.repeat(3000),
    ];
    for (const question of questions) assertInvariants(await ask(question), question);
  });

  test('with no evidence the answer is "not found" with no nearest sources', async () => {
    const answer = await answerer.answer('江阴市有多少家上市企业？', []);
    assertInvariants(answer, '江阴市有多少家上市企业？');
    assert.equal(answer.found, false);
    assert.deepEqual(answer.nearest, []);
  });

  test('a photo caption is never quoted, even when it is the only evidence offered', async () => {
    const docId = 'hunan-delegation-guangdong-jiangxi-hubei';
    const caption = paragraphContaining(corpus.index, docId, '考察了华为终端总部');
    assert.equal(caption.kind, 'caption', 'the fixture paragraph is a caption');
    const article = corpus.index.corpus.getArticle(docId)!;
    const start = article.paragraphs.slice(0, caption.n - 1).reduce((offset, p) => offset + p.text.length + 1, 0);
    const captionChunk: Chunk = { id: `${docId}#c-caption`, docId, paragraphNumbers: [caption.n], start, end: start + caption.text.length, text: caption.text };
    const evidence: RetrievedChunk[] = [{ chunk: captionChunk, score: 1, denseRank: 1, lexicalRank: 1 }];
    const question = '9月23日湖南省党政代表团考察了哪家企业的总部？';
    const answer = await answerer.answer(question, evidence);
    assertInvariants(answer, question);
    assert.equal(answer.found, false);
    assert.deepEqual(answer.nearest, [], 'captions are not offered as nearest sources either');
  });

  test('two sentences from one paragraph share one citation number', async () => {
    const docId = 'hunan-county-leaders-jiangsu-zhejiang';
    const paragraph = paragraphContaining(corpus.index, docId, '县长周登高');
    const chunk = corpus.index.corpus.chunksOf(docId).find((c) => c.paragraphNumbers.includes(paragraph.n));
    assert.ok(chunk);
    const question = '江浙学习归来，各位县市区负责人表示下一步要怎么做？';
    const answer = await answerer.answer(question, [{ chunk, score: 1, denseRank: 1, lexicalRank: 1 }]);
    assertInvariants(answer, question);
    if (answer.found && answer.sentences.length > 1) {
      assert.equal(answer.citations.length, 1, 'all sentences come from one paragraph');
      assert.ok(answer.sentences.every((s) => s.citations.length === 1 && s.citations[0] === 1));
    }
  });
});

/**
 * Wrong or missing answers found while writing these tests (reported with reproductions). They assert the intended
 * behaviour and are marked todo so the suite stays green while scoring is being tuned.
 */
describe('ExtractiveAnswerer: known gaps', () => {
  test('a budget in 万元 is not answered with a head count', async () => {
    const answer = await ask('郴州考察团此行的预算是多少万元？');
    assert.equal(answer.found, false, answerBody(answer));
  });

  test('"who visited X" is not answered with another delegation visiting something else', async () => {
    const answer = await ask('中国散裂中子源是哪个代表团考察的？');
    assert.equal(answer.found, true, answerBody(answer));
    assert.ok(answer.citations.every((c) => c.docId === 'hunan-delegation-guangdong-jiangxi-hubei'), answerBody(answer));
  });

  test('a count scoped to one province is not answered with the whole trip\'s total', async () => {
    const answer = await ask('湖南省党政代表团在江西考察了多少个点？');
    assert.equal(answer.found, true, answerBody(answer));
    assert.ok(!answerBody(answer).includes('36个考察点'), answerBody(answer));
    assert.match(answerBody(answer), /13个点/);
  });

  test('a question about a 省委书记 is not answered with county or district secretaries', async () => {
    // The training report quotes county secretaries only: the only right answer is a refusal.
    const answer = await ask('湖南县市区一把手江浙培训中，哪位省委书记讲了话？');
    assert.equal(answer.found, false, answerBody(answer));
  });

  test('哪些单位 is answered by the paragraph listing them (top retrieved)', async () => {
    const answer = await ask('浙江省党政代表团在上海考察了哪些单位？');
    assert.equal(answer.found, true, answerBody(answer));
    assert.match(answerBody(answer), /徐汇区行政服务中心/);
  });
});

describe('ExtractiveAnswerer: comparisons and scoped questions', () => {
  test('a date-span question is answered by a span, not a single date', async () => {
    const answer = await ask('湖南省党政代表团赴粤赣鄂学习考察是几号到几号？');
    assert.equal(answer.found, true, answerBody(answer));
    assert.match(answer.sentences[0]!.text, /23日至28日/);
  });
});
