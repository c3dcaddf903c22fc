/**
 * Child process for the crash tests (not a test file): plans and sends the due digests, and SIGKILLs itself when
 * the transport is asked for send number KILL_ON (before that part reaches "Telegram"), or right after send number
 * KILL_AFTER reached it (Telegram accepted it, the ledger row is not yet committed: the worst moment). Every send
 * that reaches "Telegram" is appended (fsynced) to SENT_FILE as `{"chatId","html"}` first.
 */
import fs from 'node:fs';
import { renderDigestHtml } from '../../src/bot/index.ts';
import { DigestDatabase, DigestService, type DigestTransport } from '../../src/digest/index.ts';
import { IndexStore } from '../../src/store/index.ts';
import { FakeClock } from './fixtures.ts';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`crash-child: ${name} is required`);
  return value;
};

const killOn = Number(process.env.KILL_ON ?? 0);
const killAfter = Number(process.env.KILL_AFTER ?? 0);
let sends = 0;
const transport: DigestTransport = {
  async send(chatId, html) {
    sends += 1;
    if (sends === killOn) process.kill(process.pid, 'SIGKILL');
    const fd = fs.openSync(env('SENT_FILE'), 'a');
    fs.writeSync(fd, `${JSON.stringify({ chatId, html })}\n`);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    if (sends === killAfter) process.kill(process.pid, 'SIGKILL');
    return { messageId: sends };
  },
};

const index = await IndexStore.open(env('INDEX_DIR'));
const service = new DigestService({
  db: DigestDatabase.open(env('DATA_DIR')),
  index: () => index,
  transport,
  render: renderDigestHtml,
  clock: new FakeClock(env('NOW')),
  defaults: { defaultTime: '08:00', defaultTimezone: 'Asia/Shanghai' },
  messageLimit: Number(env('MESSAGE_LIMIT')),
});
await service.runDue();
