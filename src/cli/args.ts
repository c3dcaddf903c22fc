import type { RetrievalMode } from '../retrieve/index.ts';

/** Thrown for command-line mistakes; the runner prints the message and the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface AskArgs {
  json: boolean;
  file: string | null;
  mode: RetrievalMode;
  question: string;
}

export interface IngestArgs {
  rebuild: boolean;
  remove: string[];
  inputs: string[];
}

const MODES: readonly RetrievalMode[] = ['hybrid', 'dense', 'lexical'];

/** Parses `ask` arguments: `[--json] [--file q.jsonl] [--mode hybrid|dense|lexical] [问题…]`. Pure. */
export function parseAskArgs(argv: readonly string[]): AskArgs {
  const args: AskArgs = { json: false, file: null, mode: 'hybrid', question: '' };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--file') args.file = requireValue(argv, ++i, '--file');
    else if (arg === '--mode') {
      const mode = requireValue(argv, ++i, '--mode');
      if (!(MODES as readonly string[]).includes(mode)) throw new UsageError(`--mode must be one of ${MODES.join(', ')}`);
      args.mode = mode as RetrievalMode;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else words.push(arg);
  }
  args.question = words.join(' ').trim();
  if (args.file && args.question) throw new UsageError('give either --file or a question, not both');
  if (!args.file && !args.question) throw new UsageError('no question given');
  return args;
}

/** Parses `ingest` arguments: `[--rebuild] [--remove <docId>]… [path-or-url…]`. Pure. */
export function parseIngestArgs(argv: readonly string[]): IngestArgs {
  const args: IngestArgs = { rebuild: false, remove: [], inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--rebuild') args.rebuild = true;
    else if (arg === '--remove') args.remove.push(requireValue(argv, ++i, '--remove'));
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else args.inputs.push(arg);
  }
  return args;
}

function requireValue(argv: readonly string[], index: number, option: string): string {
  const value = argv[index];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${option} needs a value`);
  return value;
}
