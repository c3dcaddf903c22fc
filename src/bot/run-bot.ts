/**
 * Runs a built bot: long polling with @grammyjs/runner (concurrent across chats, ordered within a chat by the
 * `sequentialize` middleware in create-bot.ts), or webhook mode behind node:http with Telegram's secret-token
 * check. Registers the Chinese command list (tolerating failure) and stops cleanly on request.
 */
import http from 'node:http';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { webhookCallback, type Bot } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { TelegramSettings } from '../config.ts';
import type { Logger } from '../log.ts';
import type { BotContext } from './context.ts';

/** The command menu users see, in Chinese. */
export const BOT_COMMANDS: readonly BotCommand[] = [
  { command: 'ask', description: '提问（群聊中使用）' },
  { command: 'sources', description: '已收录的文章' },
  { command: 'source', description: '查看上一个回答的第 n 条出处' },
  { command: 'new', description: '开始新话题' },
  { command: 'help', description: '使用说明' },
  { command: 'stats', description: '索引状态（管理员）' },
  { command: 'reindex', description: '重建索引（管理员）' },
];

/** Update kinds the bot handles; others are not even delivered. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

export interface RunBotOptions {
  telegram: TelegramSettings;
  log: Logger;
  /** Extra commands from mounted features (e.g. /check), appended to the menu. */
  extraCommands?: readonly BotCommand[];
  /** Long-polling timeout (s) passed to getUpdates. */
  pollTimeoutSeconds?: number;
}

export interface RunningBot {
  /** 'polling' or 'webhook'. */
  readonly mode: 'polling' | 'webhook';
  /** Stops fetching updates, lets in-flight handlers finish, closes the webhook server. */
  stop(): Promise<void>;
}

export const DEFAULT_POLL_TIMEOUT_SECONDS = 30;

/** Starts the bot (getMe, command menu, then polling or webhook) and returns a handle to stop it. */
export async function runBot(bot: Bot<BotContext>, options: RunBotOptions): Promise<RunningBot> {
  const { telegram, log } = options;
  await bot.init();
  log.info(`bot: @${bot.botInfo.username} (id ${bot.botInfo.id}) connected`);
  try {
    await bot.api.setMyCommands([...BOT_COMMANDS, ...(options.extraCommands ?? [])]);
  } catch (error) {
    // The menu is a convenience; a server without setMyCommands must not stop the bot.
    log.warn(`bot: setMyCommands failed (ignored): ${error instanceof Error ? error.message : String(error)}`);
  }
  return telegram.webhookUrl ? startWebhook(bot, telegram, log) : startPolling(bot, options);
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
  options.log.info('bot: long polling started');
  return {
    mode: 'polling',
    async stop() {
      if (handle.isRunning()) await handle.stop();
    },
  };
}

async function startWebhook(bot: Bot<BotContext>, telegram: TelegramSettings, log: Logger): Promise<RunningBot> {
  const url = new URL(telegram.webhookUrl!);
  const handleUpdate = webhookCallback(bot, 'http', { secretToken: telegram.webhookSecret });
  const server = http.createServer((request, response) => {
    if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://localhost').pathname !== url.pathname) {
      response.writeHead(404).end();
      return;
    }
    handleUpdate(request, response).catch((error: unknown) => {
      log.error(`bot: webhook update failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(telegram.port, resolve);
  });
  await bot.api.setWebhook(url.href, { secret_token: telegram.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
  log.info(`bot: webhook listening on port ${telegram.port} for ${url.pathname}`);
  return {
    mode: 'webhook',
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
