import { createInterface } from 'node:readline/promises';
import { embedderFor, openQuestionAnswering } from '../app.ts';
import { renderAnswerText } from '../answer/index.ts';
import { ingestInputs } from '../ingest/index.ts';
import { IndexStore } from '../store/index.ts';
import { describeOutcome, summarise } from './ingest-report.ts';
import { runCommand } from './run.ts';

const MAX_QUESTION_CHARS = 2000;

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
  const { articles, paragraphs } = qa.index.manifest.counts;

  process.stdout.write(
    [
      `考察通 Kaocha — 已载入 ${articles} 篇文章、${paragraphs} 个段落（嵌入：${embedder.info.id}）。`,
      '未设置 TELEGRAM_BOT_TOKEN，现在是终端问答模式。接入 Telegram：在 .env 中设置 TELEGRAM_BOT_TOKEN 后重新运行 npm start。',
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
        const result = await qa.ask(question.slice(0, MAX_QUESTION_CHARS));
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
});
