import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withMonths } from '../../src/chat/index.ts';

const cases: Array<[string, string, string | null, string]> = [
  ['13日傍晚，代表团召开总结会。', '代表团于4月10日出发。', null, '4月13日傍晚，代表团召开总结会。'],
  ['13日傍晚，代表团召开总结会。', '', '2023-09-30 11:00:00', '9月13日傍晚，代表团召开总结会。'],
  ['9月23日至28日，代表团赴三省考察。', '', '2023-09-30', '9月23日至28日，代表团赴三省考察。'],
  ['5日、6日两天走访企业。', '3月1日启程。', null, '3月5日、6日两天走访企业。'],
  ['13日傍晚召开总结会。', '', null, '13日傍晚召开总结会。'],
  ['没有日期的句子。', '', '2023-09-30', '没有日期的句子。'],
];
for (const [text, before, published, expected] of cases) {
  test(`${text} (${before || published || 'no month known'})`, () => assert.equal(withMonths(text, before, published), expected));
}
