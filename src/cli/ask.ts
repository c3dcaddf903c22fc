import { readFile } from 'node:fs/promises';
import { openQuestionAnswering } from '../app.ts';
import { renderAnswerText } from '../answer/index.ts';
import { parseAskArgs } from './args.ts';
import { toAskJson } from './ask-output.ts';
import { runCommand } from './run.ts';

const USAGE = 'npm run --silent ask -- [--json] [--mode hybrid|dense|lexical] ("问题" | --file questions.jsonl)';

/** Questions longer than this are refused: nobody types them, and they would only slow retrieval down. */
const MAX_QUESTION_CHARS = 2000;

await runCommand(USAGE, async (config, log) => {
  const args = parseAskArgs(process.argv.slice(2));
  const qa = await openQuestionAnswering(config, log, { mode: args.mode });

  const askOne = async (id: string | null, question: string) => {
    const result = await qa.ask(question.slice(0, MAX_QUESTION_CHARS));
    return toAskJson(id, result.answer, result.retrieved, qa.index.corpus, result.timings);
  };

  if (!args.file) {
    const result = await qa.ask(args.question.slice(0, MAX_QUESTION_CHARS));
    if (args.json) {
      process.stdout.write(`${JSON.stringify(toAskJson(null, result.answer, result.retrieved, qa.index.corpus, result.timings))}\n`);
    } else {
      process.stdout.write(`${renderAnswerText(result.answer)}\n`);
    }
    return;
  }

  const lines = (await readFile(args.file, 'utf8')).split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    let item: { id?: unknown; question?: unknown };
    try {
      item = JSON.parse(line);
    } catch {
      process.stdout.write(`${JSON.stringify({ id: null, line: i + 1, error: 'invalid JSON line' })}\n`);
      continue;
    }
    const id = item.id === undefined || item.id === null ? null : String(item.id);
    if (typeof item.question !== 'string' || !item.question.trim()) {
      process.stdout.write(`${JSON.stringify({ id, line: i + 1, error: 'missing "question"' })}\n`);
      continue;
    }
    const json = await askOne(id, item.question);
    if (args.json) process.stdout.write(`${JSON.stringify(json)}\n`);
    else process.stdout.write(`${id ?? i + 1}: ${item.question}\n${json.answer}\n\n`);
  }
});
