/**
 * `npm run digest -- [--since YYYY-MM-DD] [--json]`: prints the digest the bot would send for articles listed
 * since the given day (midnight in DIGEST_DEFAULT_TIMEZONE; default: the last 24 hours), as plain text or as the
 * JSON contract. Reads INDEX_DIR and records listing times in DATA_DIR's state database; sends nothing.
 */
import {
  DigestDatabase,
  DigestError,
  DigestService,
  localDateTime,
  reloadingIndexProvider,
  renderDigestText,
  toDigestJson,
  type DigestRenderer,
  type DigestTransport,
} from '../digest/index.ts';
import { StoreError } from '../store/index.ts';
import { UsageError } from './args.ts';
import { runCommand } from './run.ts';

const USAGE = 'npm run --silent digest -- [--since YYYY-MM-DD] [--json]';
const DAY_MS = 86_400_000;

interface DigestArgs {
  json: boolean;
  /** `YYYY-MM-DD`, or null for the last 24 hours. */
  since: string | null;
}

/** Parses `digest` arguments. Pure; throws `UsageError` on anything else or a date that does not exist. */
function parseDigestArgs(argv: readonly string[]): DigestArgs {
  const args: DigestArgs = { json: false, since: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--since' || arg.startsWith('--since=')) {
      const value = arg.startsWith('--since=') ? arg.slice('--since='.length) : argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError('--since needs a date YYYY-MM-DD');
      args.since = parseDay(value);
    } else throw new UsageError(`unknown argument ${arg}`);
  }
  return args;
}

function parseDay(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--since must be a real date YYYY-MM-DD (e.g. 2026-11-01), got "${value}"`);
  }
  return value;
}

/** The instant local midnight of `day` occurs in `timezone`. */
function midnightIn(day: string, timezone: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // Correct by the zone's offset at that moment; a second pass settles days where the offset changes.
  let guess = utcMidnight;
  for (let pass = 0; pass < 2; pass++) {
    const [datePart, timePart] = localDateTime(new Date(guess), timezone).split(' ');
    const shownAsUtc = Date.parse(`${datePart}T${timePart}:00Z`);
    guess += utcMidnight - shownAsUtc;
  }
  return new Date(guess);
}

/** Nothing is sent from the CLI; a transport that is used would be a bug. */
const noTransport: DigestTransport = {
  send: () => Promise.reject(new DigestError('the digest CLI does not send messages')),
};

/** The CLI only previews (rendered below as text or JSON); planning messages from here would be a bug. */
const noRenderer: DigestRenderer = () => {
  throw new DigestError('the digest CLI does not plan messages');
};

await runCommand(USAGE, async (config, log) => {
  const args = parseDigestArgs(process.argv.slice(2));
  const index = reloadingIndexProvider(config.indexDir, log);
  if (!(await index())) throw new StoreError(`no index in ${config.indexDir} — build it with: npm run ingest -- ${config.corpusDir}`);
  let db: DigestDatabase;
  try {
    db = DigestDatabase.open(config.dataDir);
  } catch (error) {
    // runCommand prints a stack for errors it does not know; a state-file problem deserves one clear line.
    log.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
    return;
  }
  try {
    const service = new DigestService({ db, index, transport: noTransport, render: noRenderer, defaults: config.digest, log });
    const now = new Date();
    const timezone = config.digest.defaultTimezone;
    const since = args.since ? midnightIn(args.since, timezone) : new Date(now.getTime() - DAY_MS);
    const digest = await service.preview({ since, until: now });
    if (args.json) process.stdout.write(`${JSON.stringify(toDigestJson(digest))}\n`);
    else process.stdout.write(`${renderDigestText(digest, { title: `考察通简报 · 自 ${localDateTime(since, timezone)} 起` })}\n`);
  } finally {
    db.close();
  }
});
