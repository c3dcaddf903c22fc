/**
 * Builds the grammY bot from injected parts (no environment, no network until it runs): the knowledge source,
 * Telegram settings, a logger and a clock. Middleware order matters:
 *
 *   budgeted retry (API transformer) → per-chat ordering → services → access control → rate limit →
 *   /start, /help, /new → features (ask, sources, admin, inline, then `features`: check, digest, tours, …) →
 *   the catch-all question handler → the catch-all button answer
 *
 * so extra features are protected by access control and rate limiting, and their commands are reached before
 * plain text is treated as a question.
 */
import { Bot, type Middleware } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { sequentialize } from '@grammyjs/runner';
import type { TelegramSettings } from '../config.ts';
import type { Logger } from '../log.ts';
import { isAddressedToBot, isAdmin, isAllowed, type AccessPolicy } from './access.ts';
import { addressedFields, questionComposer, replyTargetOf } from './features/ask.ts';
import { builtinFeatures, helpComposer } from './features/help.ts';
import {
  DEFAULT_BOT_BEHAVIOUR,
  ShortKeyBook,
  type BotBehaviour,
  type BotContext,
  type BotFeature,
  type BotServices,
  type IndexMaintenance,
  type KnowledgeSource,
  type LastAnswer,
} from './context.ts';
import { BotError } from './errors.ts';
import { ConversationMemory } from '../chat/index.ts';
import { TEXT } from './messages.ts';
import { RateLimiter } from './rate-limit.ts';
import { sendHtmlMessages } from './reply.ts';
import { budgetedRetry, DEFAULT_RETRY, type RetryPolicy } from './retry.ts';

export const DEFAULT_API_ROOT = 'https://api.telegram.org';


export interface CreateBotOptions {
  knowledge: KnowledgeSource;
  telegram: TelegramSettings;
  maxQuestionChars: number;
  log: Logger;
  /** Index writes from chat (/reindex, document upload); absent = those commands say so. */
  maintenance?: IndexMaintenance;
  /** Milliseconds clock (tests move time). */
  now?: () => number;
  /** Features mounted after the built-in ones (check, digest, tours), before the catch-all question handler. */
  features?: readonly BotFeature[];
  /** Skip getMe (tests, or a cached value). */
  botInfo?: UserFromGetMe;
  behaviour?: Partial<BotBehaviour>;
  /** Bot API retries (429/5xx/network) within a total budget; chat actions are never retried. */
  retry?: Partial<RetryPolicy>;
}

/** Builds the bot with all middleware installed. Throws `BotError` without a token. */
export function createBot(options: CreateBotOptions): Bot<BotContext> {
  const { telegram, log } = options;
  const token = telegram.token;
  if (!token) throw new BotError('no TELEGRAM_BOT_TOKEN configured');
  const apiRoot = telegram.apiRoot ?? DEFAULT_API_ROOT;
  const bot = new Bot<BotContext>(token, { client: { apiRoot }, botInfo: options.botInfo });
  bot.api.config.use(
    budgetedRetry(
      { ...DEFAULT_RETRY, ...options.retry },
      { onRetry: (method, reason, waitMs, attempt) => log.warn(`bot: ${method} failed (${reason}), retry ${attempt} in ${waitMs} ms`) },
    ),
  );

  const now = options.now ?? Date.now;
  const behaviour = { ...DEFAULT_BOT_BEHAVIOUR, ...options.behaviour };
  const services: BotServices = {
    knowledge: options.knowledge,
    maintenance: options.maintenance,
    telegram,
    maxQuestionChars: options.maxQuestionChars,
    log,
    now,
    startedAt: now(),
    behaviour,
    memory: new ConversationMemory<LastAnswer>({ ttlMs: telegram.followUpTtlMs, now }),
    rateLimiter: new RateLimiter({ limit: telegram.rateLimitPerMinute, now }),
    shortKeys: new ShortKeyBook(),
    downloadFile: (filePath, maxBytes) => downloadFile(apiRoot, token, filePath, maxBytes),
  };

  // Updates of one chat are handled in order (answers must not overtake each other); chats run concurrently.
  bot.use(sequentialize<BotContext>((ctx) => String(ctx.chat?.id ?? ctx.from?.id ?? '')));
  bot.use((ctx, next) => {
    ctx.kaocha = { services, isAdmin: isAdmin(telegram, ctx.from?.id) };
    return next();
  });
  bot.use(accessControl(telegram, behaviour.refusalCooldownMs, now));
  bot.use(rateLimit());

  const features = [...builtinFeatures(), ...(options.features ?? [])];
  bot.use(helpComposer(features));
  for (const feature of features) bot.use(feature.composer);
  bot.use(questionComposer());
  // Forged or outdated button data ("sources:-1", "x") matched nothing above; a real client keeps spinning until
  // the query is answered, so every callback query gets an answer.
  bot.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: TEXT.staleButton }));

  bot.catch(async (error) => {
    const ctx = error.ctx;
    const cause = error.error instanceof Error ? error.error.message : String(error.error);
    log.error(`bot: update ${ctx.update.update_id} failed: ${cause}`);
    // One bad update never stops the bot; the user gets a short apology when there is a chat to send it to.
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: TEXT.apology });
      else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0 });
      else if (ctx.chat && ctx.msg) await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [TEXT.apology]);
    } catch (apologyError) {
      log.warn(`bot: could not apologise for update ${ctx.update.update_id}: ${apologyError instanceof Error ? apologyError.message : String(apologyError)}`);
    }
  });
  return bot;
}

/**
 * Unauthorised chats get one polite refusal (then silence for `cooldownMs`) and nothing else: no answers, no
 * command output. In groups only messages addressed to the bot count, so the bot does not spam a group it was
 * added to by mistake.
 */
function accessControl(policy: AccessPolicy, cooldownMs: number, now: () => number, maxRemembered = MAX_REFUSED_CHATS): Middleware<BotContext> {
  const refusedAt = new RefusalBook(cooldownMs, maxRemembered, now);
  return async (ctx, next) => {
    if (isAllowed(policy, ctx.chat?.id, ctx.from?.id)) return next();
    ctx.kaocha.services.log.info(`bot: refused update ${ctx.update.update_id} from chat ${ctx.chat?.id ?? '-'} user ${ctx.from?.id ?? '-'}`);
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: TEXT.refused, show_alert: true });
      return;
    }
    if (ctx.inlineQuery) {
      await ctx.answerInlineQuery([], { cache_time: 0 });
      return;
    }
    if (!ctx.chat || !ctx.msg || !isAddressedToBot(addressedFields(ctx), ctx.me)) return;
    if (!refusedAt.shouldRefuse(ctx.chat.id)) return;
    await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [TEXT.refused]);
  };
}

/** Most outsider chats remembered for the refusal cooldown; beyond it the oldest are forgotten. */
export const MAX_REFUSED_CHATS = 10_000;

/**
 * When each outsider chat was last refused. Bounded: entries past the cooldown are pruned as new ones arrive, and
 * at most `maxChats` are kept (oldest first out), so a flood of distinct outsiders cannot grow memory.
 */
export class RefusalBook {
  readonly #at = new Map<number, number>();
  constructor(
    private readonly cooldownMs: number,
    private readonly maxChats: number,
    private readonly now: () => number,
  ) {}

  /** True when `chatId` should get a refusal now (and records it). */
  shouldRefuse(chatId: number): boolean {
    const time = this.now();
    const last = this.#at.get(chatId);
    if (last !== undefined && time - last < this.cooldownMs) return false;
    this.#at.delete(chatId);
    this.#at.set(chatId, time);
    // Insertion order is refusal order: expired entries sit at the front.
    for (const [id, at] of this.#at) {
      if (this.#at.size <= this.maxChats && time - at < this.cooldownMs) break;
      this.#at.delete(id);
    }
    return true;
  }

  get size(): number {
    return this.#at.size;
  }
}

/** Counts addressed messages and inline queries per user; button presses are free. */
function rateLimit(): Middleware<BotContext> {
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    const counted = ctx.inlineQuery !== undefined || (ctx.msg !== undefined && ctx.chat !== undefined && !ctx.callbackQuery && isAddressedToBot(addressedFields(ctx), ctx.me));
    if (userId === undefined || !counted) return next();
    const decision = ctx.kaocha.services.rateLimiter.take(userId);
    if (decision.allowed) return next();
    if (ctx.inlineQuery) {
      await ctx.answerInlineQuery([], { cache_time: 0 });
      return;
    }
    if (decision.firstRefusal) {
      await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [TEXT.rateLimited(Math.ceil(decision.retryAfterMs / 1000))]);
    }
  };
}

/** Downloads a Bot API file with a size cap. Errors never include the URL: it contains the token. */
async function downloadFile(apiRoot: string, token: string, filePath: string, maxBytes: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(`${apiRoot}/file/bot${token}/${filePath.split('/').map(encodeURIComponent).join('/')}`);
  } catch (cause) {
    throw new BotError(`file download failed (${cause instanceof Error ? cause.name : 'network error'})`);
  }
  if (!response.ok || !response.body) throw new BotError(`file download failed: HTTP ${response.status}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new BotError(`file is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
