/** Minimal leveled logger writing to stderr, so stdout stays clean for `--json` output. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Creates a logger that drops messages below `level`. `secrets` are masked wherever they appear. */
export function createLogger(level: LogLevel, secrets: string[] = [], write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const mask = (text: string) => secrets.filter(Boolean).reduce((t, s) => t.split(s).join('***'), text);
  const at = (lineLevel: LogLevel) => (message: string) => {
    if (ORDER[lineLevel] >= ORDER[level]) write(mask(lineLevel === 'info' ? message : `[${lineLevel}] ${message}`));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
