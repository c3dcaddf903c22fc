/**
 * When digests are due. The arithmetic is pure (a subscription, its timezone and "now" in, a fire time and a
 * period key out) so tests can step a fake clock through days and DST changes; `DigestScheduler` only wires the
 * same computation to real `croner` jobs.
 *
 * A period is the subscriber's local calendar date of a scheduled fire. At most one scheduled digest is planned
 * per period, and only the latest due period is planned: after downtime the missed days collapse into one
 * catch-up digest whose window reaches back to the previous delivery.
 */
import { Cron } from 'croner';
import type { Subscription } from './types.ts';

/** Cron pattern (minute hour, daily) for a `HH:MM` time. */
export function dailyPattern(time: string): string {
  const [hour, minute] = time.split(':').map(Number);
  return `${minute} ${hour} * * *`;
}

function pausedCron(time: string, timezone: string): Cron {
  return new Cron(dailyPattern(time), { timezone, paused: true });
}

/**
 * The latest scheduled fire at or before `now`. On a spring-forward day a time inside the gap fires at the
 * first valid local time after it (croner's rule), so that day still gets its digest.
 */
export function latestFireAtOrBefore(time: string, timezone: string, now: Date): Date | null {
  const cron = pausedCron(time, timezone);
  // previousRuns excludes the reference instant itself, so look back from one second later and keep <= now.
  const candidates = cron.previousRuns(2, new Date(now.getTime() + 1000));
  return candidates.find((fire) => fire.getTime() <= now.getTime()) ?? null;
}

/** The next scheduled fire strictly after `after`. */
export function nextFireAfter(time: string, timezone: string, after: Date): Date | null {
  return pausedCron(time, timezone).nextRun(after);
}

/** Local calendar date `YYYY-MM-DD` of an instant in a timezone: the period key of a scheduled digest. */
export function localDate(instant: Date, timezone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Local `YYYY-MM-DD HH:MM` of an instant, for headers and notes shown to users. */
export function localDateTime(instant: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** A subscription whose latest period has not been planned yet. */
export interface DueDigest {
  subscription: Subscription;
  /** Local date of the fire. */
  period: string;
  /** The scheduled instant: the digest covers articles listed up to it. */
  fireAt: Date;
}

/** The subscriptions due at `now`: their latest fire's period is newer than the last one planned. Pure. */
export function dueSubscriptions(subscriptions: readonly Subscription[], now: Date): DueDigest[] {
  const due: DueDigest[] = [];
  for (const subscription of subscriptions) {
    const fireAt = latestFireAtOrBefore(subscription.time, subscription.timezone, now);
    if (!fireAt) continue;
    const period = localDate(fireAt, subscription.timezone);
    if (subscription.lastPeriod !== null && period <= subscription.lastPeriod) continue;
    due.push({ subscription, period, fireAt });
  }
  return due;
}

/** Real timers: one croner job per subscription in its own timezone, plus a sweep that retries open runs. */
export class DigestScheduler {
  readonly #jobs = new Map<number, { key: string; cron: Cron }>();
  #sweep: Cron | null = null;

  /**
   * (Re)schedules the chat's daily job; a job whose time and timezone did not change is kept.
   * `onFire` must be idempotent: croner may fire late, and the sweep calls the same code.
   */
  schedule(subscription: Subscription, onFire: () => void): void {
    const key = `${subscription.time}|${subscription.timezone}`;
    const existing = this.#jobs.get(subscription.chatId);
    if (existing?.key === key) return;
    existing?.cron.stop();
    const cron = new Cron(dailyPattern(subscription.time), { timezone: subscription.timezone, protect: true }, onFire);
    this.#jobs.set(subscription.chatId, { key, cron });
  }

  unschedule(chatId: number): void {
    this.#jobs.get(chatId)?.cron.stop();
    this.#jobs.delete(chatId);
  }

  /** Starts the periodic sweep (`pattern`, e.g. every 5 minutes). */
  startSweep(pattern: string, onSweep: () => void): void {
    this.#sweep?.stop();
    this.#sweep = new Cron(pattern, { protect: true }, onSweep);
  }

  /** When the chat's job fires next (null if not scheduled). */
  nextRun(chatId: number): Date | null {
    return this.#jobs.get(chatId)?.cron.nextRun() ?? null;
  }

  get scheduledChats(): number[] {
    return [...this.#jobs.keys()];
  }

  stopAll(): void {
    for (const { cron } of this.#jobs.values()) cron.stop();
    this.#jobs.clear();
    this.#sweep?.stop();
    this.#sweep = null;
  }
}
