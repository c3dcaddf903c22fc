import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchView } from '../../src/facts/index.ts';
import { delegationNames, homeOf } from '../../src/tours/index.ts';

test('delegation names are cut from the words around them', () => {
  const cases: Array<[string, string[]]> = [
    ['由甘肃省委书记韩青松率领的甘肃省党政代表团赴陕西考察。', ['甘肃省党政代表团']],
    ['本报讯（记者 钱一）广西百色市党政代表团到我市考察。', ['广西百色市党政代表团']],
    ['3月1日,江西县(市、区)党政正职专题研修班在福建开班。', ['江西县(市、区)党政正职专题研修班']],
    ['苏州市委书记会见宿州市党政代表团一行。', ['宿州市党政代表团']],
    ['代表团一行参观了展馆，这次考察团收获很大。', []],
    ['2021年乡村振兴督导组第三组来到县里。', ['乡村振兴督导组第三组']],
    ['市委书记白书恒带领该市党政代表团赴宁波考察。', []],
    ['县长钱立新带领本县考察团赴寿光学习。', []],
    ['省委第三督导组进驻上饶市。', ['省委第三督导组']],
  ];
  for (const [text, want] of cases) assert.deepEqual(delegationNames(matchView(text)).map((n) => n.name), want, text);
});

test('the home region a delegation name starts with', () => {
  const cases: Array<[string, string | null]> = [
    ['甘肃省党政代表团', '甘肃省'],
    ['浙江省台州市党政代表团', '浙江省台州市'],
    ['宿州市党政代表团', '宿州市'],
    ['党政代表团', null],
  ];
  for (const [name, want] of cases) assert.equal(homeOf(name), want, name);
});
