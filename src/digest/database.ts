/**
 * The digest's state in one SQLite file (`<DATA_DIR>/kaocha.sqlite`): subscriptions, the time each article was
 * first listed for digests, planned digest runs and the delivery ledger. Schema changes are an ordered list of
 * migrations; `PRAGMA user_version` records how many have been applied, so opening is idempotent and an older
 * file is brought forward in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DigestError } from './errors.ts';
import type { Subscription } from './types.ts';

/** File name of the state database inside DATA_DIR. */
export const DATABASE_FILE = 'kaocha.sqlite';

/** How long a writer waits for another connection's lock (the CLI may read while the bot writes). */
const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** One schema step. Never edit a released migration: append a new one. */
export interface Migration {
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'subscriptions and article listing times',
    sql: `
      CREATE TABLE subscriptions (
        chat_id      INTEGER PRIMARY KEY,
        time         TEXT    NOT NULL,
        timezone     TEXT    NOT NULL DEFAULT 'Asia/Shanghai',
        keyword      TEXT,
        region       TEXT,
        notify_empty INTEGER NOT NULL DEFAULT 1,
        created_at   TEXT    NOT NULL,
        last_period  TEXT
      );
      CREATE TABLE article_added (
        doc_id        TEXT PRIMARY KEY,
        added_at      TEXT NOT NULL,
        listed_at     TEXT NOT NULL,
        first_seen_at TEXT NOT NULL
      );
      CREATE INDEX article_added_listed_at ON article_added (listed_at);
    `,
  },
  {
    name: 'digest runs and delivery ledger',
    sql: `
      CREATE TABLE digest_runs (
        chat_id      INTEGER NOT NULL,
        period       TEXT    NOT NULL,
        kind         TEXT    NOT NULL,
        window_start TEXT    NOT NULL,
        window_end   TEXT    NOT NULL,
        parts        TEXT    NOT NULL,
        attempts     INTEGER NOT NULL DEFAULT 0,
        created_at   TEXT    NOT NULL,
        finished_at  TEXT,
        outcome      TEXT,
        PRIMARY KEY (chat_id, period)
      );
      CREATE INDEX digest_runs_open ON digest_runs (finished_at) WHERE finished_at IS NULL;
      CREATE TABLE deliveries (
        chat_id    INTEGER NOT NULL,
        period     TEXT    NOT NULL,
        part       INTEGER NOT NULL,
        message_id INTEGER NOT NULL,
        sent_at    TEXT    NOT NULL,
        PRIMARY KEY (chat_id, period, part),
        FOREIGN KEY (chat_id, period) REFERENCES digest_runs (chat_id, period)
      );
    `,
  },
  {
    name: 'send intents (the one message in doubt after a crash)',
    sql: `
      CREATE TABLE send_intents (
        chat_id    INTEGER NOT NULL,
        period     TEXT    NOT NULL,
        part       INTEGER NOT NULL,
        started_at TEXT    NOT NULL,
        PRIMARY KEY (chat_id, period, part)
      );
    `,
  },
];

/** Why a run was planned: the daily schedule (including catch-up after downtime) or `/digest` on demand. */
export type RunKind = 'scheduled' | 'manual';

/** How a finished run ended. */
export type RunOutcome = 'sent' | 'empty' | 'blocked' | 'failed' | 'cancelled';

/** A planned digest for one chat and period: the window it covers and the exact messages to send. */
export interface DigestRun {
  chatId: number;
  /** Scheduled: local date `YYYY-MM-DD`; manual: `manual:<ISO instant>`. */
  period: string;
  kind: RunKind;
  /** Articles listed in (windowStart, windowEnd] are covered. ISO instants. */
  windowStart: string;
  windowEnd: string;
  /** Telegram HTML messages, in order. Empty = nothing to send. */
  parts: string[];
  attempts: number;
  createdAt: string;
  finishedAt: string | null;
  outcome: RunOutcome | null;
}

/** A part about to be sent: recorded before the send, removed with its ledger row (or when the send fails). */
export interface SendIntent {
  chatId: number;
  period: string;
  part: number;
  startedAt: string;
}

/** A confirmed send: Telegram accepted `part` of the run and returned `messageId`. */
export interface Delivery {
  chatId: number;
  period: string;
  part: number;
  messageId: number;
  sentAt: string;
}

interface SubscriptionRow {
  chat_id: number;
  time: string;
  timezone: string;
  keyword: string | null;
  region: string | null;
  notify_empty: number;
  created_at: string;
  last_period: string | null;
}

interface RunRow {
  chat_id: number;
  period: string;
  kind: RunKind;
  window_start: string;
  window_end: string;
  parts: string;
  attempts: number;
  created_at: string;
  finished_at: string | null;
  outcome: RunOutcome | null;
}

export interface OpenDatabaseOptions {
  /** Schema steps to apply (tests pass a prefix to create an "older" file). */
  migrations?: readonly Migration[];
  busyTimeoutMs?: number;
}

/**
 * Typed access to the digest state. Every method is synchronous (better-sqlite3); `transaction` groups several
 * into one atomic commit.
 */
export class DigestDatabase {
  readonly file: string;
  readonly #db: Database.Database;

  private constructor(file: string, db: Database.Database) {
    this.file = file;
    this.#db = db;
  }

  /**
   * Opens (creating if needed) `<dataDir>/kaocha.sqlite`, switches it to WAL and applies pending migrations.
   * Throws `DigestError` (code `database`) when the file cannot be opened or was written by a newer build.
   */
  static open(dataDir: string, options: OpenDatabaseOptions = {}): DigestDatabase {
    const file = path.join(dataDir, DATABASE_FILE);
    let db: Database.Database;
    try {
      fs.mkdirSync(dataDir, { recursive: true });
      db = new Database(file);
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
      db.pragma('journal_mode = WAL');
      // FULL makes each ledger commit durable on power loss, which is what "sent exactly once" rests on.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
    } catch (cause) {
      throw new DigestError(`cannot open the state database ${file} (check DATA_DIR)`, { cause, code: 'database' });
    }
    try {
      migrate(db, options.migrations ?? MIGRATIONS, file);
    } catch (error) {
      db.close();
      throw error;
    }
    return new DigestDatabase(file, db);
  }

  /** Number of migrations applied to the file. */
  get schemaVersion(): number {
    return this.#db.pragma('user_version', { simple: true }) as number;
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  /** Runs `work` in one transaction (nested calls join the outer one). */
  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  // Subscriptions

  getSubscription(chatId: number): Subscription | null {
    const row = this.#db.prepare('SELECT * FROM subscriptions WHERE chat_id = ?').get(chatId) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  }

  listSubscriptions(): Subscription[] {
    const rows = this.#db.prepare('SELECT * FROM subscriptions ORDER BY chat_id').all() as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  /** Inserts or replaces the chat's subscription. */
  putSubscription(sub: Subscription): void {
    this.#db
      .prepare(
        `INSERT INTO subscriptions (chat_id, time, timezone, keyword, region, notify_empty, created_at, last_period)
         VALUES (@chatId, @time, @timezone, @keyword, @region, @notifyEmpty, @createdAt, @lastPeriod)
         ON CONFLICT (chat_id) DO UPDATE SET time = excluded.time, timezone = excluded.timezone,
           keyword = excluded.keyword, region = excluded.region, notify_empty = excluded.notify_empty,
           created_at = excluded.created_at, last_period = excluded.last_period`,
      )
      .run({ ...sub, notifyEmpty: sub.notifyEmpty ? 1 : 0 });
  }

  /** Removes the chat's subscription; true if there was one. */
  deleteSubscription(chatId: number): boolean {
    return this.#db.prepare('DELETE FROM subscriptions WHERE chat_id = ?').run(chatId).changes > 0;
  }

  setLastPeriod(chatId: number, period: string): void {
    this.#db.prepare('UPDATE subscriptions SET last_period = ? WHERE chat_id = ?').run(period, chatId);
  }

  // Article listing times

  /** Latest end of any planned window, across all chats (ISO), or null before the first run. */
  latestWindowEnd(): string | null {
    const row = this.#db.prepare('SELECT MAX(window_end) AS end FROM digest_runs').get() as { end: string | null };
    return row.end;
  }

  /** The chat's latest window end (ISO), or null if it never had a digest. */
  chatWindowEnd(chatId: number): string | null {
    const row = this.#db.prepare('SELECT MAX(window_end) AS end FROM digest_runs WHERE chat_id = ?').get(chatId) as { end: string | null };
    return row.end;
  }

  hasArticle(docId: string): boolean {
    return this.#db.prepare('SELECT 1 FROM article_added WHERE doc_id = ?').get(docId) !== undefined;
  }

  /** Records an article's listing time; a doc id already recorded keeps its first time. */
  insertArticle(docId: string, addedAt: string, listedAt: string, firstSeenAt: string): void {
    this.#db
      .prepare('INSERT OR IGNORE INTO article_added (doc_id, added_at, listed_at, first_seen_at) VALUES (?, ?, ?, ?)')
      .run(docId, addedAt, listedAt, firstSeenAt);
  }

  /** Doc ids listed in (start, end], oldest first. */
  articlesListedIn(start: string, end: string): string[] {
    const rows = this.#db
      .prepare('SELECT doc_id FROM article_added WHERE listed_at > ? AND listed_at <= ? ORDER BY listed_at, doc_id')
      .all(start, end) as { doc_id: string }[];
    return rows.map((r) => r.doc_id);
  }

  // Runs and the ledger

  getRun(chatId: number, period: string): DigestRun | null {
    const row = this.#db.prepare('SELECT * FROM digest_runs WHERE chat_id = ? AND period = ?').get(chatId, period) as RunRow | undefined;
    return row ? toRun(row) : null;
  }

  /** Inserts a planned run; throws if (chat, period) already exists (a period is planned once). */
  insertRun(run: DigestRun): void {
    this.#db
      .prepare(
        `INSERT INTO digest_runs (chat_id, period, kind, window_start, window_end, parts, attempts, created_at, finished_at, outcome)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(run.chatId, run.period, run.kind, run.windowStart, run.windowEnd, JSON.stringify(run.parts), run.attempts, run.createdAt, run.finishedAt, run.outcome);
  }

  /** Runs not finished yet (crashed, or failed transiently), oldest first. */
  openRuns(chatId?: number): DigestRun[] {
    const rows = (
      chatId === undefined
        ? this.#db.prepare('SELECT * FROM digest_runs WHERE finished_at IS NULL ORDER BY created_at, chat_id').all()
        : this.#db.prepare('SELECT * FROM digest_runs WHERE finished_at IS NULL AND chat_id = ? ORDER BY created_at').all(chatId)
    ) as RunRow[];
    return rows.map(toRun);
  }

  listRuns(chatId: number): DigestRun[] {
    const rows = this.#db.prepare('SELECT * FROM digest_runs WHERE chat_id = ? ORDER BY created_at, period').all(chatId) as RunRow[];
    return rows.map(toRun);
  }

  countAttempt(chatId: number, period: string): number {
    this.#db.prepare('UPDATE digest_runs SET attempts = attempts + 1 WHERE chat_id = ? AND period = ?').run(chatId, period);
    return this.getRun(chatId, period)?.attempts ?? 0;
  }

  finishRun(chatId: number, period: string, outcome: RunOutcome, at: string): void {
    this.#db
      .prepare('UPDATE digest_runs SET finished_at = ?, outcome = ? WHERE chat_id = ? AND period = ? AND finished_at IS NULL')
      .run(at, outcome, chatId, period);
  }

  /** Finishes every open run of the chat with `outcome` (unsubscribe, blocked bot). */
  finishOpenRuns(chatId: number, outcome: RunOutcome, at: string): number {
    return this.#db
      .prepare('UPDATE digest_runs SET finished_at = ?, outcome = ? WHERE chat_id = ? AND finished_at IS NULL')
      .run(at, outcome, chatId).changes;
  }

  /** The ledger row for one part, if Telegram confirmed it. */
  getDelivery(chatId: number, period: string, part: number): Delivery | null {
    const row = this.#db
      .prepare('SELECT chat_id, period, part, message_id, sent_at FROM deliveries WHERE chat_id = ? AND period = ? AND part = ?')
      .get(chatId, period, part) as { chat_id: number; period: string; part: number; message_id: number; sent_at: string } | undefined;
    return row ? { chatId: row.chat_id, period: row.period, part: row.part, messageId: row.message_id, sentAt: row.sent_at } : null;
  }

  /** Commits a confirmed send and clears its intent, in one transaction: durable before the next part is attempted. */
  recordDelivery(delivery: Delivery): void {
    this.transaction(() => {
      this.#db
        .prepare('INSERT INTO deliveries (chat_id, period, part, message_id, sent_at) VALUES (?, ?, ?, ?, ?)')
        .run(delivery.chatId, delivery.period, delivery.part, delivery.messageId, delivery.sentAt);
      this.clearSendIntent(delivery.chatId, delivery.period, delivery.part);
    });
  }

  /**
   * Records that `part` is about to be sent (committed before the send starts). After a crash, a remaining intent
   * names the one message that Telegram may have accepted without the ledger knowing.
   */
  recordSendIntent(intent: SendIntent): void {
    this.#db
      .prepare('INSERT OR REPLACE INTO send_intents (chat_id, period, part, started_at) VALUES (?, ?, ?, ?)')
      .run(intent.chatId, intent.period, intent.part, intent.startedAt);
  }

  /** Forgets an intent (the send failed and will be retried, or it was confirmed). */
  clearSendIntent(chatId: number, period: string, part: number): void {
    this.#db.prepare('DELETE FROM send_intents WHERE chat_id = ? AND period = ? AND part = ?').run(chatId, period, part);
  }

  /** Intents left by a crash (sends that started and were neither confirmed nor failed), oldest first. */
  sendIntents(): SendIntent[] {
    const rows = this.#db
      .prepare('SELECT chat_id, period, part, started_at FROM send_intents ORDER BY started_at, chat_id, period, part')
      .all() as { chat_id: number; period: string; part: number; started_at: string }[];
    return rows.map((r) => ({ chatId: r.chat_id, period: r.period, part: r.part, startedAt: r.started_at }));
  }

  listDeliveries(chatId: number): Delivery[] {
    const rows = this.#db
      .prepare('SELECT chat_id, period, part, message_id, sent_at FROM deliveries WHERE chat_id = ? ORDER BY sent_at, period, part')
      .all(chatId) as { chat_id: number; period: string; part: number; message_id: number; sent_at: string }[];
    return rows.map((r) => ({ chatId: r.chat_id, period: r.period, part: r.part, messageId: r.message_id, sentAt: r.sent_at }));
  }
}

function migrate(db: Database.Database, migrations: readonly Migration[], file: string): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > migrations.length) {
    throw new DigestError(
      `${file} has schema version ${applied}, this build knows ${migrations.length} — it was written by a newer Kaocha`,
      { code: 'database' },
    );
  }
  for (let version = applied; version < migrations.length; version++) {
    const migration = migrations[version]!;
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${version + 1}`);
      })();
    } catch (cause) {
      throw new DigestError(`migration ${version + 1} (${migration.name}) failed on ${file}`, { cause, code: 'database' });
    }
  }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    chatId: row.chat_id,
    time: row.time,
    timezone: row.timezone,
    keyword: row.keyword,
    region: row.region,
    notifyEmpty: row.notify_empty !== 0,
    createdAt: row.created_at,
    lastPeriod: row.last_period,
  };
}

function toRun(row: RunRow): DigestRun {
  return {
    chatId: row.chat_id,
    period: row.period,
    kind: row.kind,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    parts: JSON.parse(row.parts) as string[],
    attempts: row.attempts,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
  };
}
