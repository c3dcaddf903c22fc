/** Minimal leveled logger writing to stderr, so stdout stays clean for `--json` output; plus secret masking. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** What replaces a secret in output. */
export const MASK = '***';

/**
 * Secrets shorter than this are masked only where they stand as a credential (`Bearer x`, `key=x`), never inside
 * other words: masking every "x" of a one-letter LLM_API_KEY would turn "extractive" into "e***tractive".
 */
export const MIN_SUBSTRING_SECRET_CHARS = 8;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A function that replaces the exact `secrets` in a text with `***`. Secrets of at least
 * `MIN_SUBSTRING_SECRET_CHARS` characters are masked wherever they occur; shorter ones only as a whole token
 * after `Bearer ` or a `key=`/`token: `/`secret=`/`password=`-style label. Empty and undefined entries are ignored.
 */
export function createSecretMasker(secrets: ReadonlyArray<string | undefined | null>): (text: string) => string {
  const distinct = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s !== ''))];
  // Longest first, so a secret containing another is replaced whole.
  const long = distinct.filter((s) => s.length >= MIN_SUBSTRING_SECRET_CHARS).sort((a, b) => b.length - a.length);
  const short = distinct.filter((s) => s.length < MIN_SUBSTRING_SECRET_CHARS);
  const shortPattern =
    short.length === 0
      ? null
      : new RegExp(
          `(\\bBearer\\s+|\\b[\\w-]*(?:key|token|secret|password)["']?\\s*[=:]\\s*["']?)(?:${short.map(escapeRegExp).join('|')})(?![\\w-])`,
          'gi',
        );
  return (text) => {
    let masked = text;
    for (const secret of long) if (masked.includes(secret)) masked = masked.split(secret).join(MASK);
    if (shortPattern) masked = masked.replace(shortPattern, (_m, label: string) => `${label}${MASK}`);
    return masked;
  };
}

/** Creates a logger that drops messages below `level`. `secrets` are masked (see `createSecretMasker`). */
export function createLogger(level: LogLevel, secrets: ReadonlyArray<string | undefined> = [], write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const mask = createSecretMasker(secrets);
  const at = (lineLevel: LogLevel) => (message: string) => {
    if (ORDER[lineLevel] >= ORDER[level]) write(mask(lineLevel === 'info' ? message : `[${lineLevel}] ${message}`));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The part of a writable stream that output masking wraps. */
export interface MaskableStream {
  write: NodeJS.WritableStream['write'];
}

/** Secrets masked on each wrapped stream (a stream is wrapped once; later calls add secrets). */
const maskedStreams = new WeakMap<MaskableStream, Set<string>>();

/**
 * Masks `secrets` in everything written to `streams` (default: stdout and stderr), whoever writes it: libraries
 * print with `console.error` (the OpenAI client dumps unparseable stream chunks that way, echoed `Bearer sk-…`
 * included), which no logger of ours sees. `console.*` writes through these streams, so it is covered too.
 * Call once at start with the configured secrets; calling again adds secrets without wrapping twice.
 */
export function maskProcessOutput(
  secrets: ReadonlyArray<string | undefined | null>,
  streams: readonly MaskableStream[] = [process.stdout, process.stderr],
): void {
  const added = secrets.filter((s): s is string => typeof s === 'string' && s !== '');
  for (const stream of streams) {
    const known = maskedStreams.get(stream);
    if (known) {
      added.forEach((s) => known.add(s));
      continue;
    }
    const own = new Set(added);
    maskedStreams.set(stream, own);
    let masker = createSecretMasker([...own]);
    let maskerSize = own.size;
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (own.size !== maskerSize) {
        masker = createSecretMasker([...own]);
        maskerSize = own.size;
      }
      if (typeof chunk === 'string') return original(masker(chunk), ...rest);
      if (chunk instanceof Uint8Array) {
        const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
        const masked = masker(text);
        // Bytes that hold no secret pass through untouched (they may not even be UTF-8).
        if (masked !== text) {
          const encodingOrCallback = typeof rest[0] === 'string' ? rest.slice(1) : rest;
          return original(masked, 'utf8', ...encodingOrCallback);
        }
      }
      return original(chunk, ...rest);
    }) as NodeJS.WritableStream['write'];
  }
}

/**
 * Node prints an uncaught exception (or unhandled rejection) from native code, past `process.stderr.write`, and an
 * error message may quote a secret (a URL with a token, an echoed key). Installed once at start: such an error is
 * printed through the masked stderr instead, and the process exits with code 1 as Node would have.
 */
export function maskFatalErrors(secrets: ReadonlyArray<string | undefined | null>): void {
  if (process.hasUncaughtExceptionCaptureCallback()) return;
  const mask = createSecretMasker(secrets);
  process.setUncaughtExceptionCaptureCallback((error) => {
    const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    process.stderr.write(`${mask(text)}\n`);
    process.exit(1);
  });
}
