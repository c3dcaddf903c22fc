import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractClaimFacts, type AtomicFact } from '../../src/factcheck/index.ts';

function summary(claim: string): string[] {
  return extractClaimFacts(claim).facts.map((fact: AtomicFact) => `${fact.kind}:${fact.surface}`);
}

describe('claim splitting', () => {
  test('a multi-fact claim is split into subject, date range, people, place list and count', () => {
    const facts = summary('省委书记沈晓明率湖南省党政代表团于9月23日至28日赴广东、江西、湖北考察36个点');
    for (const expected of ['frame:湖南省党政代表团', 'date:9月23日至28日', 'person:沈晓明', 'place:广东', 'place:江西', 'place:湖北', 'number:36个点']) {
      assert.ok(facts.includes(expected), `${expected} in ${facts.join(' | ')}`);
    }
  });

  const table: Array<[string, string[]]> = [
    ['郴州党政考察团这次3天走了5座城市。', ['frame:郴州党政考察团', 'number:3天', 'number:5座城市']],
    ['浙江省党政代表团的交流总结会是黄莉新主持的。', ['frame:浙江省党政代表团', 'role:黄莉新主持']],
    ['湖南省党政代表团在湖北与湖北省签署了战略合作协议。', ['event:签署了战略合作协议', 'place:湖北']],
    ['岳阳去年实现总产值一千七百五十亿元。', ['place:岳阳', 'number:1750亿元']],
    ['江阴参观了海澜集团和南京大学。', ['org:海澜集团', 'org:南京大学', 'place:江阴']],
    ['2024年全国百强县里浙江有25个。', ['date:2024年', 'number:25个', 'place:浙江']],
    ['义乌实现了从“鸡毛换糖”到“世界超市”的转身。', ['quote:“鸡毛换糖”', 'quote:“世界超市”']],
  ];
  for (const [claim, expected] of table) {
    test(claim, () => {
      const facts = summary(claim);
      for (const fact of expected) assert.ok(facts.includes(fact), `${fact} in ${facts.join(' | ')}`);
    });
  }

  test('the count of 浙江有25个 belongs to 浙江; places after 赴/去 are destinations', () => {
    const { facts } = extractClaimFacts('2024年全国百强县里浙江有25个。');
    const count = facts.find((f) => f.kind === 'number');
    assert.equal(count?.kind === 'number' ? count.quantity.owner : null, '浙江');
    const trip = extractClaimFacts('沈晓明先后去郴州、永州调研');
    assert.deepEqual(trip.facts.filter((f) => f.kind === 'place').map((f) => (f.kind === 'place' ? f.destination : null)), [true, true]);
  });

  test('fillers and particles are not facts; a claim without content has no facts', () => {
    assert.deepEqual(summary('这次的'), []);
    assert.ok(!summary('郴州党政考察团这次考察了格力电器').includes('term:这次'));
  });
});
