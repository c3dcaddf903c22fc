import { ConfigError, loadConfig, type Config } from '../config.ts';
import { createLogger, maskFatalErrors, maskProcessOutput, type Logger } from '../log.ts';
import { UsageError } from './args.ts';

/**
 * Runs a CLI command with config and logger, turning known failures into one clear line on stderr and a non-zero
 * exit code instead of a stack trace.
 */
export async function runCommand(usage: string, command: (config: Config, log: Logger) => Promise<void>): Promise<void> {
  let log = createLogger('info');
  try {
    const config = loadConfig();
    // Secrets are masked in every line written to stdout or stderr, whoever writes it (our logger, a library's
    // console.error).
    const secrets = [config.llm.apiKey, config.telegram.token, config.telegram.webhookSecret];
    maskProcessOutput(secrets);
    maskFatalErrors(secrets);
    log = createLogger(config.logLevel, secrets);
    await command(config, log);
  } catch (error) {
    if (error instanceof UsageError) {
      log.error(`${error.message}\nusage: ${usage}`);
      process.exitCode = 2;
    } else if (error instanceof ConfigError || (error instanceof Error && /^(index|ingest|embed|text|retrieve|answer|cli|factcheck|digest|bot): /.test(error.message))) {
      log.error(error.message);
      process.exitCode = 1;
    } else {
      log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    }
  }
}
