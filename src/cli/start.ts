import { createInterface } from 'node:readline/promises';
import { embedderFor, openQuestionAnswering, type QuestionAnswering } from '../app.ts';
import { renderAnswerText } from '../answer/index.ts';
import type { Composer } from 'grammy';
import { createBot, createIndexMaintenance, runBot, type BotContext } from '../bot/index.ts';
import { DIGEST_COMMANDS, DigestDatabase, DigestService, digestCommands, telegramTransport } from '../digest/index.ts';
import { checkCommands, EvidenceFactChecker, type FactChecker } from '../factcheck/index.ts';
import { watchCorpus } from './watch-corpus.ts';
import { readBotNetworkSettings, type Config } from '../config.ts';
import type { Embedder } from '../embed/index.ts';
import { ingestInputs } from '../ingest/index.ts';
import { createLogger, type Logger } from '../log.ts';
import { IndexStore, IndexWatcher } from '../store/index.ts';
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
  if (config.telegram.token) await serveTelegram(config, qa, embedder);
  else await terminalChat(config, qa, log);
});

/** The bot over the index, reloading it when `npm run ingest` (or an upload) commits a new generation. */
async function serveTelegram(config: Config, qa: QuestionAnswering, embedder: Embedder): Promise<void> {
  // Everything from here on may carry the token (grammY errors, URLs): this logger masks it.
  const log = createLogger(config.logLevel, [config.telegram.token!]);
  try {
    const watcher = new IndexWatcher<QuestionAnswering>({
      dir: config.indexDir,
      initial: qa,
      load: () => openQuestionAnswering(config, log, { embedder }),
      generationOf: (current) => current.index.manifest.generation,
      onReload: (next) => {
        const { articles, paragraphs } = next.index.manifest.counts;
        log.info(`bot: index reloaded (generation ${next.index.manifest.generation}: ${articles} articles, ${paragraphs} paragraphs)`);
      },
      onError: (error) => log.warn(`bot: index reload failed, still serving the previous one: ${error instanceof Error ? error.message : String(error)}`),
    }).start();
    // The fact checker and the digest always read the index the watcher currently serves.
    const checker = currentFactChecker(() => watcher.current);
    const digestDb = DigestDatabase.open(config.dataDir);
    let sendDigest: ReturnType<typeof telegramTransport> | undefined;
    const digest = new DigestService({
      db: digestDb,
      index: () => watcher.current.index,
      // The bot (and its api with auto-retry) exists only below; deliveries start after it does.
      transport: { send: (chatId, html) => sendDigest!.send(chatId, html) },
      defaults: config.digest,
      log,
    });
    const extraComposers = [
      checkCommands(checker, { maxClaimChars: config.maxQuestionChars, log }),
      digestCommands<BotContext>(digest, { log }),
    ] as Composer<BotContext>[];
    const network = readBotNetworkSettings();
    const bot = createBot({
      extraComposers,
      retry: { totalBudgetMs: network.retryBudgetMs },
      knowledge: { current: () => watcher.current, reload: () => watcher.check() },
      telegram: config.telegram,
      maxQuestionChars: config.maxQuestionChars,
      log,
      maintenance: createIndexMaintenance({
        indexDir: config.indexDir,
        corpusDir: config.corpusDir,
        embedder,
        chunk: config.chunk,
        fetch: config.fetch,
        uploadMaxBytes: config.telegram.uploadMaxBytes,
      }),
    });
    sendDigest = telegramTransport(bot.api);
    const running = await runBot(bot, {
      telegram: config.telegram,
      log,
      startTimeoutMs: network.startTimeoutMs,
      extraCommands: [{ command: 'check', description: '核查一句话是否与资料相符' }, ...DIGEST_COMMANDS],
    });
    await digest.start();
    const stopCorpusWatch = config.digest.watchCorpus
      ? watchCorpus({ config, embedder, log, onIngested: () => void watcher.check() })
      : () => {};
    const { articles, paragraphs } = qa.index.manifest.counts;
    log.info(`考察通 Telegram 机器人已启动（${running.mode === 'polling' ? '长轮询' : 'webhook'}）：${articles} 篇文章、${paragraphs} 个段落。按 Ctrl+C 停止。`);

    await new Promise<void>((resolve) => {
      const shutdown = (signal: string) => {
        log.info(`bot: ${signal} received, stopping…`);
        // If a handler hangs, do not hang with it; unref so a clean stop exits at once.
        setTimeout(() => process.exit(process.exitCode ?? 0), SHUTDOWN_GRACE_MS).unref();
        watcher.stop();
        stopCorpusWatch();
        Promise.all([digest.stop(), running.stop()])
          .finally(() => digestDb.close())
          .then(() => resolve(), (error: unknown) => {
          log.error(`bot: stop failed: ${error instanceof Error ? error.message : String(error)}`);
          resolve();
        });
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });
    log.info('bot: stopped');
  } catch (error) {
    // Logged through the masking logger: grammY errors can quote request details.
    log.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}

/** A fact checker over whatever index `current()` returns, rebuilt only when the index generation changes. */
function currentFactChecker(current: () => QuestionAnswering): FactChecker {
  let cached: { generation: number; checker: FactChecker } | undefined;
  return {
    check(claim, options) {
      const qa = current();
      const generation = qa.index.manifest.generation;
      if (cached?.generation !== generation) {
        cached = { generation, checker: new EvidenceFactChecker({ retriever: qa.retriever, corpus: qa.index.corpus }) };
      }
      return cached.checker.check(claim, options);
    },
  };
}

/** Terminal chat, for use without a bot token. */
async function terminalChat(config: Config, qa: QuestionAnswering, log: Logger): Promise<void> {
  const { articles, paragraphs } = qa.index.manifest.counts;
  process.stdout.write(
    [
      `考察通 Kaocha — 已载入 ${articles} 篇文章、${paragraphs} 个段落（嵌入：${qa.embedder.info.id}）。`,
      '未设置 TELEGRAM_BOT_TOKEN，现在是终端问答模式。',
      '接入 Telegram：向 @BotFather 申请机器人令牌，在 .env 中写入 TELEGRAM_BOT_TOKEN=<令牌>（可选 ALLOWED_CHAT_IDS、ADMIN_USER_IDS），然后重新运行 npm start。',
      '输入问题并回车，例如：湖南省党政代表团去了哪几个省？  输入 /quit 退出。',
      '',
    ].join('\n'),
  );

  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  terminal.setPrompt('问> ');
  terminal.prompt();
  for await (const line of terminal) {
    const question = line.trim();
    if (question === '/quit' || question === '/exit') break;
    if (question) {
      try {
        const result = await qa.ask(question.slice(0, config.maxQuestionChars));
        process.stdout.write(`\n${renderAnswerText(result.answer)}\n\n`);
      } catch (error) {
        // A failed question must not end the session.
        log.error(error instanceof Error ? error.message : String(error));
        process.stdout.write('抱歉，这个问题处理出错了，请换个说法再试。\n\n');
      }
    }
    terminal.prompt();
  }
  terminal.close();
}
