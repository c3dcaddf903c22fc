/**
 * Child process for the crash test (not a test file): plans and sends the due digest, and SIGKILLs itself when
 * the transport is asked for send number KILL_ON — after the earlier parts were confirmed and committed, before
 * that part reaches "Telegram". Every confirmed send is appended (fsynced) to SENT_FILE first.
 */
import fs from 'node:fs';
import { DigestDatabase, DigestService, type DigestTransport } from '../../src/digest/index.ts';
import { IndexStore } from '../../src/store/index.ts';
import { FakeClock } from './fixtures.ts';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`crash-child: ${name} is required`);
  return value;
};

const killOn = Number(env('KILL_ON'));
let sends = 0;
const transport: DigestTransport = {
  async send(_chatId, html) {
    sends += 1;
    if (sends === killOn) process.kill(process.pid, 'SIGKILL');
    const fd = fs.openSync(env('SENT_FILE'), 'a');
    fs.writeSync(fd, `${JSON.stringify(html)}\n`);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    return { messageId: sends };
  },
};

const index = await IndexStore.open(env('INDEX_DIR'));
const service = new DigestService({
  db: DigestDatabase.open(env('DATA_DIR')),
  index: () => index,
  transport,
  clock: new FakeClock(env('NOW')),
  defaults: { defaultTime: '08:00', defaultTimezone: 'Asia/Shanghai' },
  messageLimit: Number(env('MESSAGE_LIMIT')),
});
await service.runDue();
