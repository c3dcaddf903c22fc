/**
 * The checker end to end over the real corpus (temp index, built-in embedder): verdicts, mismatches, evidence that
 * cites paragraphs and quotes them verbatim. Claims here are not the evaluation set's.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openQuestionAnswering } from '../../src/app.ts';
import { createLogger } from '../../src/log.ts';
import { EvidenceFactChecker, FactCheckError, type FactChecker } from '../../src/factcheck/index.ts';
import { buildCorpusIndex, removeTempDirs } from '../helpers/corpus-index.ts';

after(removeTempDirs);

let checker: FactChecker;
let corpusText: (paragraphId: string) => string | undefined;

before(async () => {
  const built = await buildCorpusIndex('factcheck');
  const qa = await openQuestionAnswering(built.config, createLogger('error'), { embedder: built.embedder });
  checker = new EvidenceFactChecker({ retriever: qa.retriever, corpus: qa.index.corpus });
  corpusText = (id) => qa.index.corpus.getParagraph(id)?.text;
});

describe('EvidenceFactChecker on the corpus', () => {
  const table: Array<[string, string, Array<{ kind: string; claim: string; source: string }> | null]> = [
    ['湖南省党政代表团9月23日考察了华为终端总部。', 'supported', []],
    ['沈晓明10月10日到娄底调研。', 'supported', []],
    ['江阴市已拥有60多家上市企业。', 'supported', []],
    ['湖南省党政代表团的考察点多达三十六个。', 'supported', []],
    ['湖南省党政代表团9月24日考察了华为终端总部。', 'contradicted', [{ kind: 'date', claim: '9月24日', source: '9月23日' }]],
    ['湖南省党政代表团6天走了3000多公里。', 'contradicted', [{ kind: 'number', claim: '3000多公里', source: '2000多公里路程' }]],
    ['湖南省党政代表团由省委副书记李殿勋率领。', 'contradicted', null],
    ['王浩主持了交流总结会。', 'contradicted', [{ kind: 'person', claim: '王浩主持', source: '浙江省委书记易炼红主持' }]],
    ['郴州党政考察团在深圳考察了腾讯公司。', 'not_found', []],
    ['沈晓明在张家界考察了天门山景区。', 'not_found', []],
    ['郴州氧化锂储量超过800万吨。', 'not_found', []],
  ];
  for (const [claim, verdict, mismatches] of table) {
    test(`${verdict}: ${claim}`, async () => {
      const result = await checker.check(claim);
      assert.equal(result.verdict, verdict, result.explanation);
      if (mismatches) assert.deepEqual(result.mismatches, mismatches);
      if (verdict === 'contradicted') assert.match(result.explanation, /^原文(?:为|中).+/);
      assert.ok(result.evidence.length > 0, 'evidence is shown for every verdict, the nearest for not_found');
      for (const item of result.evidence) {
        const paragraph = corpusText(item.paragraphId);
        assert.ok(paragraph !== undefined, `${item.paragraphId} exists`);
        for (const part of item.quote.split('……')) assert.ok(paragraph.includes(part), `quote is verbatim from ${item.paragraphId}`);
        assert.equal(item.text, paragraph);
      }
      assert.ok(result.timings.total < 1000, `checked in ${result.timings.total} ms`);
    });
  }

  test('an empty claim is an error; a claim without checkable facts is not_found', async () => {
    await assert.rejects(() => checker.check('  '), FactCheckError);
    const result = await checker.check('你好');
    assert.equal(result.verdict, 'not_found');
  });
});
