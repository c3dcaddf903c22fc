/** Command-line options of `npm run bench`. Parsing is pure so that it can be checked without running anything. */

/** The one error class of the benchmark; messages start with `bench:` like the stages' errors. */
export class BenchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`bench: ${message}`, options);
    this.name = 'BenchError';
  }
}

export interface BenchOptions {
  /** Paragraph targets of the synthetic corpora, ascending (the seed corpus is always measured first). */
  sizes: number[];
  /** Print one JSON document on stdout instead of the markdown report. */
  json: boolean;
  /** Keep the temporary corpus and index directories (their paths are printed). */
  keep: boolean;
  /** Timed passes over the question set, after one untimed warm-up pass. */
  rounds: number;
  /** Index loads per corpus; the median is reported. */
  loads: number;
}

export const DEFAULT_SIZES: readonly number[] = [10_000, 100_000];
export const QUICK_SIZES: readonly number[] = [10_000];
export const DEFAULT_ROUNDS = 3;
export const DEFAULT_LOADS = 3;
/** Above this a synthetic corpus no longer fits the "well under 15 minutes on 2 cores" budget by a wide margin. */
export const MAX_SIZE = 1_000_000;

export const USAGE = 'npm run bench -- [--quick | --sizes 10000,100000] [--rounds 3] [--loads 3] [--json] [--keep]';

/** Parses a paragraph count: `10000`, `10_000` or `10k`. */
function parseSize(raw: string): number {
  const match = /^(\d[\d_]*)(k)?$/i.exec(raw.trim());
  const value = match ? Number(match[1]!.replaceAll('_', '')) * (match[2] ? 1000 : 1) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > MAX_SIZE) {
    throw new BenchError(`--sizes takes paragraph counts between 1 and ${MAX_SIZE} (e.g. 10000,100k), got "${raw}"`);
  }
  return value;
}

function parseCount(flag: string, raw: string | undefined, min: number, max: number): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isInteger(value) || value < min || value > max) {
    throw new BenchError(`${flag} takes an integer between ${min} and ${max}, got "${raw ?? ''}"`);
  }
  return value;
}

/** Parses `process.argv.slice(2)`. Throws `BenchError` for unknown flags and bad values; `--help` yields null. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions | null {
  let sizes: number[] | null = null;
  let quick = false;
  const options: BenchOptions = { sizes: [], json: false, keep: false, rounds: DEFAULT_ROUNDS, loads: DEFAULT_LOADS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--help':
      case '-h':
        return null;
      case '--sizes': {
        const raw = value();
        if (!raw) throw new BenchError('--sizes needs a comma-separated list of paragraph counts');
        sizes = raw.split(',').filter((s) => s.trim() !== '').map(parseSize);
        if (sizes.length === 0) throw new BenchError('--sizes needs at least one paragraph count');
        break;
      }
      case '--quick':
        quick = true;
        break;
      case '--json':
        options.json = true;
        break;
      case '--keep':
        options.keep = true;
        break;
      case '--rounds':
        options.rounds = parseCount('--rounds', value(), 1, 100);
        break;
      case '--loads':
        options.loads = parseCount('--loads', value(), 1, 20);
        break;
      default:
        throw new BenchError(`unknown argument "${arg}"`);
    }
  }
  if (quick && sizes) throw new BenchError('--quick and --sizes both choose the corpus sizes; use one of them');
  options.sizes = [...new Set(sizes ?? (quick ? QUICK_SIZES : DEFAULT_SIZES))].sort((a, b) => a - b);
  return options;
}
