/**
 * Runs a built bot: long polling with @grammyjs/runner (concurrent across chats, ordered within a chat by the
 * `sequentialize` middleware in create-bot.ts), or webhook mode behind node:http with Telegram's secret-token
 * check (updates acknowledged on receipt, handled in the background, awaited on stop). Registers the Chinese
 * command list (tolerating failure) and stops cleanly on request.
 */
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { GrammyError, HttpError, type Bot } from 'grammy';
import type { BotCommand, Update } from 'grammy/types';
import type { TelegramSettings } from '../config.ts';
import type { Logger } from '../log.ts';
import type { BotContext, BotFeature } from './context.ts';
import { BotError } from './errors.ts';

/** The command menu everyone sees, in Chinese (features add theirs after these). */
export const BOT_COMMANDS: readonly BotCommand[] = [
  { command: 'help', description: '使用说明和示例' },
  { command: 'ask', description: '提问（群聊中使用）' },
  { command: 'sources', description: '已收录的文章' },
  { command: 'source', description: '查看上一个回答的第 n 条出处' },
  { command: 'new', description: '开始新话题' },
];

/** Commands only admins see (in a menu scoped to each admin's private chat). */
export const ADMIN_BOT_COMMANDS: readonly BotCommand[] = [
  { command: 'stats', description: '索引状态（管理员）' },
  { command: 'reindex', description: '重建索引（管理员）' },
];

/** The menus: everyone's, and the admins' (everyone's plus the admin commands). */
export function commandMenus(features: readonly BotFeature[]): { everyone: BotCommand[]; admins: BotCommand[] } {
  const everyone = [...BOT_COMMANDS, ...features.flatMap((f) => f.commands ?? [])];
  const admins = [...everyone, ...ADMIN_BOT_COMMANDS, ...features.flatMap((f) => f.adminCommands ?? [])];
  return { everyone, admins };
}

/** Update kinds the bot handles; others are not even delivered. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

export interface RunBotOptions {
  telegram: TelegramSettings;
  log: Logger;
  /** The features passed to createBot (their commands join the menus). */
  features?: readonly BotFeature[];
  /** Long-polling timeout (s) passed to getUpdates. */
  pollTimeoutSeconds?: number;
  /** Interface the webhook server binds to; undefined = all (Telegram reaches it through a proxy or directly). */
  webhookHost?: string;
  /** Largest webhook request body accepted (413 above it). */
  webhookMaxBodyBytes?: number;
  /** Give up connecting to the Bot API at start after this long (ms); each failed attempt is logged. */
  startTimeoutMs?: number;
  /** Webhook update ids remembered to drop redeliveries. */
  webhookRecentIds?: number;
  /** Sleeps between start attempts (tests shorten it). */
  sleep?: (ms: number) => Promise<void>;
}

export interface RunningBot {
  /** 'polling' or 'webhook'. */
  readonly mode: 'polling' | 'webhook';
  /** Stops fetching updates, lets in-flight handlers finish, closes the webhook server. */
  stop(): Promise<void>;
}

export const DEFAULT_POLL_TIMEOUT_SECONDS = 30;

/** Updates are a few kilobytes; anything near a megabyte is not from Telegram. */
export const DEFAULT_WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

export const DEFAULT_START_TIMEOUT_MS = 120_000;
/** Start attempts back off from 1 s, doubling, to at most this. */
const MAX_START_BACKOFF_MS = 15_000;
export const DEFAULT_WEBHOOK_RECENT_IDS = 2_000;

/** A short reason for a failed Bot API call, without the request URL (it holds the token). */
function failureReason(error: unknown): string {
  if (error instanceof GrammyError) return `HTTP ${error.error_code}: ${error.description}`;
  if (error instanceof HttpError) {
    // The inner error's message quotes the request URL, which contains the token: report only its code.
    const inner = error.error as { code?: string; cause?: { code?: string } } | undefined;
    const code = inner?.code ?? inner?.cause?.code;
    return code ? `network error: ${code}` : 'network error';
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * getMe with retries: an unreachable Bot API (network down, 5xx, 429) is retried with a logged reason each time,
 * and after `timeoutMs` the start fails with a clear message; a refused token fails at once.
 */
async function connect(bot: Bot<BotContext>, options: RunBotOptions): Promise<void> {
  const { log, telegram } = options;
  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = Date.now();
  let backoff = 1_000;
  for (let attempt = 1; ; attempt++) {
    try {
      // Not bot.init(): it retries network errors forever, silently.
      if (!bot.isInited()) bot.botInfo = await bot.api.getMe();
      return;
    } catch (error) {
      const reason = failureReason(error);
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        throw new BotError(`Telegram 拒绝了 TELEGRAM_BOT_TOKEN（${reason}），请检查令牌。`, { cause: error });
      }
      const elapsed = Date.now() - started;
      const wait = Math.min(backoff, Math.max(0, timeoutMs - elapsed));
      if (elapsed >= timeoutMs || wait <= 0) {
        throw new BotError(
          `无法连接 Telegram Bot API（${telegram.apiRoot ?? 'https://api.telegram.org'}）：${Math.round(elapsed / 1000)} 秒内尝试 ${attempt} 次均失败（最后一次：${reason}）。请检查网络、代理或 TELEGRAM_API_ROOT 后重试。`,
          { cause: error },
        );
      }
      log.warn(`bot: 连接 Telegram Bot API 失败（第 ${attempt} 次：${reason}），${(wait / 1000).toFixed(1)} 秒后重试`);
      await sleep(wait);
      backoff = Math.min(backoff * 2, MAX_START_BACKOFF_MS);
    }
  }
}

/** A bounded set of recently seen update ids (a redelivered webhook update is answered once). */
export class RecentIds {
  readonly #ids = new Set<number>();
  constructor(private readonly max: number) {}

  /** True the first time `id` is seen; false for a repeat. */
  add(id: number): boolean {
    if (this.#ids.has(id)) return false;
    this.#ids.add(id);
    if (this.#ids.size > this.max) this.#ids.delete(this.#ids.values().next().value as number);
    return true;
  }

  get size(): number {
    return this.#ids.size;
  }
}

/** Starts the bot (getMe, command menu, then polling or webhook) and returns a handle to stop it. */
export async function runBot(bot: Bot<BotContext>, options: RunBotOptions): Promise<RunningBot> {
  const { telegram, log } = options;
  await connect(bot, options);
  log.debug(`bot: @${bot.botInfo.username} (id ${bot.botInfo.id}) connected`);
  const menus = commandMenus(options.features ?? []);
  try {
    await bot.api.setMyCommands(menus.everyone);
    // Admin commands only in admins' own chats: a scope per admin (a private chat's id is the user's id).
    for (const adminId of telegram.adminUserIds) {
      await bot.api.setMyCommands(menus.admins, { scope: { type: 'chat', chat_id: adminId } });
    }
  } catch (error) {
    // The menu is a convenience; a server without setMyCommands must not stop the bot.
    log.warn(`bot: setMyCommands failed (ignored): ${error instanceof Error ? error.message : String(error)}`);
  }
  return telegram.webhookUrl ? startWebhook(bot, options) : startPolling(bot, options);
}

async function startPolling(bot: Bot<BotContext>, options: RunBotOptions): Promise<RunningBot> {
  // A webhook left over from an earlier deployment would make getUpdates fail.
  await bot.api.deleteWebhook();
  const handle: RunnerHandle = run(bot, {
    runner: {
      fetch: { timeout: options.pollTimeoutSeconds ?? DEFAULT_POLL_TIMEOUT_SECONDS, allowed_updates: [...ALLOWED_UPDATES] },
      silent: true,
    },
  });
  options.log.debug('bot: long polling started');
  return {
    mode: 'polling',
    async stop() {
      if (handle.isRunning()) await handle.stop();
    },
  };
}

/** Telegram sends the secret token in this header; node:http lower-cases header names. */
const SECRET_TOKEN_HEADER = 'x-telegram-bot-api-secret-token';

async function startWebhook(bot: Bot<BotContext>, options: RunBotOptions): Promise<RunningBot> {
  const { telegram, log } = options;
  const url = new URL(telegram.webhookUrl!);
  const maxBodyBytes = options.webhookMaxBodyBytes ?? DEFAULT_WEBHOOK_MAX_BODY_BYTES;
  const inFlight = new Set<Promise<void>>();
  const seen = new RecentIds(options.webhookRecentIds ?? DEFAULT_WEBHOOK_RECENT_IDS);

  // Not grammY's webhookCallback: it answers only once the update is handled and turns its 10 s timeout into an
  // error (a 500 here), so Telegram redelivers a slow question (LLM answers, 429 back-off) and the user gets it
  // twice. Instead an update is acknowledged as soon as it is read, like the runner confirms polled updates;
  // per-chat order still holds because handling starts in arrival order under `sequentialize`.
  const server = http.createServer((request, response) => {
    const reply = (status: number) => response.writeHead(status).end();
    if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://localhost').pathname !== url.pathname) {
      request.resume();
      reply(404);
      return;
    }
    if (!secretMatches(request.headers[SECRET_TOKEN_HEADER], telegram.webhookSecret)) {
      log.warn(`bot: webhook request without the right secret token from ${request.socket.remoteAddress ?? '?'} refused`);
      request.resume();
      reply(401);
      return;
    }
    readUpdate(request, maxBodyBytes).then(
      (read) => {
        if (!read.ok) {
          log.warn(`bot: webhook request refused: ${read.why}`);
          reply(read.status);
          return;
        }
        reply(200);
        const updateId = read.update.update_id;
        // Telegram (or a proxy) may post the same update again; it was acknowledged, so answer it only once.
        if (!seen.add(updateId)) {
          log.debug(`bot: webhook update ${updateId} seen before, ignored`);
          return;
        }
        const handling = bot
          .handleUpdate(read.update)
          .catch((error: unknown) => {
            log.error(`bot: webhook update ${updateId} failed: ${error instanceof Error ? error.message : String(error)}`);
          })
          .finally(() => inFlight.delete(handling));
        inFlight.add(handling);
      },
      (error: unknown) => {
        // The body stream failed (usually the client went away mid-body); answer if the socket still takes it.
        log.warn(`bot: webhook request aborted: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent) reply(400);
      },
    );
  });

  const host = options.webhookHost;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(telegram.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  try {
    await bot.api.setWebhook(url.href, { secret_token: telegram.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
  } catch (error) {
    // Without a registered webhook nothing will arrive; do not leave the port bound behind a failed start.
    await close();
    throw error;
  }
  log.debug(`bot: webhook listening on ${host ?? 'all interfaces'} port ${telegram.port} for ${url.pathname}`);
  let stopping: Promise<void> | undefined;
  return {
    mode: 'webhook',
    stop() {
      stopping ??= (async () => {
        await close();
        await Promise.all(inFlight);
      })();
      return stopping;
    },
  };
}

/** Compares the header with the configured secret in constant time; no secret configured accepts everything. */
function secretMatches(header: string | string[] | undefined, secret: string | undefined): boolean {
  if (secret === undefined) return true;
  const given = Buffer.from((Array.isArray(header) ? header[0] : header) ?? '', 'utf8');
  const expected = Buffer.from(secret, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

type ReadUpdate = { ok: true; update: Update } | { ok: false; status: 400 | 413; why: string };

/** Reads and checks one Update body; a body that is too large or not an Update is refused, never thrown. */
async function readUpdate(request: http.IncomingMessage, maxBytes: number): Promise<ReadUpdate> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even past the limit, so the 413 reaches a client that is still sending.
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  if (size > maxBytes) return { ok: false, status: 413, why: `body of ${size} bytes exceeds ${maxBytes}` };
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return { ok: false, status: 400, why: `body is not JSON (${size} bytes)` };
  }
  const isUpdate =
    typeof body === 'object' && body !== null && !Array.isArray(body) && Number.isSafeInteger((body as Partial<Update>).update_id);
  if (!isUpdate) {
    return { ok: false, status: 400, why: 'body is not a Telegram update (no update_id)' };
  }
  return { ok: true, update: body as Update };
}
