import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, DigestDatabase, DigestError, MIGRATIONS } from '../../src/digest/index.ts';
import { makeTempDir, removeTempDirs } from '../helpers/corpus-index.ts';

after(removeTempDirs);

const tables = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
};

describe('DigestDatabase migrations', () => {
  test('a new file gets every migration, WAL mode and the expected tables; opening again changes nothing', async () => {
    const dir = path.join(await makeTempDir('digest-db'), 'nested', 'state');
    const first = DigestDatabase.open(dir);
    assert.equal(first.schemaVersion, MIGRATIONS.length);
    first.putSubscription({
      chatId: -1001234567890, time: '08:00', timezone: 'Asia/Shanghai', keyword: null, region: '湖南', notifyEmpty: false,
      createdAt: '2026-11-01T00:00:00.000Z', lastPeriod: null,
    });
    first.close();
    const second = DigestDatabase.open(dir);
    assert.equal(second.schemaVersion, MIGRATIONS.length);
    assert.equal(second.getSubscription(-1001234567890)?.region, '湖南', 'data survives reopening');
    assert.equal(second.getSubscription(-1001234567890)?.notifyEmpty, false);
    second.close();
    const file = path.join(dir, DATABASE_FILE);
    assert.deepEqual(tables(file), ['article_added', 'deliveries', 'digest_runs', 'send_intents', 'subscriptions']);
    const raw = new Database(file, { readonly: true });
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    raw.close();
  });

  test('a file at an older schema version is migrated forward, keeping its rows', async () => {
    const dir = await makeTempDir('digest-db-old');
    const old = DigestDatabase.open(dir, { migrations: MIGRATIONS.slice(0, 1) });
    assert.equal(old.schemaVersion, 1);
    old.insertArticle('a1', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:01.000Z');
    old.close();
    assert.deepEqual(tables(path.join(dir, DATABASE_FILE)), ['article_added', 'subscriptions']);

    const current = DigestDatabase.open(dir);
    assert.equal(current.schemaVersion, MIGRATIONS.length);
    assert.ok(current.hasArticle('a1'));
    assert.equal(current.latestWindowEnd(), null, 'the new tables exist and are empty');
    current.close();
  });

  test('a file written by a newer build is refused with a clear error', async () => {
    const dir = await makeTempDir('digest-db-new');
    DigestDatabase.open(dir).close();
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    assert.throws(
      () => DigestDatabase.open(dir),
      (error: unknown) => error instanceof DigestError && error.code === 'database' && /^digest: .*newer Kaocha/.test(error.message),
    );
  });

  test('a broken migration rolls back and leaves the version unchanged', async () => {
    const dir = await makeTempDir('digest-db-broken');
    const broken = [...MIGRATIONS, { name: 'broken', sql: 'CREATE TABLE x (a); CREATE TABLE x (a);' }];
    assert.throws(() => DigestDatabase.open(dir, { migrations: broken }), new RegExp(`migration ${MIGRATIONS.length + 1} \\(broken\\) failed`));
    const db = DigestDatabase.open(dir);
    assert.equal(db.schemaVersion, MIGRATIONS.length);
    db.close();
    assert.ok(!tables(path.join(dir, DATABASE_FILE)).includes('x'));
  });
});
