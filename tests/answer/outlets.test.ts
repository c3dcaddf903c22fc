/**
 * Two outlets report one trip and disagree on a figure (invented articles in tests/fixtures/outlets): a question
 * naming an outlet gets that outlet's figure, cited from its report.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createLogger } from '../../src/log.ts';
import { openQuestionAnswering, type QuestionAnswering } from '../../src/app.ts';
import { HashedNgramEmbedder } from '../../src/embed/index.ts';
import { ingestInputs } from '../../src/ingest/index.ts';
import { answerBody } from '../../src/answer/index.ts';
import { ROOT, makeTempDir, removeTempDirs, testConfig } from '../helpers/corpus-index.ts';

const OUTLETS_DIR = path.join(ROOT, 'tests', 'fixtures', 'outlets');

describe('a question that names an outlet is answered from its report', () => {
  let qa: QuestionAnswering;
  before(async () => {
    const dir = await makeTempDir('outlets');
    const config = testConfig(dir);
    const embedder = new HashedNgramEmbedder();
    await ingestInputs([OUTLETS_DIR], { indexDir: dir, embedder, chunk: config.chunk, fetch: config.fetch, baseDir: ROOT });
    qa = await openQuestionAnswering(config, createLogger('error'), { embedder });
  });
  after(removeTempDirs);

  const cases: Array<[string, string, string]> = [
    ['西岭日报说西岭团一共看了几个点？', '19个', '西岭日报'],
    ['据东川晚报报道，西岭代表团考察了多少个点？', '18个', '东川晚报'],
    ['东川晚报讲西岭那个团看了几个点', '18个', '东川晚报'],
  ];
  for (const [question, figure, outlet] of cases) {
    test(`${question} → ${figure} (${outlet})`, async () => {
      const { answer } = await qa.ask(question);
      assert.equal(answer.found, true, answerBody(answer));
      assert.match(answer.short ?? '', new RegExp(figure));
      assert.ok(answer.citations.every((c) => c.source === outlet), JSON.stringify(answer.citations.map((c) => c.source)));
    });
  }
});
