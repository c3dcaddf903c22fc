import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HybridRetriever, type RetrievalMode, type RetrievedChunk } from '../../src/retrieve/index.ts';
import { buildCorpusIndex, paragraphContaining, paragraphIdsOf, removeTempDirs, type CorpusIndex } from '../helpers/corpus-index.ts';

after(removeTempDirs);

const TOP = 10;

/**
 * Questions written for these tests (not taken from the eval set), each with the article and a snippet of the
 * paragraph that answers it, looked up by hand in data/articles.
 */
const QUESTIONS: Array<[question: string, docId: string, snippet: string]> = [
  ['浙江省党政代表团在返程火车上开的交流总结会由谁主持？', 'zhejiang-delegation-jiangsu-shanghai', '易炼红主持会议'],
  ['浙江省党政代表团在南京考察了哪个实验室？', 'zhejiang-delegation-jiangsu-shanghai', '紫金山实验室'],
  ['王浩在总结会上提出要筹办好什么体育盛会？', 'zhejiang-delegation-jiangsu-shanghai', '杭州亚运会'],
  ['浙江省党政代表团在上海考察了哪些单位？', 'zhejiang-delegation-jiangsu-shanghai', '徐汇区行政服务中心'],
  ['江阴市有多少家上市企业？', 'hunan-county-leaders-jiangsu-zhejiang', '60多家上市企业'],
  ['义乌集聚了多少电子商务人才？', 'hunan-county-leaders-jiangsu-zhejiang', '30万电子商务人才'],
  ['桃江县县长是谁？', 'hunan-county-leaders-jiangsu-zhejiang', '县长周登高'],
  ['江浙两省有多少个县市进入全国百强县？', 'hunan-county-leaders-jiangsu-zhejiang', '共有40个县市在列'],
  ['张家界今年上半年接待了多少游客？', 'hunan-leaders-supervise-cities', '2064.47万人次'],
  ['岳阳去年石化产业总产值是多少？', 'hunan-leaders-supervise-cities', '1750亿元'],
  ['李殿勋去哪个市督导经济运行？', 'hunan-leaders-supervise-cities', '李殿勋赴株洲'],
  ['沈晓明在郴州调研期间看了几家企业？', 'hunan-leaders-supervise-cities', '一连看了6家'],
  ['吴桂英去哪里督导？', 'hunan-leaders-supervise-cities', '吴桂英赴长沙'],
  ['广东省电池行业协会有多少家会员单位？', 'chenzhou-delegation-guangzhou', '500家会员单位'],
  ['郴州赴广州考察学习交流会是哪天召开的？', 'chenzhou-delegation-guangzhou', '11月15日'],
  ['中新广州知识城的定位是什么？', 'chenzhou-delegation-guangzhou', '国家知识中心'],
  ['广州市净水有限公司的净水厂有什么特别之处？', 'chenzhou-delegation-guangzhou', '地埋式净水厂'],
  ['郴州与广州相距多远？', 'chenzhou-delegation-guangzhou', '一个小时高铁路程'],
  ['湖南省党政代表团的成员除了省领导还有谁？', 'hunan-delegation-guangdong-jiangxi-hubei', '14市州委书记'],
  ['2020年9月习近平总书记在湖南考察时擘画了什么蓝图？', 'hunan-delegation-guangdong-jiangxi-hubei', '2020年9月'],
  ['中国散裂中子源是哪个代表团考察的？', 'hunan-delegation-guangdong-jiangxi-hubei', '中国散裂中子源'],
  ['湖南与广东的交流座谈侧重什么？', 'hunan-delegation-guangdong-jiangxi-hubei', '推动湘粤合作迈向更高水平'],
];

/**
 * Questions whose answer paragraph the hybrid ranking currently misses (reported; see the test output). The
 * paragraphs say only 代表团 while the question names 湖南省党政代表团, and the coverage re-ranking then prefers
 * paragraphs that repeat the delegation's name over the one that lists the places.
 */
const KNOWN_MISSES: Array<[question: string, docId: string, snippet: string]> = [
  ['湖南省党政代表团在广东去了哪几个城市？', 'hunan-delegation-guangdong-jiangxi-hubei', '赴深圳、东莞、广州三市'],
  ['湖南省党政代表团在湖北考察了哪些地方？', 'hunan-delegation-guangdong-jiangxi-hubei', '包括青山江滩'],
];

describe('HybridRetriever on the real corpus index', () => {
  let corpus: CorpusIndex;
  const retrieverFor = (mode: RetrievalMode) =>
    new HybridRetriever({ index: corpus.index, embedder: corpus.embedder, settings: corpus.config.retrieval, mode });

  before(async () => {
    corpus = await buildCorpusIndex('retrieve');
  });

  const rankOf = async (question: string, docId: string, snippet: string, mode: RetrievalMode = 'hybrid') => {
    const wanted = paragraphContaining(corpus.index, docId, snippet).id;
    const results = await retrieverFor(mode).retrieve(question, TOP);
    const paragraphs = paragraphIdsOf(results.map((r) => r.chunk));
    return { wanted, paragraphs, rank: paragraphs.indexOf(wanted) + 1 };
  };

  for (const [question, docId, snippet] of QUESTIONS) {
    test(`hybrid top ${TOP} for "${question}" holds the paragraph with "${snippet}"`, async () => {
      const { wanted, paragraphs, rank } = await rankOf(question, docId, snippet);
      assert.ok(rank > 0, `${wanted} not among ${paragraphs.join(' ')}`);
    });
  }

  for (const [question, docId, snippet] of KNOWN_MISSES) {
    test(`hybrid top ${TOP} for "${question}" holds the paragraph with "${snippet}"`, { todo: 'known retrieval gap (reported)' }, async () => {
      const { wanted, paragraphs, rank } = await rankOf(question, docId, snippet);
      assert.ok(rank > 0, `${wanted} not among ${paragraphs.join(' ')}`);
    });
  }

  const modes: Array<[RetrievalMode, (r: RetrievedChunk) => boolean]> = [
    ['hybrid', (r) => r.denseRank !== null || r.lexicalRank !== null],
    ['dense', (r) => r.denseRank !== null && r.lexicalRank === null],
    ['lexical', (r) => r.lexicalRank !== null && r.denseRank === null],
  ];
  for (const [mode, ranksFit] of modes) {
    test(`${mode} mode returns up to ${TOP} distinct existing chunks with the ranks of the signals it used`, async () => {
      for (const [question] of QUESTIONS.slice(0, 6)) {
        const results = await retrieverFor(mode).retrieve(question, TOP);
        assert.ok(results.length > 0 && results.length <= TOP, `${mode}: ${results.length} results for ${question}`);
        assert.equal(new Set(results.map((r) => r.chunk.id)).size, results.length, 'no chunk twice');
        for (const r of results) {
          assert.deepEqual(corpus.index.corpus.getChunk(r.chunk.id), r.chunk);
          assert.ok(Number.isFinite(r.score), 'finite score');
          assert.ok(ranksFit(r), `${mode} ranks of ${r.chunk.id}: dense ${r.denseRank}, lexical ${r.lexicalRank}`);
        }
      }
    });
  }

  test('dense and lexical modes also find a paragraph that only one article holds', async () => {
    for (const mode of ['dense', 'lexical'] as const) {
      const { rank, wanted, paragraphs } = await rankOf('江阴市有多少家上市企业？', 'hunan-county-leaders-jiangsu-zhejiang', '60多家上市企业', mode);
      assert.ok(rank > 0, `${mode}: ${wanted} not among ${paragraphs.join(' ')}`);
    }
  });

  test('hybrid results respect the per-article cap inside the diversity window', async () => {
    const { diversityWindow, maxChunksPerDocInWindow } = corpus.config.retrieval;
    for (const [question] of QUESTIONS) {
      const results = await retrieverFor('hybrid').retrieve(question, TOP);
      const window = results.slice(0, diversityWindow);
      for (const docId of new Set(window.map((r) => r.chunk.docId))) {
        const count = window.filter((r) => r.chunk.docId === docId).length;
        assert.ok(count <= maxChunksPerDocInWindow, `${question}: ${count} chunks of ${docId} in the first ${diversityWindow}`);
      }
    }
  });

  test('limit is honoured', async () => {
    for (const limit of [1, 3]) {
      const results = await retrieverFor('hybrid').retrieve('郴州党政代表团赴广州考察学习', limit);
      assert.equal(results.length, limit);
    }
  });

  test('the same question gives the same ranking (deterministic)', async () => {
    const first = await retrieverFor('hybrid').retrieve('沈晓明在张家界提出了什么要求？', TOP);
    const second = await retrieverFor('hybrid').retrieve('沈晓明在张家界提出了什么要求？', TOP);
    assert.deepEqual(second, first);
  });

  test('empty and blank questions return [] in every mode', async () => {
    for (const mode of ['hybrid', 'dense', 'lexical'] as const) {
      for (const question of ['', '   ', '\n\t']) {
        assert.deepEqual(await retrieverFor(mode).retrieve(question, TOP), [], `${mode} ${JSON.stringify(question)}`);
      }
    }
  });

  test('a punctuation-only question does not throw and finds nothing in dense mode', async () => {
    assert.deepEqual(await retrieverFor('dense').retrieve('？？？！', TOP), []);
    const hybrid = await retrieverFor('hybrid').retrieve('？？？！', TOP);
    assert.ok(Array.isArray(hybrid));
  });
});
