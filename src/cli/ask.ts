import { readFile } from 'node:fs/promises';
import { openQuestionAnswering } from '../app.ts';
import { renderAnswerText } from '../answer/index.ts';
import { ConversationMemory, resolveFollowUp, turnAfter } from '../chat/index.ts';
import { parseAskArgs, UsageError } from './args.ts';
import { toAskJson } from './ask-output.ts';
import { runCommand } from './run.ts';

const USAGE = 'npm run --silent ask -- [--json] [--mode hybrid|dense|lexical] ("问题" | --file questions.jsonl)';

await runCommand(USAGE, async (config, log) => {
  const args = parseAskArgs(process.argv.slice(2));
  // Read the questions before loading the index, so a wrong path fails fast with one clear line.
  const lines = args.file ? await readQuestionsFile(args.file) : [];
  const tooLong = (question: string) => question.length > config.maxQuestionChars;
  if (!args.file && tooLong(args.question)) {
    throw new UsageError(`the question has ${args.question.length} characters; the limit is ${config.maxQuestionChars} (MAX_QUESTION_CHARS)`);
  }
  const qa = await openQuestionAnswering(config, log, { mode: args.mode });

  // Lines sharing a "chat" id are one conversation, in file order, read with the bot's follow-up logic.
  const chats = new ConversationMemory<null>({ ttlMs: Number.MAX_SAFE_INTEGER, maxChats: 100_000 });
  const askOne = async (id: string | null, question: string, chat: string | null) => {
    const resolved = chat === null ? { question, rewritten: false } : resolveFollowUp(question, chats.get(chat)?.turn);
    const result = await qa.ask(resolved.question, { near: resolved.near });
    if (chat !== null) chats.set(chat, turnAfter(result.understood, result.answer), null);
    return { ...toAskJson(id, result.answer, result.retrieved, qa.index.corpus, result.timings), question, understood: result.understood };
  };

  if (!args.file) {
    const result = await qa.ask(args.question);
    if (args.json) {
      process.stdout.write(`${JSON.stringify(toAskJson(null, result.answer, result.retrieved, qa.index.corpus, result.timings))}\n`);
    } else {
      process.stdout.write(`${renderAnswerText(result.answer)}\n`);
    }
    return;
  }

  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch {
      process.stdout.write(`${JSON.stringify({ id: null, line: i + 1, error: 'invalid JSON line' })}\n`);
      continue;
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      process.stdout.write(`${JSON.stringify({ id: null, line: i + 1, error: 'line is not a JSON object' })}\n`);
      continue;
    }
    const { id: rawId, question, chat: rawChat } = item as { id?: unknown; question?: unknown; chat?: unknown };
    const id = rawId === undefined || rawId === null ? null : String(rawId);
    const chat = rawChat === undefined || rawChat === null ? null : String(rawChat);
    if (typeof question !== 'string' || !question.trim()) {
      process.stdout.write(`${JSON.stringify({ id, line: i + 1, error: 'missing "question"' })}\n`);
      continue;
    }
    if (tooLong(question)) {
      process.stdout.write(`${JSON.stringify({ id, line: i + 1, error: `question longer than ${config.maxQuestionChars} characters` })}\n`);
      continue;
    }
    const json = await askOne(id, question, chat);
    if (args.json) process.stdout.write(`${JSON.stringify(json)}\n`);
    else process.stdout.write(`${id ?? i + 1}: ${question}\n${json.answer}\n\n`);
  }
});

/** The lines of a questions file; a missing or unreadable file is a usage error, not a crash. */
async function readQuestionsFile(file: string): Promise<string[]> {
  try {
    return (await readFile(file, 'utf8')).split(/\r?\n/);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`cli: cannot read --file ${file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`);
  }
}
