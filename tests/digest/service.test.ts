/**
 * The digest service against a real SQLite file in a temp dir, a hand-moved clock and a recording transport.
 * "Restart" means: close the database, open the file again and build a new service, as a new process would.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderDigestHtml } from '../../src/bot/index.ts';
import { shortenTitle } from '../../src/chat/index.ts';
import type { Article } from '../../src/domain.ts';
import { DigestDatabase, DigestService, type DigestServiceOptions } from '../../src/digest/index.ts';
import { buildCorpusIndex, makeTempDir, removeTempDirs } from '../helpers/corpus-index.ts';
import { FakeClock, RecordingTransport, SwappableIndex, assertValidTelegramHtml, memoryLogger, redated, seedArticles } from './fixtures.ts';

after(removeTempDirs);

let seeds: Map<string, Article>;
before(async () => {
  seeds = seedArticles((await buildCorpusIndex('digest-service')).index);
});

const SHANGHAI = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const DEFAULTS = { defaultTime: '08:00', defaultTimezone: SHANGHAI };

/** A seed article (by a short name) re-dated: `article('hunan', 'h1', '2026-11-22T18:00:00Z')`. */
const SHORT: Record<string, string> = {
  chenzhou: 'chenzhou-delegation-guangzhou',
  county: 'hunan-county-leaders-jiangsu-zhejiang',
  hunan: 'hunan-delegation-guangdong-jiangxi-hubei',
  supervise: 'hunan-leaders-supervise-cities',
  zhejiang: 'zhejiang-delegation-jiangsu-shanghai',
};
function article(short: keyof typeof SHORT, docId: string, addedAt: string): Article {
  return redated(seeds.get(SHORT[short]!)!, docId, new Date(addedAt).toISOString());
}

interface Harness {
  dir: string;
  db: DigestDatabase;
  clock: FakeClock;
  transport: RecordingTransport;
  index: SwappableIndex;
  service: DigestService;
  log: ReturnType<typeof memoryLogger>;
  /** Closes the database and builds a new service over the same file (a process restart). */
  restart(transport?: RecordingTransport): Harness;
}

async function harness(start: string, articles: Article[] = [], extra: Partial<Omit<DigestServiceOptions, 'render'>> = {}): Promise<Harness> {
  const dir = await makeTempDir('digest-state');
  const clock = new FakeClock(start);
  const index = new SwappableIndex(articles);
  const build = (transport: RecordingTransport): Harness => {
    const db = DigestDatabase.open(dir);
    const log = memoryLogger();
    const service = new DigestService({ db, index: index.provider, transport, render: renderDigestHtml, clock, log, defaults: DEFAULTS, ...extra });
    const h: Harness = {
      dir, db, clock, transport, index, service, log,
      restart(next = new RecordingTransport()) {
        db.close();
        return build(next);
      },
    };
    return h;
  };
  return build(new RecordingTransport());
}

/**
 * Articles named in a chat's messages: the shortened titles of the source lines (`[1][2] 粤赣鄂归来… · 红网 · …`),
 * one per article. Groups are newest first; within one message the order is compared as a set.
 */
function titlesSent(h: Harness, chatId: number): string[] {
  return h.transport.to(chatId).flatMap((m) => [...m.html.matchAll(/^(?:\[\d+\])+ (?:<a [^>]*>)?([^<\n]+?)(?:<\/a>)? · /gm)].map((x) => x[1]!).sort());
}
const titleOf = (short: keyof typeof SHORT) => shortenTitle(seeds.get(SHORT[short]!)!.meta.title);
const sorted = (titles: string[]) => [...titles].sort();

describe('scheduled delivery', () => {
  test('each chat gets its digest at 08:00 local time: Shanghai at 00:00Z, Berlin at 07:00Z (winter)', async () => {
    const h = await harness('2026-11-22T12:00:00Z', [article('hunan', 'h1', '2026-11-22T18:00:00Z')]);
    h.service.subscribe(1, { time: '08:00', timezone: SHANGHAI });
    h.service.subscribe(2, { time: '08:00', timezone: BERLIN });

    const steps: Array<{ at: string; chat1: number; chat2: number }> = [
      { at: '2026-11-22T23:59:59Z', chat1: 0, chat2: 0 },
      { at: '2026-11-23T00:00:00Z', chat1: 1, chat2: 0 },
      { at: '2026-11-23T06:59:59Z', chat1: 1, chat2: 0 },
      { at: '2026-11-23T07:00:00Z', chat1: 1, chat2: 1 },
      { at: '2026-11-23T12:00:00Z', chat1: 1, chat2: 1 },
    ];
    for (const step of steps) {
      await h.service.runDue(h.clock.set(step.at));
      assert.equal(h.transport.to(1).length, step.chat1, `chat 1 messages at ${step.at}`);
      assert.equal(h.transport.to(2).length, step.chat2, `chat 2 messages at ${step.at}`);
    }
    for (const chat of [1, 2]) {
      const [message] = h.transport.to(chat);
      assert.match(message!.html, /考察通每日简报 · 2026-11-23/);
      assert.match(message!.html, /新增1篇，1次考察\n\n<b>1\. 湖南省党政代表团赴粤赣鄂<\/b>/);
      assertValidTelegramHtml(message!.html);
    }
    h.db.close();
  });

  test('Berlin in summer fires at 06:00Z; the DST change does not skip or double a day', async () => {
    const h = await harness('2026-03-27T12:00:00Z');
    h.service.subscribe(2, { time: '08:00', timezone: BERLIN });
    h.service.updateSettings(2, { field: 'notifyEmpty', value: true });
    const fires = ['2026-03-28T07:00:00Z', '2026-03-29T06:00:00Z', '2026-03-30T06:00:00Z'];
    for (const fire of fires) {
      await h.service.runDue(h.clock.set(new Date(Date.parse(fire) - 1000)));
      const before = h.transport.to(2).length;
      await h.service.runDue(h.clock.set(fire));
      assert.equal(h.transport.to(2).length, before + 1, `one digest at ${fire}`);
    }
    assert.deepEqual(h.db.listRuns(2).map((r) => r.period), ['2026-03-28', '2026-03-29', '2026-03-30']);
    h.db.close();
  });

  test('subscribing after today\'s time waits for tomorrow; the first digest reaches back 24 h before subscribing', async () => {
    const h = await harness('2026-11-23T02:00:00Z', [
      article('hunan', 'old', '2026-11-21T00:00:00Z'),
      article('county', 'recent', '2026-11-22T12:00:00Z'),
      article('chenzhou', 'after', '2026-11-23T05:00:00Z'),
    ]);
    h.service.subscribe(1);
    await h.service.runDue(h.clock.set('2026-11-23T03:00:00Z'));
    assert.equal(h.transport.sent.length, 0, 'today 08:00 Shanghai (00:00Z) was before subscribing');
    await h.service.runDue(h.clock.set('2026-11-24T00:00:00Z'));
    assert.deepEqual(titlesSent(h, 1), sorted([titleOf('county'), titleOf('chenzhou')]));
    h.db.close();
  });
});

describe('exactly once across restarts', () => {
  const threeArticles = () => [
    article('hunan', 'h1', '2026-11-22T10:00:00Z'),
    article('chenzhou', 'c1', '2026-11-22T11:00:00Z'),
    article('zhejiang', 'z1', '2026-11-22T12:00:00Z'),
  ];

  test('a crash after part 1 of a multi-part digest: after restart only the remaining parts are sent', async () => {
    let h = await harness('2026-11-22T09:00:00Z', threeArticles(), { messageLimit: 200 });
    h.service.subscribe(7);
    h.transport.failOn(2);
    const [report] = await h.service.runDue(h.clock.set('2026-11-23T00:00:00Z'));
    assert.equal(report?.outcome, 'pending');
    assert.equal(h.transport.sent.length, 1, 'part 1 went out, part 2 failed');
    const planned = h.db.getRun(7, '2026-11-23')!.parts;
    assert.ok(planned.length >= 3, `digest has ${planned.length} parts`);
    assert.equal(h.transport.sent[0]!.html, planned[0]);

    h = h.restart();
    await h.service.runDue(h.clock.set('2026-11-23T00:05:00Z'));
    assert.deepEqual(h.transport.sent.map((m) => m.html), planned.slice(1), 'exactly the parts not yet confirmed, in order');
    assert.deepEqual(h.db.listDeliveries(7).map((d) => d.part), planned.map((_, i) => i));
    assert.equal(h.db.getRun(7, '2026-11-23')!.outcome, 'sent');

    h = h.restart();
    await h.service.runDue(h.clock.set('2026-11-23T00:10:00Z'));
    assert.equal(h.transport.sent.length, 0, 'nothing is sent twice');
    h.db.close();
  });

  test('articles ingested between the crash and the restart do not change the planned digest', async () => {
    let h = await harness('2026-11-22T09:00:00Z', threeArticles(), { messageLimit: 200 });
    h.service.subscribe(7);
    h.transport.failOn(1);
    await h.service.runDue(h.clock.set('2026-11-23T00:00:00Z'));
    const planned = h.db.getRun(7, '2026-11-23')!.parts;
    h.index.add(article('supervise', 's1', '2026-11-23T00:02:00Z'));
    h = h.restart();
    await h.service.runDue(h.clock.set('2026-11-23T00:05:00Z'));
    assert.deepEqual(h.transport.sent.map((m) => m.html), planned);
    await h.service.runDue(h.clock.set('2026-11-24T00:00:00Z'));
    assert.deepEqual(titlesSent(h, 7).slice(-1), [titleOf('supervise')], 'the new article comes the next day');
    h.db.close();
  });

  test('after days of downtime the missed digest is sent once, covering everything since the last one', async () => {
    let h = await harness('2026-11-20T09:00:00Z', [article('hunan', 'd0', '2026-11-20T10:00:00Z')]);
    h.service.subscribe(3);
    await h.service.runDue(h.clock.set('2026-11-21T00:00:00Z'));
    assert.deepEqual(titlesSent(h, 3), [titleOf('hunan')]);

    // Down from 21 Nov 01:00Z to 24 Nov 02:00Z (10:00 Shanghai) while articles keep arriving.
    h.index.add(
      article('chenzhou', 'd1', '2026-11-21T10:00:00Z'),
      article('county', 'd2', '2026-11-22T10:00:00Z'),
      article('zhejiang', 'd3', '2026-11-23T23:00:00Z'),
      article('supervise', 'd4', '2026-11-24T01:00:00Z'),
    );
    h = h.restart();
    const reports = await h.service.catchUp(h.clock.set('2026-11-24T02:00:00Z'));
    assert.equal(reports.length, 1, 'one catch-up digest, not one per missed day');
    assert.equal(h.transport.sent.length, 1);
    assert.deepEqual(titlesSent(h, 3), sorted([titleOf('chenzhou'), titleOf('county'), titleOf('zhejiang')]));
    assert.deepEqual(h.db.listRuns(3).map((r) => r.period), ['2026-11-21', '2026-11-24']);

    h = h.restart();
    await h.service.catchUp(h.clock.set('2026-11-24T02:01:00Z'));
    assert.equal(h.transport.sent.length, 0, 'a second start sends nothing');
    await h.service.runDue(h.clock.set('2026-11-25T00:00:00Z'));
    assert.deepEqual(titlesSent(h, 3), [titleOf('supervise')], 'what arrived after the catch-up cutoff comes next');
    h.db.close();
  });

  test('an article that reaches the bot after its window closed is delivered in the next digest, not lost', async () => {
    const h = await harness('2026-11-22T09:00:00Z');
    h.service.subscribe(4);
    await h.service.runDue(h.clock.set('2026-11-23T00:00:00Z'));
    // Ingested at 23:59Z, but the bot only reloaded its index after the 00:00Z digest had been planned.
    h.index.add(article('hunan', 'late', '2026-11-22T23:59:00Z'));
    await h.service.runDue(h.clock.set('2026-11-23T00:03:00Z'));
    assert.equal(titlesSent(h, 4).length, 0);
    await h.service.runDue(h.clock.set('2026-11-24T00:00:00Z'));
    assert.deepEqual(titlesSent(h, 4), [titleOf('hunan')]);
    h.db.close();
  });

  test('a transient failure is retried by the next sweep; after maxAttempts the run is given up and logged', async () => {
    const h = await harness('2026-11-22T09:00:00Z', [article('hunan', 'h1', '2026-11-22T10:00:00Z')], { maxAttempts: 2 });
    h.service.subscribe(5);
    h.service.subscribe(6);
    h.transport.failOn(1).failOn(3).failOn(4);
    await h.service.runDue(h.clock.set('2026-11-23T00:00:00Z'));
    // Sends: #1 chat 5 fails, #2 chat 6 ok. Retry: #3 chat 5 fails again → given up.
    assert.equal(h.transport.to(6).length, 1);
    await h.service.runDue(h.clock.set('2026-11-23T00:05:00Z'));
    assert.equal(h.db.getRun(5, '2026-11-23')!.outcome, 'failed');
    assert.ok(h.log.lines.some((l) => /giving up on 2026-11-23 for chat 5 after 2 attempts/.test(l)));
    await h.service.runDue(h.clock.set('2026-11-23T00:10:00Z'));
    assert.equal(h.transport.to(5).length, 0);
    h.db.close();
  });
});

describe('unsubscribe, 403, filters, empty digests, /digest', () => {
  test('unsubscribe stops deliveries and cancels an unsent digest', async () => {
    const h = await harness('2026-11-22T09:00:00Z', [article('hunan', 'h1', '2026-11-22T10:00:00Z')]);
    h.service.subscribe(8);
    h.transport.failOn(1);
    await h.service.runDue(h.clock.set('2026-11-23T00:00:00Z'));
    assert.equal(h.service.unsubscribe(8), true);
    assert.equal(h.service.unsubscribe(8), false);
    await h.service.runDue(h.clock.set('2026-11-23T00:05:00Z'));
    await h.service.runDue(h.clock.set('2026-11-24T00:00:00Z'));
    assert.equal(h.transport.sent.length, 0);
    assert.equal(h.db.getRun(8, '2026-11-23')!.outcome, 'cancelled');
    assert.equal(h.service.getSubscription(8), null);
    h.db.close();
  });

  test('a chat that blocked the bot (403) is unsubscribed and logged; other chats are unaffected', async () => {
    const h = await harness('2026-11-22T09:00:00Z', [article('hunan', 'h1', '2026-11-22T10:00:00Z')]);
    h.service.subscribe(9);
    h.service.subscribe(10);
    h.transport.block(9);
    const reports = await h.service.runDue(h.clock.set('2026-11-23T00:00:00Z'));
    assert.deepEqual(reports.map((r) => [r.chatId, r.outcome]).sort((a, b) => Number(a[0]) - Number(b[0])), [[9, 'blocked'], [10, 'sent']]);
    assert.equal(h.service.getSubscription(9), null);
    assert.ok(h.log.lines.some((l) => /chat 9 blocked the bot \(Telegram 403\); unsubscribing/.test(l)));
    h.index.add(article('county', 'c2', '2026-11-23T10:00:00Z'));
    await h.service.runDue(h.clock.set('2026-11-24T00:00:00Z'));
    assert.equal(h.db.listRuns(9).length, 1, 'no new digest is planned for the blocked chat');
    assert.equal(h.transport.to(10).length, 2);
    h.db.close();
  });

  test('keyword and region filters select what each chat receives', async () => {
    const h = await harness('2026-11-22T09:00:00Z', [
      article('hunan', 'h1', '2026-11-22T10:00:00Z'),
      article('chenzhou', 'c1', '2026-11-22T11:00:00Z'),
      article('zhejiang', 'z1', '2026-11-22T12:00:00Z'),
    ]);
    for (const chat of [11, 12, 13]) h.service.subscribe(chat);
    h.service.updateSettings(11, { field: 'region', value: '上海' });
    h.service.updateSettings(12, { field: 'keyword', value: '框架协议' });
    h.service.updateSettings(13, { field: 'region', value: '湘' });
    await h.service.runDue(h.clock.set('2026-11-23T00:00:00Z'));
    assert.deepEqual(titlesSent(h, 11), [titleOf('zhejiang')]);
    assert.deepEqual(titlesSent(h, 12), [titleOf('chenzhou')]);
    assert.deepEqual(titlesSent(h, 13), sorted([titleOf('hunan'), titleOf('chenzhou')]));
    h.db.close();
  });

  test('nothing new: a one-line note when notifyEmpty is on, silence when off; the period is closed either way', async () => {
    const h = await harness('2026-11-22T09:00:00Z');
    h.service.subscribe(14);
    h.service.subscribe(15);
    h.service.updateSettings(15, { field: 'notifyEmpty', value: false });
    await h.service.runDue(h.clock.set('2026-11-23T00:00:00Z'));
    assert.equal(h.transport.to(14).length, 1);
    // The first window starts 24 h before subscribing (09:00Z on 22 Nov = 17:00 Shanghai on the 21st).
    assert.match(h.transport.to(14)[0]!.html, /^<b>考察通每日简报 · 2026-11-23<\/b>\n自 2026-11-21 17:00 以来没有新增文章。$/);
    assert.equal(h.transport.to(15).length, 0);
    assert.equal(h.db.getRun(15, '2026-11-23')!.outcome, 'empty');

    h.index.add(article('hunan', 'h1', '2026-11-23T10:00:00Z'));
    await h.service.runDue(h.clock.set('2026-11-24T00:00:00Z'));
    assert.deepEqual(titlesSent(h, 15), [titleOf('hunan')]);
    h.db.close();
  });

  test('/digest sends what is new since the last digest; the next scheduled digest does not repeat it', async () => {
    const h = await harness('2026-11-22T09:00:00Z', [article('hunan', 'h1', '2026-11-22T10:00:00Z')]);
    h.service.subscribe(16);
    await h.service.runDue(h.clock.set('2026-11-23T00:00:00Z'));
    h.index.add(article('chenzhou', 'c1', '2026-11-23T03:00:00Z'));
    h.clock.set('2026-11-23T04:00:00Z');
    const result = await h.service.digestNow(16);
    assert.equal(result.articles, 1);
    assert.equal(result.since, '2026-11-23T00:00:00.000Z');
    assert.deepEqual(titlesSent(h, 16), [titleOf('hunan'), titleOf('chenzhou')], 'one digest, then the other');
    h.index.add(article('zhejiang', 'z1', '2026-11-23T05:00:00Z'));
    await h.service.runDue(h.clock.set('2026-11-24T00:00:00Z'));
    assert.deepEqual(titlesSent(h, 16), [titleOf('hunan'), titleOf('chenzhou'), titleOf('zhejiang')]);

    await h.service.digestNow(16);
    assert.match(h.transport.sent.at(-1)!.html, /没有新增文章/, 'an on-demand request always gets an answer');
    h.db.close();
  });

  test('/digest in a chat without a subscription covers the last 24 hours', async () => {
    const h = await harness('2026-11-23T04:00:00Z', [
      article('hunan', 'old', '2026-11-20T10:00:00Z'),
      article('chenzhou', 'new', '2026-11-22T10:00:00Z'),
    ]);
    await h.service.digestNow(17);
    assert.deepEqual(titlesSent(h, 17), [titleOf('chenzhou')]);
    h.db.close();
  });
});

describe('live scheduling', () => {
  test('start() schedules one croner job per subscription, catches up, and follows subscribe/unsubscribe; stop() clears', async () => {
    const h = await harness('2026-11-22T09:00:00Z', [article('hunan', 'h1', '2026-11-22T10:00:00Z')]);
    h.service.subscribe(21);
    h.clock.set('2026-11-23T00:30:00Z');
    const reports = await h.service.start();
    assert.deepEqual(reports.map((r) => [r.chatId, r.outcome]), [[21, 'sent']], 'startup catch-up delivered the missed digest');
    h.service.subscribe(22, { time: '09:15', timezone: BERLIN });
    assert.deepEqual(h.service.scheduledChats.sort(), [21, 22]);
    assert.equal(h.service.nextDelivery(22)?.toISOString(), '2026-11-23T08:15:00.000Z');
    h.service.unsubscribe(21);
    assert.deepEqual(h.service.scheduledChats, [22]);
    await h.service.stop();
    assert.deepEqual(h.service.scheduledChats, []);
    h.db.close();
  });
});
