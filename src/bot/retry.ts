/**
 * Retrying Bot API calls within a budget. Telegram's 429 `retry_after` is honoured, 5xx responses and network
 * errors back off exponentially — but never longer than `totalBudgetMs` in all, so a flaky API delays one reply by
 * seconds, not minutes (the stock auto-retry plugin retries network errors without limit and backs off up to an
 * hour). Chat actions ("typing…") are best-effort and never retried: a retried indicator is stale anyway.
 */
import { HttpError, type Transformer } from 'grammy';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetryAttempts: number;
  /** Longest single wait (s); a 429 asking for more is returned to the caller at once. */
  maxDelaySeconds: number;
  /** Longest total time spent waiting between attempts of one call (ms). */
  totalBudgetMs: number;
  /** First back-off for 5xx/network errors (ms); doubles each time. */
  initialBackoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetryAttempts: 4, maxDelaySeconds: 10, totalBudgetMs: 20_000, initialBackoffMs: 500 };

/** Methods that are never retried: best-effort indicators, and getMe (startup has its own logged retry loop). */
export const NEVER_RETRIED: ReadonlySet<string> = new Set(['sendChatAction', 'getMe']);

export interface RetryEvents {
  /** Called before each wait, with a short reason ("HTTP 502", "429 retry_after 3", "network: …"). */
  onRetry?: (method: string, reason: string, waitMs: number, attempt: number) => void;
  /** Sleeps (tests may shorten it). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted while waiting to retry'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(new Error('aborted while waiting to retry'));
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** A grammY API transformer retrying within `policy`. */
export function budgetedRetry(policy: RetryPolicy = DEFAULT_RETRY, events: RetryEvents = {}): Transformer {
  const sleep = events.sleep ?? defaultSleep;
  return async (prev, method, payload, signal) => {
    if (NEVER_RETRIED.has(method)) return prev(method, payload, signal);
    let waited = 0;
    let backoff = policy.initialBackoffMs;
    for (let attempt = 1; ; attempt++) {
      let wait: number | undefined;
      let reason: string;
      let failure: { error: unknown } | undefined;
      let result: Awaited<ReturnType<typeof prev>> | undefined;
      try {
        result = await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted) throw error;
        failure = { error };
      }
      if (result) {
        if (result.ok) return result;
        const retryAfter = result.parameters?.retry_after;
        if (typeof retryAfter === 'number') {
          if (retryAfter > policy.maxDelaySeconds) return result;
          wait = retryAfter * 1000;
          reason = `429 retry_after ${retryAfter}`;
        } else if (result.error_code >= 500) {
          wait = backoff;
          reason = `HTTP ${result.error_code}`;
        } else {
          return result;
        }
      } else {
        wait = backoff;
        reason = `network: ${(failure!.error as Error).message}`;
      }
      const giveUp = attempt > policy.maxRetryAttempts || waited + wait > policy.totalBudgetMs;
      if (giveUp) {
        if (result) return result;
        throw failure!.error;
      }
      if (!result) backoff = Math.min(backoff * 2, policy.maxDelaySeconds * 1000);
      else if (result.error_code >= 500) backoff = Math.min(backoff * 2, policy.maxDelaySeconds * 1000);
      events.onRetry?.(method, reason, wait, attempt);
      await sleep(wait, signal as AbortSignal | undefined);
      waited += wait;
    }
  };
}
