import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft, splitDraft, type FactChecker, type FactCheckResult, type Verdict } from '../../src/factcheck/index.ts';
import { withDraftSubject } from '../../src/factcheck/draft.ts';

describe('splitDraft', () => {
  const table: Array<[string, string[]]> = [
    ['河南省党政代表团赴四川考察。代表团参观了天府软件园！', ['河南省党政代表团赴四川考察。', '代表团参观了天府软件园！']],
    ['# 简报\n\n1. 代表团一行共42人。\n- 考察团在苏州参观了展示馆。', ['代表团一行共42人。', '考察团在苏州参观了展示馆。']],
    ['## 河南赴四川考察（草稿）\n代表团一行共42人。', ['代表团一行共42人。']],
    ['一、总体情况\n考察团5天走了6座城市；行程1500多公里。', ['考察团5天走了6座城市；', '行程1500多公里。']],
    ['好的。', []],
  ];
  for (const [draft, expected] of table) {
    test(JSON.stringify(draft).slice(0, 30), () => assert.deepEqual(splitDraft(draft), expected));
  }
});

describe('withDraftSubject', () => {
  test('a bare group noun is read as the delegation the draft named before', () => {
    assert.equal(withDraftSubject('代表团5天行程1500多公里。', '河南省党政代表团').claim, '河南省党政代表团5天行程1500多公里。');
    assert.equal(withDraftSubject('考察团一行共42人。', '甘肃省党政考察团').claim, '甘肃省党政考察团一行共42人。');
    assert.equal(withDraftSubject('河南省党政代表团赴四川考察。', null).named, '河南省党政代表团');
    // Another kind of group is not the named delegation.
    assert.equal(withDraftSubject('培训班分成了3个组。', '河南省党政代表团').claim, '培训班分成了3个组。');
  });
});

describe('checkDraft', () => {
  const verdicts: Record<string, Verdict> = { 甲: 'supported', 乙: 'contradicted', 丙: 'not_found', 丁: 'contradicted' };
  const fake: FactChecker = {
    async check(claim): Promise<FactCheckResult> {
      const verdict = verdicts[claim[0]!]!;
      return { claim, verdict, explanation: '', mismatches: [], evidence: [], facts: [], timings: { retrieve: 0, check: 0, total: 0 } };
    },
  };

  test('one result per sentence, worst first, stable within a verdict, original sentences kept', async () => {
    const draft = await checkDraft(fake, '甲句说了一件事。乙句说了一件事。丙句说了一件事。丁句说了一件事。');
    assert.deepEqual(
      draft.sentences.map((s) => [s.index, s.result.verdict]),
      [
        [2, 'contradicted'],
        [4, 'contradicted'],
        [3, 'not_found'],
        [1, 'supported'],
      ],
    );
    assert.deepEqual(draft.counts, { supported: 1, contradicted: 2, not_found: 1 });
    assert.equal(draft.sentences[0]!.result.claim, '乙句说了一件事。');
  });
});
