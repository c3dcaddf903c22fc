/**
 * Bot delivery benchmark: the real bot (createBot + runBot, long polling with the runner) against the local Bot
 * API emulator, over a temp index of data/articles built with the built-in embedder. 10 simulated users send
 * 100 seed questions (from ../shared/eval/seed-qa.jsonl, read at run time) at once; we measure message→reply
 * latency (from the update being queued to the answer arriving at the emulator) and check none is lost.
 *
 *   npm run bench:bot [-- --users 10 --questions 100 --json]
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openQuestionAnswering } from '../src/app.ts';
import { createBot, runBot } from '../src/bot/index.ts';
import { parseConfig } from '../src/config.ts';
import { HashedNgramEmbedder } from '../src/embed/index.ts';
import { ingestInputs } from '../src/ingest/index.ts';
import { createLogger } from '../src/log.ts';
import { TelegramEmulator, type EmulatedChat, type EmulatedUser } from '../tests/helpers/telegram-emulator.ts';
import { summarise } from './bench/stats.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEED_QA = path.resolve(ROOT, '../shared/eval/seed-qa.jsonl');
const TOKEN = '123456:BENCH-token';
const REPLY_TIMEOUT_MS = 120_000;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const users = option('users', 10);
const total = option('questions', 100);
const json = process.argv.includes('--json');

const seedQuestions = (await fs.readFile(SEED_QA, 'utf8'))
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { question: string }).question);
if (seedQuestions.length === 0) throw new Error(`no questions in ${SEED_QA}`);

const indexDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaocha-bench-bot-'));
const emulator = await TelegramEmulator.start({ token: TOKEN });
try {
  const config = parseConfig(
    { INDEX_DIR: indexDir, EMBEDDING_OFFLINE: '1', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, RATE_LIMIT_PER_MINUTE: '10000' },
    ROOT,
  );
  const log = createLogger('warn', [TOKEN]);
  const embedder = new HashedNgramEmbedder();
  await ingestInputs([config.corpusDir], { indexDir, embedder, chunk: config.chunk, fetch: config.fetch });
  const qa = await openQuestionAnswering(config, log, { embedder });
  const bot = createBot({ knowledge: { current: () => qa, reload: async () => false }, telegram: config.telegram, maxQuestionChars: config.maxQuestionChars, log });
  const running = await runBot(bot, { telegram: config.telegram, log, pollTimeoutSeconds: 1 });

  const people = Array.from({ length: users }, (_, i): { user: EmulatedUser; chat: EmulatedChat } => ({
    user: { id: 20_000 + i, first_name: `用户${i}` },
    chat: { id: 20_000 + i, type: 'private' },
  }));
  const sentAt = new Map<number, number[]>();
  const started = performance.now();
  for (let q = 0; q < total; q++) {
    const { user, chat } = people[q % users]!;
    emulator.sendText(chat, user, seedQuestions[q % seedQuestions.length]!);
    sentAt.set(chat.id, [...(sentAt.get(chat.id) ?? []), performance.now()]);
  }
  // Each answer is one message here (seed answers are short); per chat, answers come in question order.
  const expected = (chatId: number) => sentAt.get(chatId)!.length;
  await emulator
    .waitFor(() => people.every(({ chat }) => emulator.messagesTo(chat.id).length >= expected(chat.id)), REPLY_TIMEOUT_MS, 'all replies')
    .catch(() => undefined);
  const wall = performance.now() - started;
  const latencies: number[] = [];
  let received = 0;
  for (const { chat } of people) {
    const replies = emulator.messagesTo(chat.id);
    received += Math.min(replies.length, expected(chat.id));
    sentAt.get(chat.id)!.forEach((at, i) => {
      if (replies[i]) latencies.push(replies[i]!.at - at);
    });
  }
  await running.stop();
  const cited = emulator.messages.filter((m) => /\[\d+\]/.test(m.text)).length;
  const summary = summarise(latencies);
  const result = {
    users,
    questions: total,
    received,
    lost: total - received,
    rejectedByEmulator: emulator.rejections.length,
    withCitations: cited,
    latencyMs: { p50: round(summary.p50), p95: round(summary.p95), max: round(summary.max), mean: round(summary.mean) },
    wallMs: round(wall),
    throughputPerSecond: round((received / wall) * 1000),
    embedder: embedder.info.id,
    cpus: os.cpus().length,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    const rows: Array<[string, string]> = [
      ['users × questions', `${users} × ${total / users}`],
      ['replies received', `${received}/${total} (lost ${result.lost})`],
      ['rejected by emulator', String(result.rejectedByEmulator)],
      ['answers with [n]', String(cited)],
      ['latency p50', `${result.latencyMs.p50} ms`],
      ['latency p95', `${result.latencyMs.p95} ms`],
      ['latency max', `${result.latencyMs.max} ms`],
      ['wall time', `${result.wallMs} ms (${result.throughputPerSecond} replies/s)`],
      ['embedder', result.embedder],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(`${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`);
  }
  if (result.lost > 0 || result.rejectedByEmulator > 0) process.exitCode = 1;
} finally {
  await emulator.close();
  await fs.rm(indexDir, { recursive: true, force: true });
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
