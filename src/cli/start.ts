/**
 * `npm start`: builds the index on first run, then runs the Telegram bot (with a token) or the terminal chat.
 * All wiring is in app.ts; this file only chooses and runs.
 */
import { createInterface } from 'node:readline/promises';
import { currentFactChecker, embedderFor, openQuestionAnswering, startTelegram, type QuestionAnswering } from '../app.ts';
import { QUIT, TerminalChat } from '../chat/terminal.ts';
import type { Config } from '../config.ts';
import { ingestInputs } from '../ingest/index.ts';
import type { Logger } from '../log.ts';
import { IndexStore } from '../store/index.ts';
import { describeOutcome, summarise } from './ingest-report.ts';
import { runCommand } from './run.ts';

/** After SIGINT/SIGTERM, in-flight answers get this long to finish before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

await runCommand('npm start', async (config, log) => {
  const embedder = await embedderFor(config, log);
  if (!(await IndexStore.readManifest(config.indexDir))) {
    log.info(`首次运行：正在从 ${config.corpusDir} 建立索引…`);
    const report = await ingestInputs([config.corpusDir], {
      indexDir: config.indexDir,
      embedder,
      chunk: config.chunk,
      fetch: config.fetch,
      onOutcome: (outcome) => log.info(describeOutcome(outcome)),
    });
    log.info(summarise(report));
  }
  const qa = await openQuestionAnswering(config, log, { embedder });
  if (config.telegram.token) await serveTelegram(config, qa, log);
  else await terminalChat(config, qa, log);
});

async function serveTelegram(config: Config, qa: QuestionAnswering, log: Logger): Promise<void> {
  const running = await startTelegram(config, qa, qa.embedder);
  const { articles, paragraphs } = qa.index.manifest.counts;
  log.info(`考察通 Telegram 机器人已启动（${running.mode === 'polling' ? '长轮询' : 'webhook'}）：${articles} 篇文章、${paragraphs} 个段落。按 Ctrl+C 停止。`);
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      log.info(`bot: ${signal} received, stopping…`);
      // If a handler hangs, do not hang with it; unref so a clean stop exits at once.
      setTimeout(() => process.exit(process.exitCode ?? 0), SHUTDOWN_GRACE_MS).unref();
      running.stop().then(
        () => resolve(),
        (error: unknown) => {
          log.error(`bot: stop failed: ${error instanceof Error ? error.message : String(error)}`);
          resolve();
        },
      );
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  log.info('bot: stopped');
}

/** Terminal chat, for use without a bot token: the same commands and follow-ups as the bot. */
async function terminalChat(config: Config, qa: QuestionAnswering, log: Logger): Promise<void> {
  const { articles, paragraphs } = qa.index.manifest.counts;
  process.stdout.write(
    [
      `考察通 Kaocha — 已载入 ${articles} 篇文章、${paragraphs} 个段落。`,
      '未设置 TELEGRAM_BOT_TOKEN，现在是终端问答模式。',
      '接入 Telegram：向 @BotFather 申请机器人令牌，在 .env 中写入 TELEGRAM_BOT_TOKEN=<令牌>（可选 ALLOWED_CHAT_IDS、ADMIN_USER_IDS），然后重新运行 npm start。',
      '输入问题并回车，例如：湖南省党政代表团去了哪几个省？  /help 查看命令，/quit 退出。',
      '',
    ].join('\n'),
  );
  const chat = new TerminalChat({ knowledge: () => qa, checker: currentFactChecker(() => qa), maxQuestionChars: config.maxQuestionChars });
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  terminal.setPrompt('问> ');
  terminal.prompt();
  for await (const line of terminal) {
    try {
      const reply = await chat.handle(line);
      if (reply === QUIT) break;
      if (reply) process.stdout.write(`\n${reply}\n\n`);
    } catch (error) {
      // A failed question must not end the session.
      log.error(error instanceof Error ? error.message : String(error));
      process.stdout.write('抱歉，这个问题处理出错了，请换个说法再试。\n\n');
    }
    terminal.prompt();
  }
  terminal.close();
}
