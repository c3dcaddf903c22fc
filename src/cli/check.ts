/**
 * `npm run --silent check -- [--json] "断言"` and `check -- [--json] --file claims.jsonl`: fact-check claims against
 * the index. File lines are `{"id","claim"}`; each yields one JSON object (or an error object) on its own line.
 * A draft — several sentences given as the argument, or a `.txt`/`.md` file — is split into claims and checked
 * sentence by sentence, worst first (with --json: one object per sentence, `id` = its number in the draft).
 */
import { readFile } from 'node:fs/promises';
import { openQuestionAnswering } from '../app.ts';
import { EvidenceFactChecker, checkDraft, renderDraftText, renderFactCheckText, splitDraft, toFactCheckJson, type FactChecker } from '../factcheck/index.ts';
import { UsageError } from './args.ts';
import { runCommand } from './run.ts';

const USAGE = 'npm run --silent check -- [--json] ("断言或一段草稿" | --file claims.jsonl | --file draft.txt|draft.md)';

interface CheckArgs {
  json: boolean;
  file: string | null;
  claim: string;
}

function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const args: CheckArgs = { json: false, file: null, claim: '' };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--file') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError('--file needs a value');
      args.file = value;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else words.push(arg);
  }
  args.claim = words.join(' ').trim();
  if (args.file && args.claim) throw new UsageError('give either --file or a claim, not both');
  if (!args.file && !args.claim) throw new UsageError('no claim given');
  return args;
}

await runCommand(USAGE, async (config, log) => {
  const args = parseCheckArgs(process.argv.slice(2));
  const maxChars = config.maxQuestionChars;
  const isJsonl = args.file !== null && /\.jsonl$/i.test(args.file);
  const draft = isJsonl ? null : args.file ? await readFile(args.file, 'utf8') : splitDraft(args.claim).length > 1 ? args.claim : null;
  if (!args.file && !draft && [...args.claim].length > maxChars) throw new UsageError(`claim is longer than ${maxChars} characters`);
  const qa = await openQuestionAnswering(config, log);
  const checker = new EvidenceFactChecker({ retriever: qa.retriever, corpus: qa.index.corpus });
  const write = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

  if (draft !== null) {
    await checkDraftFile(checker, draft, args.json, write);
    return;
  }

  if (!args.file) {
    const result = await checker.check(args.claim);
    if (args.json) write(toFactCheckJson(null, result));
    else process.stdout.write(`${renderFactCheckText(result)}\n`);
    return;
  }

  const lines = (await readFile(args.file, 'utf8')).split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    let item: { id?: unknown; claim?: unknown };
    try {
      item = JSON.parse(line);
      if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new Error('not an object');
    } catch {
      write({ id: null, line: i + 1, error: 'invalid JSON line' });
      continue;
    }
    const id = item.id === undefined || item.id === null ? null : String(item.id);
    if (typeof item.claim !== 'string' || !item.claim.trim()) {
      write({ id, line: i + 1, error: 'missing "claim"' });
      continue;
    }
    if ([...item.claim].length > maxChars) {
      write({ id, line: i + 1, error: `claim is longer than ${maxChars} characters` });
      continue;
    }
    try {
      const result = await checker.check(item.claim);
      if (args.json) write(toFactCheckJson(id, result));
      else process.stdout.write(`${id ?? i + 1}: ${renderFactCheckText(result)}\n\n`);
    } catch (error) {
      log.warn(`check failed on line ${i + 1}: ${error instanceof Error ? error.message : String(error)}`);
      write({ id, line: i + 1, error: 'check failed' });
    }
  }
});

/** A draft: every sentence checked, worst first (JSON: one object per sentence, `id` = its number in the draft). */
async function checkDraftFile(checker: FactChecker, draft: string, json: boolean, write: (value: unknown) => void): Promise<void> {
  const checked = await checkDraft(checker, draft);
  if (checked.sentences.length === 0) throw new UsageError('the draft has no sentence to check');
  if (json) for (const { index, result } of checked.sentences) write(toFactCheckJson(String(index), result));
  else process.stdout.write(`${renderDraftText(checked)}\n`);
}
