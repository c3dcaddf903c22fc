/**
 * Sending planned digest runs exactly once per part. A run's messages are fixed when it is planned (stored in
 * `digest_runs.parts`), so a retry after a crash sends the same text; each part gets a ledger row the moment
 * Telegram confirms it, and parts with a ledger row are never sent again.
 *
 * The one window that remains is a crash after Telegram accepted a message and before its ledger row commits:
 * that part is sent again on restart (the Bot API has no idempotency key). Each send is one step — intent row,
 * send, ledger row — and the service runs these steps one at a time across all chats (`serialize`), so at any
 * instant at most one message is in that window: a crash duplicates at most one message in total, and the intent
 * row left behind names it.
 */
import { GrammyError, type Api } from 'grammy';
import type { Logger } from '../log.ts';
import type { DigestDatabase, DigestRun, RunOutcome } from './database.ts';
import { ChatBlockedError } from './errors.ts';

/** Where digest messages go. Throws `ChatBlockedError` when the chat blocked or removed the bot. */
export interface DigestTransport {
  send(chatId: number, html: string): Promise<{ messageId: number }>;
}

/** Telegram's answer when the chat blocked the bot, kicked it from a group, or the user was deactivated. */
const FORBIDDEN = 403;

/** A transport over grammY's `Api` (HTML parse mode, no link previews); 403 becomes `ChatBlockedError`. */
export function telegramTransport(api: Api): DigestTransport {
  return {
    async send(chatId, html) {
      try {
        const message = await api.sendMessage(chatId, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
        return { messageId: message.message_id };
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === FORBIDDEN) throw new ChatBlockedError(chatId, error);
        throw error;
      }
    },
  };
}

/** What happened to one run in one delivery attempt. */
export interface DeliveryReport {
  chatId: number;
  period: string;
  /** Parts sent in this attempt. */
  sent: number;
  /** Parts skipped because the ledger already had them. */
  skipped: number;
  /** Final outcome, or `pending` when a transient failure leaves the run open for a retry. */
  outcome: RunOutcome | 'pending';
}

export interface DeliverOptions {
  db: DigestDatabase;
  transport: DigestTransport;
  now: () => Date;
  log: Logger;
  /** After this many failed attempts a run is closed as `failed` (and logged) instead of retried forever. */
  maxAttempts: number;
  /** Called when the chat blocked the bot; the caller unsubscribes it. */
  onBlocked(chatId: number): void;
  /**
   * Runs one send step (intent, send, ledger row). The service passes a process-wide queue so that no two sends
   * are in flight at once; default: run it directly.
   */
  serialize?: <T>(step: () => Promise<T>) => Promise<T>;
}

/**
 * Sends the parts of `run` that have no ledger row yet, in order, committing a row after each confirmation.
 * A transient error leaves the run open (retried by the next sweep); a 403 closes it as `blocked`.
 * Callers must not deliver the same chat concurrently (the service serialises per chat).
 */
export async function deliverRun(run: DigestRun, options: DeliverOptions): Promise<DeliveryReport> {
  const { db, transport, log } = options;
  const report: DeliveryReport = { chatId: run.chatId, period: run.period, sent: 0, skipped: 0, outcome: 'pending' };
  const serialize = options.serialize ?? ((step) => step());
  for (const [part, html] of run.parts.entries()) {
    if (db.getDelivery(run.chatId, run.period, part)) {
      report.skipped += 1;
      continue;
    }
    try {
      await serialize(async () => {
        db.recordSendIntent({ chatId: run.chatId, period: run.period, part, startedAt: options.now().toISOString() });
        try {
          const { messageId } = await transport.send(run.chatId, html);
          db.recordDelivery({ chatId: run.chatId, period: run.period, part, messageId, sentAt: options.now().toISOString() });
        } catch (error) {
          // A failed send is retried like any other; only a crash leaves its intent behind.
          db.clearSendIntent(run.chatId, run.period, part);
          throw error;
        }
      });
      report.sent += 1;
    } catch (error) {
      if (error instanceof ChatBlockedError) {
        log.warn(`digest: chat ${run.chatId} blocked the bot (Telegram 403); unsubscribing it`);
        db.finishRun(run.chatId, run.period, 'blocked', options.now().toISOString());
        options.onBlocked(run.chatId);
        report.outcome = 'blocked';
        return report;
      }
      const attempts = db.countAttempt(run.chatId, run.period);
      const reason = error instanceof Error ? error.message : String(error);
      if (attempts >= options.maxAttempts) {
        log.error(`digest: giving up on ${run.period} for chat ${run.chatId} after ${attempts} attempts (part ${part + 1}/${run.parts.length}): ${reason}`);
        db.finishRun(run.chatId, run.period, 'failed', options.now().toISOString());
        report.outcome = 'failed';
      } else {
        log.warn(`digest: sending ${run.period} to chat ${run.chatId} failed (attempt ${attempts}/${options.maxAttempts}), will retry: ${reason}`);
      }
      return report;
    }
  }
  report.outcome = run.parts.length === 0 ? 'empty' : 'sent';
  db.finishRun(run.chatId, run.period, report.outcome, options.now().toISOString());
  return report;
}
