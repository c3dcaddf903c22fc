/**
 * Two outlets report one trip and disagree on a figure (invented articles in tests/fixtures/outlets): a question
 * naming an outlet gets that outlet's figure, cited from its report.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuestionAnswering } from '../../src/app.ts';
import { answerBody } from '../../src/answer/index.ts';
import { openFixtureQa, removeTempDirs } from '../helpers/corpus-index.ts';

describe('a question that names an outlet is answered from its report', () => {
  let qa: QuestionAnswering;
  before(async () => {
    qa = await openFixtureQa('outlets');
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
