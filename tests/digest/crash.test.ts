/**
 * Restart idempotence with a real kill: a child process sends part 1 of a multi-part digest and is SIGKILLed
 * before part 2; a fresh service over the same SQLite file then sends exactly the remaining parts. And the bound
 * across chats: killed at the worst moment (Telegram accepted a part, the ledger row not yet committed) while
 * five chats are being delivered, each crash duplicates at most one message in total.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { renderDigestHtml } from '../../src/bot/index.ts';
import { DigestDatabase, DigestService, nextFireAfter } from '../../src/digest/index.ts';
import { ROOT, buildCorpusIndex, makeTempDir, removeTempDirs } from '../helpers/corpus-index.ts';
import { createLogger } from '../../src/log.ts';
import { FakeClock, RecordingTransport } from './fixtures.ts';

after(removeTempDirs);

// Small enough that the compact five-article digest takes several messages per chat (about seven).
const MESSAGE_LIMIT = 160;
const CHAT = 77;

test('SIGKILL between two parts: after restart the remaining parts are sent once, the first never again', async () => {
  const corpus = await buildCorpusIndex('digest-crash');
  const dataDir = await makeTempDir('digest-crash-data');
  const sentFile = path.join(dataDir, 'sent.jsonl');
  const subscribedAt = new Date();
  const fire = nextFireAfter('08:00', 'Asia/Shanghai', subscribedAt)!;
  const defaults = { defaultTime: '08:00', defaultTimezone: 'Asia/Shanghai' };

  const setupDb = DigestDatabase.open(dataDir);
  new DigestService({ db: setupDb, index: () => corpus.index, transport: new RecordingTransport(), render: renderDigestHtml, clock: new FakeClock(subscribedAt), defaults }).subscribe(CHAT);
  setupDb.close();

  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/digest/crash-child.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, INDEX_DIR: corpus.dir, NOW: fire.toISOString(), SENT_FILE: sentFile, KILL_ON: '2', MESSAGE_LIMIT: String(MESSAGE_LIMIT) },
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 30_000,
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, sig) => resolve(sig)));
  assert.equal(signal, 'SIGKILL', `the child was killed mid-run (stderr: ${stderr})`);
  const sentBeforeCrash = (await fs.readFile(sentFile, 'utf8')).trim().split('\n').map((l) => (JSON.parse(l) as { html: string }).html);
  assert.equal(sentBeforeCrash.length, 1);

  const db = DigestDatabase.open(dataDir);
  const transport = new RecordingTransport();
  const service = new DigestService({
    db, index: () => corpus.index, transport, render: renderDigestHtml, clock: new FakeClock(new Date(fire.getTime() + 60_000)), defaults, messageLimit: MESSAGE_LIMIT,
  });
  await service.catchUp();
  const planned = db.listRuns(CHAT)[0]!.parts;
  assert.ok(planned.length >= 3, `a multi-part digest (${planned.length} parts)`);
  assert.deepEqual([...sentBeforeCrash, ...transport.sent.map((m) => m.html)], planned, 'every part exactly once, in order');
  assert.deepEqual(db.listDeliveries(CHAT).map((d) => d.part), planned.map((_, i) => i));
  await service.catchUp();
  assert.equal(transport.sent.length, planned.length - 1, 'a second start sends nothing');
  db.close();
});

test('five crashes while five chats are delivered: at most one duplicate message per crash, none missing, the one in doubt named', async () => {
  const corpus = await buildCorpusIndex('digest-crash-chats');
  const dataDir = await makeTempDir('digest-crash-chats-data');
  const sentFile = path.join(dataDir, 'sent.jsonl');
  const subscribedAt = new Date();
  const fire = nextFireAfter('08:00', 'Asia/Shanghai', subscribedAt)!;
  const defaults = { defaultTime: '08:00', defaultTimezone: 'Asia/Shanghai' };
  const chats = [101, 102, 103, 104, 105];
  const setupDb = DigestDatabase.open(dataDir);
  const setup = new DigestService({ db: setupDb, index: () => corpus.index, transport: new RecordingTransport(), render: renderDigestHtml, clock: new FakeClock(subscribedAt), defaults });
  for (const chat of chats) setup.subscribe(chat);
  setupDb.close();

  const CRASHES = 5;
  for (let crash = 0; crash < CRASHES; crash++) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/digest/crash-child.ts'], {
      cwd: ROOT,
      // Killed right after its 5th send was accepted: with all five chats sending at once, five parts would be in doubt.
      env: { ...process.env, DATA_DIR: dataDir, INDEX_DIR: corpus.dir, NOW: fire.toISOString(), SENT_FILE: sentFile, KILL_AFTER: '5', MESSAGE_LIMIT: String(MESSAGE_LIMIT) },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 30_000,
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, sig) => resolve(sig)));
    assert.equal(signal, 'SIGKILL', `crash ${crash + 1}: the child was killed mid-delivery (stderr: ${stderr})`);
  }

  const logLines: string[] = [];
  const db = DigestDatabase.open(dataDir);
  assert.equal(db.sendIntents().length, 1, 'exactly one send is in doubt after the last crash');
  const transport = new RecordingTransport();
  const service = new DigestService({
    db, index: () => corpus.index, transport, render: renderDigestHtml, clock: new FakeClock(new Date(fire.getTime() + 60_000)), defaults, messageLimit: MESSAGE_LIMIT,
    log: createLogger('warn', [], (line) => logLines.push(line)),
  });
  await service.catchUp();
  assert.ok(logLines.some((l) => /was being sent when the process stopped.*may appear twice/.test(l)), logLines.join(' | '));
  assert.deepEqual(db.sendIntents(), []);

  const received = [
    ...(await fs.readFile(sentFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { chatId: number; html: string }),
    ...transport.sent.map(({ chatId, html }) => ({ chatId, html })),
  ];
  let duplicates = 0;
  for (const chat of chats) {
    const planned = db.listRuns(chat)[0]!.parts;
    assert.ok(planned.length >= 2, `a multi-part digest (${planned.length} parts)`);
    const got = received.filter((m) => m.chatId === chat).map((m) => m.html);
    assert.deepEqual([...new Set(got)], planned, `chat ${chat}: every part arrived, in order`);
    duplicates += got.length - planned.length;
  }
  assert.ok(duplicates <= CRASHES, `${duplicates} duplicates from ${CRASHES} crashes across ${chats.length} chats`);
  db.close();
});
