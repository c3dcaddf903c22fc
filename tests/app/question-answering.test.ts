import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, ConfigError } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openQuestionAnswering, type QuestionAnswering } from '../../src/app.ts';
import { HashedNgramEmbedder } from '../../src/embed/index.ts';
import { ingestInputs } from '../../src/ingest/index.ts';
import { answerBody, analyseQuestion } from '../../src/answer/index.ts';
import { fuseRankings, diversify } from '../../src/retrieve/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const quiet = createLogger('error');

describe('question answering over the real corpus index', () => {
  let dir: string;
  let qa: QuestionAnswering;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kaocha-qa-'));
    const config = parseConfig({ INDEX_DIR: dir, EMBEDDING_OFFLINE: '1' }, root);
    const embedder = new HashedNgramEmbedder();
    const report = await ingestInputs([path.join(root, 'data/articles')], { indexDir: dir, embedder, chunk: config.chunk, fetch: config.fetch });
    assert.equal(report.outcomes.filter((o) => o.kind === 'added').length, 5);
    qa = await openQuestionAnswering(config, quiet, { embedder });
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  test('a homophone typo is read as the articles word (understood); over ANSWER_TYPO_MAX_PARAGRAPHS it is not', async () => {
    const asked = '湖南省党政代表团在江西开的座坛会是谁主持的？';
    assert.equal((await qa.ask(asked)).understood, '湖南省党政代表团在江西开的座谈会是谁主持的？');
    const capped = await openQuestionAnswering(parseConfig({ INDEX_DIR: dir, EMBEDDING_OFFLINE: '1', ANSWER_TYPO_MAX_PARAGRAPHS: '10' }, root), quiet, { embedder: new HashedNgramEmbedder() });
    assert.equal((await capped.ask(asked)).understood, asked);
  });

  // Questions written for these tests (not the seed eval set): each names the fact its answer must contain.
  const answerable: Array<[string, string]> = [
    ['浙江省党政代表团的交流总结会是谁主持的？', '易炼红'],
    ['郴州的氧化锂储量有多少？', '500万吨'],
    ['洞口县委书记叫什么名字？', '吴韬'],
  ];
  for (const [question, fact] of answerable) {
    test(`answers "${question}" with ${fact}, every sentence cited verbatim`, async () => {
      const { answer } = await qa.ask(question);
      assert.equal(answer.found, true, answerBody(answer));
      assert.match(answerBody(answer), new RegExp(fact));
      for (const sentence of answer.sentences) {
        assert.ok(sentence.citations.length > 0, 'every sentence carries a citation');
        for (const n of sentence.citations) {
          const citation = answer.citations.find((c) => c.n === n);
          assert.ok(citation, `citation [${n}] exists`);
          // A trimmed sentence marks its cuts with "…"; what it keeps is verbatim.
          assert.ok(citation.text.includes(sentence.text.replace(/^…|…$/g, '')), 'sentence is verbatim in the cited paragraph');
          assert.equal(qa.index.corpus.getParagraph(citation.paragraphId)?.text, citation.text);
          assert.notEqual(qa.index.corpus.getParagraph(citation.paragraphId)?.kind, 'caption');
        }
      }
      assert.deepEqual(answer.citations.map((c) => c.n), answer.citations.map((_, i) => i + 1));
    });
  }

  const uncovered = ['湖南省党政代表团在西藏考察了哪些企业？', '郴州考察团这次一共花了多少差旅费？', '易炼红在深圳会见了哪位企业家？'];
  for (const question of uncovered) {
    test(`says the articles do not cover "${question}"`, async () => {
      const { answer } = await qa.ask(question);
      assert.equal(answer.found, false, answerBody(answer));
      assert.equal(answer.citations.length, 0);
      assert.match(answerBody(answer), /找不到|未提及/);
      assert.ok(answer.nearest.length > 0, 'offers the nearest sources');
    });
  }

  test('the evidence ranking puts the chunk of the first cited paragraph first (the answerer reranks)', async () => {
    for (const question of ['浙江省党政代表团的交流总结会是谁主持的？', '郴州的氧化锂储量有多少？', '洞口县委书记叫什么名字？']) {
      const { answer, retrieved } = await qa.ask(question);
      assert.equal(answer.found, true, question);
      const first = answer.citations[0]!;
      assert.equal(retrieved[0]!.chunk.docId, first.docId, question);
      assert.ok(retrieved[0]!.chunk.paragraphNumbers.includes(first.paragraph), question);
    }
  });

  // Two things asked at once: each part answered from its own retrieval, cited, the short answers joined.
  test('a compound question answers both parts', async () => {
    const { answer } = await qa.ask('郴州那个考察学习交流会是几号开的，在哪里开的？');
    assert.equal(answer.found, true, answerBody(answer));
    assert.match(answer.short ?? '', /11月15日.*；.*郴州/);
    assert.ok(answer.sentences.every((s) => s.citations.length > 0));
  });

  test('a compound question says which part the articles do not cover', async () => {
    const { answer } = await qa.ask('浙江代表团火车上那个总结会谁主持的，住在哪家酒店？');
    assert.equal(answer.found, true, answerBody(answer));
    assert.match(answer.short ?? '', /易炼红/);
    assert.deepEqual(answer.uncovered, ['住在哪家酒店']);
    assert.match(answerBody(answer), /未提及：「住在哪家酒店」/);
  });

  test('empty and hostile questions do not throw', async () => {
    for (const question of ['', '   ', '<script>alert(1)</script>', '？？？', 'x'.repeat(5000)]) {
      const { answer } = await qa.ask(question);
      assert.equal(typeof answer.found, 'boolean');
    }
  });
});

describe('analyseQuestion', () => {
  const cases: Array<[string, string]> = [
    ['代表团是谁带队的？', 'who'],
    ['总结会是哪天开的？', 'when'],
    ['第一站去的是哪个市？', 'where'],
    ['一共看了多少个考察点？', 'howMany'],
    ['去了哪几个省？', 'list'],
    ['为什么选广东？', 'why'],
    ['怎么落实学习成果？', 'how'],
    ['签的是什么协议？', 'what'],
  ];
  for (const [question, type] of cases) {
    test(`${question} → ${type}`, () => assert.equal(analyseQuestion(question).type, type));
  }
  test('measure, focus and home', () => {
    assert.equal(analyseQuestion('一共看了多少个考察点？').focus, '考察点');
    assert.equal(analyseQuestion('一共有多少名学员参加？').measure, '名');
    assert.equal(analyseQuestion('签的是什么协议？').focus, '协议');
    assert.equal(analyseQuestion('甘肃那个代表团去了哪里？').home, '甘肃');
    assert.equal(analyseQuestion('代表团去了哪里？').home, null);
  });
});

describe('fusion and diversity', () => {
  test('reciprocal rank fusion rewards agreement', () => {
    const fused = fuseRankings([['a', 'b', 'c'], ['b', 'a', 'd']], 60);
    assert.deepEqual(fused.slice(0, 2).map((f) => f.id).sort(), ['a', 'b']);
    assert.equal(fused.at(-1)?.id === 'c' || fused.at(-1)?.id === 'd', true);
  });
  test('diversify caps one group inside the window and keeps the rest in order', () => {
    const items = ['a1', 'a2', 'a3', 'b1', 'c1'];
    assert.deepEqual(diversify(items, (x) => x[0]!, 3, 2), ['a1', 'a2', 'b1', 'a3', 'c1']);
  });
});

describe('config', () => {
  test('defaults', () => {
    const config = parseConfig({}, '/srv/kaocha');
    assert.equal(config.indexDir, '/srv/kaocha/index');
    assert.equal(config.embeddingModel, 'Xenova/bge-small-zh-v1.5');
    assert.equal(config.embeddingOffline, false);
  });
  for (const [name, value] of [['EMBEDDING_OFFLINE', 'maybe'], ['RETRIEVAL_RRF_K', '0'], ['ANSWER_REFUSAL_FLOOR', '2'], ['CHUNK_MAX_CHARS', 'abc'], ['LOG_LEVEL', 'loud']] as const) {
    test(`${name}=${value} is refused with the variable named`, () => {
      assert.throws(() => parseConfig({ [name]: value }), (e: unknown) => e instanceof ConfigError && e.message.includes(name));
    });
  }
});
