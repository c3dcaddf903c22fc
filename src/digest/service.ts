/**
 * The digest service: subscriptions, planning digest runs when they are due, and delivering them exactly once.
 * It owns no timers of its own beyond `DigestScheduler`; tests drive it with a fake clock by calling
 * `runDue(now)` directly, which is also what the cron jobs call.
 *
 * Windows: every run covers the articles listed in (start, end], where start is the end of the chat's previous
 * run, so consecutive digests never overlap and never leave a gap. A scheduled run ends at its fire time (not at
 * the moment it happens to be planned), so the same period always has the same window.
 */
import type { Article } from '../domain.ts';
import { createLogger, type Logger } from '../log.ts';
import { composeDigest, type ComposeOptions } from './compose.ts';
import type { DigestDatabase, DigestRun } from './database.ts';
import { deliverRun, type DeliveryReport, type DigestTransport } from './delivery.ts';
import { DigestError } from './errors.ts';
import { emptyDigest } from './render.ts';
import { DigestScheduler, dueSubscriptions, latestFireAtOrBefore, localDate, localDateTime, nextFireAfter, type DueDigest } from './scheduler.ts';
import { parseTimeOfDay, parseTimezone, type SettingsChange } from './subscriptions.ts';
import {
  systemClock,
  type ArticleSource,
  type Clock,
  type Digest,
  type DigestFilters,
  type DigestRenderer,
  type IndexProvider,
  type Subscription,
} from './types.ts';

const HOUR_MS = 3_600_000;

export interface DigestServiceOptions {
  db: DigestDatabase;
  /** The current index; called before every planning step, so a reloaded index is picked up without a restart. */
  index: IndexProvider;
  transport: DigestTransport;
  /** Renders a digest into the messages the transport sends (Telegram HTML from the bot stage). */
  render: DigestRenderer;
  /** Defaults for `/subscribe` without arguments (config.digest). */
  defaults: { defaultTime: string; defaultTimezone: string };
  clock?: Clock;
  log?: Logger;
  compose?: Partial<ComposeOptions>;
  /** Characters per Telegram message (tests lower it to force multi-part digests). */
  messageLimit?: number;
  /** A new subscription's first digest reaches back this far before the moment of subscribing. */
  initialLookbackMs?: number;
  /** `/digest` in a chat without a previous digest covers this much. */
  manualLookbackMs?: number;
  /** Failed sends of one run before it is given up (logged) instead of retried. */
  maxAttempts?: number;
  /** Cron pattern of the sweep that retries open runs and catches fires croner missed (e.g. after sleep). */
  sweepPattern?: string;
}

/** Result of `/digest`. */
export interface OnDemandDigest {
  report: DeliveryReport;
  /** Articles in the digest (after filters). */
  articles: number;
  /** Start of the covered window (ISO). */
  since: string;
}

/** Subscriptions, scheduling and exactly-once delivery of daily digests. */
export class DigestService {
  readonly #db: DigestDatabase;
  readonly #index: IndexProvider;
  readonly #transport: DigestTransport;
  readonly #render: DigestRenderer;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #defaults: { defaultTime: string; defaultTimezone: string };
  readonly #compose: Partial<ComposeOptions>;
  readonly #messageLimit: number | undefined;
  readonly #initialLookbackMs: number;
  readonly #manualLookbackMs: number;
  readonly #maxAttempts: number;
  readonly #sweepPattern: string;
  readonly #scheduler = new DigestScheduler();
  readonly #locks = new Map<number, Promise<void>>();
  /** Tail of the process-wide send queue: one send in flight at a time, whatever the chat (see delivery.ts). */
  #sendQueue: Promise<void> = Promise.resolve();
  #reportedIntents = false;
  #started = false;
  #lastSyncedCorpus: ArticleSource['corpus'] | null = null;

  constructor(options: DigestServiceOptions) {
    this.#db = options.db;
    this.#index = options.index;
    this.#transport = options.transport;
    this.#render = options.render;
    this.#clock = options.clock ?? systemClock;
    this.#log = options.log ?? createLogger('warn');
    this.#defaults = options.defaults;
    this.#compose = options.compose ?? {};
    this.#messageLimit = options.messageLimit;
    this.#initialLookbackMs = options.initialLookbackMs ?? 24 * HOUR_MS;
    this.#manualLookbackMs = options.manualLookbackMs ?? 24 * HOUR_MS;
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#sweepPattern = options.sweepPattern ?? '*/5 * * * *';
  }

  get database(): DigestDatabase {
    return this.#db;
  }

  // Subscriptions

  /**
   * Subscribes the chat (or changes its time/timezone if already subscribed, keeping its filters). The first
   * digest comes at the next fire time. Throws `DigestError` (`invalid-input`, with `userMessage`) on a bad time
   * or timezone.
   */
  subscribe(chatId: number, options: { time?: string; timezone?: string } = {}): { subscription: Subscription; created: boolean } {
    const existing = this.#db.getSubscription(chatId);
    const time = options.time !== undefined ? parseTimeOfDay(options.time) : (existing?.time ?? this.#defaults.defaultTime);
    const timezone = options.timezone !== undefined ? parseTimezone(options.timezone) : (existing?.timezone ?? this.#defaults.defaultTimezone);
    const now = this.#clock.now();
    const subscription: Subscription = existing
      ? { ...existing, time, timezone }
      : {
          chatId,
          time,
          timezone,
          keyword: null,
          region: null,
          notifyEmpty: true,
          createdAt: now.toISOString(),
          // A fire earlier today (before subscribing) is not owed: start with the next one.
          lastPeriod: this.#currentPeriod(time, timezone, now),
        };
    this.#db.putSubscription(subscription);
    this.#reschedule(subscription);
    this.#log.info(`digest: chat ${chatId} ${existing ? 'changed its subscription' : 'subscribed'} (${time} ${timezone})`);
    return { subscription, created: !existing };
  }

  /** Unsubscribes the chat and cancels its unsent runs; false if it was not subscribed. */
  unsubscribe(chatId: number): boolean {
    const removed = this.#db.transaction(() => {
      const had = this.#db.deleteSubscription(chatId);
      this.#db.finishOpenRuns(chatId, 'cancelled', this.#clock.now().toISOString());
      return had;
    });
    this.#scheduler.unschedule(chatId);
    if (removed) this.#log.info(`digest: chat ${chatId} unsubscribed`);
    return removed;
  }

  getSubscription(chatId: number): Subscription | null {
    return this.#db.getSubscription(chatId);
  }

  /** Applies one settings change. Throws `DigestError` (`not-subscribed`) when the chat has no subscription. */
  updateSettings(chatId: number, change: SettingsChange): Subscription {
    const current = this.#db.getSubscription(chatId);
    if (!current) {
      throw new DigestError(`chat ${chatId} is not subscribed`, { code: 'not-subscribed', userMessage: '本聊天尚未订阅每日简报。先发送 /subscribe 订阅。' });
    }
    const next: Subscription = { ...current };
    if (change.field === 'time') next.time = parseTimeOfDay(change.value);
    else if (change.field === 'timezone') next.timezone = parseTimezone(change.value);
    else if (change.field === 'keyword') next.keyword = change.value;
    else if (change.field === 'region') next.region = change.value;
    else next.notifyEmpty = change.value;
    this.#db.putSubscription(next);
    this.#reschedule(next);
    return next;
  }

  /** When the chat's next scheduled digest fires (null if not subscribed). */
  nextDelivery(chatId: number, after: Date = this.#clock.now()): Date | null {
    const sub = this.#db.getSubscription(chatId);
    return sub ? nextFireAfter(sub.time, sub.timezone, after) : null;
  }

  // Planning and delivery

  /**
   * Plans every due scheduled digest (at most one per chat: the latest due period, covering everything since the
   * chat's previous digest) and delivers every open run. Idempotent: calling it again at the same `now` sends
   * nothing new. This is also the startup catch-up.
   */
  async runDue(now: Date = this.#clock.now()): Promise<DeliveryReport[]> {
    const index = await this.#index();
    if (index) {
      this.#db.transaction(() => {
        this.#syncArticles(index, now);
        for (const due of dueSubscriptions(this.#db.listSubscriptions(), now)) this.#planScheduled(due, index, now);
      });
    } else {
      this.#log.warn('digest: no index loaded; due digests wait until there is one');
    }
    return this.#deliverOpenRuns();
  }

  /** Startup catch-up: the same as `runDue` — a digest missed while the bot was down is sent once. */
  catchUp(now: Date = this.#clock.now()): Promise<DeliveryReport[]> {
    return this.runDue(now);
  }

  /**
   * `/digest`: sends now what was listed since the chat's last digest (or the last 24 h), recorded in the ledger
   * like a scheduled run so the next scheduled digest continues after it. Always sends something: the digest or
   * a one-line note.
   */
  async digestNow(chatId: number): Promise<OnDemandDigest> {
    const index = await this.#index();
    if (!index) {
      throw new DigestError('no index loaded', { code: 'io', userMessage: '资料库还没有建立索引，暂时无法生成简报。' });
    }
    return this.#withChatLock(chatId, async () => {
      const now = this.#clock.now();
      const run = this.#db.transaction(() => {
        this.#syncArticles(index, now);
        const sub = this.#db.getSubscription(chatId);
        const previousEnd = this.#db.chatWindowEnd(chatId);
        const fallback = new Date(now.getTime() - this.#manualLookbackMs).toISOString();
        // A subscriber continues from the last digest; a chat without one gets the last 24 h at most.
        const start = sub && previousEnd ? previousEnd : maxIso(previousEnd, fallback);
        const end = maxIso(start, now.toISOString());
        const timezone = sub?.timezone ?? this.#defaults.defaultTimezone;
        const title = `考察通简报 · ${localDateTime(now, timezone)}`;
        const { parts, articles } = this.#composeParts(index, start, end, sub ?? {}, title, timezone, true);
        let period = `manual:${now.toISOString()}`;
        for (let n = 2; this.#db.getRun(chatId, period); n++) period = `manual:${now.toISOString()}#${n}`;
        const planned: DigestRun = {
          chatId, period, kind: 'manual', windowStart: start, windowEnd: end, parts, attempts: 0,
          createdAt: now.toISOString(), finishedAt: null, outcome: null,
        };
        this.#db.insertRun(planned);
        return { planned, articles };
      });
      const report = await this.#deliver(run.planned);
      return { report, articles: run.articles, since: run.planned.windowStart };
    });
  }

  /**
   * The digest of articles listed since `since` (inclusive) up to `until`, composed like the bot would, without
   * planning or sending anything (for `npm run digest`). Records listing times of articles not seen before.
   */
  async preview(options: { since: Date; until?: Date; filters?: DigestFilters }): Promise<Digest> {
    const index = await this.#index();
    const until = options.until ?? this.#clock.now();
    if (!index) return composeDigest([], options.filters, this.#compose);
    this.#db.transaction(() => this.#syncArticles(index, until));
    const docIds = this.#db.articlesListedIn(new Date(options.since.getTime() - 1).toISOString(), until.toISOString());
    return composeDigest(articlesOf(index, docIds), options.filters, this.#compose);
  }

  /** Schedules every subscription, starts the retry sweep and runs the startup catch-up. */
  async start(): Promise<DeliveryReport[]> {
    this.#started = true;
    for (const sub of this.#db.listSubscriptions()) this.#reschedule(sub);
    this.#scheduler.startSweep(this.#sweepPattern, () => this.#fire());
    return this.catchUp();
  }

  /** Stops all timers and waits for deliveries in flight. The database stays open (the caller owns it). */
  async stop(): Promise<void> {
    this.#started = false;
    this.#scheduler.stopAll();
    await Promise.all([...this.#locks.values()]);
  }

  /** Chats with a live cron job (for diagnostics and tests). */
  get scheduledChats(): number[] {
    return this.#scheduler.scheduledChats;
  }

  #fire(): void {
    this.runDue().catch((error: unknown) => this.#log.error(`digest: scheduled run failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  #reschedule(sub: Subscription): void {
    if (this.#started) this.#scheduler.schedule(sub, () => this.#fire());
  }

  #currentPeriod(time: string, timezone: string, now: Date): string | null {
    const fire = latestFireAtOrBefore(time, timezone, now);
    return fire ? localDate(fire, timezone) : null;
  }

  /**
   * Records when each article not seen before became available to digests. Its listing time is its `addedAt`,
   * unless a digest window already closed past that instant (the article reached this process late, e.g. the
   * index was reloaded after a run): then it is listed just after the latest closed window, so it lands in the
   * next digest of every chat instead of falling into a gap.
   */
  #syncArticles(index: ArticleSource, now: Date): void {
    if (this.#lastSyncedCorpus === index.corpus) return;
    const horizon = this.#db.latestWindowEnd();
    const floor = horizon ? Date.parse(horizon) + 1 : Number.NEGATIVE_INFINITY;
    for (const article of index.corpus.listArticles()) {
      if (this.#db.hasArticle(article.docId)) continue;
      const added = Date.parse(article.addedAt);
      const listed = new Date(Math.max(Number.isNaN(added) ? now.getTime() : added, floor));
      this.#db.insertArticle(article.docId, article.addedAt, listed.toISOString(), now.toISOString());
    }
    this.#lastSyncedCorpus = index.corpus;
  }

  #planScheduled(due: DueDigest, index: ArticleSource, now: Date): void {
    const sub = due.subscription;
    const previousEnd = this.#db.chatWindowEnd(sub.chatId);
    const firstStart = new Date(Date.parse(sub.createdAt) - this.#initialLookbackMs).toISOString();
    const start = maxIso(previousEnd, firstStart);
    const end = maxIso(start, due.fireAt.toISOString());
    const title = `考察通每日简报 · ${due.period}`;
    const { parts } = this.#composeParts(index, start, end, sub, title, sub.timezone, sub.notifyEmpty);
    this.#db.insertRun({
      chatId: sub.chatId, period: due.period, kind: 'scheduled', windowStart: start, windowEnd: end, parts, attempts: 0,
      createdAt: now.toISOString(), finishedAt: null, outcome: null,
    });
    this.#db.setLastPeriod(sub.chatId, due.period);
  }

  #composeParts(
    index: ArticleSource,
    start: string,
    end: string,
    filters: DigestFilters,
    title: string,
    timezone: string,
    noteWhenEmpty: boolean,
  ): { parts: string[]; articles: number } {
    const articles = articlesOf(index, this.#db.articlesListedIn(start, end));
    const digest = composeDigest(articles, { keyword: filters.keyword ?? null, region: filters.region ?? null }, this.#compose);
    const count = digest.groups.reduce((n, g) => n + g.items.length, 0);
    const render = (shown: Digest) => this.#render(shown, { title, messageLimit: this.#messageLimit });
    if (count > 0) return { parts: render(digest), articles: count };
    return { parts: noteWhenEmpty ? render(emptyDigest(localDateTime(new Date(start), timezone))) : [], articles: 0 };
  }

  /**
   * Delivers open runs, oldest first per chat; chats in parallel, one chat never concurrently, and one send at a
   * time overall (so a crash can leave at most one message in doubt).
   */
  async #deliverOpenRuns(): Promise<DeliveryReport[]> {
    this.#reportInDoubtSends();
    const chats = [...new Set(this.#db.openRuns().map((r) => r.chatId))];
    const perChat = await Promise.all(
      chats.map((chatId) =>
        this.#withChatLock(chatId, async () => {
          const reports: DeliveryReport[] = [];
          // Re-read inside the lock: another caller may have finished some of them meanwhile.
          for (const run of this.#db.openRuns(chatId)) {
            const report = await this.#deliver(run);
            reports.push(report);
            // Keep order: a later digest must not overtake an earlier one that is still pending.
            if (report.outcome === 'pending' || report.outcome === 'blocked') break;
          }
          return reports;
        }),
      ),
    );
    return perChat.flat();
  }

  #deliver(run: DigestRun): Promise<DeliveryReport> {
    return deliverRun(run, {
      db: this.#db,
      transport: this.#transport,
      now: () => this.#clock.now(),
      log: this.#log,
      maxAttempts: this.#maxAttempts,
      serialize: (step) => this.#serialSend(step),
      onBlocked: (chatId) => {
        this.#db.transaction(() => {
          this.#db.deleteSubscription(chatId);
          this.#db.finishOpenRuns(chatId, 'cancelled', this.#clock.now().toISOString());
        });
        this.#scheduler.unschedule(chatId);
      },
    });
  }

  #serialSend<T>(step: () => Promise<T>): Promise<T> {
    const result = this.#sendQueue.then(step);
    this.#sendQueue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /**
   * Once per process: names the message a previous crash may have duplicated (a send that started and was never
   * confirmed). It is sent again with the rest of its run, since Telegram cannot tell us whether it arrived.
   */
  #reportInDoubtSends(): void {
    if (this.#reportedIntents) return;
    this.#reportedIntents = true;
    for (const intent of this.#db.sendIntents()) {
      this.#log.warn(
        `digest: part ${intent.part + 1} of ${intent.period} for chat ${intent.chatId} was being sent when the process stopped (${intent.startedAt}); it is sent again and may appear twice in that chat`,
      );
    }
  }

  #withChatLock<T>(chatId: number, work: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(chatId) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#locks.set(chatId, tail);
    void tail.then(() => {
      if (this.#locks.get(chatId) === tail) this.#locks.delete(chatId);
    });
    return result;
  }
}

function maxIso(a: string | null, b: string): string {
  return a !== null && a > b ? a : b;
}

function articlesOf(index: ArticleSource, docIds: readonly string[]): Article[] {
  // An article removed from the index since it was listed is simply left out.
  return docIds.map((id) => index.corpus.getArticle(id)).filter((a): a is Article => a !== undefined);
}
