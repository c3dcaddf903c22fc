import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DigestError,
  dueSubscriptions,
  latestFireAtOrBefore,
  localDate,
  nextFireAfter,
  parseSettingsChange,
  parseTimeOfDay,
  parseTimezone,
  type Subscription,
} from '../../src/digest/index.ts';

const sub = (chatId: number, time: string, timezone: string, lastPeriod: string | null = null): Subscription => ({
  chatId, time, timezone, keyword: null, region: null, notifyEmpty: true, createdAt: '2026-01-01T00:00:00.000Z', lastPeriod,
});

describe('fire times in the subscriber timezone', () => {
  const cases: Array<{ name: string; time: string; tz: string; now: string; fire: string; period: string }> = [
    { name: 'Shanghai 08:00 exactly at the fire', time: '08:00', tz: 'Asia/Shanghai', now: '2026-11-23T00:00:00.000Z', fire: '2026-11-23T00:00:00.000Z', period: '2026-11-23' },
    { name: 'Shanghai 08:00, one ms before: yesterday', time: '08:00', tz: 'Asia/Shanghai', now: '2026-11-22T23:59:59.999Z', fire: '2026-11-22T00:00:00.000Z', period: '2026-11-22' },
    { name: 'Shanghai 00:30 is the previous UTC day', time: '00:30', tz: 'Asia/Shanghai', now: '2026-11-23T12:00:00.000Z', fire: '2026-11-22T16:30:00.000Z', period: '2026-11-23' },
    { name: 'Berlin 08:00 in winter (UTC+1)', time: '08:00', tz: 'Europe/Berlin', now: '2026-11-23T07:00:00.000Z', fire: '2026-11-23T07:00:00.000Z', period: '2026-11-23' },
    { name: 'Berlin 08:00 in summer (UTC+2)', time: '08:00', tz: 'Europe/Berlin', now: '2026-07-01T06:30:00.000Z', fire: '2026-07-01T06:00:00.000Z', period: '2026-07-01' },
    { name: 'Berlin 08:00 on the spring-forward day', time: '08:00', tz: 'Europe/Berlin', now: '2026-03-29T06:00:00.000Z', fire: '2026-03-29T06:00:00.000Z', period: '2026-03-29' },
    { name: 'Berlin 02:30 does not exist on 29 March: fires at 03:00 CEST', time: '02:30', tz: 'Europe/Berlin', now: '2026-03-29T12:00:00.000Z', fire: '2026-03-29T01:00:00.000Z', period: '2026-03-29' },
    { name: 'Berlin 02:30 happens twice on 25 October: the first one', time: '02:30', tz: 'Europe/Berlin', now: '2026-10-25T12:00:00.000Z', fire: '2026-10-25T00:30:00.000Z', period: '2026-10-25' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const fire = latestFireAtOrBefore(c.time, c.tz, new Date(c.now));
      assert.equal(fire?.toISOString(), c.fire);
      assert.equal(localDate(fire!, c.tz), c.period);
    });
  }

  test('the next fire after a fire is exactly one local day later, across the DST change', () => {
    const fire = nextFireAfter('08:00', 'Europe/Berlin', new Date('2026-03-28T07:00:00.000Z'));
    assert.equal(fire?.toISOString(), '2026-03-29T06:00:00.000Z', '23 hours later in UTC, 24 local hours');
  });
});

describe('dueSubscriptions', () => {
  const shanghai = sub(1, '08:00', 'Asia/Shanghai', '2026-11-22');
  const berlin = sub(2, '08:00', 'Europe/Berlin', '2026-11-22');
  const table: Array<{ now: string; due: number[] }> = [
    { now: '2026-11-22T23:59:59.000Z', due: [] },
    { now: '2026-11-23T00:00:00.000Z', due: [1] },
    { now: '2026-11-23T06:59:59.000Z', due: [1] },
    { now: '2026-11-23T07:00:00.000Z', due: [1, 2] },
  ];
  for (const row of table) {
    test(`at ${row.now} due: [${row.due.join(', ')}]`, () => {
      assert.deepEqual(dueSubscriptions([shanghai, berlin], new Date(row.now)).map((d) => d.subscription.chatId), row.due);
    });
  }

  test('a period already planned is not due again; several missed days yield one due period (the latest)', () => {
    const planned = sub(1, '08:00', 'Asia/Shanghai', '2026-11-23');
    assert.deepEqual(dueSubscriptions([planned], new Date('2026-11-23T10:00:00.000Z')), []);
    const due = dueSubscriptions([sub(1, '08:00', 'Asia/Shanghai', '2026-11-18')], new Date('2026-11-23T10:00:00.000Z'));
    assert.equal(due.length, 1);
    assert.equal(due[0]!.period, '2026-11-23');
    assert.equal(due[0]!.fireAt.toISOString(), '2026-11-23T00:00:00.000Z');
  });
});

describe('input validation', () => {
  const times: Array<[string, string | null]> = [
    ['08:00', '08:00'], ['8:05', '08:05'], ['23:59', '23:59'], ['07：30', '07:30'], [' 00:00 ', '00:00'],
    ['24:00', null], ['12:60', null], ['0800', null], ['8点', null], ['', null], ['08:00:00', null],
  ];
  for (const [input, expected] of times) {
    test(`time ${JSON.stringify(input)} → ${expected ?? 'rejected'}`, () => {
      if (expected) assert.equal(parseTimeOfDay(input), expected);
      else assert.throws(() => parseTimeOfDay(input), (e: unknown) => e instanceof DigestError && e.code === 'invalid-input' && /HH:MM/.test(e.userMessage ?? ''));
    });
  }

  const zones: Array<[string, string | null]> = [
    ['Asia/Shanghai', 'Asia/Shanghai'], ['Europe/Berlin', 'Europe/Berlin'], ['America/Argentina/Buenos_Aires', 'America/Buenos_Aires'],
    ['UTC', 'UTC'], ['Mars/Olympus', null], ['+08:00', null], ['Asia/Shanghai; DROP', null], ['', null],
  ];
  for (const [input, expected] of zones) {
    test(`timezone ${JSON.stringify(input)} → ${expected ?? 'rejected'}`, () => {
      if (expected) assert.equal(parseTimezone(input), expected);
      else assert.throws(() => parseTimezone(input), (e: unknown) => e instanceof DigestError && /时区/.test(e.userMessage ?? ''));
    });
  }

  const changes: Array<[string, unknown]> = [
    ['time 7:30', { field: 'time', value: '07:30' }],
    ['时间 07：30', { field: 'time', value: '07:30' }],
    ['tz Asia/Tokyo', { field: 'timezone', value: 'Asia/Tokyo' }],
    ['filter 湖南', { field: 'keyword', value: '湖南' }],
    ['keyword off', { field: 'keyword', value: null }],
    ['region 粤赣鄂', { field: 'region', value: '粤赣鄂' }],
    ['地区 关', { field: 'region', value: null }],
    ['empty off', { field: 'notifyEmpty', value: false }],
    ['空 开', { field: 'notifyEmpty', value: true }],
  ];
  for (const [input, expected] of changes) {
    test(`/digest_settings ${input}`, () => assert.deepEqual(parseSettingsChange(input), expected));
  }
  for (const bad of ['colour red', 'time', 'tz Nowhere/City', 'empty maybe', 'keyword 这是一个远远超过二十个字符长度限制的非常长的关键词筛选条件']) {
    test(`/digest_settings ${bad} is refused with a Chinese message`, () => {
      assert.throws(() => parseSettingsChange(bad), (e: unknown) => e instanceof DigestError && /[\u4e00-\u9fa5]/.test(e.userMessage ?? ''));
    });
  }
});
